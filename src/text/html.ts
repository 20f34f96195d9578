/**
 * The start tags of a piece of HTML and their attributes, read as a
 * browser's tokenizer reads them (WHATWG HTML, "Tokenization"), for links
 * written in HTML. Comments (`<!-- <a href="x"> -->`), `<!…>`, `<?…>`, end
 * tags and the text of raw text elements (`<script>`, `<style>`,
 * `<textarea>`, …) hold no tags; a tag the text ends in before its `>` is
 * dropped, as a browser drops it at the end of its input. One pass with
 * `indexOf` and loops, no regular expression over the text: linear on any
 * input.
 */
import {parseEntities} from 'parse-entities'

/** An attribute of a start tag. */
export interface HtmlAttribute {
  /** Lowercased (ASCII letters only, as HTML does). */
  name: string
  /** With character references decoded (`&amp;` is `&`). */
  value: string
  /** Where the value is written, without its quotes: `html.slice(start, end)`. */
  start: number
  end: number
}

/** A start tag: its lowercased name and its attributes (the first of a repeated name only, as HTML keeps). */
export interface HtmlTag {
  name: string
  attributes: HtmlAttribute[]
}

/** Elements whose content is text, not tags (with scripting on, as on GitHub). */
const rawText = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title'])

/** The start tags of a piece of HTML, in order. */
export function startTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = []
  let index = html.indexOf('<')
  while (index !== -1) {
    const next = html.charCodeAt(index + 1)
    let end = index + 1
    if (next === 33 /* ! */) {
      end = html.startsWith('<!--', index) ? commentEnd(html, index + 4) : pastNext(html, index, '>')
    } else if (next === 63 /* ? */) {
      end = pastNext(html, index, '>')
    } else if (next === 47 /* / */) {
      // An end tag's attributes are read (a quoted `>` does not end it), then dropped.
      end = isAsciiLetter(html.charCodeAt(index + 2)) ? readTag(html, index + 2).end : pastNext(html, index, '>')
    } else if (isAsciiLetter(next)) {
      const tag = readTag(html, index + 1)
      if (tag.closed) tags.push({name: tag.name, attributes: tag.attributes})
      end = tag.name === 'plaintext' ? html.length : rawText.has(tag.name) ? rawTextEnd(html, tag) : tag.end
    }
    index = html.indexOf('<', end)
  }
  return tags
}

/** Past the next `char` from `from`, or the end. */
function pastNext(html: string, from: number, char: string): number {
  const at = html.indexOf(char, from)
  return at === -1 ? html.length : at + 1
}

/** Where a comment whose text starts at `from` ends: past `-->` or `--!>`, or `<!-->` and `<!--->` at once. */
function commentEnd(html: string, from: number): number {
  if (html.charCodeAt(from) === 62 /* > */) return from + 1
  if (html.startsWith('->', from)) return from + 2
  let at = html.indexOf('--', from)
  while (at !== -1) {
    if (html.charCodeAt(at + 2) === 62 /* > */) return at + 3
    if (html.startsWith('!>', at + 2)) return at + 4
    at = html.indexOf('--', at + 1)
  }
  return html.length
}

/** Where a raw text element's text ends: at its end tag (`</script>`, any case), or the end. */
function rawTextEnd(html: string, tag: {name: string; end: number}): number {
  let at = html.indexOf('</', tag.end)
  while (at !== -1) {
    const after = at + 2 + tag.name.length
    if (
      asciiLower(html.slice(at + 2, after)) === tag.name &&
      (after === html.length || endsName(html.charCodeAt(after)))
    ) {
      return at
    }
    at = html.indexOf('</', at + 2)
  }
  return html.length
}

/** A tag whose name starts at `from`: its attributes, where it ends, and whether a `>` closed it. */
function readTag(html: string, from: number) {
  let index = from
  while (index < html.length && !endsName(html.charCodeAt(index))) index++
  const name = asciiLower(html.slice(from, index))
  const attributes: HtmlAttribute[] = []
  // A set, not a search of the list: a tag may have thousands of attributes.
  const names = new Set<string>()
  while (index < html.length) {
    const code = html.charCodeAt(index)
    if (code === 62 /* > */) return {name, attributes, end: index + 1, closed: true}
    if (isSpace(code) || code === 47 /* / */) {
      index++
      continue
    }
    const attribute = readAttribute(html, index)
    if (!attribute) break
    const {next, ...read} = attribute
    if (!names.has(read.name)) attributes.push(read)
    names.add(read.name)
    index = next
  }
  return {name, attributes, end: html.length, closed: false}
}

/** The attribute whose name starts at `from`, and where reading goes on; none when the text ends in its quoted value. */
function readAttribute(html: string, from: number): (HtmlAttribute & {next: number}) | undefined {
  // The first character is the name's, even `=` (`<a =x>` names an attribute `=x`).
  let index = from + 1
  while (index < html.length && !endsName(html.charCodeAt(index)) && html.charCodeAt(index) !== 61) index++
  const name = asciiLower(html.slice(from, index))
  const equals = skipSpaces(html, index)
  if (html.charCodeAt(equals) !== 61 /* = */) return {name, value: '', start: index, end: index, next: equals}
  const start = skipSpaces(html, equals + 1)
  const quote = html.charAt(start)
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, start + 1)
    if (close === -1) return undefined
    return {name, value: decode(html.slice(start + 1, close)), start: start + 1, end: close, next: close + 1}
  }
  // Unquoted (`href=./x.md`): up to a space or `>`; none at all before `>`.
  let end = start
  while (end < html.length && !isSpace(html.charCodeAt(end)) && html.charCodeAt(end) !== 62) end++
  return {name, value: decode(html.slice(start, end)), start, end, next: end}
}

/** An attribute value with its character references decoded, as HTML decodes them in attributes (`&copy=` stays). */
function decode(raw: string): string {
  return raw.includes('&') ? parseEntities(raw, {attribute: true}) : raw
}

function skipSpaces(html: string, from: number): number {
  let index = from
  while (index < html.length && isSpace(html.charCodeAt(index))) index++
  return index
}

/** Whether a character ends a tag or attribute name: a space, `/` or `>`. */
function endsName(code: number): boolean {
  return isSpace(code) || code === 47 /* / */ || code === 62 /* > */
}

/** HTML's spaces: tab, line feed, form feed, carriage return, space. */
function isSpace(code: number): boolean {
  return code === 9 || code === 10 || code === 12 || code === 13 || code === 32
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20
  return lower >= 97 && lower <= 122
}

/** Lowercase ASCII letters only, as HTML does with names. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
}
