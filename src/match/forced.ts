/**
 * What the options say of a file before anything is read of it: the
 * `template` file is never a doc, `exclude` globs never are, `include` globs
 * always are, and with `detect: false` nothing else is. Otherwise
 * recognition (detect.ts) decides.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import type Picomatch from 'picomatch'
import type {VFile} from 'vfile'
import {placeOf} from '../project/project.js'
import type {SharedOptions} from './options.js'

/** What detection reads of the options: the shared ones, and the file the `template` option names, if it is found. */
export interface DetectOptions extends SharedOptions {
  templateFile: string | undefined
}

/**
 * What the options say of a file: the `template` itself (never), `exclude`
 * (never), `include` (always), `detect: false` (never), or nothing, leaving
 * it to recognition.
 */
export function forcedByOptions(file: VFile, options: DetectOptions): boolean | undefined {
  if (isTemplate(file, options)) return false
  const relative = file.path && (options.exclude || options.include) ? fromConfigFolder(file) : undefined
  if (relative !== undefined) {
    if (options.exclude && globs(options.exclude)(relative)) return false
    if (options.include && globs(options.include)(relative)) return true
  }
  return options.detect === false ? false : undefined
}

const matchers = new Map<string, (file: string) => boolean>()

/** Loaded when globs are first given: most runs have none, and every start of a hook counts. */
let picomatch: typeof Picomatch | undefined

function globs(patterns: string | string[]): (file: string) => boolean {
  const key = JSON.stringify(patterns)
  let matcher = matchers.get(key)
  if (!matcher) {
    picomatch ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch
    matcher = picomatch(patterns, {dot: true})
    matchers.set(key, matcher)
  }
  return matcher
}

/** Whether the file is the one the `template` option names: a template is no doc, whatever it looks like. */
export function isTemplate(file: VFile, options: DetectOptions): boolean {
  if (!options.templateFile || !file.path) return false
  return path.resolve(file.cwd, file.path) === path.resolve(options.templateFile)
}

/**
 * The file's path relative to its config folder, where globs are written
 * (relative to the working directory for options given in code).
 */
function fromConfigFolder(file: VFile): string {
  const absolute = path.resolve(file.cwd, file.path)
  return toPosix(path.relative(placeOf(absolute).configFolder ?? file.cwd, absolute))
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
