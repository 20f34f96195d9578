/**
 * Where a fix puts back a missing field: the template's text of it, in
 * template order among the section's fields, in the doc's own marks. A
 * one-line field joins the lines of a field paragraph (`**Impact**: …`
 * over `**Probability**: …`); anything longer is a block of its own.
 */
import type {List, ListItem, RootContent} from 'mdast'
import type {Field} from '../model/fields.js'
import {lineEnd, lineStart} from '../model/lines.js'
import type {Model, Section} from '../model/model.js'
import {matches} from '../match/outline.js'
import type {FieldSpec, SectionSpec} from '../schema/types.js'
import {type Insertion, fitted} from './insertion.js'
import {plainLabelIn} from './plain-label.js'
import {rowNextTo, rowPrefix, splitsLevel} from './row-insertion.js'

/** The insertion of a missing field of `section`, or none where no place is certain. */
export function fieldInsertion(
  model: Model,
  section: Section,
  sectionSpec: SectionSpec,
  spec: FieldSpec,
  fields: readonly Field[]
): Insertion | undefined {
  if (!spec.skeleton) return undefined
  const text = fitted(spec.skeleton, model)
  const order = sectionSpec.fields ?? []
  // A required field's label written without bold (`| Impact | High | … |`) is made bold first
  // (plain-label.ts): the missing field goes beside it, in its form, in the next round of `--fix`.
  const missingSibling = (other: FieldSpec) =>
    other !== spec && !other.optional && !other.example && !fields.some((field) => matches(other, field))
  if (order.some((other) => missingSibling(other) && plainLabelIn(model, section.content, fields, other)))
    return undefined
  const index = order.indexOf(spec)
  const rank = (field: Field) => order.findIndex((candidate) => matches(candidate, field))
  const placed = fields.filter((field) => rank(field) >= 0 && start(field) !== undefined)
  placed.sort((a, b) => start(a)! - start(b)!)
  const later = placed.find((field) => rank(field) > index)
  const earlier = placed.filter((field) => rank(field) < index).at(-1)
  // A table that puts a level in one cell and what it means in the next (`| **Impact** | High | Users wait |`).
  const split = placed.some((field) => field.row && splitsLevel(model, field))
  // After a row rather than before a line: the table gets the field, as a row.
  if (later && !(earlier?.row && !later.row)) return before(model, section, later, text, split)
  if (earlier) return after(model, section, earlier, text, split)
  return atEnd(model, section, text)
}

function start(field: Field): number | undefined {
  return field.labelNode.position?.start.offset
}

/** Before a field: as a line of its paragraph, or a block before that paragraph. */
function before(model: Model, section: Section, field: Field, text: string, split: boolean): Insertion | undefined {
  const at = start(field)!
  if (field.row) return rowNextTo(model, field, text, 'before', split)
  const item = itemHolding(model, section, at)
  if (item) return itemNextTo(model, item, text, 'before')
  const prefix = quotePrefix(model, at)
  if (prefix === undefined) return undefined
  const block = blockHolding(section, at)
  const blockStart = block?.position?.start.offset
  const nl = '\n' + prefix
  text = quoted(text, prefix)
  if (field.labelNode.type === 'heading') return {offset: at, text: `${text}\n\n`}
  if (block?.type !== 'paragraph' || blockStart === undefined)
    return blockStart === at ? {offset: at, text: text + blankLine(prefix) + nl} : undefined
  // One line joins a paragraph of field lines, ending as the line after it or the one before does.
  if (!text.includes('\n') && lines(model, block) > 1) {
    const lineBreak =
      blockStart === at ? hardBreak(model, lineEnd(model.source.text, at) + 1) : hardBreak(model, at - prefix.length)
    return {offset: at, text: text + lineBreak + nl}
  }
  if (blockStart === at) return {offset: at, text: text + blankLine(prefix) + nl}
  // A block in the middle of a paragraph of fields would split it: no certain place.
  return undefined
}

/** After a field: as the next line of its paragraph, or a block after what holds its value. */
function after(model: Model, section: Section, field: Field, text: string, split: boolean): Insertion | undefined {
  const at = start(field)!
  // A field of more than one line after a row: a block after the table.
  if (field.row && !text.includes('\n')) return rowNextTo(model, field, text, 'after', split)
  const item = itemHolding(model, section, at)
  if (item) return itemNextTo(model, item, text, 'after')
  const holder = field.list ?? field.code ?? field.block ?? blockHolding(section, at)
  const end = holder?.position?.end.offset
  if (end === undefined) return undefined
  const prefix = (field.row ? rowPrefix(model, at) : quotePrefix(model, at)) ?? ''
  const nl = '\n' + prefix
  text = quoted(text, prefix)
  if (!field.list && !field.code && !field.block && !text.includes('\n') && field.valueEnd !== undefined) {
    const valueLineEnd = lineEnd(model.source.text, field.valueEnd)
    if (valueLineEnd < end) return {offset: valueLineEnd, text: nl + text + hardBreak(model, valueLineEnd + 1)}
    // The last line of a paragraph of field lines: a new last line, with the break the lines before end with.
    if (valueLineEnd === end && holder && lines(model, holder) > 1)
      return {offset: end, text: hardBreak(model, at - prefix.length) + nl + text}
  }
  return {offset: end, text: blankLine(prefix) + nl + text}
}

