/**
 * The entries of a `--cache` file (cache.ts), as this version writes them:
 * the entries' JSON after its hash, so that a file changed since (by hand,
 * by a bad disk, by a tool that reformats JSON) or of another shape is not
 * trusted, and is written afresh.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {firstLine} from './lint-message.js'
import type {PlainFile} from './plain-file.js'
import {writeWhole} from './write-whole.js'

/** The cache file's format: a file of another is not read. */
const format = 2

/** What a cache file starts with, up to its entries: the format, and the hash of the entries' JSON text. */
const head = /^\{"milestoneLintCache":(\d+),"sum":"([\w-]+)","entries":/

/** A file's lint, by its key and the stamp of each file it read. */
export interface Entry {
  key: string
  /** Each file the lint read or looked for, with its stamp. */
  reads: Record<string, string>
  file: PlainFile
}

/**
 * Write the entries to the cache file, whole (a run reading it never sees
 * half of one). The problem's first line if it fails.
 */
export function writeEntries(file: string, entries: Map<string, Entry>): string | undefined {
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    const body = JSON.stringify(Object.fromEntries(entries))
    writeWhole(file, `{"milestoneLintCache":${format},"sum":"${sumOf(body)}","entries":${body}}`)
    return undefined
  } catch (error) {
    return firstLine(error)
  }
}

/** The entries of a cache file: none if it cannot be read or is not what this version writes. */
export function entriesOf(file: string): Map<string, Entry> {
  let data: unknown
  try {
    const text = readFileSync(file, 'utf8')
    const [start, version, sum] = head.exec(text) ?? []
    const body = text.slice(start?.length, -1)
    if (Number(version) !== format || sumOf(body) !== sum || !text.endsWith('}')) return new Map()
    data = JSON.parse(body)
  } catch {
    return new Map()
  }
  if (!isRecord(data)) return new Map()
  const entries = Object.entries(data)
  return new Map<string, Entry>(entries.every(([, entry]) => isEntry(entry)) ? (entries as Array<[string, Entry]>) : [])
}

function sumOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

function isEntry(value: unknown): value is Entry {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    isRecord(value.reads) &&
    Object.values(value.reads).every((stamp) => typeof stamp === 'string') &&
    isPlainFile(value.file)
  )
}

function isPlainFile(value: unknown): boolean {
  if (!isRecord(value) || typeof value.path !== 'string' || !Array.isArray(value.messages)) return false
  const data = value.data
  return (
    isRecord(data) &&
    (data.milestoneLint === undefined || isLintData(data.milestoneLint)) &&
    (data.milestoneLintHash === undefined || typeof data.milestoneLintHash === 'string') &&
    (data.milestoneLintHeadings === undefined ||
      (Array.isArray(data.milestoneLintHeadings) &&
        data.milestoneLintHeadings.every(
          (heading) =>
            Array.isArray(heading) &&
            typeof heading[0] === 'number' &&
            typeof heading[1] === 'number' &&
            typeof heading[2] === 'string'
        ))) &&
    value.messages.every(isMessage)
  )
}

/** What the rules say of a file (`MilestoneLintData`): linted or not, as what, and why not. */
function isLintData(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.linted === 'boolean' &&
    ['kind', 'reason'].every((key) => value[key] === undefined || typeof value[key] === 'string')
  )
}

/** A message as plain-file.ts writes it: the fields reporters read, of their types. */
function isMessage(value: unknown): boolean {
  if (!isRecord(value) || typeof value.reason !== 'string') return false
  const optional = (key: string, type: string) =>
    value[key] === undefined || value[key] === null || typeof value[key] === type
  return (
    ['ruleId', 'source', 'url', 'note', 'file', 'name', 'message', 'actual'].every((key) => optional(key, 'string')) &&
    ['line', 'column'].every((key) => optional(key, 'number')) &&
    optional('fatal', 'boolean') &&
    (value.expected === undefined ||
      (Array.isArray(value.expected) && value.expected.every((text) => typeof text === 'string'))) &&
    (value.place === undefined || value.place === null || isPlace(value.place)) &&
    (value.cause === undefined || isMessage(value.cause))
  )
}

function isPlace(value: unknown): boolean {
  if (!isRecord(value)) return false
  if ('start' in value) return isPoint(value.start) && isPoint(value.end)
  return isPoint(value)
}

function isPoint(value: unknown): boolean {
  return isRecord(value) && typeof value.line === 'number' && typeof value.column === 'number'
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
