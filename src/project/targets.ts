/**
 * What is at a path in the project, without leaving it: a leaf module (no
 * parser), so the command line can find files with it before any is linted.
 */
import {lstatSync, readlinkSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import {noteRead} from './reads.js'

/** What a link target is, as far as a link check may look. */
export type Target =
  | {kind: 'file' | 'directory'}
  /** Outside the project, itself or through a symbolic link: never read. */
  | {kind: 'outside'}
  | {kind: 'missing'}
  /** There, but not usable: a symbolic link loop (`ELOOP`), no permission (`EACCES`)… */
  | {kind: 'unreadable'; code: string}

/**
 * What is at a path, without leaving the project: a path outside `root` is
 * not looked at; symbolic links are followed one by one, and one whose
 * target is outside the project is reported so before its target is
 * touched (whether it exists or not).
 */
export function targetOf(file: string, root: string): Target {
  if (!isInside(root, file)) return {kind: 'outside'}
  noteRead(file, 'exists')
  const realProjectRoot = realRoot(root)
  const pending = path.relative(root, file).split(path.sep).filter(Boolean)
  let current = realProjectRoot
  let links = 0
  while (pending.length > 0) {
    const next = path.join(current, pending.shift()!)
    let stats: Stats
    try {
      stats = lstatSync(next)
    } catch (error) {
      return problem(error)
    }
    if (!stats.isSymbolicLink()) {
      current = next
      continue
    }
    // As the system does: at most 40 links in a row, else a loop.
    if (++links > 40) return {kind: 'unreadable', code: 'ELOOP'}
    let target: string
    try {
      target = path.resolve(current, readlinkSync(next))
    } catch (error) {
      /* v8 ignore start -- lstat just said it is a link: only one removed meanwhile fails here */
      return problem(error)
      /* v8 ignore stop */
    }
    // The project as the link names it: by its real path, or by the path it was given as.
    const base = isInside(realProjectRoot, target) ? realProjectRoot : isInside(root, target) ? root : undefined
    if (base === undefined) return {kind: 'outside'}
    pending.unshift(...path.relative(base, target).split(path.sep).filter(Boolean))
    current = realProjectRoot
  }
  try {
    return {kind: statSync(current).isDirectory() ? 'directory' : 'file'}
  } catch (error) {
    return problem(error)
  }
}

function problem(error: unknown): Target {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR' ? {kind: 'missing'} : {kind: 'unreadable', code: code ?? 'unknown'}
}

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  // `..notes.md` is inside; `..` and `../x` are not.
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative)
}

const realRoots = new Map<string, string>()

function realRoot(root: string): string {
  let real = realRoots.get(root)
  if (real === undefined) {
    try {
      real = realpathSync(root)
    } catch {
      real = root
    }
    realRoots.set(root, real)
  }
  return real
}
