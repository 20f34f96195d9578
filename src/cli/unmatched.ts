/**
 * Paths and globs that match no file. unified-engine lints what they match
 * and says nothing of one that matches nothing, so a typo in CI passes
 * forever with nothing linted. They are matched as the engine expands them
 * (the same `glob`; a folder is searched for files with a Markdown
 * extension, skipping `node_modules`), but before ignore files: a file that
 * `.remarkignore` excludes still matches, and is then the engine's to
 * report or, with `--silently-ignore`, to pass quietly.
 */
import type {Dirent} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, hasMagic} from 'glob'

export interface Unmatched {
  pattern: string
  /** Why it is an error, in one line. */
  reason: string
}

/** The patterns that match no file. */
export async function unmatchedPatterns(
  patterns: readonly string[],
  cwd: string,
  extensions: readonly string[]
): Promise<Unmatched[]> {
  const unmatched: Unmatched[] = []
  for (const pattern of patterns) {
    if (hasMagic(pattern)) {
      if (!(await anyMatch(await glob(pattern, {cwd}), cwd, extensions))) {
        unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
      }
      continue
    }
    const found = await kindOf(path.resolve(cwd, pattern))
    if (found === undefined) unmatched.push({pattern, reason: `no file matches \`${pattern}\``})
    else if (found === 'folder' && !(await holdsMarkdown(path.resolve(cwd, pattern), extensions))) {
      unmatched.push({pattern, reason: `no Markdown file in \`${pattern}\``})
    }
  }
  return unmatched
}

async function anyMatch(found: readonly string[], cwd: string, extensions: readonly string[]): Promise<boolean> {
  for (const relative of found) {
    const absolute = path.resolve(cwd, relative)
    const kind = await kindOf(absolute)
    if (kind === 'file' || (kind === 'folder' && (await holdsMarkdown(absolute, extensions)))) return true
  }
  return false
}

/** Whether a path is a file or a folder (following links), if it exists. */
async function kindOf(absolute: string): Promise<'file' | 'folder' | undefined> {
  try {
    return (await stat(absolute)).isDirectory() ? 'folder' : 'file'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    return 'file' // Unreadable, but there: the engine reports it on the file.
  }
}

/** Whether a folder holds a Markdown file at any depth, looking at the shallowest first. */
async function holdsMarkdown(folder: string, extensions: readonly string[]): Promise<boolean> {
  const queue = [folder]
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    let entries: Dirent[]
    try {
      entries = await readdir(current, {withFileTypes: true})
    } catch {
      return true // Unreadable: the engine reports it.
    }
    for (const entry of entries) {
      const absolute = path.join(current, entry.name)
      const kind = entry.isSymbolicLink() ? await kindOf(absolute) : entry.isDirectory() ? 'folder' : 'file'
      if (kind === 'file' && extensions.includes(path.extname(entry.name))) return true
      if (kind === 'folder' && entry.name !== 'node_modules') queue.push(absolute)
    }
  }
  return false
}
