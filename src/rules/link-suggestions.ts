/**
 * "Did you mean" for milestone-relative-links: a link to a missing file or
 * heading names the closest one that exists ({@link closestName}), and
 * offers it as a quick fix of that part of the URL alone. Only a
 * suggestion: `--fix` and fix-all never apply it.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {closestName} from '../text/closest.js'
import {truncate} from '../text/text.js'
import {type UrlChange, hrefEdit, urlEdit} from '../model/link-url.js'
import type {LinkNode, Model} from '../model/model.js'
import type {HtmlLink} from '../model/html-links.js'
import {isMarkdown} from '../project/file-names.js'
import {encodeUrlPart} from '../project/links.js'
import type {Target} from '../project/targets.js'
import {report} from './report.js'

/** What link checks look up on the file system, once per file. */
export interface LookUps {
  target: (file: string) => Target
  entries: (folder: string) => Map<string, 'file' | 'directory'>
}

/** What a broken link most likely means. */
export interface Meant {
  /** As a URL writes it. */
  text: string
  /** The change of the URL as written (`raw`) that makes it so. */
  change: (raw: string) => UrlChange | undefined
}

/**
 * Report a broken link, with what it most likely means if anything: then
 * the message is placed on the part of the URL to change and carries the
 * change as a suggestion, or, where that part cannot be placed for sure,
 * is on the link without one.
 */
export function reportBroken(
  file: VFile,
  model: Model,
  node: LinkNode | HtmlLink,
  reason: string,
  meant: Meant | undefined
): void {
  if (!meant) {
    report(file, reason, node.position)
    return
  }
  const said = `${reason}; did you mean \`${truncate(meant.text)}\`?`
  const edit =
    node.type === 'htmlLink' ? hrefEdit(model.source, node, meant.change) : urlEdit(model.source, node, meant.change)
  if (edit) report(file, said, model.source.range(edit.start, edit.end), {expected: [edit.insert], suggestion: true})
  else report(file, said, node.position)
}

/** The file (or folder) a link to a missing one most likely means: its path, the fragment and query kept. */
export function meantFile(url: string, localPath: string, folder: string, look: LookUps): Meant | undefined {
  const fixed = closestPath(localPath, folder, look)
  if (fixed === undefined) return undefined
  const text = encodeUrlPart(fixed)
  return {
    text,
    change: (raw) => ({from: 0, to: pathEnd(raw), insert: text, url: text + url.slice(pathEnd(url))})
  }
}

/** The anchor a link to a missing heading most likely means (anchors are lowercase; fragments match ignoring case). */
export function meantHeading(url: string, fragment: string, anchors: ReadonlySet<string>): Meant | undefined {
  const slug = closestName(fragment.toLowerCase(), anchors)
  if (slug === undefined) return undefined
  const text = '#' + encodeUrlPart(slug)
  return {
    text,
    change: (raw) =>
      raw.includes('#')
        ? {from: raw.indexOf('#'), to: raw.length, insert: text, url: url.slice(0, url.indexOf('#')) + text}
        : undefined
  }
}

/**
 * A path with one segment misspelt, made right: the first segment not
 * found becomes the closest name in its folder (a folder, unless it is the
 * last), and the rest must then be found as written.
 */
function closestPath(localPath: string, folder: string, look: LookUps): string | undefined {
  const segments = localPath.split('/')
  let base = folder
  for (const [index, segment] of segments.entries()) {
    const next = path.resolve(base, segment)
    if (look.target(next).kind !== 'missing') {
      base = next
      continue
    }
    // Outside the project, `base` is never 'directory': its entries are never read.
    if (look.target(base).kind !== 'directory') return undefined
    const last = segments.slice(index + 1).every((rest) => rest === '')
    const names = [...look.entries(base)].filter(([, kind]) => last || kind === 'directory').map(([name]) => name)
    const name = closestName(segment, names)
    if (name === undefined) return undefined
    const fixed = [...segments.slice(0, index), name, ...segments.slice(index + 1)].join('/')
    const kind = look.target(path.resolve(folder, fixed)).kind
    return kind === 'file' || (kind === 'directory' && !isMarkdown(fixed)) ? fixed : undefined
  }
  return undefined
}

/** Where a URL's path ends: at its `?query` or `#fragment`. */
function pathEnd(url: string): number {
  const end = url.search(/[?#]/)
  return end === -1 ? url.length : end
}
