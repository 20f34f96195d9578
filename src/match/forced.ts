/**
 * What the options say of a file before anything is read of it: a template
 * (the `template` option's, or a kind's) is never a doc, `exclude` globs never
 * are, a kind's `include` globs make its docs, then the `include` globs
 * milestone docs, and with `detect: false` nothing else is a doc. Otherwise
 * recognition (detect.ts) decides.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import type Picomatch from 'picomatch'
import type {VFile} from 'vfile'
import {placeOf} from '../project/project.js'
import {type SharedOptions, milestoneKind} from './options.js'

/**
 * What detection reads of the options: the shared ones, and the files the
 * `template` option and each kind's `template` name, where they are found.
 */
export interface DetectOptions extends SharedOptions {
  templateFile: string | undefined
  /** Each kind's name and the file of its template, in the order of `kinds`. */
  kindTemplates?: Array<{name: string; file: string | undefined}>
}

/**
 * What the options say of a file: a template (no doc: `false`), `exclude`
 * (`false`), a kind's `include` (its name), `include` (`milestone`),
 * `detect: false` (`false`), or nothing, leaving it to recognition.
 */
export function forcedKind(file: VFile, options: DetectOptions): string | false | undefined {
  if (templateKind(file, options) !== undefined) return false
  const included = options.include || options.kinds?.some((kind) => kind.include)
  const relative = file.path && (options.exclude || included) ? fromConfigFolder(file) : undefined
  if (relative !== undefined) {
    if (options.exclude && globs(options.exclude)(relative)) return false
    const kind = options.kinds?.find((entry) => entry.include && globs(entry.include)(relative))
    if (kind) return kind.name
    if (options.include && globs(options.include)(relative)) return milestoneKind
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

/**
 * The kind whose template the file is (`milestone` for the `template`
 * option's), if any: a template is no doc, whatever it looks like.
 */
export function templateKind(file: VFile, options: DetectOptions): string | undefined {
  if (!file.path) return undefined
  const absolute = path.resolve(file.cwd, file.path)
  const is = (template: string | undefined) => template !== undefined && absolute === path.resolve(template)
  if (is(options.templateFile)) return milestoneKind
  return options.kindTemplates?.find((kind) => is(kind.file))?.name
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
