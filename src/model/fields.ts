/**
 * Fields: a bold (or italic) label at the start of a line and the value
 * after it, as found in one paragraph (block-fields.ts finds them in a
 * section's blocks, with the block after a label as its value).
 */
import type {Blockquote, Code, Emphasis, Heading, Html, List, Paragraph, PhrasingContent, Strong, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {normalizeLabel, splitQualifier} from '../text/text.js'

/**
 * A bold (or italic) label and what follows it: `**Label**: text`,
 * `**Label:** text`, `**Label** (qualifier): text`, `**Label** — text`, or a
 * label on its own line followed by a list, code block or other block.
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
}

/** Blocks other than lists and code that can hold a label's value. */
export type ValueBlock = Paragraph | Blockquote | Table | Html

/**
 * After the label: a qualifier, then a colon, or a dash (`**Label** — text`).
 * The spaces after a qualifier are inside its group, so a run of spaces has
 * one way to match (two `[ \t]*` in a row split it in quadratic ways).
 */
const colonAfterLabel = /^[ \t]*(?:\(([^)\n]*)\)[ \t]*)?(?::|[—–])/

/** The fields that start lines of one paragraph. */
export function paragraphFields(paragraph: Paragraph): Field[] {
  const fields: Field[] = []
  const children = paragraph.children
  let current: Field | undefined

  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const started = atLineStart(children, index) ? fieldAt(child, children[index + 1]) : undefined

    if (started) {
      if (current) settleValue(current)
      current = started
      fields.push(current)
      continue
    }

    if (current) current.value.push(child)
  }

  if (current) settleValue(current)
  return fields
}

/** Once a field's value nodes are all known: its text (without the colon after the label) and where the value starts and ends. */
function settleValue(field: Field): void {
  const [first] = field.value
  let text = field.value.map((node) => toString(node)).join('')
  let consumed = 0

  if (!/:\s*$/.test(toString(field.labelNode))) {
    // The colon (and a qualifier) are in the text after the label.
    const match = colonAfterLabel.exec(text)
    consumed = match ? match[0].length : 0
  }

  text = text.slice(consumed)
  field.text = text.trim()

  const start = first?.position?.start.offset ?? field.labelNode.position?.end.offset
  field.valueStart = start === undefined ? undefined : start + (first?.type === 'text' ? consumed : 0)
  field.valueEnd = field.value.at(-1)?.position?.end.offset ?? field.labelNode.position?.end.offset
}

/** Whether the child at `index` starts a line of its paragraph. */
function atLineStart(children: PhrasingContent[], index: number): boolean {
  if (index === 0) return true
  const previous = children[index - 1]!
  if (previous.type === 'break') return true
  return previous.type === 'text' && endsWithLineBreak(previous.value)
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
function fieldAt(node: PhrasingContent, next: PhrasingContent | undefined): Field | undefined {
  if (node.type !== 'strong' && node.type !== 'emphasis') return undefined
  let raw = toString(node).trim()

  let qualifier: string | undefined

  if (raw.endsWith(':')) {
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
  return emptyField(raw, qualifier, node)
}

/**
 * A field with no value yet. Built whole here, not spread from another
 * object: V8 makes `{...label, text: ''}` a slow dictionary object, which
 * made finding fields five times slower.
 */
function emptyField(label: string, qualifier: string | undefined, labelNode: Field['labelNode']): Field {
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
    block: undefined
  }
}
