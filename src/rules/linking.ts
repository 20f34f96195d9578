/**
 * How a doc's local links resolve: relative to its folder, never out of its
 * project (found from the doc, not from the working directory).
 */
import path from 'node:path'
import type {Link, LinkReference} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import type {HtmlLink} from '../model/html-links.js'
import type {LinkNode, Model} from '../model/model.js'
import {eachNode} from '../model/nodes.js'
import {localUrl} from '../project/links.js'
import {isInside} from '../project/targets.js'
import {placeOf} from '../project/project.js'

/** Where a file's links start from. */
export interface Linking {
  /** The doc's folder (none for a file without a path: stdin). */
  folder: string | undefined
  /** The project the links may not leave. */
  root: string
  /** The file a local URL points at, if it is local and the doc has a folder. */
  resolve: (url: string) => string | undefined
}

/**
 * The linking of a file: links may not leave the project, found from the
 * doc (else the working directory, or the doc's folder if it is elsewhere).
 */
export function linkingOf(file: VFile): Linking {
  const folder = file.path ? path.resolve(file.cwd, file.dirname ?? '.') : undefined
  const project = file.path ? placeOf(path.resolve(file.cwd, file.path)).root : undefined
  const root = project ?? (folder === undefined || isInside(file.cwd, folder) ? file.cwd : folder)
  return {
    folder,
    root,
    resolve(url) {
      const local = localUrl(url)
      return local && folder && local.path ? path.resolve(folder, local.path) : undefined
    }
  }
}

/** The first link in a field's value (a reference counts through its definition, an HTML link by its href). */
export function firstLink(model: Model, field: Field): Link | LinkReference | HtmlLink | undefined {
  let found: Link | LinkReference | HtmlLink | undefined
  for (const node of field.value) {
    eachNode(node, function (child) {
      if (found) return false
      if (child.type === 'link' || child.type === 'linkReference') found = child
      else if (child.type === 'html') found = model.htmlLinks.find((link) => link.html === child && link.tag === 'a')
      return undefined
    })
  }
  return found
}

/** A link's URL; a reference takes its definition's. */
export function urlOf(model: Model, node: LinkNode | LinkReference | HtmlLink): string {
  if (node.type !== 'linkReference') return node.url
  return model.definitions.get(node.identifier)?.url ?? ''
}

/** A link, image, definition, reference link or HTML link, with its URL. */
export interface UrlNode {
  node: LinkNode | LinkReference | HtmlLink
  url: string
}

/**
 * The links of a stretch of a doc (a section, from `start` to `end`), in
 * order, with their URLs: a reference link (`[Overview][m1]`) counts with
 * its definition's URL, wherever that definition is, and an HTML link
 * (`<a href="./m1.md">`) with its href.
 */
export function linksWithin(model: Model, start: number, end: number): UrlNode[] {
  const within = (node: UrlNode['node']) => {
    const at = node.position?.start.offset
    return at !== undefined && at >= start && at < end
  }
  return [...model.links.filter(within), ...model.references.filter(within), ...model.htmlLinks.filter(within)]
    .sort((a, b) => a.position!.start.offset! - b.position!.start.offset!)
    .map((node) => ({node, url: urlOf(model, node)}))
}
