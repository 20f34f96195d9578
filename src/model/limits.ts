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
 * headings and list items that may interrupt one (see `prefixOf`), and
 * a block starts after a blank line, at each list item, block quote or
 * footnote definition, and at each line that may start a block without a
 * blank line before it (see `startsBlock`).
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

function lineEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || char === 13) return index
  }
  return text.length
}

/**
 * The container prefix of a line: how deep it nests (`>` marks, list
 * markers, footnote definitions, and indentation, two columns a level),
 * how many of each it has, the last list marker's kind (its character, or
 * the delimiter after a number), and where its content starts.
 */
function prefixOf(text: string, start: number, end: number) {
  let quotes = 0
  let items = 0
  let footnotes = 0
  let columns = 0
  let marker = 0
  let interrupts = false
  let index = start
  while (index < end) {
    const char = text.charCodeAt(index)
    if (char === 32 /* space */) columns++
    else if (char === 9 /* tab */) columns += 4
    else if (char === 62 /* > */) {
      quotes++
      // The space after a block quote mark belongs to the mark.
      if (text.charCodeAt(index + 1) === 32) index++
    } else {
      const length = listMarkerLength(text, index, end) || footnoteLabelLength(text, index, end)
      if (length === 0) break
      if (char === 91 /* [ */) footnotes++
      else {
        // The marker's kind: `-`, `*`, `+`, or the `.` or `)` after a number.
        const at =
          index + length - 1 > index && text.charCodeAt(index + length - 1) <= 32
            ? index + length - 2
            : index + length - 1
        marker = text.charCodeAt(at)
        // Only a bullet or `1.` can start a list inside a paragraph, and only if not indented as code.
        if (items === 0) interrupts = columns < 4 && (at === index || Number(text.slice(index, at)) === 1)
        items++
      }
      index += length
      continue
    }
    index++
  }
  const depth = quotes + items + footnotes + Math.floor(columns / 2)
  return {depth, quotes, items, footnotes, marker, interrupts, indent: columns, content: index}
}

/** Whether a line's content (from `start`) is an ATX heading (`#` to `######`, then a space or nothing). */
function isHeading(text: string, start: number, end: number): boolean {
  let at = start
  while (at < end && at - start < 7 && text.charCodeAt(at) === 35) at++
  const next = text.charCodeAt(at)
  return at > start && at - start < 7 && (at === end || next === 32 || next === 9)
}

/** The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) and its space at `index`, or 0. */
function listMarkerLength(text: string, index: number, end: number): number {
  let at = index
  const char = text.charCodeAt(at)
  if (char === 45 || char === 42 || char === 43) at++
  else {
    while (at < end && at - index < 9 && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++
    if (at === index || (text.charCodeAt(at) !== 46 && text.charCodeAt(at) !== 41)) return 0
    at++
  }
  if (at === end) return at - index
  const next = text.charCodeAt(at)
  return next === 32 || next === 9 ? at - index + 1 : 0
}

/** The length of a footnote definition's label and colon (`[^1]: `) at `index`, or 0. */
function footnoteLabelLength(text: string, index: number, end: number): number {
  if (text.charCodeAt(index) !== 91 || text.charCodeAt(index + 1) !== 94) return 0
  // Labels are at most 999 characters, as in micromark.
  for (let at = index + 2; at < end && at - index < 1_002; at++) {
    // With the space after it, as for a list marker.
    if (text.charCodeAt(at) === 93)
      return text.charCodeAt(at + 1) !== 58 ? 0 : at - index + (text.charCodeAt(at + 2) === 32 ? 3 : 2)
  }
  return 0
}

/**
 * Whether a line's content (from `start`) may start a block without a blank
 * line before it: an ATX heading, a thematic break or setext underline, a
 * code fence, HTML, or a definition.
 */
function startsBlock(text: string, start: number, end: number): boolean {
  const char = text.charCodeAt(start)
  switch (char) {
    case 35 /* # */:
    case 60 /* < */:
      return true
    case 61 /* = */:
    case 45 /* - */:
    case 42 /* * */:
    case 95 /* _ */:
      return onlyOf(text, start, end, char)
    case 96 /* ` */:
    case 126 /* ~ */:
      return text.charCodeAt(start + 1) === char && text.charCodeAt(start + 2) === char
    case 91 /* [ */:
      // Searched within the line only: searching the rest of the file would make the pass quadratic.
      return text.slice(start, end).includes(']:')
    default:
      return false
  }
}

/** Whether a line's content is only `char`, spaces and tabs. */
function onlyOf(text: string, start: number, end: number, char: number): boolean {
  for (let index = start; index < end; index++) {
    const found = text.charCodeAt(index)
    if (found !== char && found !== 32 && found !== 9) return false
  }
  return true
}

/**
 * Count the inline markers of a line's content: return all of them (runs
 * of `*`, `_` or backticks, `[`, `]`, `<`, `&`, `\\`), and add to its
 * paragraph's count those that make the parser's work grow with the square
 * of their number in a paragraph (emphasis and link markers), and how deep
 * brackets are open. A `_` between two ASCII letters or digits is no marker.
 */
function countMarkers(
  text: string,
  start: number,
  end: number,
  paragraph: {markers: number; brackets: number; deepest: number}
): number {
  let all = 0
  for (let index = start; index < end; index++) {
    const char = text.charCodeAt(index)
    if (char === 42 || char === 95 || char === 96) {
      const from = index
      while (index + 1 < end && text.charCodeAt(index + 1) === char) index++
      if (char === 95 && isWordChar(text.charCodeAt(from - 1)) && isWordChar(text.charCodeAt(index + 1))) continue
      all++
      if (char !== 96) paragraph.markers++
    } else if (char === 91 || char === 93) {
      all++
      paragraph.markers++
      if (char === 91) paragraph.deepest = Math.max(paragraph.deepest, ++paragraph.brackets)
      else if (paragraph.brackets > 0) paragraph.brackets--
    } else if (char === 60 || char === 38 || char === 92) all++
  }
  return all
}

function isWordChar(char: number): boolean {
  return (char >= 48 && char <= 57) || (char >= 65 && char <= 90) || (char >= 97 && char <= 122)
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
