/**
 * Fields: a bold (or italic) label at the start of a line and the value
 * after it, as found in one paragraph (block-fields.ts finds them in a
 * section's blocks, with the block after a label as its value).
 */
import type {Blockquote, Code, Emphasis, Heading, Html, List, Paragraph, PhrasingContent, Strong, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {normalizeLabel, splitQualifier} from '../text/text.js'
import {hasDelimiterRow, settleCell} from './table-fields.js'

/**
 * A bold (or italic) label and what follows it: `**Label**: text`,
 * `**Label:** text`, `**Label** (qualifier): text`, `**Label** — text`, a
 * label on its own line followed by a list, code block or other block, or a
 * row of a table, `| **Label** | text |` (the second cell is the value).
 */
export interface Field {
  /** Label as written, without markup, colon or qualifier. */
  label: string
  /** {@link normalizeLabel Normalised} label, for lookups. */
  key: string
  /** Parenthesised qualifier after the label, e.g. `Start Here`. */
  qualifier: string | undefined
  /** The label: bold or italic text, or a heading used as a label. */
  labelNode: Strong | Emphasis | Heading
  /** Inline value after the colon, as plain text, trimmed. */
  text: string
  /** Phrasing nodes of the value (after the label node). */
  value: PhrasingContent[]
  /** Source offset where the value starts (just after the colon). */
  valueStart: number | undefined
  /** Source offset where the value ends. */
  valueEnd: number | undefined
  /** The list right after the label's paragraph, for its last field. */
  list: List | undefined
  /** The code block right after the label's paragraph, for its last field. */
  code: Code | undefined
  /**
   * Another block right after the label's paragraph, for its last field: a
   * paragraph (not one that starts with a label), blockquote, table or HTML.
   */
  block: ValueBlock | undefined
  /** Whether the field is a table row (`| **Label** | text |`): its value is the second cell, whatever follows. */
  row: boolean
}

/** Blocks other than lists and code that can hold a label's value. */
export type ValueBlock = Paragraph | Blockquote | Table | Html

/**
 * After the label: a qualifier, then a colon, or a dash (`**Label** — text`);
 * the colon may be bold of its own (`**Impact****:**`, as Confluence and
 * Notion export a label bolded with its colon). The spaces after a qualifier are inside its group, so a run of spaces has
 * one way to match (two `[ \t]*` in a row split it in quadratic ways).
 */
const colonAfterLabel = /^[ \t]*(?:\(([^)\n]*)\)[ \t]*)?(?:(\*\*|__)?:\2|[—–])/

/** After a label in a table's first cell: a qualifier, then the cell's end. */
const cellAfterLabel = /^[ \t]*(?:\(([^)\n]*)\)[ \t]*)?\|/

/** The fields that start lines of one paragraph. */
export function paragraphFields(paragraph: Paragraph, source: string): Field[] {
  const fields: Field[] = []
  const children = paragraph.children
  let current: Field | undefined
  let table: boolean | undefined

  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const lineStart = atLineStart(children, index)
    const row = !lineStart && atRowStart(children, index)
    let started = row || lineStart ? fieldAt(child, children[index + 1], row) : undefined
    // A row without its outer `|` (`**Status** | Planning`), in a table: one with a delimiter row.
    if (!started && lineStart && (table ??= hasDelimiterRow(paragraph)))
      started = fieldAt(child, children[index + 1], true)

    if (started) {
      if (current) settleValue(current, source)
      current = started
      fields.push(current)
      continue
    }

    if (current) current.value.push(child)
  }

  if (current) settleValue(current, source)
  return fields
}

