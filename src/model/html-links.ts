/**
 * Links and images written in HTML (`<a href="./x.md">`, `<img src="./x.png">`)
 * in a doc's HTML nodes, block or inline, with their URL and where its value
 * is written in the source.
 */
import type {Html} from 'mdast'
import type {Position} from 'unist'
import {startTags} from '../text/html.js'
import {lineEnd} from './lines.js'
import type {Source} from './source.js'

/** An `<a href>` or `<img src>` of a doc. */
export interface HtmlLink {
  type: 'htmlLink'
  /** `a` or `img`. */
  tag: string
  /** The href as a browser reads it: references decoded, tabs and line breaks dropped, outer spaces trimmed. */
  url: string
  /** Where the href's value is written (without quotes); the HTML node's place where that cannot be found. */
  position: Position | undefined
  /** The HTML node it is in. */
  html: Html
}

/** The attribute that holds a tag's URL. */
const urlAttributes = new Map([
  ['a', 'href'],
  ['img', 'src']
])

/** The links and images in HTML nodes, in order. */
export function htmlLinksOf(nodes: readonly Html[], source: Source): HtmlLink[] {
  const links: HtmlLink[] = []
  for (const node of nodes) {
    let place: ((index: number) => number | undefined) | undefined
    for (const tag of startTags(node.value)) {
      const wanted = urlAttributes.get(tag.name)
      const href = wanted ? tag.attributes.find((attribute) => attribute.name === wanted) : undefined
      if (!href) continue
      place ??= placer(source, node)
      const from = place(href.start)
      const to = place(href.end)
      const position = from === undefined || to === undefined ? undefined : source.range(from, to)
      links.push({
        type: 'htmlLink',
        tag: tag.name,
        url: urlOf(href.value),
        position: position ?? node.position,
        html: node
      })
    }
  }
  return links
}

/**
 * A browser's URL from an href: tabs and line breaks anywhere are dropped,
 * controls and spaces at either end trimmed.
 */
function urlOf(href: string): string {
  let start = 0
  let end = href.length
  while (start < end && href.charCodeAt(start) <= 32) start++
  while (end > start && href.charCodeAt(end - 1) <= 32) end--
  return href.slice(start, end).replace(/[\t\n\r]/g, '')
}

/**
 * Where each character of an HTML node's value is in the source. The value
 * leaves out what its lines' containers take (`> `, a list item's indent),
 * so each line after the first is the end of its source line (the last:
 * up to the node's end); a line for which that does not hold cannot be placed.
 */
function placer(source: Source, node: Html): (index: number) => number | undefined {
  const {text} = source
  const {value} = node
  const end = node.position?.end.offset
  // Each line of the value: where it starts in the value, and in the source (if found).
  const starts: number[] = []
  const bases: Array<number | undefined> = []
  let sourceLine = node.position?.start.offset
  for (let at = 0; at <= value.length;) {
    const stop = lineEnd(value, at)
    const line = value.slice(at, stop)
    let base: number | undefined
    if (sourceLine !== undefined && end !== undefined) {
      const sourceEnd = starts.length === 0 ? sourceLine + line.length : Math.min(lineEnd(text, sourceLine), end)
      base = sourceEnd - line.length
      if (base < sourceLine || text.slice(base, sourceEnd) !== line) base = undefined
      const next = lineEnd(text, sourceLine)
      sourceLine = next < end ? pastLineEnding(text, next) : undefined
    }
    starts.push(at)
    bases.push(base)
    at = stop === value.length ? value.length + 1 : pastLineEnding(value, stop)
  }
  return (index) => {
    const line = lineOf(starts, index)
    const base = bases[line]
    return base === undefined ? undefined : base + index - starts[line]!
  }
}

/** The last line (by its start) at or before `index`: a binary search, as a block may have many lines and links. */
function lineOf(starts: readonly number[], index: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (starts[middle]! <= index) low = middle
    else high = middle - 1
  }
  return low
}

/** Past the line ending at `at` (`\r\n` is one). */
function pastLineEnding(text: string, at: number): number {
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1
}
