/**
 * Other files a doc's checks read (link targets, the parent doc): each read
 * and parsed once while it is unchanged, however many docs look at it.
 */
import {readFileSync, statSync, type Stats} from 'node:fs'
import {type Limits, excessText} from '../model/limits.js'
import {noteRead} from './reads.js'

/** What was read of a file, or why it could not be: a problem, or a limit it is over. */
export type Readout<T> = T | {problem: string} | {excess: string; limit: keyof Limits}

/** A readout, with the stamp of the file it was read from. */
export interface Cached<T> {
  stamp: string
  result: T
}

const maxCached = 256

/** The stamp a file's readout is cached under: its modification time and size, and the limits. */
function stampOf(stats: Stats, limits: Limits): string {
  return `${stats.mtimeMs}:${stats.size}:${JSON.stringify(limits)}`
}

/** A file's cached readout, if it is there and the file is unchanged; nothing is read. */
export function peekCached<T>(
  cache: Map<string, Cached<Readout<T>>>,
  file: string,
  limits: Limits
): Readout<T> | undefined {
  const cached = cache.get(file)
  if (!cached) return undefined
  noteRead(file, 'content')
  try {
    return cached.stamp === stampOf(statSync(file), limits) ? cached.result : undefined
  } catch {
    return undefined
  }
}

/**
 * A file's text made into something (anchors, a model), once while the file
 * is unchanged: keyed by modification time and size, so an editor sees
 * saved changes. Only regular files are read (a FIFO or device would block
 * or never end), and only within the limits docs are parsed with: a file
 * over one is not parsed, nor read when it has more bytes than
 * `limits.size`.
 */
export function readCached<T>(
  cache: Map<string, Cached<Readout<T>>>,
  file: string,
  limits: Limits,
  make: (text: string, limits: Limits) => Readout<T>
): Readout<T> {
  let stats: Stats
  noteRead(file, 'content')
  try {
    stats = statSync(file)
  } catch (error) {
    return {problem: (error as NodeJS.ErrnoException).code ?? String(error)}
  }
  const stamp = stampOf(stats, limits)
  const cached = cache.get(file)
  if (cached?.stamp === stamp) return cached.result

  let result: Readout<T>
  if (!stats.isFile()) result = {problem: 'not a regular file'}
  else if (stats.size > limits.size)
    result = {excess: excessText({limit: 'size', found: stats.size, bytes: true}, limits), limit: 'size'}
  else {
    try {
      result = make(readFileSync(file, 'utf8'), limits)
    } catch (error) {
      result = {problem: (error as NodeJS.ErrnoException).code ?? String(error)}
    }
  }
  if (cache.size >= maxCached) cache.clear()
  cache.set(file, {stamp, result})
  return result
}
