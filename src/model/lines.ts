/**
 * A line's block structure, read without parsing, for the pre-pass of
 * limits.ts: its container prefix, whether it starts a block, and the
 * inline markers that make the parser's work grow. Plain loops over
 * character codes: the pre-pass must stay linear and cheap on any input.
 */

/** Where the line from `start` ends: its line ending, or the end of the text. */
export function lineEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || char === 13) return index
  }
  return text.length
}

/** Where the line holding `offset` starts: after the line ending before it, or at the text's start. */
export function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
}

/**
 * The container prefix of a line: how deep it nests (`>` marks, list
 * markers, footnote definitions, and indentation, two columns a level),
 * how many of each it has, the last list marker's kind (its character, or
 * the delimiter after a number), and where its content starts.
 */
export function prefixOf(text: string, start: number, end: number) {
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
export function isHeading(text: string, start: number, end: number): boolean {
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
export function startsBlock(text: string, start: number, end: number): boolean {
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
export function countMarkers(
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
