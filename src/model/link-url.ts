/**
 * Edits of a link's URL in the source, for quick fixes: the tree has the URL
 * decoded (escapes, entities) but not where its text is, so the link's
 * source is parsed again alone, and an edit is given only when that parse
 * proves it: an edit is never wrong, at worst missing.
 */
import type {Root} from 'mdast'
import {type Token, fromMarkdown} from 'mdast-util-from-markdown'
import type {TextEdit} from '../text/edits.js'
import type {HtmlLink} from './html-links.js'
import type {LinkNode} from './model.js'
import type {Source} from './source.js'
import {syntax} from './syntax.js'

/** A change to part of a URL as written: `raw.slice(from, to)` becomes `insert`, and the node's URL then reads `url`. */
export interface UrlChange {
  from: number
  to: number
  insert: string
  url: string
}

/**
 * The edit of the source that makes a link's, image's or definition's URL
 * (as written, without `<…>`) what `change` says, if the node's source
 * parsed alone gives the same node before and after it, with that URL and
 * the same title. Not when the node's source reads otherwise alone (a link
 * split over the lines of a block quote) or the new text would not read as
 * meant.
 */
export function urlEdit(
  source: Source,
  node: LinkNode,
  change: (raw: string) => UrlChange | undefined
): TextEdit | undefined {
  const text = source.slice(node)
  const start = node.position?.start.offset
  if (text === undefined || start === undefined) return undefined
  const before = parseAlone(text, node)
  const wanted = before && change(text.slice(before.start, before.end))
  if (!wanted) return undefined
  const from = before.start + wanted.from
  const to = before.start + wanted.to
  const after = parseAlone(text.slice(0, from) + wanted.insert + text.slice(to), node)
  if (after?.node.url !== wanted.url || after.node.title !== before.node.title) return undefined
  return {start: start + from, end: start + to, insert: wanted.insert}
}

/**
 * The edit of the source that makes an HTML link's href what `change`
 * says, if its value is written as its URL reads (no character reference,
 * no spaces) and the new text needs no escaping in an attribute, quoted or not.
 */
export function hrefEdit(
  source: Source,
  link: HtmlLink,
  change: (raw: string) => UrlChange | undefined
): TextEdit | undefined {
  const start = link.position?.start.offset
  const end = link.position?.end.offset
  if (start === undefined || end === undefined || source.text.slice(start, end) !== link.url) return undefined
  const wanted = change(link.url)
  if (!wanted || /[\s"'&<>=`]/.test(wanted.insert)) return undefined
  return {start: start + wanted.from, end: start + wanted.to, insert: wanted.insert}
}

/** A node's source parsed alone: the same kind of node, alone in it (so spanning all of it), and where its URL is written. */
function parseAlone(text: string, like: LinkNode): {node: LinkNode; start: number; end: number} | undefined {
  const urls: Token[] = []
  const record = (token: Token) => {
    urls.push(token)
  }
  const tree: Root = fromMarkdown(text, {
    extensions: syntax.extensions,
    mdastExtensions: [...syntax.mdastExtensions, {enter: {resourceDestination: record, definitionDestination: record}}]
  })
  const [block, ...otherBlocks] = tree.children
  const [inline, ...otherInlines] = block?.type === 'paragraph' ? block.children : []
  const node: LinkNode | undefined =
    block?.type === 'definition' ? block : inline?.type === 'link' || inline?.type === 'image' ? inline : undefined
  // The node's own URL is written last: a link's text (which may hold images and their URLs) comes first.
  const url = urls.at(-1)
  if (node?.type !== like.type || otherBlocks.length > 0 || otherInlines.length > 0 || !url) return undefined
  const literal = text.charAt(url.start.offset) === '<'
  return {
    node,
    start: url.start.offset + (literal ? 1 : 0),
    end: url.end.offset - (literal ? 1 : 0)
  }
}
