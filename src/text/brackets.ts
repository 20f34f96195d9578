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
 * characters where `masked` is set (code, HTML, link syntax).
 * One linear pass.
 */
export function findBrackets(text: string, masked?: Uint8Array): Bracketed[] {
  const found: Bracketed[] = []
  const open: number[] = []

  for (let index = 0; index < text.length; index++) {
    if (masked?.[index]) continue
    const char = text.charCodeAt(index)
    if (char === 92 /* \ */) {
      index++
    } else if (char === 91 /* [ */) {
      open.push(index)
    } else if (char === 93 /* ] */ && open.length > 0) {
      const start = open.pop()!
      if (open.length === 0) {
        found.push({start, end: index + 1, inner: text.slice(start + 1, index)})
      }
    }
  }

  return found
}

/**
 * Bracketed text that reads as a placeholder, not as prose or syntax: it has
 * a letter (`[…]`, `[1]`, `[ ]` do not), is no task box (`[x]`), footnote
 * (`[^1]`), alert or callout (`> [!NOTE]`), wiki link (`[[Page]]`),
 * reference (`[HAR-142]`, `[RFC 2119]`), status tag (`[WIP]`) or editorial
 * mark (`[sic]`), and does not follow a word (`items[0]`, `map[key]`).
 * `text` is what `group` was found in.
 */
export function looksLikePlaceholder(group: Bracketed, text: string): boolean {
  const inner = group.inner.trim()
  if (!/\p{L}/u.test(inner)) return false
  if (/^[xX]$/.test(inner) || inner.startsWith('^')) return false
  if (isAlert(inner) || isWikiLink(inner) || isReference(inner) || tags.has(inner)) return false
  const before = text.charAt(group.start - 1)
  return !/[\p{L}\p{N}_\])]/u.test(before)
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
 * Status tags and editorial marks, written so: not placeholders. (`[TBD]`
 * and `[TODO]` are: they mark text still to write.)
 */
const tags = new Set(['WIP', 'DRAFT', 'NEW', 'BETA', 'ALPHA', 'DEPRECATED', 'BREAKING', 'EXPERIMENTAL', 'sic'])

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