/** Once a field's value nodes are all known: its text (without the colon after the label) and where the value starts and ends. */
function settleValue(field: Field, source: string): void {
  const [first] = field.value
  let text = field.value.map((node) => toString(node)).join('')
  let consumed = 0

  if (field.row || !/:\s*$/.test(toString(field.labelNode))) {
    // The colon (and a qualifier), or a row's `|`, are in the text after the label.
    const match = (field.row ? cellAfterLabel : colonAfterLabel).exec(text)
    consumed = match ? match[0].length : 0
  }

  text = text.slice(consumed)
  field.text = text.trim()

  const start = first?.position?.start.offset ?? field.labelNode.position?.end.offset
  field.valueStart = start === undefined ? undefined : start + (first?.type === 'text' ? consumed : 0)
  field.valueEnd = field.value.at(-1)?.position?.end.offset ?? field.labelNode.position?.end.offset
  if (field.row) settleCell(field, consumed, source)
}

/** Whether a paragraph starts with a field's label (its first line is a field). */
export function startsWithField(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.children
  return first !== undefined && fieldAt(first, second, false) !== undefined
}

/** Whether the child at `index` starts a line of its paragraph. */
function atLineStart(children: PhrasingContent[], index: number): boolean {
  if (index === 0) return true
  const previous = children[index - 1]!
  if (previous.type === 'break') return true
  return previous.type === 'text' && endsWithLineBreak(previous.value)
}

/** Whether the child at `index` starts a table row's first cell: a line start, `|` and spaces before it. */
function atRowStart(children: PhrasingContent[], index: number): boolean {
  const previous = children[index - 1]
  if (previous?.type !== 'text') return false
  const text = previous.value
  let at = text.length - 1
  while (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at--
  if (text.charCodeAt(at--) !== 124) return false
  while (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at--
  return at < 0 ? atLineStart(children, index - 1) : text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13
}

/**
 * Whether text ends in a line break and spaces or tabs. Scanned from the end:
 * `/[\r\n][ \t]*$/` would scan every text node of every paragraph whole.
 */
function endsWithLineBreak(text: string): boolean {
  let index = text.length - 1
  while (index >= 0 && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9)) index--
  const char = text.charCodeAt(index)
  return char === 10 || char === 13
}

/** The field a bold (or italic) label starts, with its value still empty. */
function fieldAt(node: PhrasingContent, next: PhrasingContent | undefined, row: boolean): Field | undefined {
  if (node.type !== 'strong' && node.type !== 'emphasis') return undefined
  let raw = toString(node).trim()

  let qualifier: string | undefined

  if (row) {
    // `| **Label** |` or `| **Label:** (qualifier) |`: the cell ends after it.
    const after = next?.type === 'text' ? cellAfterLabel.exec(next.value) : null
    if (!after) return undefined
    raw = raw.replace(/:$/, '').trimEnd()
    qualifier = after[1]?.trim() || undefined
  } else if (raw.endsWith(':')) {
    // `**Label:**`: the colon is inside the emphasis.
    raw = raw.slice(0, -1).trimEnd()
  } else {
    // `**Label**:` or `**Label** (qualifier):`: the colon follows.
    const after = next?.type === 'text' ? colonAfterLabel.exec(next.value) : null
    if (!after) return undefined
    qualifier = after[1]?.trim() || undefined
  }

  // `**System Flow (Validation)**:`: a qualifier inside the emphasis.
  const inner = splitQualifier(raw)
  if (inner) {
    raw = inner.label
    qualifier = inner.qualifier ?? qualifier
  }

  if (!raw) return undefined
  return emptyField(raw, qualifier, node, row)
}

/**
 * A field with no value yet. Built whole here, not spread from another
 * object: V8 makes `{...label, text: ''}` a slow dictionary object, which
 * made finding fields five times slower.
 */
function emptyField(label: string, qualifier: string | undefined, labelNode: Field['labelNode'], row: boolean): Field {
  return {
    label,
    key: normalizeLabel(label),
    qualifier,
    labelNode,
    text: '',
    value: [],
    valueStart: undefined,
    valueEnd: undefined,
    list: undefined,
    code: undefined,
    block: undefined,
    row
  }
}
