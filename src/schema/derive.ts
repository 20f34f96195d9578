/**
 * The template is the schema: derive every structural expectation from a
 * milestone template, so that a team's changed template changes what is
 * checked with no code change.
 *
 * How a template reads (see the README, "How a template becomes a schema"):
 *
 * - the first H1 is the title; `[…]` in any heading or label is a wildcard;
 * - bold-label lines before the first section are metadata; those holding a
 *   link say where the parent (overview, roadmap) and architecture docs are;
 * - every H2 is a required section, in template order, and so is every
 *   sub-heading with fixed text; a heading that is only a placeholder
 *   (`### [Category 1]`) is the author's to choose;
 * - sibling headings of the same shape repeat: numbered ones
 *   (`### Phase 1: …`, `### 2. …`) count 1, 2, 3… and are required, as is a
 *   `Kind: [Name]` heading (`### Risk: [Risk Name]`); other repeats
 *   (`### Why [X]?`) are optional; so is a heading followed by a
 *   `[Repeat …]` or `[Continue …]` instruction;
 * - a section's bold labels are its fields: required, unless marked
 *   `(if …)` or `(Optional)`, shown in only a later instance of a repeat,
 *   or inside a list (`- **Unit Tests**: …` is an example item);
 *   what follows the label says whether it holds text, a list or code;
 * - a value starting `[High/Medium/Low]` is an enumeration of levels; list
 *   items that all start with one mark (`✅`) must start with it;
 * - labels that are only a placeholder (`**[Metric Name]**:`) mean “entries”:
 *   each bold-label entry there needs a value;
 * - labelled lines after the last `---` close the doc (`*Last Updated*`).
 */
