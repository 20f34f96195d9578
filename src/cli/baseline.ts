/**
 * The baseline (`--baseline <file>`): the messages a repository had when it
 * adopted the linter, which then neither show nor fail the run. Entries are
 * counted by stable key (reporters/stable-key.ts) per file, so a message
 * survives edits elsewhere, and a second copy of it is new. Paths are
 * relative to the baseline's folder; each file's content hash lets a file
 * renamed with its content unchanged keep its entries. A file not linted
 * (ignored, unreadable, over a limit) keeps its entries as they were, and
 * why it was not linted is never baselined: it stays an error until fixed.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {contentHash} from '../reporters/content-hash.js'
import {type BaselineState, type StableKey, keyText, keyed} from '../reporters/stable-key.js'
import {goneEntries} from './baseline-gone.js'
import {UsageError} from './flags.js'
import {readText, realPath} from './ignore-files.js'
import {firstLine} from './lint-message.js'
import {keptFromLinting} from './outcome.js'
import {writeWhole} from './write-whole.js'

/** What the baseline says of one file. */
interface FileEntry {
  /** Of its text, to know it renamed by; none when its text was not at hand (it then matches no other file). */
  hash?: string | undefined
  problems: Array<StableKey & {count: number}>
}

/** A baseline as read: its path, and its entries by path relative to its folder. */
export interface Baseline {
  path: string
  /** As given (`--baseline`, the config's), to name it in problems. */
  name: string
  files: Map<string, FileEntry>
}

const version = 1

/** Read a baseline; a missing or empty one is empty when it is to be written. Throws a {@link UsageError} for one it cannot use. */
export function readBaseline(file: string, cwd: string, creating: boolean): Baseline {
  const absolute = path.resolve(cwd, file)
  const baseline: Baseline = {path: absolute, name: file, files: new Map()}
  let text: string
  try {
    text = readText(absolute)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    if (missing && creating) return baseline
    const why = missing ? 'no such file; write it with --update-baseline' : firstLine(error)
    throw new UsageError(`cannot read baseline \`${file}\`: ${why}`)
  }
  if (creating && text.trim() === '') return baseline // An empty one (`touch`ed first) is written afresh.
  let data: unknown
  try {
    // An editor may have saved it with a byte order mark, which JSON does not allow.
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UsageError(`cannot read baseline \`${file}\`: ${firstLine(error)}`)
  }
  const files = filesOf(data)
  if (!files) {
    throw new UsageError(
      `\`${file}\` is not a milestone-lint baseline (expected {"tool": "milestone-lint", "version": ${version}, "files": {…}}, as --update-baseline writes)`
    )
  }
  baseline.files = files
  return baseline
}

/** The entries of a baseline's JSON, if it is one of ours. */
function filesOf(data: unknown): Map<string, FileEntry> | undefined {
  const {tool, version: given, files} = (data ?? {}) as Record<string, unknown>
  if (tool !== 'milestone-lint' || given !== version || !isObject(files)) return undefined
  const entries = new Map<string, FileEntry>()
  for (const [name, entry] of Object.entries(files)) {
    if (!isObject(entry) || !['string', 'undefined'].includes(typeof entry.hash) || !Array.isArray(entry.problems)) {
      return undefined
    }
    const problems = entry.problems as unknown[]
    if (!problems.every(isProblem)) return undefined
    entries.set(name, {hash: entry.hash as string | undefined, problems})
  }
  return entries
}

