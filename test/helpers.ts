import type {Root} from 'mdast'
import {remark} from 'remark'
import {read} from 'to-vfile'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import remarkLintMilestone, {milestoneSyntax, type Options} from '../src/index.js'

/** A message as tests compare it: `line:column-line:column ruleId: reason`. */
export function format(message: VFileMessage): string {
  return `${where(message)} ${message.ruleId}: ${message.reason}`
}

/** Where a message is: `line:column-line:column`, `line:column`, or `?`. */
export function where(message: VFileMessage): string {
  const place = message.place
  return !place
    ? '?'
    : 'start' in place
      ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
      : `${place.line}:${place.column}`
}

function sortKey(message: VFileMessage): [number, number] {
  const place = message.place
  if (!place) return [0, 0]
  const point = 'start' in place ? place.start : place
  return [point.line, point.column]
}

/** Messages in document order. */
export function sorted(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => {
    const [lineA, columnA] = sortKey(a)
    const [lineB, columnB] = sortKey(b)
    return lineA - lineB || columnA - columnB || a.reason.localeCompare(b.reason)
  })
}

/** Lint a file (a path, or a VFile) with the whole preset. */
export async function lint(input: string | VFile, options?: Options): Promise<VFile> {
  const file = typeof input === 'string' ? await read(input) : input
  const processor = remark().use(remarkLintMilestone, options)
  await processor.run(processor.parse(file), file)
  return file
}

/** Lint a file with one rule (and the syntax the preset enables). */
export async function lintWith(rule: Plugin<[any?], Root>, input: string | VFile, options?: unknown): Promise<VFile> {
  const file = typeof input === 'string' ? await read(input) : input
  const processor = remark().use(milestoneSyntax).use(rule, options)
  await processor.run(processor.parse(file), file)
  return file
}

/** The formatted messages of a file, in document order. */
export function messages(file: VFile): string[] {
  return sorted(file.messages).map(format)
}

/** A file with a path, for linting text written in a test. */
export function textFile(value: string, path = 'milestone-1-test.md'): VFile {
  return new VFile({value, path})
}

/** What JSON.parse says of a text (its words differ between Node versions). */
export function jsonError(text: string): string {
  try {
    JSON.parse(text)
    return ''
  } catch (error) {
    return (error as Error).message
  }
}
