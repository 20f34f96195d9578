/**
 * The files `milestone-lint` lints, found from its paths and globs before
 * the engine sees them, so that:
 *
 * - only regular files inside the project are read: a FIFO would hang the
 *   run, `/dev/zero` would fill memory, and a symbolic link out of the
 *   project would print an outside file in reports. Each such file gets one
 *   message instead (folders and globs skip those an ignore file excludes);
 * - a path that exists names its file, whatever its extension (even with
 *   `[`, `{`, `?` or `*` in it); a folder or glob yields only Markdown files (a
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
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import markdownExtensions from 'markdown-extensions'
import {type Target, isInside, targetOf} from '../project/targets.js'
import {placeOf} from '../project/project.js'
import {type IgnoreSettings, ignoreCheck, isSpecial, realPath, statOf} from './ignore-files.js'

/** The extensions of the Markdown files a folder or glob yields (and the engine lints), with their dot. */
export const extensions = markdownExtensions.map((extension) => '.' + extension)

interface Unmatched {
  pattern: string
  /** Why it is an error, in one line. */
  reason: string
}

/** A file found but not read, and why. */
export interface Refused {
  /** Relative to the working directory. */
  path: string
  /** Why it is not read, as a lint message. */
  reason: string
}

interface Found {
  /** The files to lint, relative to the working directory, in the order found. */
  paths: string[]
  refused: Refused[]
  unmatched: Unmatched[]
}

const specialFileReason = 'Unexpected special file (a FIFO, socket or device), expected a regular file; it is not read'
const linkOutReason =
  'Unexpected symbolic link out of the project, expected a file inside it; it is not read (links are not followed out)'

/** How files are found: the ignore settings, and what a glob's ignored matches are. */
export interface FindSettings extends IgnoreSettings {
  /**
   * Skip the files a glob matches that are ignored, as in a folder (a config
   * file's `files`); else they are given, and the engine reports them ignored.
   */
  skipIgnoredMatches?: boolean
}

/** Find the files that paths and globs name. */
export async function findFiles(
  patterns: readonly string[],
  cwd: string,
  extensions: readonly string[],
  settings: FindSettings
): Promise<Found> {
  const check = ignoreCheck(cwd, settings)
  const finder = new Finder(cwd, extensions, check, settings.skipIgnoredMatches === true)
  for (const pattern of patterns) await finder.find(pattern)
  return finder.found
}

/** What one run finds: each file once, in the order found. */
class Finder {
  readonly found: Found = {paths: [], refused: [], unmatched: []}
  private readonly seen = new Set<string>()
  /** Where links may lead from the path being taken, when no project holds it (see {@link scopeOf}). */
  private scope: string

  constructor(
    private readonly cwd: string,
    private readonly extensions: readonly string[],
    private readonly ignored: (absolute: string) => boolean,
    private readonly skipIgnoredMatches: boolean
  ) {
    this.scope = cwd
  }

  /** The files a path or glob names; a pattern that names none is unmatched. */
  async find(pattern: string): Promise<void> {
    const {cwd, extensions} = this
    const absolute = path.resolve(cwd, pattern)
    this.scope = scopeOf(absolute, cwd)
    // A path that exists names its file, even with `[`, `{`, `?` or `*` in it; else braces expand too.
    const target = targetOf(absolute, this.rootOf(absolute))
    if (target.kind === 'missing' && hasMagic(pattern, {magicalBraces: true})) {
      const inModules = /(?:^|[\\/])node_modules(?:[\\/]|$)/.test(pattern)
      const matches = await glob(pattern, {cwd, ignore: inModules ? [] : ['**/node_modules/**']})
      const named = namesExtension(pattern) ? () => true : (file: string) => extensions.includes(path.extname(file))
      let count = 0
      for (const match of matches.sort()) {
        const absolute = path.resolve(cwd, match)
        // A match skipped as ignored still counts: the glob matched.
        if (this.skipIgnoredMatches && this.ignored(absolute)) count++
        else count += this.take(absolute, named)
      }
      if (count === 0) this.found.unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
      return
    }
    if (target.kind === 'missing') this.found.unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
    else if (this.take(absolute, () => true, target) === 0)
      this.found.unmatched.push({pattern, reason: `no Markdown file in \`${pattern}\``})
  }

