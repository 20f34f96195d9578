/**
 * The files `milestone-lint` lints, found from its paths and globs before
 * the engine sees them, so that:
 *
 * - only regular files inside the project are read: a FIFO would hang the
 *   run, `/dev/zero` would fill memory, and a symbolic link out of the
 *   project would print an outside file in reports. Each such file gets one
 *   message instead (folders and globs skip those an ignore file excludes);
 * - a path that exists names its file, whatever its extension (even with
 *   `[`, `?` or `*` in it); a folder or glob yields only Markdown files (a
 *   glob that names another extension, `*.txt`, yields those) and never
 *   looks in `node_modules` unless the glob names it;
 * - any number of files can be found (unified-engine's own finder fails
 *   with a `RangeError` on a glob of a few hundred thousand files);
 * - a path or glob that matches nothing is known (unified-engine lints what
 *   matches and says nothing of one that matches nothing, so a typo in CI
 *   passes forever). This is before ignore files: a file `.remarkignore`
 *   excludes still matches, and is then the engine's to report or, with
 *   `--silently-ignore`, to pass quietly.
 *
 * The engine gets the files found, so it applies its config and ignore
 * files to them as it would have.
 */
import type {Dirent} from 'node:fs'
import {readFileSync, readdirSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import ignoreModule, {type Ignore} from 'ignore'
import {type Target, targetOf} from '../project/links.js'
import {placeOf} from '../project/project.js'

export interface Unmatched {
  pattern: string
  /** Why it is an error, in one line. */
  reason: string
}

export interface Refused {
  /** Relative to the working directory. */
  path: string
  /** Why it is not read, as a lint message. */
  reason: string
}

export interface Found {
  /** The files to lint, relative to the working directory, in the order found. */
  paths: string[]
  refused: Refused[]
  unmatched: Unmatched[]
}

/** What ignores files found in folders: the engine's ignore settings. */
export interface IgnoreSettings {
  ignoreName: string
  ignorePath?: string | undefined
  ignorePatterns: readonly string[]
}

// The package is CommonJS and its types say `export default`: under Node it is the module itself.
const ignore = ignoreModule as unknown as typeof ignoreModule.default

const specialFileReason = 'Unexpected special file (a FIFO, socket or device), expected a regular file; it is not read'
const linkOutReason =
  'Unexpected symbolic link out of the project, expected a file inside it; it is not read (links are not followed out)'

/** Find the files that paths and globs name. */
export async function findFiles(
  patterns: readonly string[],
  cwd: string,
  extensions: readonly string[],
  settings: IgnoreSettings
): Promise<Found> {
  const found: Found = {paths: [], refused: [], unmatched: []}
  const seen = new Set<string>()
  const ignored = ignoreCheck(cwd, settings)

  function add(absolute: string): void {
    if (seen.has(absolute)) return
    seen.add(absolute)
    found.paths.push(path.relative(cwd, absolute) || '.')
  }

  function refuse(absolute: string, reason: string): void {
    if (seen.has(absolute)) return
    seen.add(absolute)
    found.refused.push({path: path.relative(cwd, absolute), reason})
  }

  /** A file to lint, unless it is out of the project or special. */
  function admit(absolute: string, target: Target): void {
    if (target.kind === 'outside') refuse(absolute, linkOutReason)
    else if (target.kind === 'file' && isSpecial(absolute)) refuse(absolute, specialFileReason)
    // Regular, missing or unreadable: the engine reads it, or says why not.
    else add(absolute)
  }

  /** A path named or matched: how many files it gave. */
  function take(
    absolute: string,
    named: (file: string) => boolean,
    target = targetOf(absolute, rootOf(absolute, cwd))
  ): number {
    if (target.kind === 'directory') return walk(absolute)
    if (!named(absolute)) return 0
    admit(absolute, target)
    return 1
  }

  /** The Markdown files in a folder, at any depth, skipping `node_modules` and files an ignore file excludes. */
  function walk(folder: string): number {
    let count = 0
    const visited = new Set<string>()
    const queue = [folder]
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      const real = realPath(current)
      if (visited.has(real)) continue
      visited.add(real)
      let entries: Dirent[]
      try {
        entries = readdirSync(current, {withFileTypes: true}).sort((a, b) =>
          a.name < b.name ? -1 : a.name > b.name ? 1 : 0
        )
      } catch {
        add(current) // Unreadable: the engine says why.
        count++
        continue
      }
      for (const entry of entries) {
        const absolute = path.join(current, entry.name)
        if (entry.name === 'node_modules') continue
        const markdown = extensions.includes(path.extname(entry.name))
        if (entry.isDirectory()) queue.push(absolute)
        else if (entry.isFile()) {
          if (markdown && !ignored(absolute)) {
            add(absolute)
            count++
          }
        } else if (entry.isSymbolicLink()) {
          const target = targetOf(absolute, rootOf(absolute, cwd))
          if (target.kind === 'directory') queue.push(absolute)
          else if (markdown && !ignored(absolute)) {
            admit(absolute, target)
            count++
          }
        } else if (markdown && !ignored(absolute)) {
          refuse(absolute, specialFileReason)
          count++
        }
      }
    }
    return count
  }

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern)
    // A path that exists names its file, even with `[`, `?` or `*` in it.
    const target = targetOf(absolute, rootOf(absolute, cwd))
    if (target.kind === 'missing' && hasMagic(pattern)) {
      const inModules = /(?:^|[\\/])node_modules(?:[\\/]|$)/.test(pattern)
      const matches = await glob(pattern, {cwd, ignore: inModules ? [] : ['**/node_modules/**']})
      const named = namesExtension(pattern) ? () => true : (file: string) => extensions.includes(path.extname(file))
      let count = 0
      for (const match of matches.sort()) count += take(path.resolve(cwd, match), named)
      if (count === 0) found.unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
      continue
    }
    if (target.kind === 'missing') found.unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
    else if (take(absolute, () => true, target) === 0)
      found.unmatched.push({pattern, reason: `no Markdown file in \`${pattern}\``})
  }
  return found
}

