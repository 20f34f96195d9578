/**
 * ## `milestone-section-fields`
 *
 * Checks that each section carries the fields its template section asks for,
 * each with a value: `**Purpose**:`, `**Features**:`, `**User Flow**:` (or
 * `**System Flow**:`), `**Technical Design**:` and `**Integration Points**:`
 * in every component, `**Objective**:` and `**Deliverables**:` in every
 * phase, `**Key Principle**:`, the Goal's two lists, the Technology Stack's
 * four lists, the three Next Steps horizons (`**After [Previous Section]**:`
 * matches `**After Phase 1**:`), and the closing `*Document Status*:` and
 * `*Last Updated*:` lines. Fields the template marks optional (`(if
 * applicable)`) may be absent, but not empty. In sections whose template
 * shows placeholder labels (`**[Metric Name]**:`: Success Metrics, Why …?,
 * Design Decisions, Open Questions), every bold-label entry needs a value.
 *
 * A value is text after the label, or a list, code block, paragraph,
 * blockquote, table or HTML block right after the label's line (HTML
 * comments in between are skipped), or the sub-sections that follow a label
 * ending its section. The colon may be inside or outside the bold, or be a
 * dash (`**Purpose** — …`); the label may be italic, decorated with emoji,
 * quoted (`> **Key Principle**: …`), carry a qualifier
 * (`**Immediate** (Start Here):`, `**System Flow (Validation)**:`), sit in a
 * sub-section the template does not name, or be a heading: a sub-heading of
 * the section (`#### Purpose`), or a heading at the section's level right
 * after it (`### Cost Structure` after `### Technology Stack`).
 *
 * A missing field is reported at the section's heading, an empty one at its
 * label; a missing closing line at the end of the doc, with the line to
 * insert as `expected` where it can be placed safely. Success criteria and
 * risks are left to `milestone-success-criteria` and `milestone-risk-fields`.
 *
 * Options: the shared ones only.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {memo} from '../memo.js'
import {type Field, fieldsOf, headingField} from '../model/fields.js'
import {headingLine, type Model, type Section} from '../model/model.js'
import type {Outline} from '../model/outline.js'
import {normalizeLabel} from '../model/text.js'
import type {SectionFieldsOptions} from '../options.js'
import {milestoneRule, report} from '../rule.js'
import {escapeRegExp, placeholder, undecorated} from '../schema/pattern.js'
import type {FieldSpec, Schema, SectionSpec} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'

const sectionFields = milestoneRule<SectionFieldsOptions>(
  'milestone-section-fields',
  'Each section carries the fields its template section asks for, each with a value.',
  {},
  function ({tree, model, outline, schema, file}) {
    // A label is reported once, whichever check finds it empty first.
    const reported = new Set<Field['labelNode']>()
    const empty = (field: Field, expected: string) => {
      if (reported.has(field.labelNode) || !isEmpty(model, field)) return
      reported.add(field.labelNode)
      const where = field.labelNode.type === 'heading' ? 'below' : 'after'
      report(file, `Unexpected empty \`${shown(field)}\`, expected ${expected} ${where} it`, field.labelNode.position)
    }

    for (const spec of allSpecs(schema)) {
      // Risks are milestone-risk-fields', marked lists milestone-success-criteria's.
      if (spec.role === 'risk') continue
      const specs = (spec.fields ?? []).filter((field) => !field.marker)
      for (const section of outline.sections(spec)) {
        const fields = fieldsIn(outline, section, spec)
        for (const fieldSpec of specs) checkField(file, section, fields, fieldSpec, empty)
        if (spec.entries) checkEntries(outline, section, spec, empty)
      }
    }

    checkClosing(tree, model, schema, file, empty)
  }
)

export default sectionFields

type Empty = (field: Field, expected: string) => void

function checkField(file: VFile, section: Section, fields: readonly Field[], spec: FieldSpec, empty: Empty): void {
  const found = fields.filter((field) => matches(spec, field))
  if (found.length === 0) {
    if (spec.optional) return
    const forms = [spec.label, ...(spec.alternatives ?? [])].map(
      (label) => `\`${bold(label)} ${kindPlaceholder(spec)}\``
    )
    report(
      file,
      `Unexpected missing \`${bold(spec.label)}\` in \`${headingLine(section)}\`, expected ${forms.join(' or ')}`,
      section.heading?.position
    )
    return
  }
  for (const field of found) empty(field, kindName(spec))
}

/** Sections whose template shows placeholder labels: every bold-label entry needs a value. */
function checkEntries(outline: Outline, section: Section, spec: SectionSpec, empty: Empty): void {
  const named = spec.fields ?? []
  for (const part of [section, ...unmatchedDescendants(outline, section)]) {
    for (const field of ownFields(part)) {
      if (field.labelNode.type === 'heading') continue
      // Named fields are checked as such (or by their own rule).
      if (named.some((fieldSpec) => matches(fieldSpec, field))) continue
      empty(field, 'text or a list')
    }
  }
}

