/**
 * Putting back a missing field as a row of the table its neighbour is a
 * row of (field-insertion.ts): the row's form, cells and quote marks.
 */
import type {Field} from '../model/fields.js'
import {lineEnd, lineStart} from '../model/lines.js'
import type {Model} from '../model/model.js'
import type {Insertion} from './insertion.js'

/**
 * A one-line field as a row of the table a row field is in, before or after
 * its row, begun as that row's line is (`> `, in a quote).
 */
export function rowNextTo(
  model: Model,
  field: Field,
  text: string,
  side: 'before' | 'after',
  split: boolean
): Insertion | undefined {
  const at = field.labelNode.position!.start.offset!
  const rowStart = lineStart(model.source.text, at)
  const prefix = rowPrefix(model, at)
  const cells = rowCells(model, field)
  const row = tableRow(text, model.source.text.slice(rowStart, at).includes('|'), cells.length - 1, split)
  if (row === undefined || prefix === undefined) return undefined
  return side === 'before'
    ? {offset: rowStart, text: `${prefix}${row}\n`, row}
    : {offset: lineEnd(model.source.text, field.valueEnd ?? at), text: `\n${prefix}${row}`, row}
}

/** What a row's line starts with before its first cell: nothing or quote marks (`> `); else undefined. */
export function rowPrefix(model: Model, at: number): string | undefined {
  const lead = model.source.text.slice(lineStart(model.source.text, at), at)
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
export function splitsLevel(model: Model, field: Field): boolean {
  const cells = rowCells(model, field)
  return cells.length > 1 && !cells[0]!.includes(' - ') && /\p{L}/u.test(cells[0]!) && cells[1]!.trim() !== ''
}

/** A row field's cells after its label's, as written (`| **Label** | value | note |`: ` value `, ` note `). */
function rowCells(model: Model, field: Field): string[] {
  const at = field.labelNode.position!.start.offset!
  const cells = model.source.text
    .slice(at, lineEnd(model.source.text, at))
    .split(/(?<!\\)\|/)
    .slice(1)
  // After a closing `|`, nothing but spaces: no cell.
  if (cells.length > 1 && cells.at(-1)!.trim() === '') cells.pop()
  return cells
}
