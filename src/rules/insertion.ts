/**
 * What fixes that put back what is missing share: the template's skeleton
 * in the doc's own bullets, emphasis and heading form, and the blocks of the doc by
 * where they end (see section-insertion.ts, field-insertion.ts).
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Model, Section} from '../model/model.js'
import type {Skeleton} from '../schema/types.js'
import {memo} from '../model/memo.js'
import {eachNode} from '../model/nodes.js'

/** An insertion: the offset and the text to insert there. */
export interface Insertion {
  offset: number
  text: string
  /** The table row the text puts in (`| **Label** | value |`), where the fields next to it are rows. */
  row?: string
}

/**
 * An insertion after the last node of the doc, moved to its very end:
 * messages between the last node and the end are dropped by remark's
 * message control, which takes that stretch for a gap. The text then
 * keeps the blank line (or the joined line) it would have had.
 */
export function pastLastNode(model: Model, insertion: Insertion): Insertion {
  const {text} = model.source
  const trailing = text.slice(insertion.offset)
  if (trailing === '' || trailing.trim() !== '') return insertion
  const breaks = trailing.split(/\r\n|\r|\n/).length - 1
  const leading = /^[\r\n]*/.exec(insertion.text)![0]
  const lead = leading.split(/\r\n|\r|\n/).length - 1
  let end = insertion.text.length
  while (end > leading.length && '\r\n'.includes(insertion.text[end - 1]!)) end--
  const body = insertion.text.slice(leading.length, end)
  const gap = lead === 1 && breaks < 2 ? 1 : 2
  return {offset: text.length, text: '\n'.repeat(Math.max(0, gap - breaks)) + body + (breaks > 0 ? '\n' : '')}
}

/** The skeleton's text with the doc's own bullet and emphasis marks, and its headings' form. */
export function fitted(skeleton: Skeleton, model: Model): string {
  const style = styleOf(model)
  const chars = skeleton.text.split('')
  const put = (offsets: number[], mark: string | undefined, width: number) => {
    if (mark === undefined) return
    for (const offset of offsets) for (let index = 0; index < width; index++) chars[offset + index] = mark
  }
  put(skeleton.bullets, style.bullet, 1)
  put(skeleton.strong, style.strong, 2)
  put(skeleton.emphasis, style.emphasis, 1)
  // `**Label**:` as `**Label:**`, in a doc whose labels hold their colon.
  if (style.colonInside) {
    for (let index = 1; index < skeleton.strong.length; index += 2) {
      const close = skeleton.strong[index]!
      if (chars[close + 2] === ':') chars.splice(close, 3, ':', chars[close]!, chars[close + 1]!)
    }
  }
  return style.setext ? setext(chars.join('')) : chars.join('')
}

/** Text whose `#` and `##` headings, outside code, are underlined instead (`Goal` over `----`), as a doc of such headings has them. */
function setext(text: string): string {
  let fence: string | undefined
  return text
    .split('\n')
    .map((line) => {
      const mark = /^(`{3,}|~{3,})/.exec(line)?.[1]
      if (mark && (!fence || mark.startsWith(fence))) fence = fence ? undefined : mark
      const heading = fence ? null : /^(#{1,2}) +(\S.*)$/.exec(line)
      return heading ? `${heading[2]}\n${(heading[1] === '#' ? '=' : '-').repeat(heading[2]!.length)}` : line
    })
    .join('\n')
}

/** The block or heading that ends last at or before an offset. */
export function blockBefore(model: Model, offset: number): RootContent | undefined {
  const blocks = memo(blockCache, model, blocksOf)
  // Binary search: docs with thousands of sections ask once per section.
  let low = 0
  let high = blocks.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (blocks[middle]!.end <= offset) low = middle + 1
    else high = middle
  }
  return blocks[low - 1]?.node
}

const blockCache = new WeakMap<Model, Array<{end: number; node: RootContent}>>()

/** Every top-level block and heading, by where it ends. */
function blocksOf(model: Model): Array<{end: number; node: RootContent}> {
  const blocks: Array<{end: number; node: RootContent}> = []
  for (const section of [model.root, ...model.sections]) {
    for (const node of section.heading ? [section.heading, ...section.content] : section.content) {
      const end = node.position?.end.offset
      if (end !== undefined) blocks.push({end, node})
    }
  }
  return blocks.sort((a, b) => a.end - b.end)
}

/** The doc's bold mark, doubled (`**` or `__`): a label the rules name or put back is written with it. */
export function strongMark(model: Model): string {
  return (styleOf(model).strong ?? '*').repeat(2)
}

interface Style {
  bullet?: string
  strong?: string
  emphasis?: string
  /** Every heading of depth 1 or 2 is underlined (setext), none written with `#`. */
  setext?: boolean
  /** The doc's first bold label holds its colon (`**Impact:**`). */
  colonInside?: boolean
}

/** The marks the doc uses first: its bullet, its strong and its emphasis marker. */
function styleOf(model: Model): Style {
  return memo(styleCache, model, findStyle)
}

const styleCache = new WeakMap<Model, Style>()

function findStyle(model: Model): Style {
  const style: Style = {}
  const text = model.source.text
  const at = (node: {position?: {start: {offset?: number}}}) => {
    const offset = node.position?.start.offset
    return offset === undefined ? undefined : text[offset]
  }
  const blocks = [model.root, ...model.sections].flatMap((section: Section) => section.content)
  eachNode({type: 'root', children: blocks}, function (node) {
    if (node.type === 'list' && !node.ordered && node.children[0]) style.bullet ??= at(node.children[0])
    if (node.type === 'strong') style.strong ??= at(node)
    if (node.type === 'emphasis') style.emphasis ??= at(node)
    return undefined
  })
  const top = model.sections.flatMap((section) => (section.heading && section.depth <= 2 ? [section.heading] : []))
  const label = [...model.metadata, ...model.sections.flatMap((section) => section.fields)].find(
    (field) => field.labelNode.type === 'strong' && !field.row
  )?.labelNode
  return {
    colonInside: label !== undefined && toString(label).trimEnd().endsWith(':'),
    setext: top.length > 0 && top.every((heading) => at(heading) !== '#'),
    bullet: style.bullet && '-*+'.includes(style.bullet) ? style.bullet : undefined,
    strong: style.strong && '*_'.includes(style.strong) ? style.strong : undefined,
    emphasis: style.emphasis && '*_'.includes(style.emphasis) ? style.emphasis : undefined
  }
}
