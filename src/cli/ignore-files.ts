/**
 * Which files found in folders an ignore file or pattern excludes, decided
 * as unified-engine decides (files.ts walks folders before the engine does),
 * and the one way both stat a path (and the command line's other fs checks).
 */
import {readFileSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import ignoreModule, {type Ignore} from 'ignore'
import {isInside} from '../project/targets.js'
import {UsageError} from './flags.js'

/** What ignores files found in folders: the engine's ignore settings. */
export interface IgnoreSettings {
  ignoreName: string
  ignorePath?: string | undefined
  ignorePatterns: readonly string[]
  /** The folder `ignorePatterns` are relative to: the working directory's (`--ignore-pattern`), or a config file's. */
  ignoreBase?: string | undefined
}

// The package is CommonJS and its types say `export default`: under Node it is the module itself.
const ignore = ignoreModule as unknown as typeof ignoreModule.default

/**
 * Whether a file found in a folder is ignored, as unified-engine decides:
 * by `--ignore-pattern` (relative to the working directory, or the config
 * file's `ignores`, relative to its folder), and by
 * `--ignore-path` or else the nearest `.remarkignore` above the file
 * (relative to its folder).
 */
export function ignoreCheck(cwd: string, settings: IgnoreSettings): (absolute: string) => boolean {
  const extra = patternCheck(settings.ignoreBase ?? cwd, settings.ignorePatterns)
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
    if (extra(absolute)) return true
    const set = settings.ignorePath ? given : nearest(path.dirname(absolute))
    return set !== undefined && ignores(set.rules, path.relative(set.base, absolute))
  }
}

/** Whether ignore patterns, relative to a folder, exclude a file (never one out of the folder). */
export function patternCheck(base: string, patterns: readonly string[]): (absolute: string) => boolean {
  const rules = ignore().add(patterns.map((pattern) => ignorePatternOf(pattern, base)))
  return (absolute) => ignores(rules, path.relative(base, absolute))
}

/**
 * Ignore patterns as unified-engine takes them, relative to the working
 * directory. Those relative to another folder (a config file's `ignores`)
 * are applied here: the files given (absolute paths) that they ignore are
 * named exactly, so the engine says each is ignored as it would for
 * `--ignore-pattern` (or, silently ignoring, skips it).
 */
export function enginePatterns(
  settings: Pick<IgnoreSettings, 'ignorePatterns' | 'ignoreBase'>,
  files: readonly string[],
  cwd: string
): string[] {
  if (settings.ignoreBase === undefined) return settings.ignorePatterns.map((pattern) => ignorePatternOf(pattern, cwd))
  const ignored = patternCheck(settings.ignoreBase, settings.ignorePatterns)
  return files.filter(ignored).map(
    (file) =>
      '/' +
      path
        .relative(cwd, file)
        .split(path.sep)
        .join('/')
        .replace(/[\\*?[\]]/g, '\\$&')
  )
}

/**
 * Refuse an ignore glob that can match no file: one with an unescaped `[`
 * and no `]` after it (`docs/[draft.md`), which gitignore's rules read as
 * matching nothing. A lone `]` is a literal one, as in a `.gitignore`.
 */
export function checkIgnore(glob: string, where: string): void {
  let open = false
  for (let index = 0; index < glob.length; index++) {
    if (glob[index] === '\\') index++
    else if (glob[index] === '[') open = true
    else if (glob[index] === ']') open = false
  }
  if (open) {
    throw new UsageError(
      `unexpected glob \`${glob}\` in ${where}: a \`[\` without a \`]\` after it matches no file; write \`\\[\` for a literal \`[\``
    )
  }
}

/**
 * An ignore pattern as `ignore` takes it, for a folder: as `files` are,
 * `./docs/x.md` and an absolute path into the folder are `docs/x.md` (the
 * package matches neither). Another leading `/` anchors the pattern at the
 * folder, as in a `.gitignore`, so a path out of the folder ignores nothing.
 */
export function ignorePatternOf(pattern: string, base: string): string {
  const negation = pattern.startsWith('!') ? '!' : ''
  const glob = pattern.slice(negation.length)
  const relative =
    path.isAbsolute(glob) && isInside(base, glob) ? path.relative(base, glob) : glob.replace(/^(?:\.\/)+/, '')
  return relative === '' ? pattern : negation + relative.split(path.sep).join('/')
}

function ignores(rules: Ignore, relative: string): boolean {
  // The `ignore` package takes only paths below its folder.
  if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative))
    return false
  return rules.ignores(relative)
}

/** Whether a path is a file (following links). */
export function isFile(file: string): boolean {
  return statOf(file)?.isFile() === true
}

/**
 * A file's stats, refusing what is not a regular file before it is read
 * (a folder is left to the system to refuse): a FIFO or a device would never
 * end the read.
 */
export function regularStats(file: string): Stats {
  const stats = statSync(file)
  if (isSpecial(stats)) throw new Error('not a regular file (a FIFO, a socket or a device)')
  return stats
}

/** Whether a path's stats are of no regular file or folder: a FIFO, socket or device. */
export function isSpecial(stats: Stats | undefined): boolean {
  return stats !== undefined && !stats.isFile() && !stats.isDirectory()
}

/** A file's text, if it is a regular file ({@link regularStats}). */
export function readText(file: string): string {
  regularStats(file)
  return readFileSync(file, 'utf8')
}

/** A path's stats (following links), or undefined when it is gone or unreadable: the engine says so. */
export function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/** A path with its links resolved, as far as it exists (the rest as given): two spellings of one file compare equal. */
export function realPath(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    const parent = path.dirname(file)
    return parent === file ? file : path.join(realPath(parent), path.basename(file))
  }
}
