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

export {firstLine} from '../text/text.js'
