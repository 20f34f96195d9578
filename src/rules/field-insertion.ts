/**
 * Where a fix puts back a missing field: the template's text of it, in
 * template order among the section's fields, in the doc's own marks. A
 * one-line field joins the lines of a field paragraph (`**Impact**: …`
 * over `**Probability**: …`); anything longer is a block of its own.
 */
import type {RootContent} from 'mdast'
import type {Field} from '../model/fields.js'
import {lineEnd} from '../model/lines.js'
import type {Model, Section} from '../model/model.js'
import {matches} from '../match/outline.js'
import type {FieldSpec, SectionSpec} from '../schema/types.js'
import {type Insertion, fitted} from './insertion.js'
import {plainLabelIn} from './plain-label.js'

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
  const bolded = (other: FieldSpec) =>
    other !== spec && !other.optional && !other.example && !fields.some((field) => matches(other, field))
  if (order.some((other) => bolded(other) && plainLabelIn(model, section.content, fields, other))) return undefined
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
      blockStart === at ? hardBreak(model, endOfLine(model, at) + 1) : hardBreak(model, at - prefix.length)
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
  const holder = field.list ?? field.code ?? field.block ?? blockHolding(section, at)
  const end = holder?.position?.end.offset
  if (end === undefined) return undefined
  const prefix = (field.row ? rowPrefix(model, at) : quotePrefix(model, at)) ?? ''
  const nl = '\n' + prefix
  text = quoted(text, prefix)
  if (!field.list && !field.code && !field.block && !text.includes('\n') && field.valueEnd !== undefined) {
    const lineEnd = endOfLine(model, field.valueEnd)
    if (lineEnd < end) return {offset: lineEnd, text: nl + text + hardBreak(model, lineEnd + 1)}
    // The last line of a paragraph of field lines: a new last line, with the break the lines before end with.
    if (lineEnd === end && holder && lines(model, holder) > 1)
      return {offset: end, text: hardBreak(model, at - prefix.length) + nl + text}
  }
  return {offset: end, text: blankLine(prefix) + nl + text}
}

/**
 * A one-line field as a row of the table a row field is in, before or after
 * its row, begun as that row's line is (`> `, in a quote).
 */
function rowNextTo(
  model: Model,
  field: Field,
  text: string,
  side: 'before' | 'after',
  split: boolean
): Insertion | undefined {
  const at = start(field)!
  const lineStart = startOfLine(model, at)
  const prefix = rowPrefix(model, at)
  const cells = rowCells(model, field)
  const row = tableRow(text, model.source.text.slice(lineStart, at).includes('|'), cells.length - 1, split)
  if (row === undefined || prefix === undefined) return undefined
  return side === 'before'
    ? {offset: lineStart, text: `${prefix}${row}\n`, row}
    : {offset: endOfLine(model, field.valueEnd ?? at), text: `\n${prefix}${row}`, row}
}

/** What a row's line starts with before its first cell: nothing or quote marks (`> `); else undefined. */
function rowPrefix(model: Model, at: number): string | undefined {
  const lead = model.source.text.slice(startOfLine(model, at), at)
  const prefix = lead.trimEnd().endsWith('|') ? lead.slice(0, lead.lastIndexOf('|')) : lead
  return /^[ \t>]*$/.test(prefix) ? prefix : undefined
}

/**
 * A one-line field (`**Label**: value`, `**Label:** value`) as a table row,
 * `| **Label** | value |` (or `**Label** | value`), with as many empty cells
 * after its value as its table has (`| **Label** | value | |`); `split`, its
 * value's parts around ` - ` in two cells (`| **Impact** | [Level] | [What] |`).
 */
function tableRow(text: string, piped: boolean, more: number, split: boolean): string | undefined {
  const found = /^([^:\n]*):((?:\*\*|__|\*|_)?)([^\n]*)$/.exec(text)
  if (!found) return undefined
  const [, label, marks, rest] = found as unknown as [string, string, string, string]
  const value = rest.trim()
  const at = split ? value.indexOf(' - ') : -1
  const parts = at === -1 ? [value] : [value.slice(0, at), value.slice(at + 3)]
  const cells = [`${label}${marks}`, ...parts, ...Array.from({length: more + 1 - parts.length}, () => '')]
  return piped ? `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |') : cells.join(' | ').trimEnd()
}

/** Whether a row has a word in its second cell and more in its third (`| **Impact** | High | Users wait |`). */
function splitsLevel(model: Model, field: Field): boolean {
  const cells = rowCells(model, field)
  return cells.length > 1 && !cells[0]!.includes(' - ') && /\p{L}/u.test(cells[0]!) && cells[1]!.trim() !== ''
}

/** A row field's cells after its label's, as written (`| **Label** | value | note |`: ` value `, ` note `). */
function rowCells(model: Model, field: Field): string[] {
  const at = start(field)!
  const cells = model.source.text
    .slice(at, endOfLine(model, at))
    .split(/(?<!\\)\|/)
    .slice(1)
  // After a closing `|`, nothing but spaces: no cell.
  if (cells.length > 1 && cells.at(-1)!.trim() === '') cells.pop()
  return cells
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
  const prefix = model.source.text.slice(startOfLine(model, offset), offset)
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

/** Where the line holding `offset` starts. */
function startOfLine(model: Model, offset: number): number {
  const text = model.source.text
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
}

function endOfLine(model: Model, offset: number): number {
  return lineEnd(model.source.text, offset)
}

/** The hard break (two spaces, a backslash) that ends the line before `lineStartOffset`, to end a line put there. */
function hardBreak(model: Model, lineStartOffset: number): string {
  const text = model.source.text
  let end = lineStartOffset - 1
  if (text[end] === '\n' && text[end - 1] === '\r') end--
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end)
  return line.endsWith('\\') ? '\\' : line.endsWith('  ') ? '  ' : ''
}