/** The closing lines (`*Last Updated*: …`): anywhere in the doc, each with a value. */
function checkClosing(tree: Root, model: Model, schema: Schema, file: VFile, empty: Empty): void {
  const fields = [model.root, ...model.sections].flatMap(ownFields)
  for (const spec of schema.closing) {
    const found = fields.filter((field) => matches(spec, field))
    for (const field of found) empty(field, kindName(spec))
    if (found.length > 0 || spec.optional || emphasizedLine(model, spec)) continue

    const label = `*${display(spec.label)}*:`
    // The end of the file: a point after the last node (remark-lint drops messages between nodes).
    const end = model.root.end
    const insert = end === undefined ? undefined : closingInsert(tree, model, spec, end)
    report(
      file,
      `Unexpected missing \`${label}\` at the end of the doc, expected \`${label} ${kindPlaceholder(spec)}\``,
      end === undefined ? undefined : model.source.toPoint(end),
      insert === undefined ? {} : {expected: [insert]}
    )
  }
}

/** `*Last Updated: January 2026*`: the whole line emphasised, colon inside. */
function emphasizedLine(model: Model, spec: FieldSpec): boolean {
  return emphasizedLinePattern(spec).test(model.source.text)
}

/** The pattern of {@link emphasizedLine}; exported for `test/redos.test.ts`. */
export function emphasizedLinePattern(spec: FieldSpec): RegExp {
  const label = escapeRegExp(display(spec.label)).replace(/…/g, '.+').replace(/\s+/g, '\\s+')
  return new RegExp(`^[ \\t>]*[*_]{1,2}[ \\t]*${label}[ \\t]*[:—–][ \\t]*[^\\s*_]`, 'imu')
}

/**
 * The line to insert at the end of the file: in the last paragraph when it
 * ends the file (the closing lines are one paragraph), else as a paragraph
 * of its own; none after an HTML or code block, which might swallow it.
 */
function closingInsert(tree: Root, model: Model, spec: FieldSpec, end: number): string | undefined {
  const last = tree.children.at(-1)
  const lastEnd = last?.position?.end.offset
  if (/[[\]]/.test(spec.label) || !last || lastEnd === undefined || last.type === 'html' || last.type === 'code') {
    return undefined
  }
  const tail = model.source.text.slice(lastEnd, end)
  const breaks = tail.split('\n').length - 1
  const joins = last.type === 'paragraph' && breaks < 2 && !isTable(model.source.slice(last) ?? '')
  const prefix = joins ? '\n'.repeat(1 - breaks) : '\n'.repeat(Math.max(0, 2 - breaks))
  return prefix + `*${spec.label}*: ` + (breaks > 0 ? '\n' : '')
}

/**
 * Whether paragraph text is a GFM table (parsed as text here): it has a
 * delimiter row (`| --- | :-: |`). A line added to it would render as a row.
 */
