/**
 * The text of a new doc: the template's, with its title and metadata
 * filled in, by minimal edits on the template's text, so that every other
 * byte is the template's (its placeholders, line endings, front matter).
 */
import {remark} from 'remark'
import {VFile} from 'vfile'
import {matchOutline, matches} from '../match/outline.js'
import type {Field} from '../model/fields.js'
import {buildModel, type LinkNode, type Model} from '../model/model.js'
import milestoneSyntax from '../model/syntax.js'
import {enumeration} from '../schema/field-specs.js'
import {hasInstruction} from '../schema/section-specs.js'
import type {LinkRole, Schema} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'
import {type TextEdit, applyEdits} from '../text/edits.js'

/** What a new doc says that its template does not. */
export interface Filling {
  /** The title's text (what follows `# `). */
  title: string
  /** Where the metadata links point, by role, relative to the new doc. */
  links: ReadonlyMap<LinkRole, string>
}

const parser = remark().use(milestoneSyntax)

/**
 * The template's text, with: the title; each metadata link whose target is
 * known pointing at it, and every other link to the same URL (Related
 * Documents); a metadata value that is a choice (`[Planning/In Progress]`,
 * written as a field's levels are) set to its first option; and no heading of a repeat's later instance
 * that only asks for the section to be repeated (`### Phase 3: [Phase
 * Name]` over `[Repeat structure for each phase]`): its instruction stays,
 * in the instance before it, so the doc has no section without the fields
 * its template asks for.
 */
export function newDocText(template: string, schema: Schema, filling: Filling): string {
  const model = buildModel(parser.parse(template), new VFile({value: template}))
  const edits = [
    ...titleEdit(model, filling.title),
    ...metadataEdits(model, schema, filling.links),
    ...repeatEdits(model, schema)
  ]
  return applyEdits(template, edits).text
}

function titleEdit(model: Model, title: string): TextEdit[] {
  const children = model.title?.heading?.children ?? []
  const start = children[0]?.position?.start.offset
  const end = children.at(-1)?.position?.end.offset
  return start === undefined || end === undefined ? [] : [{start, end, insert: title}]
}

function metadataEdits(model: Model, schema: Schema, links: ReadonlyMap<LinkRole, string>): TextEdit[] {
  const edits: TextEdit[] = []
  for (const field of model.metadata) {
    if (field.labelNode.type === 'heading') continue
    const link = field.value.find((node) => node.type === 'link')
    if (!link) {
      edits.push(...firstChoice(model, field))
      continue
    }
    const role = schema.metadata.find((spec) => matches(spec, field))?.link
    const url = role && links.get(role)
    if (url === undefined) continue
    for (const node of model.links) if (node.url === link.url) edits.push(...urlEdit(model, node, url))
  }
  return edits
}

/** Replace the URL of a link or definition, when the source shows it as parsed (`(./milestones.md)`). */
function urlEdit(model: Model, node: LinkNode, url: string): TextEdit[] {
  const source = model.source.slice(node)
  const end = node.position?.end.offset
  const tail = node.type === 'link' ? node.url + ')' : node.url
  if (source === undefined || end === undefined || node.type === 'image' || !source.endsWith(tail)) return []
  const start = end - tail.length
  return [{start, end: start + node.url.length, insert: url}]
}

/** A value that is a choice, as a field's levels are written (`[Planning/In Progress/Complete]`): its first option. */
function firstChoice(model: Model, field: Field): TextEdit[] {
  const {valueStart, valueEnd} = field
  if (valueStart === undefined || valueEnd === undefined) return []
  const value = model.source.text.slice(valueStart, valueEnd)
  const trimmed = value.trim()
  const match = enumeration.exec(trimmed)
  if (match?.[0] !== trimmed) return []
  const start = valueStart + value.indexOf('[')
  return [{start, end: start + trimmed.length, insert: match[1]!.split('/')[0]!.trim()}]
}

/** Remove the heading of each later instance of a repeat whose body is an instruction to repeat it. */
function repeatEdits(model: Model, schema: Schema): TextEdit[] {
  const outline = matchOutline(model, schema)
  return allSpecs(schema)
    .filter((spec) => spec.repeat)
    .flatMap((spec) => outline.sections(spec).slice(1).filter(hasInstruction))
    .flatMap((section) => {
      const start = section.heading?.position?.start.offset
      const end = section.content[0]?.position?.start.offset
      return start === undefined || end === undefined ? [] : [{start, end, insert: ''}]
    })
}
