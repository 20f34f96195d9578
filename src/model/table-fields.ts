/**
 * Fields in the rows of a table whose first cell is a label
 * (`| **Owner** | Platform |`), read as GitHub splits a row into cells: the
 * second cell is the value.
 */
import type {Paragraph, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {lineEnd} from './lines.js'

/** What of a field (fields.ts) its cell settles: its value nodes, text and end. */
interface Cell {
  value: PhrasingContent[]
  text: string
  valueStart: number | undefined
  valueEnd: number | undefined
}

/**
 * A row's value, its second cell: up to the first `|` not escaped or the
 * line's end, as GitHub splits a row before it reads inline markup. Cells
 * after it are the table's (`| **Status** | Planning | since May |`).
 */
export function settleCell(field: Cell, consumed: number, source: string): void {
  const from = field.valueStart
  const end = from === undefined ? undefined : cellEnd(source, from)
  if (end === undefined) {
    field.valueEnd = undefined
    return
  }
  field.valueEnd = from! + source.slice(from, end).trimEnd().length
  field.value = field.value.filter((node) => (node.position?.start.offset ?? end) < end)
  const text = field.value.map((node, index) => {
    const {start, end: last} = node.position ?? {}
    if (node.type !== 'text' || !start || !last || last.offset! <= end) return toString(node)
    // The text the cell ends in, up to the `|` that ends it (after the one the cell starts with, in
    // the first): escaped ones before it are `|` in its value too.
    let cut = index === 0 ? consumed - 1 : -1
    for (let pipes = escapedPipes(source, Math.max(start.offset!, from!), end); pipes >= 0; pipes--) {
      cut = node.value.indexOf('|', cut + 1)
    }
    const line = node.value.search(/[\r\n]/)
    return node.value.slice(0, source[end] === '|' && cut !== -1 ? cut : line === -1 ? undefined : line)
  })
  field.text = text.join('').slice(consumed).trim()
}

/** Where a cell that starts at `from` ends: its `|`, or the line's end. */
function cellEnd(source: string, from: number): number {
  let at = from
  while (at < source.length && !isLineEnd(source.charCodeAt(at)) && !(source[at] === '|' && source[at - 1] !== '\\'))
    at++
  return at
}

/** The escaped `|`s (`\\|`) between two offsets. */
function escapedPipes(source: string, from: number, to: number): number {
  let count = 0
  for (let at = source.indexOf('\\|', from); at !== -1 && at < to; at = source.indexOf('\\|', at + 2)) count++
  return count
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13
}

/** Whether a paragraph has a table's delimiter row (`| --- | :---: |`, `--- | ---`): then it is a table. */
export function hasDelimiterRow(paragraph: Paragraph): boolean {
  return toString(paragraph)
    .split(/\r?\n|\r/)
    .some((line) => line.includes('|') && line.includes('-') && /^[\s|:-]+$/.test(line))
}

/** A row field's cells after its value's, as written (`| **Impact** | High | Wrong totals |`: ` Wrong totals |`); else ''. */
export function laterCells(field: {row: boolean; valueEnd: number | undefined}, source: string): string {
  if (!field.row || field.valueEnd === undefined) return ''
  return source.slice(field.valueEnd, lineEnd(source, field.valueEnd))
}
