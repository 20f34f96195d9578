/**
 * Limits on what is parsed, and the checks against them: one linear pass
 * over a document's lines before it is parsed, and its tree's depth after.
 * remark's parser (micromark) is fast on real docs, but its work grows with
 * the square of some counts (emphasis and link markers in a paragraph,
 * brackets nested in one another, lists in a file), every block costs
 * memory, and deep nesting overflows the stack (README, “Limits on what is
 * parsed”).
 */
import type {Root} from 'mdast'
import type {Node} from 'unist'
import {countMarkers, isHeading, lineEnd, prefixOf, startsBlock} from './lines.js'

/** Limits on what is parsed; real milestone docs are 15–80 KB. */
export interface Limits {
  /** Characters in the file. */
  size: number
  /** Characters in one line. */
  lineLength: number
  /** Block quotes, list items and footnote definitions nested in one another; brackets open in one paragraph. */
  nesting: number
  /** Separate lists in the file. */
  lists: number
  /** Blocks in the file: paragraphs, headings, list items, block quotes… */
  blocks: number
  /** Inline markers in the file: runs of `*`, `_` or backticks, `[`, `]`, `<`, `&`, `\`. */
  markers: number
  /** Emphasis and link markers (runs of `*` or `_`, `[`, `]`) in one paragraph. */
  paragraphMarkers: number
}

/**
 * The defaults: each far above real docs (the largest paragraph among
 * hundreds of real docs and READMEs has 318 emphasis and link markers,
 * the largest file about 650 blocks and 2,500 inline markers, brackets at most 3 deep) and low
 * enough that no file within them takes much longer or much more memory
 * to parse than a real doc of its size (see the README, “Limits”).
 */
export const defaultLimits: Limits = {
  size: 1_000_000,
  lineLength: 100_000,
  nesting: 100,
  lists: 2_000,
  blocks: 20_000,
  markers: 50_000,
  paragraphMarkers: 1_000
}

/** What exceeded a limit, for messages. */
function described(excess: Excess): string {
  const {limit, found} = excess
  switch (limit) {
    case 'size':
      return `file of ${found} ${excess.bytes ? 'bytes' : 'characters'}`
    case 'lineLength':
      return `line of ${found} characters`
    case 'nesting':
      if (excess.brackets) return `nesting ${found} brackets deep (\`[\` not yet closed by \`]\` in one paragraph)`
      if (excess.tree) return `tree ${found} levels deep (emphasis, links, lists and block quotes in one another)`
      return `nesting ${found} block quotes, list items and footnote definitions deep`
    case 'lists':
      return `list number ${found}`
    case 'blocks':
      return `block number ${found}`
    case 'markers':
      return `${found} inline markers (runs of \`*\`, \`_\` or backticks, \`[\`, \`]\`, \`<\`, \`&\`, \`\\\`) by this line`
    case 'paragraphMarkers':
      return `${found} emphasis and link markers (runs of \`*\` or \`_\`, \`[\`, \`]\`) in one paragraph by this line`
  }
}

/** A limit a document exceeds, what was found, and where. */
export interface Excess {
  limit: keyof Limits
  found: number
  /** The line where it was found (1-based), if it is about a line. */
  line?: number
  /** Whether a nesting is of brackets, not of blocks. */
  brackets?: boolean
  /** Whether a nesting is the parsed tree's depth. */
  tree?: boolean
  /** Whether a size is in bytes: of a file not read, as it is too large. */
  bytes?: boolean
}

/**
 * How many levels deep a tree may be, per level of `limits.nesting`: a list
 * level takes two (list, item), and a paragraph and its text a few more.
 */
export const treeDepthFactor = 3

/** The depth of a tree and the line where it is deepest, if deeper than `limit` (counted without recursion). */
export function depthOver(tree: Root, limit: number): {depth: number; line?: number} | undefined {
  const stack: Array<[node: Node, depth: number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > limit) return {depth, line: node.position?.start.line}
    if ('children' in node && Array.isArray(node.children)) {
      for (const child of node.children as Node[]) stack.push([child, depth + 1])
    }
  }
  return undefined
}

/**
 * The first limit a document exceeds, in one pass over its lines. Blocks
 * and paragraphs are told apart the simple way, erring on the side of
 * counting more: a paragraph is a run of lines between blank lines,
 * headings and list items that may interrupt one (`prefixOf`, lines.ts), and
 * a block starts after a blank line, at each list item, block quote or
 * footnote definition, and at each line that may start a block without a
 * blank line before it (`startsBlock`).
 */
export function exceededLimit(text: string, limits: Limits): Excess | undefined {
  if (text.length > limits.size) return {limit: 'size', found: text.length}
  let lists = 0
  let listMarker = 0
  let blocks = 0
  let markers = 0
  const paragraph = {markers: 0, brackets: 0, deepest: 0}
  let quotes = 0
  let afterBlank = true
  let afterHeading = false
  let line = 0

  for (let start = 0; start <= text.length;) {
    // Lines end at `\n`, `\r\n` or `\r`, as in micromark.
    const end = lineEnd(text, start)
    line++
    if (end - start > limits.lineLength) return {limit: 'lineLength', found: end - start, line}

    const prefix = prefixOf(text, start, end)
    if (prefix.depth > limits.nesting) return {limit: 'nesting', found: prefix.depth, line}
    const blank = prefix.content === end && prefix.items === 0 && prefix.footnotes === 0
    if (!blank) {
      // A list starts at an item that does not continue one (indented lines
      // continue it); a new kind of marker starts a new list.
      if (prefix.marker && (!listMarker || prefix.marker !== listMarker) && ++lists > limits.lists) {
        return {limit: 'lists', found: lists, line}
      }
      if (prefix.marker) listMarker = prefix.marker
      else if (prefix.indent === 0) listMarker = 0

      blocks += prefix.items + prefix.footnotes + Math.max(0, prefix.quotes - quotes)
      if (prefix.content < end && (afterBlank || startsBlock(text, prefix.content, end))) blocks++
      if (blocks > limits.blocks) return {limit: 'blocks', found: blocks, line}

      // A paragraph ends at a blank line, and before and after a heading; a
      // list item may start one. Any other line may continue one.
      const heading = prefix.indent < 4 && isHeading(text, prefix.content, end)
      if (afterBlank || afterHeading || heading || (prefix.interrupts && prefix.content < end)) {
        paragraph.markers = 0
        paragraph.brackets = 0
        paragraph.deepest = 0
      }
      afterHeading = heading
      markers += countMarkers(text, prefix.content, end, paragraph)
      if (markers > limits.markers) return {limit: 'markers', found: markers, line}
      if (paragraph.markers > limits.paragraphMarkers)
        return {limit: 'paragraphMarkers', found: paragraph.markers, line}
      if (paragraph.deepest > limits.nesting) return {limit: 'nesting', found: paragraph.deepest, line, brackets: true}
    }
    quotes = prefix.quotes
    afterBlank = blank
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
  return undefined
}

/** What exceeds a limit, and the limit: `line of 114000 characters, over the limit of 100000`. */
export function excessText(excess: Excess, limits: Limits, elsewhere = false): string {
  const limit = excess.tree
    ? `${treeDepthFactor * limits.nesting} (${treeDepthFactor} × ${limits.nesting})`
    : limits[excess.limit]
  const text = `${described(excess)}, over the limit of ${limit}`
  // About another file than the message's: its line is named.
  if (!elsewhere || !excess.line) return text
  return text.includes('by this line')
    ? text.replace('by this line', `by line ${excess.line}`)
    : `${text}, on line ${excess.line}`
}
