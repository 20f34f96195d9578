/**
 * Where a folder's milestone-lint config file is, and what it holds, read
 * but not yet checked (config-file.ts checks it and says what it means).
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import json5 from 'json5'
import {ownConfigNames, ownPackageField} from '../project/file-names.js'
import {UsageError} from './flags.js'
import {isFile, readText, regularStats} from './ignore-files.js'

/** The config file of a folder, if it has one. */
export function configIn(folder: string): string | undefined {
  const pack = path.join(folder, 'package.json')
  return (
    ownConfigNames.map((name) => path.join(folder, name)).find(isFile) ??
    (isFile(pack) && mayHoldConfig(pack) ? pack : undefined)
  )
}

/** What a config file holds (a `package.json`, its field: one that `--config` names must have it). */
export async function contentOf(file: string, beforeImport?: () => void): Promise<unknown> {
  const extension = path.extname(file)
  if (path.basename(file) === 'package.json') {
    const value = packageConfig(file)
    if (value === undefined) throw new UsageError(`expected a \`${ownPackageField}\` field, found none`)
    return value
  }
  if (extension === '.mjs') {
    beforeImport?.()
    // The file's time in the URL: a long-lived process (the language server) sees it change.
    const url = pathToFileURL(file)
    url.search = String(regularStats(file).mtimeMs)
    const module = (await import(url.href)) as {default?: unknown}
    if (module.default === undefined) throw new UsageError('expected a default export (`export default {…}`)')
    return module.default
  }
  if (extension === '.json') return jsonOf(file)
  if (extension === '.jsonc') return json5.parse(readText(file))
  throw new UsageError(`expected a \`.json\`, \`.jsonc\` or \`.mjs\` file, or a \`package.json\``)
}

/** A `package.json`'s `milestoneLint` field. */
function packageConfig(file: string): unknown {
  const data = jsonOf(file)
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[ownPackageField] : undefined
}

/**
 * Whether a `package.json` is the config: it has the field, or cannot be
 * read or parsed, so that loading it says why (the engine refuses it too)
 * rather than a config further up being used.
 */
function mayHoldConfig(file: string): boolean {
  try {
    return packageConfig(file) !== undefined
  } catch {
    return true
  }
}

/** A JSON file's value; a UTF-8 BOM is no part of it (json5 and the engine skip one too). */
function jsonOf(file: string): unknown {
  return JSON.parse(readText(file).replace(/^\uFEFF/, '')) as unknown
}
