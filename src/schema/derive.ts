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
import type {Link} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {remark} from 'remark'
import {VFile} from 'vfile'
import {findBrackets} from '../text/brackets.js'
import type {Field} from '../model/fields.js'
import {buildModel, type Model, type Section} from '../model/model.js'
import {firstLine, normalizePlaceholder} from '../text/text.js'
import {parseWithin} from '../model/parse.js'
import {type Excess, type Limits, defaultLimits, excessText} from '../model/limits.js'
import milestoneSyntax from '../model/syntax.js'
import {type Deriving, fieldEnd, fieldSpec, labelOffset} from './field-specs.js'
import {deriveSections, headingText} from './section-specs.js'
import {skeletonsOf} from './skeleton.js'
import {settleTies} from './ties.js'
import type {LinkRole, MetadataSpec, Schema} from './types.js'

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
    return schemaOfTemplate(
      text,
      name,
      buildModel(parsed.tree, file),
      skeletonsOf(text.replace(/^\uFEFF/, ''), parsed.tree)
    )
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

function schemaOfTemplate(
  text: string,
  name: string,
  model: Model,
  {cut, omit}: Pick<Deriving, 'cut' | 'omit'>
): Schema {
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

  const specs = deriveSections(sections, {linked, closingAfter, cut, omit})
  settleTies(specs)
  return {
    template: name,
    title: headingText(title).text,
    metadata,
    sections: specs,
    closing: last.fields
      .filter((field) => labelOffset(field) > closingAfter)
      .map((field) => ({...fieldSpec(field, false), skeleton: cut(labelOffset(field), fieldEnd(field))})),
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

/** Where the last thematic break (`---`) of the last section is: what follows closes the doc. */
function closingBreakOffset(section: Section): number {
  const rules = section.content.filter((node) => node.type === 'thematicBreak')
  return rules.at(-1)?.position?.end.offset ?? Number.POSITIVE_INFINITY
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
