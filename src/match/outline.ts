import {memo} from '../model/memo.js'
import {type HeadingPattern, headingPattern, placeholder} from '../schema/pattern.js'
import type {FieldSpec, Schema, SectionSpec} from '../schema/types.js'
import type {Field} from '../model/fields.js'
import {headingField} from '../model/block-fields.js'
import {type Model, type Section, ownFields} from '../model/model.js'
import {normalizeLabel, wildcardMatch, withoutQualifier} from '../text/text.js'

/** Which document sections stand for which schema sections (and, below, which fields for which fields). */
export interface Outline {
  /** Sections matched to each spec, in document order. */
  sections(spec: SectionSpec): Section[]
  /** The spec a section was matched to. */
  spec(section: Section): SectionSpec | undefined
}

/** Match the model's sections to the schema (the rules share one per file and schema: see `rules/file-context.ts`). */
export function matchOutline(model: Model, schema: Schema): Outline {
  const bySpec = new Map<SectionSpec, Section[]>()
  const bySection = new Map<Section, SectionSpec>()

  match(schema.sections, model.sections)

  return {
    sections: (spec) => bySpec.get(spec) ?? [],
    spec: (section) => bySection.get(section)
  }

  function match(specs: readonly SectionSpec[], candidates: readonly Section[]): void {
    for (const section of candidates) {
      const spec = specFor(specs, section)
      if (!spec) continue
      bySection.set(section, spec)
      const list = bySpec.get(spec)
      if (list) list.push(section)
      else bySpec.set(spec, [section])
    }

    for (const spec of specs) {
      dropLoose(spec)
      const [first] = bySpec.get(spec) ?? []
      if (first && spec.children) match(spec.children, first.children)
    }
  }

  /**
   * Where instances of a repeat name their kind (`### Phase 1: Auth`) or
   * mark their number (`### 1. Upload`), a loose one is none: `### 1.
   * Overview` or `### 12 Factor Notes`, a note among them.
   */
  function dropLoose(spec: SectionSpec): void {
    const pattern = headingPattern(spec)
    const found = bySpec.get(spec) ?? []
    const strict = found.filter((section) => !pattern.loose(section.normalized))
    if (strict.length === 0 || strict.length === found.length) return
    for (const section of found) if (!strict.includes(section)) bySection.delete(section)
    bySpec.set(spec, strict)
  }
}

/**
 * Whether a heading stands for a template heading: its normalised text, or
 * that text without a trailing qualifier in parentheses (`## Goal (Revised)`,
 * `### Technology Stack (v2)`), as labels may carry one.
 */
export function headingMatches(pattern: HeadingPattern, section: Section): boolean {
  if (pattern.test(section.normalized)) return true
  const bare = withoutQualifier(section.normalized)
  return bare !== section.normalized && pattern.test(bare)
}

/** The spec a heading at the right depth stands for: exact text first. */
export function specFor(specs: readonly SectionSpec[], section: Section, anyDepth = false): SectionSpec | undefined {
  let wildcard: SectionSpec | undefined
  for (const spec of specs) {
    if (!anyDepth && spec.depth !== section.depth) continue
    const pattern = headingPattern(spec)
    if (!headingMatches(pattern, section)) continue
    if (pattern.literal) return spec
    wildcard ??= spec
  }
  return wildcard
}

/**
 * The fields a section can carry its template fields in: its own, those of
 * its sub-sections that the template does not name (and their sub-headings),
 * and headings at its depth right after it that are its field labels
 * (`### Cost Structure` after `### Technology Stack`).
 */
export function fieldsIn(outline: Outline, section: Section, spec: SectionSpec): Field[] {
  const fields = [section, ...unmatchedDescendants(outline, section)].flatMap(ownFields)
  const siblings = section.parent?.children ?? []
  for (const sibling of siblings.slice(siblings.indexOf(section) + 1)) {
    if (!sibling.heading || sibling.depth !== section.depth || outline.spec(sibling)) break
    const field = headingField(sibling.heading, sibling.content)
    if (!(spec.fields ?? []).some((fieldSpec) => matches(fieldSpec, field))) break
    fields.push(field)
  }
  return fields
}

/** Sub-sections the outline did not match to a template section, and theirs. */
export function unmatchedDescendants(outline: Outline, section: Section): Section[] {
  return section.children.flatMap((child) =>
    outline.spec(child) ? [] : [child, ...unmatchedDescendants(outline, child)]
  )
}

const wildcard = '\u0000'
const patterns = new WeakMap<LabelSpec, string[][]>()

/** A template label to find in a doc: a field's, or a metadata line's. */
export type LabelSpec = Pick<FieldSpec, 'label' | 'alternatives'>

/**
 * Whether a field stands for a template field: its label or an
 * alternative, `[…]` matching any text, compared as normalised labels (so
 * `**⚠️ Impact:**`, `*Impact*` and `#### Impact` all stand for `**Impact**:`).
 * Every rule finds its fields through this.
 */
export function matches(spec: LabelSpec, field: Field): boolean {
  return matchesKey(spec, field.key)
}

/** Whether a {@link normalizeLabel normalised} label stands for `spec`. */
export function matchesKey(spec: LabelSpec, key: string): boolean {
  return labelPatterns(spec).some((pieces) => wildcardMatch(pieces, key, 1))
}

/** The first of `fields` that stands for `spec`. */
export function findField(fields: readonly Field[], spec: LabelSpec): Field | undefined {
  return fields.find((field) => matches(spec, field))
}

/**
 * The patterns of {@link matches}, split once at their placeholders: pieces
 * of normalised text between wildcards, matched by {@link wildcardMatch}
 * (not a RegExp, which a label of many placeholders would make exponential).
 */
function labelPatterns(spec: LabelSpec): string[][] {
  return memo(patterns, spec, () =>
    [spec.label, ...(spec.alternatives ?? [])].map((label) =>
      normalizeLabel(label.replace(placeholder, wildcard)).split(wildcard)
    )
  )
}
