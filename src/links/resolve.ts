import {statSync, readFileSync, type Stats} from 'node:fs'
import type {Heading, Html} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {visit} from 'unist-util-visit'
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

/** What is at a path: a file, a folder, or nothing. */
export function kindOf(file: string): 'file' | 'directory' | undefined {
  let stats: Stats | undefined
  try {
    stats = statSync(file, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
  if (!stats) return undefined
  return stats.isDirectory() ? 'directory' : 'file'
}

const markdownExtension = /\.(?:md|markdown|mdown|mkdn?|mdx)$/i

export function isMarkdown(file: string): boolean {
  return markdownExtension.test(file)
}

/** Files larger than this are not parsed for anchors. */
const maxAnchorFileSize = 8 * 1024 * 1024
const maxCached = 256
const anchorCache = new Map<string, {stamp: string; anchors: Set<string> | undefined}>()

/**
 * Anchors of a Markdown file, read and parsed once while it is unchanged
 * (keyed by modification time and size, so an editor sees saved changes).
 */
export function anchorsOfFile(file: string): Set<string> | undefined {
  let stats: Stats | undefined
  try {
    stats = statSync(file)
  } catch {
    return undefined
  }
  const stamp = `${stats.mtimeMs}:${stats.size}`
  const cached = anchorCache.get(file)
  if (cached?.stamp === stamp) return cached.anchors

  let anchors: Set<string> | undefined
  if (stats.isFile() && stats.size <= maxAnchorFileSize) {
    try {
      anchors = parseAnchors(readFileSync(file, 'utf8'))
    } catch {
      anchors = undefined
    }
  }
  if (anchorCache.size >= maxCached) anchorCache.clear()
  anchorCache.set(file, {stamp, anchors})
  return anchors
}

function parseAnchors(text: string): Set<string> {
  const headings: Heading[] = []
  const html: Html[] = []
  visit(fromMarkdown(text), function (node) {
    if (node.type === 'heading') headings.push(node)
    if (node.type === 'html') html.push(node)
  })
  return anchorsOf(headings, html)
}


