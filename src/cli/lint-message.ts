import {firstLine} from '../text/text.js'

/**
 * A lint message as plain data, as the language server's worker posts it
 * (a `VFileMessage` does not survive the trip between threads).
 */

/** What the server needs of a message for a diagnostic and its quick fixes. */
export interface Message {
  reason: string
  start?: {line?: number | undefined; column?: number | undefined} | undefined
  end?: {line?: number | undefined; column?: number | undefined} | undefined
  fatal: boolean | null | undefined
  ruleId?: string | undefined
  source?: string | undefined
  url?: string | undefined
  note?: string | undefined
  expected?: string[] | undefined
  /** The expected texts are only likely: offered, never preferred or applied by fix-all. */
  suggestion?: boolean | undefined
}

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
