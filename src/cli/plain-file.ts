/**
 * A linted file as plain data: its path, its messages and what the rules
 * and reporters keep of it (`file.data`), without its text or tree. It is
 * what a linter thread posts back (a `VFileMessage` does not survive the
 * trip between threads) and what a run keeps of each file until the
 * reports: memory then grows with the messages, not with the docs.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {contentHash} from '../reporters/content-hash.js'
import {keptFromLinting} from './outcome.js'

/** A linted file, as plain data (structured-cloneable and JSON). */
export interface PlainFile {
  path: string
  messages: PlainMessage[]
  data: Pick<VFile['data'], 'milestoneLint' | 'milestoneLintHeadings' | 'milestoneLintHash'>
  /** The other files its lint read or looked for (for the cache); none when it was not linted. */
  reads?: string[]
}

/** A message's own fields, its cause as one too; not its `ancestors` (nodes of the released tree). */
export type PlainMessage = Record<string, unknown>

/** An error (a message's cause): its name, message, stack, and the fields that say which file it is about. */
interface PlainError {
  error: Record<string, unknown>
}

/**
 * The file as plain data (its content hash is kept for the baseline: its
 * text is not). Cloned, as if posted between threads: a string cut from the
 * text (a heading, a reason quoting the doc) would otherwise keep the whole
 * text alive.
 */
export function plainFile(file: VFile): PlainFile {
  const {milestoneLint, milestoneLintHeadings} = file.data
  const linted = !file.messages.some(keptFromLinting)
  return structuredClone({
    path: file.path,
    messages: file.messages.map(plainMessage),
    // Not of a file not linted: the engine leaves an unreadable one's text empty.
    data: {milestoneLint, milestoneLintHeadings, milestoneLintHash: linted ? contentHash(file) : undefined}
  })
}

/**
 * What a run keeps of a file as it is linted: its entry in the cache (with
 * `--cache`); then, until the reports, not the files its lint read, and
 * each heading's text once for all files (`strings`), as the template's
 * headings repeat in every doc. On 1,600 generated docs these took 21 of
 * the main thread's 32 MB.
 */
export function keptFile(
  file: PlainFile,
  strings: Map<string, string>,
  cache: {keep(file: PlainFile): void} | undefined
): PlainFile {
  cache?.keep(file)
  for (const heading of file.data.milestoneLintHeadings ?? []) {
    const text = strings.get(heading[2])
    if (text === undefined) strings.set(heading[2], heading[2])
    else heading[2] = text
  }
  return {...file, reads: undefined}
}

/** A file for the reporters, from its plain data. */
export function vfileOf(plain: PlainFile, cwd: string): VFile {
  const file = new VFile({path: plain.path, cwd})
  Object.assign(file.data, plain.data)
  file.messages = plain.messages.map(messageOf)
  return file
}

function plainMessage(message: VFileMessage): PlainMessage {
  // Its own fields (those rules add, such as `suggestion`, too), not its prototype's.
  const fields: PlainMessage = Object.fromEntries(Object.entries(message).filter(([key]) => key !== 'ancestors'))
  return {...fields, cause: plainCause(message.cause)}
}

function plainCause(cause: unknown): PlainMessage | PlainError | undefined {
  if (cause instanceof VFileMessage) return plainMessage(cause)
  if (!(cause instanceof Error)) return undefined
  const {syscall, path, code} = cause as NodeJS.ErrnoException
  return {
    error: {
      name: cause.name,
      message: cause.message,
      stack: cause.stack,
      syscall,
      path,
      code,
      cause: plainCause(cause.cause)
    }
  }
}

function messageOf(plain: PlainMessage): VFileMessage {
  const {cause, ...fields} = plain
  return Object.assign(new VFileMessage(fields.reason as string), fields, {cause: causeOf(cause)})
}

function causeOf(plain: unknown): Error | undefined {
  if (typeof plain !== 'object' || plain === null) return undefined
  if (!('error' in plain)) return messageOf(plain as PlainMessage)
  const {cause, message, ...fields} = (plain as PlainError).error
  const error = new Error(message as string, {cause: causeOf(cause)})
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(error, {[key]: value})
  return error
}