/** Whether a glob's last part ends in an extension of its own (`*.txt`), not a wildcard. */
function namesExtension(pattern: string): boolean {
  return /\.[\w-]+$/.test(pattern) && !hasMagic(path.extname(pattern))
}

/** The project a path is in: its repository or config folder, else the working directory. */
function rootOf(absolute: string, cwd: string): string {
  return placeOf(absolute).root ?? cwd
}

/** Whether a path is there and no regular file or folder: a FIFO, socket or device. */
function isSpecial(absolute: string): boolean {
  const stats = statOf(absolute)
  return stats !== undefined && !stats.isFile() && !stats.isDirectory()
}

function realPath(folder: string): string {
  try {
    return realpathSync(folder)
  } catch {
    return folder
  }
}

/**
 * Whether a file found in a folder is ignored, as unified-engine decides:
 * by `--ignore-pattern` (relative to the working directory), and by
 * `--ignore-path` or else the nearest `.remarkignore` above the file
 * (relative to its folder).
 */
function ignoreCheck(cwd: string, settings: IgnoreSettings): (absolute: string) => boolean {
  const extra = ignore().add([...settings.ignorePatterns])
  const files = new Map<string, {base: string; rules: Ignore} | undefined>()

  function load(file: string): {base: string; rules: Ignore} | undefined {
    try {
      return {base: path.dirname(file), rules: ignore().add(readFileSync(file, 'utf8'))}
    } catch {
      return undefined
    }
  }

  function nearest(folder: string): {base: string; rules: Ignore} | undefined {
    if (files.has(folder)) return files.get(folder)
    const own = path.join(folder, settings.ignoreName)
    const parent = path.dirname(folder)
    const found = isFile(own) ? load(own) : parent === folder ? undefined : nearest(parent)
    files.set(folder, found)
    return found
  }

  const given = settings.ignorePath ? load(path.resolve(cwd, settings.ignorePath)) : undefined
  return function (absolute) {
    if (ignores(extra, path.relative(cwd, absolute))) return true
    const set = settings.ignorePath ? given : nearest(path.dirname(absolute))
    return set !== undefined && ignores(set.rules, path.relative(set.base, absolute))
  }
}

function ignores(rules: Ignore, relative: string): boolean {
  // The `ignore` package takes only paths below its folder.
  if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative))
    return false
  return rules.ignores(relative)
}

function isFile(file: string): boolean {
  return statOf(file)?.isFile() === true
}

/** A path's stats (following links), or undefined when it is gone or unreadable: the engine says so. */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
