/**
 * Which files are milestone docs, or of another kind: what the options force
 * (forced.ts), else recognition by each kind's template (name, title,
 * fingerprint) from the model; detect-text.ts weighs the same evidence in
 * the text. Only a milestone doc is also known by its name.
 */
import type {VFile} from 'vfile'
import {type DetectOptions, forcedKind, templateKind} from './forced.js'
import {milestoneKind} from './options.js'
import {headingPattern, placeholder, titleSpec} from '../schema/pattern.js'
import type {Schema, SectionSpec} from '../schema/types.js'
import type {Model} from '../model/model.js'
import {findField, specFor} from './outline.js'

/** `milestone-2-launch.md`, `Milestone_03.md`. */
const milestoneFileName = /^milestone[-_ ]?\d+(?:[-_. ][^/\\]*)?\.(?:md|markdown|mdown|mkdn?)$/i

/** A kind of doc, the template option that names its template, and the schema derived from it. */
export interface KindSchema {
  name: string
  template: string | URL | undefined
  schema: Schema
}

/**
 * A file's kind among `kinds` (milestone docs first, then the option's in
 * order): as the options force it, else the first that recognises it.
 */
export function kindOf(
  file: VFile,
  options: DetectOptions,
  kinds: KindSchema[],
  recognises: (kind: KindSchema) => boolean
): KindSchema | undefined {
  const forced = forcedKind(file, options)
  if (forced === false) return undefined
  return forced === undefined ? kinds.find(recognises) : kinds.find((kind) => kind.name === forced)
}

/**
 * A name (milestone docs only) or title says “milestone” and the doc has a
 * template section or metadata line; or, whatever its name, it has most
 * template sections, all its metadata lines, or two with a section. A milestone summary or progress
 * report with none of these is not a milestone doc.
 */
export function looksLikeMilestoneDoc(
  model: Model,
  schema: Schema,
  basename: string | undefined,
  kind = milestoneKind
): boolean {
  return enoughEvidence(
    {
      named: kind === milestoneKind && isNamedMilestone(basename),
      template: isNamedTemplate(basename),
      titled: model.title !== undefined && isTitle(model.title.normalized, schema),
      sections: templateSectionCount(model, schema),
      ...metadataCount(model, schema)
    },
    schema
  )
}

/** What a file shows of a template. */
export interface Evidence {
  named: boolean
  /** Named as a template (`milestone-template.md`, `templates/design.md`). */
  template: boolean
  titled: boolean
  /** Template sections found. */
  sections: number
  /** Template metadata lines found. */
  metadata: number
  /** Of those, the lines that link (`**Parent Document**`, `**Architecture Reference**`). */
  links: number
}

/**
 * Whether the evidence makes a milestone doc. More of any evidence never
 * makes less; but a file named as a template is a copy of it, not a doc.
 */
export function enoughEvidence(evidence: Evidence, schema: Schema): boolean {
  const {named, template, titled, sections, metadata, links} = evidence
  // A copy of the template (`docs/milestone-template.md`) has all of it, and is no doc.
  if (template && !named) return false
  if ((named || titled) && sections + metadata > 0) return true
  // Two metadata lines that link need one of the template's sections too, unless they are all of them:
  // a design doc with `**Status**` and `**Parent Document**` lines, and `## Next Steps`, follows another template.
  const allMetadata = metadata >= Math.max(2, schema.metadata.length)
  return allMetadata || (links >= 2 && sections > 0) || sections >= Math.ceil(schema.sections.length / 2)
}

/** `milestone-2-launch.md`, as {@link milestoneFileName} says. */
export function isNamedMilestone(basename: string | undefined): boolean {
  return basename !== undefined && milestoneFileName.test(basename)
}

/** `milestone-template.md`, `design_templates.md`: the word `template` in the name. */
export function isNamedTemplate(basename: string | undefined): boolean {
  return basename !== undefined && /(?:^|[^a-z])templates?(?:[^a-z]|$)/i.test(basename)
}

function templateSectionCount(model: Model, schema: Schema): number {
  const found = new Set<SectionSpec>()
  for (const section of model.sections) {
    const spec = specFor(schema.sections, section, true)
    if (spec) found.add(spec)
  }
  return found.size
}

/** The template's metadata lines the doc has, and how many of those link. */
function metadataCount(model: Model, schema: Schema): {metadata: number; links: number} {
  const found = schema.metadata.filter((spec) => findField(model.metadata, spec))
  return {metadata: found.length, links: found.filter((spec) => spec.link).length}
}

/** A title that is all placeholder (`[Milestone Name]`) says nothing about a doc. */
export function hasFixedText(title: string): boolean {
  return /[\p{L}\p{N}]/u.test(title.replace(placeholder, ''))
}

/** Whether normalised heading text is the template's title; a title that is all placeholder matches none. */
export function isTitle(normalized: string, schema: Schema): boolean {
  return hasFixedText(schema.title) && headingPattern(titleSpec(schema)).test(normalized)
}

/** Why a file is not a milestone doc (nor of a kind), and how to lint it anyway (`milestone-lint --verbose`). */
export function skipReason(file: VFile, options: DetectOptions): string {
  const template = templateKind(file, options)
  if (template === milestoneKind) return 'it is the template the `template` option names'
  if (template !== undefined) return `it is the template of kind \`${template}\` in the \`kinds\` option`
  const kinds = Boolean(options.kinds?.length)
  const include = `add it to the \`include\` option${kinds ? " (or a kind's)" : ''} to lint it anyway`
  if (forcedKind(file, options) === false) {
    return options.detect === false
      ? `not in the \`include\` option, and \`detect\` is \`false\`; ${include}`
      : 'excluded by the `exclude` option; take it out of `exclude` to lint it'
  }
  if (isNamedTemplate(file.basename) && !isNamedMilestone(file.basename)) return `named as a template; ${include}`
  return `not recognised as a milestone doc${kinds ? ' or a doc of a kind' : ''}; ${include}`
}
