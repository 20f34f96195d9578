import {firstLine} from '../text/text.js'

/**
 * A lint message as plain data, as the language server's worker posts it
 * (a `VFileMessage` does not survive the trip between threads).
 */

/** What the server needs of a message for a diagnostic and its quick fixes. */
export interface Message {
  reason: string
  start?: Point
  end?: Point
  fatal: boolean | null | undefined
  ruleId?: string | undefined
  source?: string | undefined
  url?: string | undefined
  note?: string | undefined
  expected?: string[] | undefined
  /** The expected texts are only likely: offered, never preferred or applied by fix-all. */
  suggestion?: boolean | undefined
  /** In the baseline (`milestoneLint.baseline`), shown as a hint. */
  baselined?: boolean | undefined
  /** A related place (the message's `cause`): in another file (the overview), or in this one. */
  related?: {file?: string | undefined; start: Point; end: Point; reason: string} | undefined
}

/** A place in a file, 1-based, as vfile has it. */
type Point = {line?: number | undefined; column?: number | undefined} | undefined

/** The one message for a doc that could not be linted at all. */
export function cannotLint(error: unknown): Message {
  /* v8 ignore start -- only for a crash of the server's worker (see its callers) */
  return {
    reason: `Cannot lint this file (${firstLine(error)}); please report this bug`,
    fatal: true,
    source: 'milestone-lint-language-server'
  }
  /* v8 ignore stop */
}

/**
 * `parts` (a message's reason, or none), with the first line of each cause
 * in its chain (an engine's error, the import's under it…) that they do
 * not already say, joined by `: `. A byte order mark, which cannot be seen,
 * is named (the engine refuses a `package.json` that starts with one).
 */
export function withCauses(parts: string[], cause: unknown, lineOf: (error: Error) => string = firstLine): string {
  for (let each = cause; each instanceof Error; each = each.cause) {
    const line = lineOf(each)
    if (line && !parts.some((part) => part.includes(line))) parts.push(line)
  }
  const text = parts.join(': ')
  if (!text.includes('\uFEFF')) return text
  return `${text.replaceAll('\uFEFF', '\\uFEFF')} (\\uFEFF is a byte order mark: save the file without it)`
}

export {firstLine} from '../text/text.js'