import type {Link, ListItem, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {remark} from 'remark'
import {VFile} from 'vfile'
import {findBrackets} from '../text/brackets.js'
import type {Field} from '../model/fields.js'
import {buildModel, type Model, type Section} from '../model/model.js'
import {firstLine, normalizeLabel, normalizePlaceholder} from '../text/text.js'
import {parseWithin} from '../model/parse.js'
import {type Excess, type Limits, defaultLimits, excessText} from '../model/limits.js'
import milestoneSyntax from '../model/syntax.js'
import {escapeRegExp, placeholder} from './pattern.js'
import type {FieldSpec, LinkRole, MetadataSpec, Schema, SectionSpec} from './types.js'

/** A template that cannot be read or understood: names the file and line. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string
  ) {
    super(`Cannot derive a schema from template \`${file}${line ? `:${line}` : ''}\`: ${reason}`)
    this.name = 'TemplateError'
  }
}

const parser = remark().use(milestoneSyntax)

/**
 * `(Optional)`, `(if applicable)`, `(if final phase)`, with the text before
 * it as group 1 (replace with `$1` to drop the mark). The text before does
 * not pass an `(if`: that one matches whenever a later mark could, as all
 * need a `)` after them; searching on from each later `(if` would be
 * quadratic (`(if (if (if …` with no `)`).
 */
const optionalMark = /^((?:[^(]|\((?!\s*if\b))*?)\(\s*(?:optional|if\b[^)]*)\)/i
/** `[Repeat structure for each …]`, `[Continue for all phases]`. */
const instruction = /^\[\s*(?:repeat|continue)\b/i
/** `[High/Medium/Low]`, `[HIGH/MED/LOW]`. */
const enumeration = /^\[([^\]/]+(?:\/[^\]/]+)+)\]/

/**
 * Derive the schema of a template's text; `name` is shown in errors. The
 * text is parsed within the limits docs are, and any failure is a
 * {@link TemplateError} naming the template.
 */
export function deriveSchema(text: string, name = 'template', limits: Limits = defaultLimits): Schema {
  const file = new VFile({value: text, path: name})
  const parsed = parseWithin(text, limits, (value) => parser.parse(value))
  if ('excess' in parsed) throw overTemplateLimit(name, parsed.excess, limits)
  try {
    if ('error' in parsed) throw parsed.error
    return schemaOfTemplate(text, name, buildModel(parsed.tree, file))
  } catch (error) {
    if (error instanceof TemplateError) throw error
    // Within the limits, nothing should fail: a bug, said in one line.
    throw new TemplateError(name, undefined, `${firstLine(error)}; please report this bug`)
  }
}

/** The error for a template over a limit, naming the limit to raise. */
export function overTemplateLimit(name: string, excess: Excess, limits: Limits): TemplateError {
  return new TemplateError(
    name,
    excess.line,
    `${excessText(excess, limits)}; raise the preset option \`limits.${excess.limit}\` to use it`
  )
}

function schemaOfTemplate(text: string, name: string, model: Model): Schema {
  const title = model.title

  if (!title?.heading) {
    throw new TemplateError(name, 1, 'expected a `# Title` heading (the doc title), found none')
  }
  const sections = title.children
  if (sections.length === 0) {
    throw new TemplateError(
      name,
      headingLineNumber(title),
      'expected `## Section` headings after the title, found none'
    )
  }

  const labelled = model.metadata.filter((field) => field.labelNode.type !== 'heading')
  const metadata = labelled.map(metadataSpec)
  const linked = metadataLinks(labelled, metadata)
  const last = sections.at(-1)!
  const closingAfter = closingBreakOffset(last)

  return {
    template: name,
    title: headingText(title).text,
    metadata,
    sections: deriveSections(sections, linked, closingAfter),
    closing: last.fields.filter((field) => labelOffset(field) > closingAfter).map((field) => fieldSpec(field, false)),
    placeholders: templatePlaceholders(text)
  }
}

function metadataSpec(field: Field): MetadataSpec {
  const link = linkIn(field)
  const spec: MetadataSpec = {label: field.label}
  if (!link) return spec
  const role = linkRole(field.label, toString(link))
  if (role) spec.link = role
  spec.example = `[${toString(link)}](${link.url})`
  return spec
}

/** Architecture links are named so; any other first link is the parent (overview, roadmap). */
function linkRole(label: string, text: string): LinkRole | undefined {
  if (/architecture/i.test(label + ' ' + text)) return 'architecture'
  if (/parent|overview|roadmap|milestones/i.test(label + ' ' + text)) return 'parent'
  return undefined
}

/** Metadata link URLs by role, to recognise sections that link to them again. */
function metadataLinks(fields: Field[], specs: MetadataSpec[]): Map<string, LinkRole> {
  const urls = new Map<string, LinkRole>()
  fields.forEach((field, index) => {
    const link = linkIn(field)
    const role = specs[index]?.link
    if (link && role) urls.set(link.url, role)
  })
  return urls
}

function linkIn(field: Field): Link | undefined {
  return field.value.find((node): node is Link => node.type === 'link')
}

/** The sections of one tier of the outline: free-form headings dropped, same-shaped siblings merged into a repeat. */
function deriveSections(
  sections: readonly Section[],
  linked: Map<string, LinkRole>,
  closingAfter: number
): SectionSpec[] {
  const specs: SectionSpec[] = []
  let group: {shape: string; instances: Section[]} | undefined

  const flush = () => {
    if (group) specs.push(sectionSpec(group.instances, linked, closingAfter))
    group = undefined
  }

  for (const section of sections) {
    const {text} = headingText(section)
    if (section.depth > 2 && isFreeForm(text)) {
      flush()
      continue
    }
    const shape = shapeOf(text)
    if (group && group.shape === shape && section.depth > 2) {
      group.instances.push(section)
      continue
    }
    flush()
    group = {shape, instances: [section]}
  }
  flush()
  return specs
}

function sectionSpec(instances: Section[], linked: Map<string, LinkRole>, closingAfter: number): SectionSpec {
  const first = instances[0]!
  const {text, optional} = headingText(first)
  const spec: SectionSpec = {heading: text, depth: first.depth}
  if (optional) spec.optional = true

  const repeated = instances.length > 1 || instances.some(hasInstruction)
  if (repeated) {
    const numbered = /\d/.test(text.replace(placeholder, ''))
    // `Kind: [Name]` instances are the point of their section; `Why [X]?` ones are examples.
    const typed = /^[^[]*\S:\s*\[/.test(text)
    spec.repeat = {numbered, min: numbered || typed ? 1 : 0}
  }

  const own = instances.flatMap((instance) => labelFields(instance, closingAfter))
  const fields = fieldSpecs(instances, closingAfter, spec.repeat?.min === 0)
  if (fields.length > 0) spec.fields = fields
  if (fields.some((field) => field.levels)) spec.role = 'risk'
  if (
    own.some(isEntry) ||
    freeFormDescendants(first).some((section) => labelFields(section, closingAfter).some(isEntry))
  ) {
    spec.entries = true
  }

  const links = [...new Set(linksIn(first).flatMap((url) => linked.get(url) ?? []))]
  if (links.length > 0) spec.links = links

  const children = deriveSections(first.children, linked, closingAfter)
  if (children.length > 0) spec.children = children
  return spec
}

/**
 * Fields of a (repeated) section: the first instance's, required unless
 * marked; later extras optional; parallel categories examples.
 */
function fieldSpecs(instances: Section[], closingAfter: number, allOptional: boolean): FieldSpec[] {
  const specs: FieldSpec[] = []
  const seen = new Set<string>()
  instances.forEach((instance, index) => {
    const fields = labelFields(instance, closingAfter)
    const categories = fields.filter(isCategory)
    for (const field of fields) {
      if (isEntry(field) || seen.has(field.key)) continue
      seen.add(field.key)
      // Labels inside a list (`- **Unit Tests**: …`) are examples of its items.
      const optional = allOptional || index > 0 || inList(instance, field)
      specs.push(fieldSpec(field, optional, categories.length > 1 && categories.includes(field)))
    }
  })
  return specs
}

/**
 * A category of a breakdown: a label whose list holds named entries
 * (`**Frontend**:` over `- [Technology 1]: [Purpose]`). Two or more in a
 * section are examples of one kind (the guide's “break down by layer”):
 * a CLI has no frontend. A lone one (`**Integration Points**:` over
 * `- [System/API 1]: [How it integrates]`) is a field like any other.
 */
function isCategory(field: Field): boolean {
  const items = field.list?.children ?? []
  // `- [Technology 1]: [Purpose]` parses as a link definition.
  const named = (item: ListItem) =>
    item.children[0]?.type === 'definition' || /^\[[^\]]+\][ \t]*:/.test(toString(item).trim())
  return items.length > 0 && items.every(named)
}

/** A template's own word on a field, in its qualifier: `**Frontend** (example):`, `**Cost Structure** (required):`. */
function fieldMark(field: Field): 'example' | 'required' | undefined {
  const mark = field.qualifier?.trim().toLowerCase()
  return mark === 'example' || mark === 'required' ? mark : undefined
}

function fieldSpec(field: Field, optional: boolean, example = false): FieldSpec {
  const spec: FieldSpec = {label: field.label, kind: field.list ? 'list' : field.code ? 'code' : 'text'}
  const mark = fieldMark(field)
  if (mark !== 'required') {
    if (optional || optionalMark.test(`(${field.qualifier ?? ''})`) || optionalMark.test(field.label)) {
      spec.optional = true
    }
    if (example || mark === 'example') spec.example = true
  }
  const levels = enumeration.exec(field.text)?.[1]
  if (levels) spec.levels = levels.split('/').map((level) => level.trim())
  const marker = field.list ? sharedItemMark(field.list.children) : undefined
  if (marker) spec.marker = marker
  const alternatives = alternativesOf(field)
  if (alternatives.length > 0) spec.alternatives = alternatives
  return spec
}

/** Bold (or italic) label fields of a section, without headings used as labels or closing lines. */
function labelFields(section: Section, closingAfter: number): Field[] {
  return section.fields.filter((field) => field.labelNode.type !== 'heading' && labelOffset(field) <= closingAfter)
}

/** Whether a field's label is in one of the section's lists. */
function inList(section: Section, field: Field): boolean {
  const at = labelOffset(field)
  return section.content.some(
    (block) =>
      block.type === 'list' &&
      (block.position?.start.offset ?? Infinity) <= at &&
      at < (block.position?.end.offset ?? -Infinity)
  )
}

/** `**[Metric Name]**:`: a label that is only a placeholder. */
function isEntry(field: Field): boolean {
  return isFreeForm(field.label)
}

/** Sub-sections dropped as free-form (`### [Category 1]`), and theirs. */
function freeFormDescendants(section: Section): Section[] {
  return section.children.flatMap((child) =>
    isFreeForm(headingText(child).text) ? [child, ...freeFormDescendants(child)] : []
  )
}

/** A heading or label that is only a placeholder: `[Category 1]`, `[Metric Name]`. */
function isFreeForm(text: string): boolean {
  return /^\[[^\]]*\]\??$/.test(text.trim())
}

/** What makes siblings the same kind: placeholders and numbers do not count. */
function shapeOf(text: string): string {
  return normalizeLabel(text.replace(placeholder, '[]').replace(/\d+/g, '#'))
}

/** A section whose body is an instruction to repeat it. */
function hasInstruction(section: Section): boolean {
  const [first] = section.content
  return first?.type === 'paragraph' && instruction.test(toString(first).trim())
}

/** The heading's text, with an optional mark taken off. */
function headingText(section: Section): {text: string; optional: boolean} {
  const text = toString(section.heading!).trim()
  const optional = optionalMark.test(text)
  return {text: optional ? text.replace(optionalMark, '$1').trim() : text, optional}
}

/** `✅` when every list item starts with it. */
function sharedItemMark(items: readonly ListItem[]): string | undefined {
  const marks = items.map((item) => /^([^\p{L}\p{N}\s[*_`])/u.exec(toString(item).trim())?.[1])
  const [first] = marks
  return first && marks.every((mark) => mark === first) ? first : undefined
}

/**
 * Labels the template's own text offers instead: `**User Flow**:` over
 * “[Describe the user flow or system flow]” also accepts `System Flow`.
 */
function alternativesOf(field: Field): string[] {
  const pattern = alternativesPattern(field.label)
  if (!pattern) return []
  const text = [field.text, field.code?.value ?? '', field.list ? toString(field.list) : ''].join('\n')
  const match = pattern.exec(text)
  return match?.[1] ? [titleCase(match[1])] : []
}

/**
 * `User Flow or System Flow`: the label, `or`, up to two words and the
 * label's last word; none for a one-word label. Exported for
 * `test/redos.test.ts`, which checks the patterns of real labels.
 */
export function alternativesPattern(label: string): RegExp | undefined {
  const words = label.trim().split(/\s+/)
  const last = words.at(-1)
  if (!last || words.length < 2) return undefined
  return new RegExp(`\\b${escape(label)}\\s+or\\s+((?:[\\p{L}\\p{N}]+\\s+){0,2}${escape(last)})\\b`, 'iu')
}

function titleCase(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
}

/** Text to match literally, any run of spaces matching any run. */
function escape(value: string): string {
  return escapeRegExp(value).replace(/\s+/g, '\\s+')
}

/** URLs linked in a section's own content. */
function linksIn(section: Section): string[] {
  const urls: string[] = []
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'link') urls.push(node.url)
      if ('children' in node) walk(node.children)
    }
  }
  walk(section.content)
  return urls
}

/** Where the last thematic break (`---`) of the last section is: what follows closes the doc. */
function closingBreakOffset(section: Section): number {
  const rules = section.content.filter((node) => node.type === 'thematicBreak')
  return rules.at(-1)?.position?.end.offset ?? Number.POSITIVE_INFINITY
}

function labelOffset(field: Field): number {
  return field.labelNode.position?.start.offset ?? 0
}

function headingLineNumber(section: Section): number | undefined {
  return section.heading?.position?.start.line
}

/** The template's own placeholders (not link texts), normalised → as written. */
function templatePlaceholders(text: string): Record<string, string> {
  const known: Record<string, string> = {}
  for (const group of findBrackets(text)) {
    if (text[group.end] === '(') continue
    known[normalizePlaceholder(group.inner)] ??= group.inner
  }
  return known
}