function isProblem(value: unknown): value is StableKey & {count: number} {
  if (!isObject(value)) return false
  const {rule, section, message, count} = value
  return (
    typeof rule === 'string' &&
    typeof section === 'string' &&
    typeof message === 'string' &&
    Number.isInteger(count) &&
    (count as number) > 0
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Take the baselined messages off the files (each file's state goes to its
 * data, for the reporters). The messages taken off, and how many baselined
 * ones no longer occur: in the files linted, and in files gone from disk
 * (not renamed).
 */
export function applyBaseline(baseline: Baseline, files: readonly VFile[]): {baselined: VFileMessage[]; fixed: number} {
  const baselined: VFileMessage[] = []
  let fixed = 0
  const {entryOf, gone} = entries(baseline, files)
  for (const file of files) {
    const state: BaselineState = {unchanged: [], absent: []}
    file.data.milestoneLintBaseline = state
    if (!linted(file)) continue
    const counts = new Map<string, number>()
    const keys = new Map<string, StableKey>()
    for (const problem of entryOf(file)?.problems ?? []) {
      const key = {rule: problem.rule, section: problem.section, message: problem.message}
      counts.set(keyText(key), (counts.get(keyText(key)) ?? 0) + problem.count)
      keys.set(keyText(key), key)
    }
    const totals = new Map(counts)
    for (const {message, key} of keyed(file, file.messages)) {
      const left = counts.get(keyText(key)) ?? 0
      if (left === 0) continue
      counts.set(keyText(key), left - 1)
      state.unchanged.push(message)
    }
    for (const [text, left] of counts) {
      const total = totals.get(text)!
      for (let index = total - left; index < total; index++) state.absent.push({key: keys.get(text)!, index})
    }
    file.messages = file.messages.filter((message) => !state.unchanged.includes(message))
    baselined.push(...state.unchanged)
    fixed += state.absent.length
  }
  for (const entry of gone) fixed += entry.problems.reduce(sum, 0)
  return {baselined, fixed}
}

function sum(total: number, problem: {count: number}): number {
  return total + problem.count
}

/**
 * Each linted file's entry: under its path, or, for a file the baseline does
 * not name, the entry of a file gone from disk with the same content
 * (renamed). Entries of other files gone from disk ({@link goneEntries})
 * are `gone`: their messages are fixed.
 */
function entries(baseline: Baseline, files: readonly VFile[]) {
  const {named, gone} = namedFiles(baseline, files)
  const byFile = new Map<VFile, FileEntry | undefined>()
  for (const [name, file] of named) {
    if (!linted(file)) continue
    let entry = baseline.files.get(name)
    if (!entry) {
      const hash = contentHash(file)
      const renamed = hash === undefined ? undefined : [...gone].find(([, old]) => old.hash === hash)
      if (renamed) gone.delete(renamed[0])
      entry = renamed?.[1]
    }
    byFile.set(file, entry)
  }
  return {entryOf: (file: VFile) => byFile.get(file), gone: gone.values()}
}

/**
 * The baseline of these files' messages, with the entries of files not
 * linted (in this run or not, if not gone) kept as they were; written
 * as sorted, stable JSON. How many messages it holds, in how many files.
 */
export function writeBaseline(baseline: Baseline, files: readonly VFile[]): {problems: number; files: number} {
  const {named, gone} = namedFiles(baseline, files)
  const result = new Map(
    [...baseline.files].filter(([name]) => {
      const file = named.get(name)
      return file ? !linted(file) : !gone.has(name)
    })
  )
  for (const [name, file] of named) {
    if (!linted(file)) continue
    const counts = new Map<string, StableKey & {count: number}>()
    for (const {key} of keyed(file, file.messages)) {
      const text = keyText(key)
      const problem = counts.get(text) ?? {...key, count: 0}
      problem.count++
      counts.set(text, problem)
    }
    if (counts.size > 0) result.set(name, {hash: contentHash(file), problems: [...counts.values()]})
  }
  const sorted = [...result].sort(([a], [b]) => compare(a, b))
  const json = {
    tool: 'milestone-lint',
    version,
    files: Object.fromEntries(
      sorted.map(([name, entry]) => [
        name,
        {
          hash: entry.hash,
          problems: [...entry.problems]
            .sort((a, b) => compare(keyText(a), keyText(b)))
            .map(({rule, section, message, count}) => ({rule, section, message, count}))
        }
      ])
    )
  }
  try {
    writeWhole(baseline.path, JSON.stringify(json, null, 2) + '\n')
  } catch (error) {
    throw new UsageError(`cannot write baseline \`${baseline.name}\`: ${firstLine(error)}`)
  }
  baseline.files = result
  return {problems: [...result.values()].flatMap((entry) => entry.problems).reduce(sum, 0), files: result.size}
}

/** The files by their names in the baseline, and the entries of files gone (baseline-gone.ts). */
function namedFiles(baseline: Baseline, files: readonly VFile[]) {
  const folder = folderOf(baseline)
  const named = new Map(files.map((file) => [nameOf(file, folder), file]))
  return {named, gone: goneEntries(baseline.files, folder, new Set(named.keys()))}
}

/** Whether a file was linted: not when kept from it (ignored, unreadable, over a limit), so its entries say more. */
function linted(file: VFile): boolean {
  return !file.messages.some(keptFromLinting)
}

/** Compare by code unit, not locale: the same order on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The baseline's folder as its real path, if it has one: files' paths are
 * from the working directory, which node has as its real path, while the
 * baseline's may go through a symbolic link (`cd` into a linked folder).
 */
function folderOf(baseline: Baseline): string {
  return realPath(path.dirname(baseline.path))
}

/** A file's path from the baseline's folder, with `/`, by its folder's real path (a link to a doc keeps its name). */
function nameOf(file: VFile, folder: string): string {
  const absolute = path.resolve(file.cwd, file.path)
  const real = path.join(realPath(path.dirname(absolute)), path.basename(absolute))
  return path.relative(folder, real).split(path.sep).join('/')
}