  /** A path named or matched: how many files it gave. */
  private take(absolute: string, named: (file: string) => boolean, target = this.targetOfMatch(absolute)): number {
    if (target.kind === 'directory') return this.walk(absolute)
    if (!named(absolute)) return 0
    this.admit(absolute, target)
    return 1
  }

  /** The Markdown files in a folder, at any depth, skipping `node_modules` and files an ignore file excludes. */
  private walk(folder: string): number {
    let count = 0
    const visited = new Set<string>()
    const queue = [folder]
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      const real = realPath(current)
      if (visited.has(real)) continue
      visited.add(real)
      const entries = sortedEntries(current)
      if (!entries) {
        this.add(current) // Unreadable: the engine says why.
        count++
        continue
      }
      for (const entry of entries) count += this.walkEntry(path.join(current, entry.name), entry, queue)
    }
    return count
  }

  /** One entry of a folder walked: a folder to walk (on the queue), or how many files matched (ignored ones too). */
  private walkEntry(absolute: string, entry: Dirent, queue: string[]): number {
    if (entry.name === 'node_modules') return 0
    const markdown = this.extensions.includes(path.extname(entry.name))
    if (entry.isDirectory()) queue.push(absolute)
    else if (entry.isSymbolicLink()) {
      const target = targetOf(absolute, this.rootOf(absolute))
      if (target.kind === 'directory') queue.push(absolute)
      else if (markdown) {
        if (!this.ignored(absolute)) this.admit(absolute, target)
        return 1
      }
    } else if (markdown) {
      // As in a glob, an ignored file matches, but is not taken.
      if (this.ignored(absolute)) return 1
      if (entry.isFile()) this.add(absolute)
      else this.refuse(absolute, specialFileReason)
      return 1
    }
    return 0
  }

  /** A file to lint, unless it is out of the project or special. */
  private admit(absolute: string, target: Target): void {
    if (target.kind === 'outside') this.refuse(absolute, linkOutReason)
    else if (target.kind === 'file' && isSpecial(statOf(absolute))) this.refuse(absolute, specialFileReason)
    // Regular, missing or unreadable: the engine reads it, or says why not.
    else this.add(absolute)
  }

  /** What a glob matched is: links in it may lead anywhere in its own scope. */
  private targetOfMatch(absolute: string): Target {
    this.scope = scopeOf(absolute, this.cwd)
    return targetOf(absolute, this.rootOf(absolute))
  }

  /** The project a path is in, or the scope of the path being taken. */
  private rootOf(absolute: string): string {
    return placeOf(absolute).root ?? this.scope
  }

  private add(absolute: string): void {
    if (this.seen.has(absolute)) return
    this.seen.add(absolute)
    this.found.paths.push(path.relative(this.cwd, absolute) || '.')
  }

  private refuse(absolute: string, reason: string): void {
    if (this.seen.has(absolute)) return
    this.seen.add(absolute)
    this.found.refused.push({path: path.relative(this.cwd, absolute), reason})
  }
}

/** A folder's entries by name, or undefined when it cannot be read. */
function sortedEntries(folder: string): Dirent[] | undefined {
  try {
    return readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch {
    /* v8 ignore start -- a folder that cannot be read: the tests run as root, who can read any */
    return undefined
    /* v8 ignore stop */
  }
}

/** Whether a glob's last part ends in an extension of its own (`*.txt`), not a wildcard. */
function namesExtension(pattern: string): boolean {
  return /\.[\w-]+$/.test(pattern) && !hasMagic(path.extname(pattern))
}

/** The project a path is in: its repository or config folder, else the working directory. */
/**
 * Where links may lead from a path named or matched when no project (a
 * repository, a package, a config) holds it: the working directory, or, for
 * a path outside it, the folder named (or the named file's folder). A plain
 * folder beside the working directory is not a link out of anything.
 */
function scopeOf(absolute: string, cwd: string): string {
  if (isInside(cwd, absolute)) return cwd
  return statOf(absolute)?.isDirectory() ? absolute : path.dirname(absolute)
}
