import {readdirSync} from 'node:fs'
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
import {targetOf} from './targets.js'
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
