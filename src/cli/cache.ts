/**
 * `milestone-lint --cache`: a file's messages from the last run, as long as
 * nothing they depend on changed. A file's entry is keyed by its content,
 * the package version, the command line's options and the config and
 * ignore files that apply to it (every one in its folder and above), and
 * stamped with every other file its lint read or looked for (noted by
 * src/project/reads.ts) and the user's modules loaded (lint-batch.ts), each
 * by its content: a change to any of them lints the file again. So a run
 * keeps the entries of files it does not lint, while they are on disk: one
 * stale by then is checked, as any, when a run uses it. A cache file that
 * is not one this version wrote (not JSON, another format, cut short,
 * changed since: cache-entries.ts) is ignored, and written afresh; it is written only with `--cache`, to a
 * temporary file renamed over it (a reader never sees half of one).
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {ownConfigNames, rcNames} from '../project/file-names.js'
import {type Entry, entriesOf, isRecord, writeEntries} from './cache-entries.js'
import {statOf} from './ignore-files.js'
import type {PlainFile} from './plain-file.js'

/** The file in a folder given to `--cache-location`. */
export const cacheName = 'cache.json'

/** Files whose content changes how a file below is linted: config files of either kind, remark's package config, ignore files. */
const configNames = new Set([...rcNames, ...ownConfigNames, 'package.json', '.remarkignore'])

/** The cache of a run. */
export interface Cache {
  /** A file's lint from the cache, if its entry's key and every stamp still hold. */
  hit(file: string): PlainFile | undefined
  /** Keep a file's lint for the next run (not one that crashed or could not be read). */
  keep(file: PlainFile): void
  /** Write this run's entries, and those of other files still there; the problem in one line if it cannot be written. */
  save(): string | undefined
}

/** What every entry of a run is keyed by, besides its file's own. */
export interface RunKey {
  /** The package's version. */
  version: string
  /** The options that change how files are linted (plain data). */
  options: unknown
  /** Config or ignore files named on the command line. */
  files: string[]
}

/** The cache at `location` (a file, or a folder to keep {@link cacheName} in), for a run. */
export function openCache(location: string, cwd: string, run: RunKey): Cache {
  const file = cacheFile(location, cwd)
  const opened = versionOf(file)
  const old = entriesOf(file)
  const kept = new Map<string, Entry>()
  // The files of this run: the entries of the others are kept as they were.
  const seen = new Set<string>()
  const stamps = new Map<string, string>()
  const configs = new Map<string, string>()

  const stamp = (read: string) => memo(stamps, read, () => stampOf(read))
  const configOf = (folder: string): string =>
    memo(configs, folder, () => {
      const parent = path.dirname(folder)
      const here = listing(folder)
        .filter((name) => configNames.has(name))
        .map((name) => `${name}:${stamp('content:' + path.join(folder, name))}`)
      return hash([...here, parent === folder ? '' : configOf(parent)].join('\n'))
    })
  const given = JSON.stringify([
    run.version,
    run.options,
    run.files.map((each) => stamp('content:' + path.resolve(cwd, each)))
  ])
  const keyOf = (each: string) => hash(JSON.stringify([stamp('content:' + each), given, configOf(path.dirname(each))]))

  return {
    hit(named) {
      const each = path.resolve(cwd, named)
      seen.add(each)
      const entry = old.get(each)
      if (!entry || entry.key !== keyOf(each)) return undefined
      if (Object.entries(entry.reads).some(([read, was]) => stamp(read) !== was)) return undefined
      kept.set(each, entry)
      // As given this time (another working directory names it otherwise).
      return {...entry.file, path: named, reads: Object.keys(entry.reads)}
    },
    keep(linted) {
      const each = path.resolve(cwd, linted.path)
      seen.add(each)
      // A crash, or a file that could not be read or configured, is linted again.
      if (!linted.reads || linted.messages.some((message) => isRecord(message.cause) && 'error' in message.cause))
        return
      if (/^(?:missing|unreadable)/.test(stamp('content:' + each))) return
      const reads = Object.fromEntries(linted.reads.map((read) => [read, stamp(read)]))
      kept.set(each, {key: keyOf(each), reads, file: {...linted, reads: undefined}})
    },
    save() {
      // A run on some files (a pre-commit hook's) keeps the others' entries, not those of files gone: one stat each.
      // Those of the file as it is now: another run (a hook on other files) may have written it meanwhile.
      const others = versionOf(file) === opened ? old : entriesOf(file)
      for (const [each, entry] of others) if (!seen.has(each) && existsSync(each)) kept.set(each, entry)
      const problem = writeEntries(file, kept)
      return problem === undefined
        ? undefined
        : `cannot write the cache \`${path.relative(cwd, file) || file}\` (${problem})`
    }
  }
}

/** The cache's file for `--cache-location`: the location, or {@link cacheName} in it when it is a folder. */
export function cacheFile(location: string, cwd: string): string {
  const absolute = path.resolve(cwd, location)
  return isFolder(absolute, location) ? path.join(absolute, cacheName) : absolute
}

/** A location names a folder when it is one, or ends with a slash. */
function isFolder(absolute: string, given: string): boolean {
  if (/[\\/]$/.test(given)) return true
  try {
    return statSync(absolute).isDirectory()
  } catch {
    return false
  }
}

/**
 * What a read saw, as reads.ts notes it (`how:path`): a file's content
 * hash, a folder's names, or only what is there; or that nothing is.
 */
function stampOf(read: string): string {
  const split = read.indexOf(':')
  const [how, file] = [read.slice(0, split), read.slice(split + 1)]
  try {
    const stats = statSync(file)
    if (how === 'exists') return stats.isDirectory() ? 'folder' : 'file'
    if (how === 'listing') return hash(listing(file).join('\n'))
    return hash(readFileSync(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `unreadable:${code ?? 'unknown'}`
  }
}

/** Which write of a file it is: each write of the cache renames a new file over it. */
function versionOf(file: string): string | undefined {
  const stats = statOf(file)
  return stats && `${stats.ino}:${stats.size}:${stats.mtimeMs}`
}

function listing(folder: string): string[] {
  try {
    return readdirSync(folder).sort()
  } catch {
    return []
  }
}

function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('base64url')
}

function memo(map: Map<string, string>, key: string, make: () => string): string {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}
