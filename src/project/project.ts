/**
 * Where a linted file stands, found from the file itself, never from the
 * working directory: so the same file gets the same messages whether
 * `milestone-lint` runs from the repository's root, from a sub-folder, in
 * an editor or in a hook.
 *
 * - Its config folder: the nearest folder at or above the file with a
 *   `.remarkrc*` file or a `package.json` with `remarkConfig`, the one
 *   unified-engine (remark-cli, `milestone-lint`, the language server)
 *   reads, or with milestone-lint's own config file (`.milestone-lint.*`,
 *   `package.json#milestoneLint`). Globs and a template path in options are
 *   relative to it.
 * - Its project: the nearest folder with `.git` (a repository), else the
 *   nearest with a config file or a `package.json`. Links never leave it.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ownConfigNames, ownPackageField, rcNames} from './file-names.js'
import {isInside, targetOf} from './targets.js'
import {noteRead} from './reads.js'

/** Where a file stands: its config folder and its project. */
export interface Place {
  /** The folder whose config file applies to the file, if any. */
  configFolder: string | undefined
  /** The project the file belongs to, if any folder above it says so: links may not leave it. */
  root: string | undefined
}

/** The names that say where a file stands. */
const placeNames = ['.git', 'package.json', ...rcNames]

/** Where the file at an absolute path stands. */
export function placeOf(file: string): Place {
  let configFolder: string | undefined
  let marked: string | undefined
  let repository: string | undefined
  for (let folder = path.dirname(file); ;) {
    const names = entriesOf(folder)
    for (const name of placeNames) noteRead(path.join(folder, name), 'exists')
    const packaged = names.has('package.json')
    const configured =
      [...rcNames, ...ownConfigNames].some((name) => names.has(name)) || (packaged && hasConfigField(folder))
    if (configured) configFolder ??= folder
    if (configured || packaged) marked ??= folder
    if (names.has('.git')) repository ??= folder
    const parent = path.dirname(folder)
    if (parent === folder || (repository && configFolder)) break
    folder = parent
  }
  return {configFolder, root: repository ?? marked}
}

interface Listing {
  stamp: number
  names: Set<string>
}

const listings = new Map<string, Listing>()
const maxListings = 4096

/**
 * A folder's entry names, read again only when the folder changed (its
 * modification time moves when an entry is added or removed), so a
 * long-lived language server sees a config file added later.
 */
export function entriesOf(folder: string): Set<string> {
  let stamp: number
  try {
    stamp = statSync(folder).mtimeMs
  } catch {
    return new Set()
  }
  const cached = listings.get(folder)
  if (cached?.stamp === stamp) return cached.names
  let names: Set<string>
  try {
    names = new Set(readdirSync(folder))
  } catch {
    names = new Set()
  }
  if (listings.size >= maxListings) listings.clear()
  listings.set(folder, {stamp, names})
  return names
}

const packages = new Map<string, {stamp: number; configured: boolean}>()

/** Whether a folder's `package.json` has a `remarkConfig` or `milestoneLint` field (read again when it changes). */
function hasConfigField(folder: string): boolean {
  const file = path.join(folder, 'package.json')
  noteRead(file, 'content')
  try {
    const stamp = statSync(file).mtimeMs
    const cached = packages.get(file)
    if (cached?.stamp === stamp) return cached.configured
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const configured = typeof data === 'object' && data !== null && ('remarkConfig' in data || ownPackageField in data)
    if (packages.size >= maxListings) packages.clear()
    packages.set(file, {stamp, configured})
    return configured
  } catch {
    return false
  }
}

/** Where a `template` option points, or why it cannot be used (said in a `TemplateError`). */
export type TemplateLocation = {file: string} | {problem: string}

/**
 * Where a `template` option points: an absolute path or `file:` URL as is;
 * a relative path from the linted file's config folder (where the option is
 * written), else from the working directory (options given in code), but
 * only inside the file's project (without a file, the working directory's,
 * if it has one): a path out of it is not looked at, and symbolic links are
 * followed one at a time, only while they stay in it (as for links).
 */
export function resolveTemplate(template: string | URL, cwd: string, filePath?: string): TemplateLocation {
  if (typeof template !== 'string') return fromUrl(template)
  if (path.isAbsolute(template)) return {file: template}
  // `placeOf` looks from a file's folder: without a file, from the working directory.
  const place = placeOf(filePath ? path.resolve(cwd, filePath) : path.join(cwd, 'template'))
  // A file in no project has the working directory. Without a file (when
  // attached), the working directory in no project may be above the docs'.
  const root = place.root ?? (filePath ? cwd : undefined)
  if (root === undefined) {
    return {
      problem:
        'not looked for, as the working directory is in no project (no `.git`, config file or `package.json` at or above it)'
    }
  }
  const shown = (file: string) => `\`${path.relative(cwd, file) || '.'}\``
  const bases = filePath && place.configFolder ? [place.configFolder, cwd] : [cwd]
  const candidates = [...new Set(bases.map((base) => path.resolve(base, template)))]
  const inside = candidates.filter((candidate) => isInside(root, candidate))
  if (inside.length === 0) {
    const where = shown(candidates[0]!)
    return {
      problem: `expected a path inside the project, found ${where} out of it (an absolute path or a \`file:\` URL may point anywhere)`
    }
  }
  for (const candidate of inside) {
    const target = targetOf(candidate, root)
    if (target.kind === 'missing') continue
    if (target.kind === 'outside') {
      return {
        problem: `expected a file inside the project, found ${shown(candidate)}, a symbolic link out of it (not followed)`
      }
    }
    if (target.kind === 'unreadable') return {problem: `cannot read it (${target.code})`}
    return {file: candidate}
  }
  return {problem: `no such file in the project, looked for ${inside.map(shown).join(' and ')}`}
}

function fromUrl(url: URL): TemplateLocation {
  try {
    return {file: fileURLToPath(url)}
  } catch (error) {
    return {problem: `cannot read it (${(error as Error).message})`}
  }
}
