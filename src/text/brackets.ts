/** A bracketed group of text, `[like this]`, found in a string. */
export interface Bracketed {
  /** Offset of `[`. */
  start: number
  /** Offset just after `]`. */
  end: number
  /** Text between the brackets. */
  inner: string
}

/**
 * Outermost balanced `[…]` groups in `text`, skipping escaped brackets and
 * characters where `masked` is set (code, HTML, link syntax). A `[` never
 * closed (`[0.6, 0.9)`) encloses nothing: the groups after it still count.
 * One linear pass.
 */
export function findBrackets(text: string, masked?: Uint8Array): Bracketed[] {
  const found: Bracketed[] = []
  /** Each open `[`, with the outermost groups closed inside it so far. */
  const open: Array<{start: number; inside: Bracketed[]}> = []

  for (let index = 0; index < text.length; index++) {
    if (masked?.[index]) continue
    const char = text.charCodeAt(index)
    if (char === 92 /* \ */) {
      index++
    } else if (char === 91 /* [ */) {
      open.push({start: index, inside: []})
    } else if (char === 93 /* ] */ && open.length > 0) {
      const {start} = open.pop()!
      const group = {start, end: index + 1, inner: text.slice(start + 1, index)}
      if (open.length === 0) found.push(group)
      else open.at(-1)!.inside.push(group)
    }
  }

  if (open.length === 0) return found
  // A `[` left open gives back the groups closed inside it.
  for (const {inside} of open) found.push(...inside)
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Bracketed text that reads as a placeholder, not as prose or syntax: it has
 * a letter (`[…]`, `[1]`, `[ ]` do not), is no task box (`[x]`), footnote
 * (`[^1]`), alert or callout (`> [!NOTE]`), wiki link (`[[Page]]`),
 * reference (`[HAR-142]`, `[RFC 2119]`), status tag (`[WIP]`), editorial
 * mark (`[sic]`), citation (`[Smith 2020]`), interval or list of values
 * (`[1, n-1]`, `["jpeg", "png"]`) or choice (`[y/N]`), and does not follow
 * a word (`items[0]`, `map[key]`, `snake_case[0]`; `_` that opens emphasis,
 * `__[Owner Name]__`, is no word). `text` is what `group` was found in.
 */
export function looksLikePlaceholder(group: Bracketed, text: string): boolean {
  const inner = group.inner.trim()
  if (!/\p{L}/u.test(inner)) return false
  if (/^[xX]$/.test(inner) || inner.startsWith('^')) return false
  if (isAlert(inner) || isWikiLink(inner) || isReference(inner) || tags.has(inner)) return false
  if (isValues(inner) || citation.test(inner) || pandocCitation.test(inner) || choice.test(inner)) return false
  if (isAbbreviation(group, text) || siteLink.test(text.slice(group.end, group.end + 4))) return false
  // `_` that opens emphasis (`__[Owner Name]__`) is markup; in `snake_case[0]` it is a word's.
  let at = group.start - 1
  while (text.charAt(at) === '_') at--
  return !/[\p{L}\p{N}\])]/u.test(text.charAt(at))
}

/** `[!NOTE]`, `[!warning]`: a GitHub alert or an Obsidian callout (`[!tip]-`). */
function isAlert(inner: string): boolean {
  return /^![A-Za-z][\w-]*$/.test(inner)
}

/** `[[Page Name]]`: a wiki link (the outer group's inner text is itself bracketed). */
function isWikiLink(inner: string): boolean {
  return inner.startsWith('[') && inner.endsWith(']') && inner.indexOf(']') === inner.length - 1
}

/**
 * `HAR-142`, `JIRA-12`, `RFC 2119`, `CVE-2024-3094`, `PR #42`: an issue
 * tracker's key or a standard's number (capitals, then a number).
 */
function isReference(inner: string): boolean {
  return /^[A-Z][A-Z\d_]*[- ]#?\d+(?:[-.]\d+)*$/.test(inner)
}

/**
 * `[1, n-1]`, `[a, b]`, `[t_0, 2π]`: an interval or a vector, of numbers and
 * one- or two-letter variables; `["jpeg", "png"]`: quoted values, two or
 * more. A placeholder is words (`[Feature 1, Feature 2]`).
 */
function isValues(inner: string): boolean {
  const items = inner.split(',')
  // One quoted phrase alone (`["Your tagline here"]`) is a placeholder.
  return items.length > 1 && (items.every(isMathTerm) || items.every((item) => quotedValue.test(item)))
}

