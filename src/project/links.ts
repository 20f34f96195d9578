import {lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import type {Heading, Html} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {eachNode} from '../model/nodes.js'
import {firstLine} from '../text/text.js'
import {parseWithin} from '../model/parse.js'
import {type Limits, defaultLimits, excessText} from '../model/limits.js'
import {type Cached, type Readout, readCached} from './read.js'
import {readParent} from './parent.js'
import {noteRead} from './reads.js'
import {syntax} from '../model/syntax.js'
import {anchorsOf} from '../model/anchors.js'

/** A link URL split into what the file system and the fragment check need. */
interface LocalUrl {
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

/**
 * A path or fragment as a URL writes it: what would end or change the URL
 * in Markdown (spaces, `#`, `?`, `%`, parentheses, `<>`, `\`, `&`)
 * percent-encoded, so {@link localUrl} reads it back as it was.
 */
export function encodeUrlPart(value: string): string {
  return value.replace(/[\s\p{Cc}%#?()<>\\&]/gu, (character) => encodeURIComponent(character))
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

/**
 * The files and folders in a folder of the project, by name (a symbolic
 * link counts as what it points at, if that is inside the project); none
 * if it cannot be read. For "did you mean": the caller checks that the
 * folder is inside the project ({@link targetOf}).
 */
export function linkableEntries(folder: string, root: string): Map<string, 'file' | 'directory'> {
  const entries = new Map<string, 'file' | 'directory'>()
  noteRead(folder, 'listing')
  let found
  try {
    found = readdirSync(folder, {withFileTypes: true})
  } catch {
    return entries
  }
  for (const entry of found) {
    const kind = entry.isSymbolicLink()
      ? targetOf(path.join(folder, entry.name), root).kind
      : entry.isFile()
        ? 'file'
        : entry.isDirectory()
          ? 'directory'
          : undefined
    if (kind === 'file' || kind === 'directory') entries.set(entry.name, kind)
  }
  return entries
}

/** A target's anchors, or why they could not be read. */
type Anchors = Readout<{anchors: Set<string>}>

const anchorCache = new Map<string, Cached<Anchors>>()

/**
 * Anchors of a Markdown file, read and parsed once while it is unchanged
 * (see {@link readCached}). Callers check that the file is inside the
 * project first ({@link targetOf}).
 */
export function anchorsOfFile(file: string, limits: Limits = defaultLimits): Anchors {
  // A parent doc read for its entries is not read again for its anchors.
  const parent = readParent(file, limits)
  if (parent && 'model' in parent) return {anchors: parent.model.anchors()}
  return readCached(anchorCache, file, limits, anchorsOfText)
}

function anchorsOfText(text: string, limits: Limits): Anchors {
  const parsed = parseWithin(text, limits, (value) => fromMarkdown(value, syntax))
  if ('error' in parsed) return {problem: firstLine(parsed.error)}
  if ('excess' in parsed) return {excess: excessText(parsed.excess, limits, true), limit: parsed.excess.limit}
  const headings: Heading[] = []
  const html: Html[] = []
  eachNode(parsed.tree, function (node) {
    if (node.type === 'heading') headings.push(node)
    if (node.type === 'html') html.push(node)
  })
  return {anchors: anchorsOf(headings, html)}
}
