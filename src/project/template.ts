/**
 * Loading templates: from files (read only when safe, once per version),
 * from `file:` URLs, and the bundled one with its schema derived at build
 * time. Deriving a schema from a template's text is `schema/derive.ts`.
 */
import {readFileSync, statSync, type Stats} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {type Limits, defaultLimits} from '../model/limits.js'
import {TemplateError, deriveSchema, overTemplateLimit} from '../schema/derive.js'
import type {Schema} from '../schema/types.js'
import {noteRead} from './reads.js'

/** Schemas (or why there is none) of template files, by path, for one version of the file and one set of limits. */
const cache = new Map<string, {key: string; result: Schema | TemplateError}>()

/**
 * The schema of a template file, derived once per file version. Only a
 * regular file within `limits.size` bytes is read (a FIFO would hang, a
 * device such as `/dev/zero` never end), and it is derived within the
 * other limits. Throws a {@link TemplateError} naming the file when it
 * cannot be read or understood.
 */
export function loadTemplate(location: string | URL, shownAs?: string, limits: Limits = defaultLimits): Schema {
  let file: string
  let stats: Stats
  try {
    file = typeof location === 'string' ? location : fileURLToPath(location)
    noteRead(file, 'content')
    stats = statSync(file)
  } catch (error) {
    throw new TemplateError(shownAs ?? String(location), undefined, `cannot read it (${(error as Error).message})`)
  }
  const name = shownAs ?? file
  // The change time moves with the content and with permissions (a file made readable).
  const key = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${JSON.stringify(limits)}`
  let cached = cache.get(file)
  if (cached?.key !== key) {
    cached = {key, result: readTemplate(file, name, stats, limits)}
    cache.set(file, cached)
  }
  if (cached.result instanceof TemplateError) throw cached.result
  return cached.result
}

function readTemplate(file: string, name: string, stats: Stats, limits: Limits): Schema | TemplateError {
  if (!stats.isFile()) return new TemplateError(name, undefined, `expected a regular file, found ${kindOf(stats)}`)
  if (stats.size > limits.size) return overTemplateLimit(name, {limit: 'size', found: stats.size, bytes: true}, limits)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return new TemplateError(name, undefined, `cannot read it (${(error as Error).message})`)
  }
  try {
    return deriveSchema(text, name, limits)
  } catch (error) {
    return error as TemplateError
  }
}

/** What a path that is no regular file is. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'something else'
}

/** The bundled template (2026-01-05), the default. */
export const bundledTemplate = new URL('../../templates/milestone-template.md', import.meta.url)

/** How the bundled template is named in messages. */
export const bundledTemplateName = 'templates/milestone-template.md'

/**
 * The bundled template's schema, derived when the package is built
 * (`scripts/bundle-schema.mjs`): deriving it takes longer than linting a
 * doc, and every start of a pre-commit hook would pay for it.
 */
export const bundledSchemaFile = new URL('../schema/bundled-schema.json', import.meta.url)

let bundled: Schema | undefined

/** The schema of the bundled template: the one derived at build time, if it is of this template. */
export function defaultSchema(): Schema {
  bundled ??= prederived() ?? loadTemplate(bundledTemplate, bundledTemplateName)
  return bundled
}

/** The saved schema, if it was derived from the bundled template as it is now. */
function prederived(): Schema | undefined {
  try {
    const saved = JSON.parse(readFileSync(bundledSchemaFile, 'utf8')) as {template: string; schema: Schema}
    return saved.template === readFileSync(bundledTemplate, 'utf8') ? saved.schema : undefined
  } catch {
    return undefined // Not built (tests run from src/): derive it.
  }
}
