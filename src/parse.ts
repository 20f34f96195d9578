/**
 * A guard around the parser. remark's parser (micromark) is fast on real
 * docs, but some input makes it slow or makes it throw: deep nesting
 * (10,000 nested block quotes overflow the stack; 400 nested list levels
 * take seconds), many lists in one file and very long lines (both
 * quadratic). One such file must not crash or stall a run over many files,
 * so before parsing, one linear pass over the lines checks documented
 * limits, and any parser exception becomes a message on that file.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

/** Limits on what is parsed; real milestone docs are 15–40 KB. */
export interface Limits {
  /** Characters in the file. */
  size: number
  /** Characters in one line. */
  lineLength: number
  /** Block quotes and list levels nested in one another. */
  nesting: number
  /** Separate lists in the file. */
  lists: number
}

export const defaultLimits: Limits = {size: 1_000_000, lineLength: 100_000, nesting: 100, lists: 2_000}

/** What exceeded a limit, for messages. */
const described: Record<keyof Limits, (found: number) => string> = {
  size: (found) => `file of ${found} characters`,
  lineLength: (found) => `line of ${found} characters`,
  nesting: (found) => `nesting ${found} block quotes and list levels deep`,
  lists: (found) => `list number ${found}`
}

export interface Excess {
  limit: keyof Limits
  found: number
  /** The line where it was found (1-based), if it is about a line. */
  line?: number
}

/** What the guard asks of a file before parsing it (see index.ts). */
export interface Triage {
  /** Whether a file over a limit deserves a message: it looks like a milestone doc. */
  worthReporting: (document: string, file: VFile) => boolean
  /** Whether a file within the limits is parsed at all: not one that no plugin needs the tree of. */
  worthParsing: (document: string, file: VFile) => boolean
}

/** Wrap a processor's parser with the guard. */
export function guardParser(processor: Processor<Root>, limits: Limits, triage: Triage): void {
  const parse = processor.parser
  if (!parse || (parse as {guarded?: boolean}).guarded) return

  function guarded(text: string, file: VFile): Root {
    const document = decoded(text, file)
    const excess = exceededLimit(document, limits)
    if (excess) {
      // Only a milestone doc is worth failing a run for: other huge files are skipped.
      if (triage.worthReporting(document, file)) reportExcess(file, excess, limits)
      return unparsed(document)
    }
    if (!triage.worthParsing(document, file)) return unparsed(document)
    try {
      return parse!(document, file) as Root
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const message = file.message(`Cannot parse this file (${reason}), so it is not linted`, {
        ruleId: 'parse',
        source: 'remark-lint-milestone'
      })
      message.fatal = true
      return unparsed(document)
    }
  }

  processor.parser = Object.assign(guarded, {guarded: true})
}

/** The first limit a document exceeds, in one pass over its lines. */
export function exceededLimit(text: string, limits: Limits): Excess | undefined {
  if (text.length > limits.size) return {limit: 'size', found: text.length}
  let lists = 0
  let inList = false
  let line = 0

  for (let start = 0; start <= text.length; ) {
    // Lines end at `\n`, `\r\n` or `\r`, as in micromark.
    const end = lineEnd(text, start)
    line++
    if (end - start > limits.lineLength) return {limit: 'lineLength', found: end - start, line}

    const {depth, item, indent, blank} = prefixOf(text, start, end)
    if (depth > limits.nesting) return {limit: 'nesting', found: depth, line}
    if (!blank) {
      // A list starts at an item that does not continue one (indented lines continue it).
      if (item && !inList && ++lists > limits.lists) return {limit: 'lists', found: lists, line}
      inList = item || (inList && indent > 0)
    }
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
 * markers, and indentation, two columns a level), and whether it is a list
 * item.
 */
function prefixOf(text: string, start: number, end: number) {
  let depth = 0
  let columns = 0
  let item = false
  let index = start
  while (index < end) {
    const char = text.charCodeAt(index)
    if (char === 32 /* space */) columns++
    else if (char === 9 /* tab */) columns += 4
    else if (char === 62 /* > */) {
      depth++
      // The space after a block quote mark belongs to the mark.
      if (text.charCodeAt(index + 1) === 32) index++
    }
    else {
      const marker = listMarker(text, index, end)
      if (marker === 0) break
      depth++
      item = true
      index += marker
      continue
    }
    index++
  }
  return {depth: depth + Math.floor(columns / 2), item, indent: columns, blank: index === end}
}

/** The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) and its space at `index`, or 0. */
function listMarker(text: string, index: number, end: number): number {
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

function reportExcess(file: VFile, excess: Excess, limits: Limits): void {
  const message = file.message(
    `Unexpected ${described[excess.limit](excess.found)}, over the limit of ${limits[excess.limit]}, ` +
      `so this file is not linted; raise the preset option \`limits.${excess.limit}\` to lint it`,
    {
      place: excess.line ? {line: excess.line, column: 1} : undefined,
      ruleId: 'limits',
      source: 'remark-lint-milestone'
    }
  )
  message.fatal = true
}

/**
 * The tree of a file that is not parsed (over a limit, or not worth it): its
 * text as one raw node, so rules find nothing and a processor that writes
 * output would write it unchanged.
 */
function unparsed(document: string): Root {
  return {type: 'root', children: document ? [{type: 'html', value: document}] : []}
}

/**
 * The text of a file saved as UTF-16 (Windows' “Unicode”), which starts
 * with a byte order mark: unified reads every file as UTF-8, which makes
 * such a file a string of NULs, silently clean. The file's value becomes
 * the decoded text, so that every rule reads the same.
 */
function decoded(text: string, file: VFile): string {
  const bytes = file.value
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) return text
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  if (!encoding) return text
  file.value = new TextDecoder(encoding).decode(bytes)
  return file.value
}
