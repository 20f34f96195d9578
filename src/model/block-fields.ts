/**
 * The fields of a section's blocks: the labels that start the lines of its
 * paragraphs and top-level list items (fields.ts), each with the list,
 * code or other block right after it as its value; and a heading used as
 * a label, with the block below it.
 */
import type {Heading, Html, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {normalizeLabel, splitQualifier} from '../text/text.js'
import {type Field, type ValueBlock, paragraphFields, startsWithField} from './fields.js'

type Block = RootContent

/** Fields of the blocks of a section: paragraphs and top-level list items. */
export function fieldsOf(blocks: readonly Block[], source: string): Field[] {
  const fields: Field[] = []
  collectFields(blocks, fields, source)
  for (const block of blocks) {
    if (block.type !== 'list') continue
    for (const item of block.children) collectFields(item.children, fields, source)
  }
  return fields
}

/** Add the fields of the paragraphs among these blocks. */
function collectFields(blocks: readonly Block[], fields: Field[], source: string): void {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block?.type !== 'paragraph') continue
    const found = paragraphFields(block, source)
    const last = found.at(-1)
    if (last && last.text === '' && !last.row) {
      const next = nextBlock(blocks, index + 1)
      if (next?.type === 'list') last.list = next
      else if (next?.type === 'code') last.code = next
      else if (next) last.block = valueBlock(next)
    }
    fields.push(...found)
  }
}

/** The first block from `index` on that is not an HTML comment (`<!--lint ignore …-->`). */
function nextBlock(blocks: readonly Block[], index: number): Block | undefined {
  let next = blocks[index]
  while (next?.type === 'html' && isComment(next)) next = blocks[++index]
  return next
}

function isComment(node: Html): boolean {
  // Starts `<!--` and ends `-->`: the same as `^(?:\s*<!--[\s\S]*?-->)+\s*$`,
  // whose ways of splitting `<!-- a --><!-- b -->…` are exponential.
  return /^\s*<!--[\s\S]*-->\s*$/.test(node.value)
}

/** A block that holds a value: not a heading or rule, nor a paragraph that starts another label. */
function valueBlock(block: Block): ValueBlock | undefined {
  switch (block.type) {
    case 'paragraph':
      return startsWithField(block) ? undefined : block
    case 'blockquote':
    case 'table':
    case 'html':
      return block
    default:
      return undefined
  }
}

/**
 * A heading used as a label (`#### Success Criteria`, `#### Immediate (Start
 * Here)` with a qualifier, as a bold label may have): its value is the
 * paragraph, list or code block right below it.
 */
export function headingField(heading: Heading, blocks: readonly Block[]): Field {
  const text = toString(heading).trim().replace(/:$/, '').trimEnd()
  const {label, qualifier} = splitQualifier(text) ?? {label: text, qualifier: undefined}
  const first = nextBlock(blocks, 0)
  const paragraph = first?.type === 'paragraph' ? first : undefined
  return {
    label,
    key: normalizeLabel(label),
    qualifier,
    labelNode: heading,
    text: paragraph ? toString(paragraph).trim() : '',
    value: paragraph ? paragraph.children : [],
    valueStart: paragraph?.position?.start.offset,
    valueEnd: paragraph?.position?.end.offset,
    list: first?.type === 'list' ? first : undefined,
    code: first?.type === 'code' ? first : undefined,
    block: first && first.type !== 'paragraph' ? valueBlock(first) : undefined,
    row: false
  }
}