function isTable(text: string): boolean {
  return text.split(/\r\n?|\n/).some((line) => line.includes('|') && line.includes('-') && /^[ \t|:-]*$/.test(line))
}

/**
 * The fields a section can carry its template fields in: its own, those of
 * its sub-sections that the template does not name (and their sub-headings),
 * and headings at its level right after it that are its field labels
 * (`### Cost Structure` after `### Technology Stack`).
 */
function fieldsIn(outline: Outline, section: Section, spec: SectionSpec): Field[] {
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

/** A section's fields, and those in its blockquotes (`> **Key Principle**: …`). */
function ownFields(section: Section): Field[] {
  const quoted = section.content.flatMap((block) => (block.type === 'blockquote' ? fieldsOf(block.children) : []))
  return quoted.length > 0 ? [...section.fields, ...quoted] : section.fields
}

/** Sub-sections the outline did not match to a template section, and theirs. */
function unmatchedDescendants(outline: Outline, section: Section): Section[] {
  return section.children.flatMap((child) =>
    outline.spec(child) ? [] : [child, ...unmatchedDescendants(outline, child)]
  )
}

const wildcard = '\u0000'
const patterns = new WeakMap<FieldSpec, RegExp[]>()

/** Whether a field stands for a template field: its label or an alternative, `[…]` matching any text. */
function matches(spec: FieldSpec, field: Field): boolean {
  const key = undecorated(field.key)
  return labelPatterns(spec).some((pattern) => pattern.test(field.key) || (key !== field.key && pattern.test(key)))
}

/** The patterns of {@link matches}, compiled once; exported for `test/redos.test.ts`. */
export function labelPatterns(spec: FieldSpec): RegExp[] {
  return memo(patterns, spec, () =>
    [spec.label, ...(spec.alternatives ?? [])].map((label) => {
      const normalized = normalizeLabel(label.replace(placeholder, wildcard))
      const source = normalized
        .split(wildcard)
        .map(escapeRegExp)
        .join('.+')
      return new RegExp('^' + source + '$')
    })
  )
}

/** Whether a field has no value: no text, and no list, code block or other block after it. */
function isEmpty(model: Model, field: Field): boolean {
  if (field.text !== '' || field.block) return false
  if (field.list?.children.some((item) => item.children.length > 0)) return false
  if (field.code && field.code.value.trim() !== '') return false
  // A heading's value can be its sub-sections; so can a label's that ends its section.
  const node = field.labelNode
  const owner =
    node.type === 'heading'
      ? model.sections.find((candidate) => candidate.heading === node)
      : field.valueEnd === undefined
        ? undefined
        : [model.root, ...model.sections].find((candidate) => lastBlockEnd(candidate) === field.valueEnd)
  return !owner || owner.children.length === 0
}

/** Where a section's content ends, HTML comments aside. */
function lastBlockEnd(section: Section): number | undefined {
  const blocks = section.content.filter(
    (block) => !(block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value))
  )
  return blocks.at(-1)?.position?.end.offset
}

/** A field as written, for messages: `**Label**:`, `*Label*:` or `#### Label`. */
function shown(field: Field): string {
  const node = field.labelNode
  if (node.type === 'heading') return '#'.repeat(node.depth) + ' ' + field.label
  return node.type === 'emphasis' ? `*${field.label}*:` : `**${field.label}**:`
}

/** A template label for messages, its placeholders shown as `…`. */
function display(label: string): string {
  return label.replace(placeholder, '…')
}

function bold(label: string): string {
  return `**${display(label)}**:`
}

function kindPlaceholder(spec: FieldSpec): string {
  return spec.kind === 'list' ? '<list>' : spec.kind === 'code' ? '<code block>' : '<text>'
}

function kindName(spec: FieldSpec): string {
  return spec.kind === 'list' ? 'a list' : spec.kind === 'code' ? 'a code block' : 'text'
}
