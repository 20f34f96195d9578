/**
 * Which files are milestone docs, or of another kind: what the options force
 * (forced.ts), else recognition by each kind's template (name, title,
 * fingerprint), from the model, the text before parsing, or the start of a
 * file too big to parse. Only a milestone doc is also known by its name.
 */
import type {VFile} from 'vfile'
import {type DetectOptions, forcedKind, templateKind} from './forced.js'
import {milestoneKind} from './options.js'
import {memo} from '../model/memo.js'
import {headingPattern, placeholder, titleSpec} from '../schema/pattern.js'
import type {Schema, SectionSpec} from '../schema/types.js'
import type {Model} from '../model/model.js'
import {findField, specFor} from './outline.js'
import {normalizeHeading, normalizeLabel} from '../text/text.js'

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
 * Whether a file not parsed (over a limit) is likely a doc, by its name and
 * text: forced by the options, else named `milestone-<n>…`, or with a
 * template's title or two of its metadata lines in its first 20,000 characters.
 */
export function looksLikeMilestoneFile(
  text: string,
  file: VFile,
  schema: Schema,
  options: DetectOptions,
  kinds: KindSchema[] = []
): boolean {
  const forced = forcedKind(file, options)
  if (forced !== undefined) return forced !== false
  if (isNamedMilestone(file.basename)) return true
  if (isNamedTemplate(file.basename)) return false
  const head = text.slice(0, 20_000)
  const title = /^#[ \t]([^\r\n]*)/m.exec(head)?.[1]
  return [schema, ...kinds.map((kind) => kind.schema)].some(
    (each) => (title !== undefined && isTitle(normalizeHeading(title), each)) || metadataLinesIn(head, each) >= 2
  )
}

/** How many of the template's metadata labels start a line of `text` in bold, with a colon. */
function metadataLinesIn(text: string, schema: Schema): number {
  const wanted = new Set(schema.metadata.map((spec) => normalizeLabel(spec.label)))
  const found = new Set<string>()
  for (const line of text.split(/\r\n|\r|\n/)) {
    const mark = line.slice(0, 2)
    const close = mark === '**' || mark === '__' ? line.indexOf(mark, 2) : -1
    if (close === -1) continue
    const inner = line.slice(2, close).trim()
    const colon = inner.endsWith(':') || /^[ \t]*:/.test(line.slice(close + 2))
    const key = normalizeLabel(inner.replace(/:$/, ''))
    if (colon && wanted.has(key)) found.add(key)
  }
  return found.size
}

/**
 * A name (milestone docs only) or title says “milestone” and the doc has a
 * template section or metadata line; or, whatever its name, it has most
 * template sections or two metadata lines. A milestone summary or progress
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
      metadata: metadataCount(model, schema)
    },
    schema
  )
}

interface Evidence {
  named: boolean
  /** Named as a template (`milestone-template.md`, `templates/design.md`). */
  template: boolean
  titled: boolean
  /** Template sections found. */
  sections: number
  /** Template metadata lines found. */
  metadata: number
}

/**
 * Whether the evidence makes a milestone doc. More of any evidence never
 * makes less; but a file named as a template is a copy of it, not a doc.
 */
function enoughEvidence(evidence: Evidence, schema: Schema): boolean {
  const {named, template, titled, sections, metadata} = evidence
  // A copy of the template (`docs/milestone-template.md`) has all of it, and is no doc.
  if (template && !named) return false
  if ((named || titled) && sections + metadata > 0) return true
  return metadata >= 2 || sections >= Math.ceil(schema.sections.length / 2)
}

/**
 * Whether a file may be a milestone doc (or of a kind), from its name and text
 * alone, so that others need not be parsed. It counts evidence as
 * {@link looksLikeMilestoneDoc} does, but generously: a template heading or
 * label counts when its longest word occurs anywhere in the text (any case).
 * So it never says no to a doc the rules would lint, unless a word of its
 * headings is broken up by markup or character references (`Exec*utive*`).
 */
export function mayBeMilestoneDoc(
  text: string,
  file: VFile,
  schema: Schema,
  options: DetectOptions,
  kinds: KindSchema[] = []
): boolean {
  const forced = forcedKind(file, options)
  if (forced !== undefined) return forced !== false
  const lower = lowerCase(text)
  const found = (word: string) => lower.includes(word)
  return [{name: milestoneKind, schema}, ...kinds].some(function ({name, schema: each}) {
    const words = signalWords(each)
    return enoughEvidence(
      {
        named: name === milestoneKind && isNamedMilestone(file.basename),
        template: isNamedTemplate(file.basename),
        titled: words.title !== undefined && found(words.title),
        sections: words.sections.filter(found).length,
        metadata: words.metadata.filter(found).length
      },
      each
    )
  })
}

let lastText: string | undefined
let lastLower = ''

/** Text in lower case; the last one is kept, as each rule's options ask about the same file in turn. */
function lowerCase(text: string): string {
  if (text !== lastText) {
    lastText = text
    lastLower = text.toLowerCase()
  }
  return lastLower
}

interface SignalWords {
  /** The title's, unless it is all placeholder (then it is no evidence). */
  title: string | undefined
  sections: string[]
  metadata: string[]
}

const signalCache = new WeakMap<Schema, SignalWords>()

function signalWords(schema: Schema): SignalWords {
  return memo(signalCache, schema, () => ({
    title: hasFixedText(schema.title) ? longestWord(normalizeHeading(schema.title)) : undefined,
    sections: schema.sections.map((spec) => longestWord(normalizeHeading(spec.heading))),
    metadata: schema.metadata.map((spec) => longestWord(normalizeLabel(spec.label)))
  }))
}

/**
 * The longest word of normalised template text outside its placeholders:
 * matching text contains it. Not `and`, which normalising makes of `&`; ''
 * (found in any text) when there is none.
 */
function longestWord(normalized: string): string {
  let longest = ''
  for (const word of normalized.replace(placeholder, ' ').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length > longest.length && word !== 'and') longest = word
  }
  return longest
}

function isNamedMilestone(basename: string | undefined): boolean {
  return basename !== undefined && milestoneFileName.test(basename)
}

/** `milestone-template.md`, `design_templates.md`: the word `template` in the name. */
function isNamedTemplate(basename: string | undefined): boolean {
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

function metadataCount(model: Model, schema: Schema): number {
  return schema.metadata.filter((spec) => findField(model.metadata, spec)).length
}

/** A title that is all placeholder (`[Milestone Name]`) says nothing about a doc. */
function hasFixedText(title: string): boolean {
  return /[\p{L}\p{N}]/u.test(title.replace(placeholder, ''))
}

/** Whether normalised heading text is the template's title; a title that is all placeholder matches none. */
function isTitle(normalized: string, schema: Schema): boolean {
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