/** `n-1`, `-x`, `t_0`, `2π`, `∞`: numbers and short variables, between operators. */
function isMathTerm(item: string): boolean {
  return item
    .split(/[-+*/^·×−]/)
    .map((token) => token.trim())
    .every((token, index) => (index === 0 && token === '') || mathToken.test(token))
}

const mathToken = /^(?:\d+(?:\.\d+)?|\d*\p{L}{1,2}(?:_?\d+)?|∞)$/u
const quotedValue = /^\s*(?:"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|\d+(?:\.\d+)?)\s*$/

/** `[Smith 2020]`, `[Smith et al. 2020]`, `[Lee & Park, 2019a]`: an author and a year. */
const citation = /^\p{Lu}[\p{L}'’-]+(?: et al\.| (?:&|and) \p{Lu}[\p{L}'’-]+)?,? (?:1[5-9]|20)\d\d[a-z]?$/u

/** `[@smith2020]`, `[see @smith2020, p. 4]`, `[@a; @b]`: a Pandoc citation (an `@` that starts a word). */
const pandocCitation = /(?:^|[\s;(-])@[\p{L}\d_]/u

/** `*[API]: Application Programming Interface` at a line's start: an abbreviation's definition (MkDocs, Markdown Extra). */
function isAbbreviation(group: Bracketed, text: string): boolean {
  const before = text.charAt(group.start - 2)
  return text.charAt(group.start - 1) === '*' && (before === '' || before === '\n') && text.charAt(group.end) === ':'
}

/** `[Overview]({% link milestones.md %})`, `[Overview]({{< ref "x.md" >}})`: a link a site generator resolves. */
const siteLink = /^\(\{[%{]/

/** `[y/N]`, `[Y/n/q]`: a prompt's choices. */
const choice = /^\p{L}(?:\/\p{L})+$/u

/**
 * Status tags and editorial marks, written so: not placeholders. (`[TBD]`
 * and `[TODO]` are: they mark text still to write.)
 */
const tags = new Set(['WIP', 'DRAFT', 'NEW', 'BETA', 'ALPHA', 'DEPRECATED', 'BREAKING', 'EXPERIMENTAL', 'sic'])

/**
 * Obsidian's comments, `%%…%%` (which it does not render), as
 * `[start, end)` spans; a `%%` left open comments out nothing.
 */
export function commentSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (let start = text.indexOf('%%'); start !== -1;) {
    const end = text.indexOf('%%', start + 2)
    if (end === -1) break
    spans.push([start, end + 2])
    start = text.indexOf('%%', end + 2)
  }
  return spans
}

/** Whether text holds a placeholder (`./[name]-architecture.md`). */
export function hasPlaceholder(text: string): boolean {
  return findBrackets(text).some((group) => looksLikePlaceholder(group, text))
}

/**
 * Where math is in text, as GitHub renders it: `$$…$$`, and `$…$` whose
 * opening `$` is followed by a non-space and whose closing `$` follows a
 * non-space and is not followed by a digit (so `$5 [TBD] $10` is no math).
 * Escaped dollars (`\\$`) and dollars where `masked` is set (code) do not
 * count. Ranges are `[start, end)` offsets.
 */
export function mathSpans(text: string, masked?: Uint8Array): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (let index = 0; index < text.length; index++) {
    if (masked?.[index]) continue
    const char = text.charCodeAt(index)
    if (char === 92 /* \ */) {
      index++
      continue
    }
    if (char !== 36 /* $ */) continue
    const double = text.charCodeAt(index + 1) === 36
    const end = double ? closingDoubleDollar(text, index + 2) : closingDollar(text, index + 1)
    if (end === -1) {
      if (double) index++
      continue
    }
    spans.push([index, end])
    index = end - 1
  }
  return spans
}

/** The end of `$$…$$` opened before `from`, or -1. */
function closingDoubleDollar(text: string, from: number): number {
  const at = text.indexOf('$$', from)
  return at === -1 ? -1 : at + 2
}

/** The end of inline `$…$` whose content starts at `from`, or -1. */
function closingDollar(text: string, from: number): number {
  if (from >= text.length || /\s/.test(text.charAt(from))) return -1
  for (let index = from; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 92 /* \ */) index++
    else if (char === 36 /* $ */) {
      const closes = !/\s/.test(text.charAt(index - 1)) && !/\d/.test(text.charAt(index + 1))
      return closes && index > from ? index + 1 : -1
    }
  }
  return -1
}