/** A field written as an item of a list of fields (`- **Impact**: High - …`): the item, its list, and what its line starts with. */
interface FieldItem {
  item: ListItem
  list: List
  /** Before the item's text on its line: its indent or quote marks, then its bullet (`  - `). */
  lead: string
}

/** The item of a bulleted list of the section whose text starts with the label at `at`. */
function itemHolding(model: Model, section: Section, at: number): FieldItem | undefined {
  const block = blockHolding(section, at)
  if (block?.type !== 'list' || block.ordered) return undefined
  const item = block.children.find((child) => child.children[0]?.position?.start.offset === at)
  const start = item?.position?.start.offset
  if (!item || start === undefined) return undefined
  const lead = model.source.text.slice(lineStart(model.source.text, start), at)
  return /^[ \t>]*[-*+][ \t]+$/.test(lead) ? {item, list: block, lead} : undefined
}

/** A field as an item next to a field's item: its lines after the first indented as the item's text is. */
function itemNextTo(model: Model, {item, list, lead}: FieldItem, text: string, side: 'before' | 'after'): Insertion {
  // The quote marks before the bullet, then a space for each character up to the item's text.
  const marks = lead.slice(0, lead.search(/[-*+]/))
  const indent = marks + ' '.repeat(lead.length - marks.length)
  const lines = text.split('\n').map((line, index) => (index === 0 ? lead + line : line && indent + line))
  const gap = list.spread ? '\n' : ''
  return side === 'before'
    ? {offset: lineStart(model.source.text, item.position!.start.offset!), text: lines.join('\n') + '\n' + gap}
    : {offset: item.position!.end.offset!, text: '\n' + gap + lines.join('\n')}
}

/** With no field to go by: after the section's own text, before a closing `---`. */
function atEnd(model: Model, section: Section, text: string): Insertion | undefined {
  const own = section.content.filter((node, index, all) => !(node.type === 'thematicBreak' && index === all.length - 1))
  const end = (own.at(-1) ?? section.heading)?.position?.end.offset
  return end === undefined ? undefined : {offset: end, text: `\n\n${text}`}
}

/** The block of the section holding an offset; in a blockquote, the block in it (a quoted field's paragraph). */
function blockHolding(section: Section, offset: number): RootContent | undefined {
  const holds = (node: RootContent) =>
    (node.position?.start.offset ?? Infinity) <= offset && offset < (node.position?.end.offset ?? -Infinity)
  let block = section.content.find(holds)
  while (block?.type === 'blockquote') {
    const inner = block.children.find(holds)
    // The quote's marks, between its blocks: the quote is the block.
    if (!inner) break
    block = inner
  }
  return block
}

/**
 * What the line holding `offset` starts with before it: nothing (the start
 * of a line), or only quote marks and spaces (`> `), as a line put next to
 * a field in a blockquote starts too; else undefined.
 */
function quotePrefix(model: Model, offset: number): string | undefined {
  const prefix = model.source.text.slice(lineStart(model.source.text, offset), offset)
  return prefix === '' || (prefix.includes('>') && /^[ \t>]*$/.test(prefix)) ? prefix : undefined
}

/** A text's lines after the first, each begun with the quote marks (`prefix`); a blank one with the marks alone. */
function quoted(text: string, prefix: string): string {
  return prefix === ''
    ? text
    : text.replace(/\n([^\n]*)/g, (_, line: string) => '\n' + (line ? prefix + line : prefix.trimEnd()))
}

/** A blank line within the quote marks (an empty one outside a quote). */
function blankLine(prefix: string): string {
  return '\n' + prefix.trimEnd()
}

function lines(model: Model, node: RootContent): number {
  const {start, end} = node.position ?? {}
  return start && end ? end.line - start.line + 1 : 0
}

/** The hard break (two spaces, a backslash) that ends the line before `lineStartOffset`, to end a line put there. */
function hardBreak(model: Model, lineStartOffset: number): string {
  const text = model.source.text
  let end = lineStartOffset - 1
  if (text[end] === '\n' && text[end - 1] === '\r') end--
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end)
  return line.endsWith('\\') ? '\\' : line.endsWith('  ') ? '  ' : ''
}
