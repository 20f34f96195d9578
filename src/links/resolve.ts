import {readFileSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import type {Heading, Html} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {eachNode} from '../model/nodes.js'
import {syntax} from '../syntax.js'
import {anchorsOf} from './anchors.js'

/** A link URL split into what the file system and the fragment check need. */
export interface LocalUrl {
  /** Percent-decoded path, `''` for a link within the same file. */
  path: string
  /** Percent-decoded fragment without `#`, if any. */
  fragment: string | undefined
}

const scheme = /^[a-z][a-z\d+.-]*:/i

/**
 * The local part of a URL, or `undefined` for what is never checked:
 * external URLs (`https:`, `mailto:`, `//host`) and root-relative ones.
 */
export function localUrl(url: string): LocalUrl | undefined {
  if (url === '' || scheme.test(url) || url.startsWith('/')) return undefined
  const hash = url.indexOf('#')
  const beforeHash = hash === -1 ? url : url.slice(0, hash)
  const query = beforeHash.indexOf('?')
  return {
    path: decode(query === -1 ? beforeHash : beforeHash.slice(0, query)),
    fragment: hash === -1 ? undefined : decode(url.slice(hash + 1))
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** What a link target is, as far as a link check may look. */
export type Target =
  | {kind: 'file' | 'directory'}
  /** Outside the project, itself or through a symbolic link: never read. */
  | {kind: 'outside'}
  | {kind: 'missing'}
  /** There, but not usable: a symbolic link loop (`ELOOP`), no permission (`EACCES`)… */
  | {kind: 'unreadable'; code: string}

/**
 * What is at a path, without leaving the project: a path outside `root`
 * is not looked at, and one that resolves outside it through symbolic
 * links is not looked at further.
 */
export function targetOf(file: string, root: string): Target {
  if (!isInside(root, file)) return {kind: 'outside'}
  let real: string
  try {
    real = realpathSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? {kind: 'missing'} : {kind: 'unreadable', code: code ?? 'unknown'}
  }
  if (!isInside(realRoot(root), real)) return {kind: 'outside'}
  try {
    return {kind: statSync(real).isDirectory() ? 'directory' : 'file'}
  } catch (error) {
    return {kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unknown'}
  }
}

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
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

const markdownExtension = /\.(?:md|markdown|mdown|mkdn?|mdx)$/i

export function isMarkdown(file: string): boolean {
  return markdownExtension.test(file)
}

/** Files larger than this are not parsed for anchors. */
const maxAnchorFileSize = 8 * 1024 * 1024
const maxCached = 256

/** A target's anchors, or why they could not be read. */
export type Anchors = {anchors: Set<string>} | {problem: string}

const anchorCache = new Map<string, {stamp: string; result: Anchors}>()

/**
 * Anchors of a Markdown file, read and parsed once while it is unchanged
 * (keyed by modification time and size, so an editor sees saved changes).
 * Only regular files are read (a FIFO or device would block or never end).
 * Callers check that the file is inside the project first ({@link targetOf}).
 */
export function anchorsOfFile(file: string): Anchors {
  let stats: Stats
  try {
    stats = statSync(file)
  } catch (error) {
    return {problem: (error as NodeJS.ErrnoException).code ?? String(error)}
  }
  const stamp = `${stats.mtimeMs}:${stats.size}`
  const cached = anchorCache.get(file)
  if (cached?.stamp === stamp) return cached.result

  let result: Anchors
  if (!stats.isFile()) result = {problem: 'not a regular file'}
  else if (stats.size > maxAnchorFileSize) result = {problem: `larger than ${maxAnchorFileSize / 1024 / 1024} MB`}
  else {
    try {
      result = {anchors: parseAnchors(readFileSync(file, 'utf8'))}
    } catch (error) {
      result = {problem: (error as NodeJS.ErrnoException).code ?? String(error)}
    }
  }
  if (anchorCache.size >= maxCached) anchorCache.clear()
  anchorCache.set(file, {stamp, result})
  return result
}

function parseAnchors(text: string): Set<string> {
  const headings: Heading[] = []
  const html: Html[] = []
  eachNode(fromMarkdown(text, syntax), function (node) {
    if (node.type === 'heading') headings.push(node)
    if (node.type === 'html') html.push(node)
  })
  return anchorsOf(headings, html)
}


