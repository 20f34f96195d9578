/**
 * What must hold for every input, whatever it is: used by the fuzz,
 * CommonMark and hostile-input tests.
 */
import type {Point} from 'unist'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {Options} from '../src/index.js'
import {format, lint, sorted} from './helpers.js'

/** One input: a text (or bytes, decoded as UTF-8) at a path, linted with options. */
export interface Input {
  value: string | Uint8Array
  path: string
  options?: Options
}

/** A fresh file for an input (bytes are copied: each lint reads its own). */
export function fileOf(input: Input): VFile {
  const value =
    typeof input.value === 'string'
      ? input.value
      : Buffer.isBuffer(input.value)
        ? Buffer.from(input.value)
        : new Uint8Array(input.value)
  return new VFile({path: input.path, value})
}

/**
 * The text whose lines and columns positions count: the file's value as
 * unified hands it to the parser (`String(file)`, which decodes bytes as
 * UTF-8 and drops a byte order mark there), without the one leading byte
 * order mark that micromark skips. Lines end at `\r\n`, `\r` or `\n`, as in
 * micromark and vfile-location.
 */
export function parsedText(file: VFile): string {
  const text = String(file)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** What else is fine. */
export interface Allow {
  /**
   * A message about the whole file, without a place: the parser guard's
   * `limits` message on a file over the size limit.
   */
  fileLevel?: boolean
}

/**
 * Problems with the messages of a linted file: a rule that threw (`Cannot
 * check …`), a message without a rule id, reason or place, or a place not in
 * the file. Empty when all is well.
 *
 * A point is in the file when 1 ≤ line ≤ the number of lines, where a final
 * line ending starts one more, empty, line (so the end of `a\n` is 2:1, as
 * micromark and vfile-location count), and 1 ≤ column ≤ the line's length
 * (without its line ending) + 1. When the point has an offset, that offset
 * must be the same line and column in the text. A range must not end before
 * it starts.
 */
export function problems(file: VFile, {fileLevel = false}: Allow = {}): string[] {
  const text = parsedText(file)
  const lines = text.split(/\r\n|\r|\n/)
  const locator = location(text)
  const found: string[] = []

  for (const message of file.messages) {
    const say = (problem: string) => found.push(`${describe(message)}: ${problem}`)
    if (message.reason.startsWith('Cannot check')) say('a rule threw')
    if (!message.ruleId) say('no ruleId')
    if (!message.reason.trim()) say('empty reason')
    const place = message.place
    if (!place) {
      if (!(fileLevel && message.ruleId === 'limits')) say('no place')
      continue
    }
    const [start, end] = 'start' in place ? [place.start, place.end] : [place, undefined]
    const startProblem = pointProblem(start, lines, (offset) => locator.toPoint(offset))
    if (startProblem) say('start ' + startProblem)
    if (end) {
      const endProblem = pointProblem(end, lines, (offset) => locator.toPoint(offset))
      if (endProblem) say('end ' + endProblem)
      if (end.line < start.line || (end.line === start.line && end.column < start.column)) {
        say('ends before it starts')
      }
    }
  }

  return found
}

function pointProblem(
  point: Point,
  lines: readonly string[],
  toPoint: (offset: number) => Point | undefined
): string | undefined {
  const {line, column, offset} = point
  if (!Number.isInteger(line) || line < 1 || line > lines.length) {
    return `line ${line} outside 1–${lines.length}`
  }
  const length = lines[line - 1]!.length
  if (!Number.isInteger(column) || column < 1 || column > length + 1) {
    return `column ${column} outside 1–${length + 1} on line ${line}`
  }
  if (offset !== undefined) {
    const expected = toPoint(offset)
    if (!expected || expected.line !== line || expected.column !== column) {
      return `offset ${offset} is ${expected ? `${expected.line}:${expected.column}` : 'outside the file'}, not ${line}:${column}`
    }
  }
  return undefined
}

function describe(message: VFileMessage): string {
  const text = format(message)
  return text.length > 300 ? text.slice(0, 299) + '…' : text
}

/** The messages of a file as compared across runs: place, rule, reason, and quick fixes. */
export function summary(file: VFile): string[] {
  return sorted(file.messages).map(
    (message) => format(message) + (message.expected ? ' ' + JSON.stringify(message.expected) : '')
  )
}

/**
 * Lint an input twice, each time a fresh file, with the whole preset; throw
 * if the lint rejects, if a message breaks an invariant, or if the two runs
 * differ. Returns the first run's file.
 */
export async function lintTwice(input: Input): Promise<VFile> {
  const first = await lint(fileOf(input), input.options)
  const found = problems(first)
  if (found.length > 0) throw new Error(found.join('\n'))
  const second = await lint(fileOf(input), input.options)
  const [a, b] = [summary(first), summary(second)]
  if (a.length !== b.length || a.some((line, index) => line !== b[index])) {
    throw new Error(`Two runs differ:\nfirst:\n${a.join('\n')}\nsecond:\n${b.join('\n')}`)
  }
  return first
}

/** Lint an input once; throw if the lint rejects or a message breaks an invariant. */
export async function lintOnce(input: Input, allow: Allow = {}): Promise<VFile> {
  const file = await lint(fileOf(input), input.options)
  const found = problems(file, allow)
  if (found.length > 0) throw new Error(found.join('\n'))
  return file
}
