/**
 * The one set of text normalisers: every heading, label and placeholder is
 * compared through these, so a variant one rule accepts every rule accepts.
 *
 * What does not matter: case, runs of spaces (any Unicode space), `&`
 * versus `and`, `n't` versus ` not`, emoji decoration at either end (`## 🎯 Goal`,
 * `**⚠️ Impact**`), and typographic variants as word processors, Notion and
 * macOS type them: curly quotes, dashes, the ellipsis, non-breaking and
 * zero-width spaces, full-width forms. A trailing qualifier in parentheses
 * is split off the same way from every label and heading ({@link splitQualifier}).
 */

/**
 * Typographic variants to their plain forms. NFKC first folds `…` to `...`,
 * non-breaking spaces to spaces and full-width letters to ASCII; it leaves
 * quotes and dashes, mapped here.
 */
function plainText(text: string): string {
  if (isAscii(text)) return text
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\u00AD\u200B\u200C\u2060\uFEFF]/g, '')
}

/**
 * Text folded for comparison, outer spaces kept (pieces of a template
 * heading are folded alone). `Doesn't` is `Does NOT`, as the template writes it.
 */
function foldText(text: string): string {
  return plainText(text).replace(/&/g, ' and ').replace(/n't\b/gi, ' not').replace(/\s+/g, ' ').toLowerCase()
}

/** Normalise a field label (or a metadata label) for lookups. */
export function normalizeLabel(label: string): string {
  return foldText(undecorated(label)).trim()
}

/**
 * Normalise heading text: as a label, and a trailing colon does not matter,
 * nor a dash for a colon (`Phase 1 – Setup` is `Phase 1: Setup`), nor an
 * attribute block some site generators use (`## Goal {#goal}`).
 */
export function normalizeHeading(text: string): string {
  return foldHeading(undecorated(withoutAttributes(text)))
    .trim()
    .replace(/:$/, '')
    .trimEnd()
}

/** A piece of heading text folded as {@link normalizeHeading} does, outer spaces kept. */
export function foldHeading(text: string): string {
  // Spaces are collapsed first: `\s+-\s+` would rescan long runs of spaces.
  return foldText(text).replace(/ - /g, ': ')
}

/**
 * A label or heading without its trailing qualifier in parentheses
 * (`Immediate (Start Here)`, `Goal (Revised)`), and the qualifier; none
 * when it has no qualifier, or is nothing else. The text before it is up
 * to the last inner `)`, then text without parentheses ending in a
 * non-space, on one line: the same as `^(.*?)\s*\(([^)]*)\)$`, whose `.*?`
 * and `\s*` split runs of spaces in quadratic ways.
 */
export function splitQualifier(text: string): {label: string; qualifier: string | undefined} | undefined {
  if (!text.endsWith(')')) return undefined
  const found = qualified.exec(text)
  return found?.[1] ? {label: found[1], qualifier: found[2]!.trim() || undefined} : undefined
}

const qualified = /^((?:[^)\n\r\u2028\u2029]*\))*(?:[^()\n\r\u2028\u2029]*[^()\s])?)\s*\(([^)]*)\)$/

/** Text without a trailing qualifier in parentheses ({@link splitQualifier}); all of it when it has none. */
export function withoutQualifier(text: string): string {
  return splitQualifier(text)?.label ?? text
}

/**
 * A name's gist, as written: before a description after a colon or a
 * spaced dash (`Auth: Terraform and CI`, `Auth — Weeks 1–2`) outside
 * parentheses, and {@link withoutQualifier}, without marks at its end
 * (`Auth.`). All of it when that leaves nothing.
 */
export function nameGist(name: string): string {
  let depth = 0
  let end = name.length
  for (let index = 0; index < name.length && end === name.length; index++) {
    const char = name[index]!
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0) {
      separator.lastIndex = index
      if (separator.test(name)) end = index
    }
  }
  return withoutQualifier(withoutEndMarks(name.slice(0, end).trim())) || name.trim()
}

/**
 * Text without the marks that can end a heading as a sentence: `.`, `!`,
 * `?`, `…`, `;`, `:`, a dash, spaces; and a backslash, which exports
 * (Confluence's) leave at a heading's end (`## Goal\`).
 */
export function withoutEndMarks(text: string): string {
  let end = text.length
  while (end > 0 && '.!?…;:—–- \\'.includes(text.charAt(end - 1))) end--
  return text.slice(0, end)
}

/** A colon or a dash between spaces, starting where it is tried (sticky). */
const separator = /:(?:\s|$)|\s[-‐‑‒–—―−]\s/y

/** A heading's text without its {@link attributes attribute block}. */
export function withoutAttributes(text: string): string {
  return text.replace(attributes, '')
}

/**
 * An attribute block at the end of a heading: `{#id}`, `{#id .class}`,
 * `{.class}` (kramdown, Pandoc), `{ #id }` (MkDocs), `{: #id}` (kramdown),
 * `{-}` (Pandoc's unnumbered).
 */
const attributes = /[ \t]\{:?[ \t]*(?:[#.][^{}\s][^{}]*|-[ \t]*)\}[ \t]*$/

/** Normalise placeholder text for comparison: as a label, without spaces around a slash. */
export function normalizePlaceholder(inner: string): string {
  // `System / API 1` is the template's `System/API 1`.
  return normalizeLabel(inner).replace(/ ?\/ ?/g, '/')
}

/**
 * Emoji before or after a heading or label (`## 🎯 Goal`) are decoration. The
 * trailing run is matched from its first character only (the lookbehind):
 * else each position of a long run of spaces inside the text would scan it again.
 */
const decoration =
  /^[\p{Extended_Pictographic}\uFE0F\u200D\s]+|(?<![\p{Extended_Pictographic}\uFE0F\u200D\s])[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/gu

/**
 * Text without {@link decoration}. Most text starts and ends in a printable
 * ASCII character, so has none, and is returned without running the
 * pattern, which is slow (it was a fifth of the rules' time).
 */
function undecorated(text: string): string {
  return isPlainEnd(text.charCodeAt(0)) && isPlainEnd(text.charCodeAt(text.length - 1))
    ? text
    : text.replace(decoration, '')
}

/** Text without the emoji it starts with, and the spaces after them (`🎯 goal` is `goal`). */
export function withoutLeadingEmoji(text: string): string {
  return /^\p{Extended_Pictographic}/u.test(text) ? text.replace(leadingDecoration, '') : text
}

const leadingDecoration = /^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u

/** A printable ASCII character: neither an emoji nor a space. */
function isPlainEnd(code: number): boolean {
  return code > 32 && code < 127
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 126) return false
  return true
}

/**
 * A matcher for `allow`-style patterns: normalised as labels, where `*`
 * stands for any text (`HAR-*`, `* TBD`). Matched by {@link wildcardMatch},
 * not a regular expression: no user pattern can be a ReDoS.
 */
export function textPattern(pattern: string): (text: string) => boolean {
  const wanted = normalizeLabel(pattern)
  if (!wanted.includes('*')) return (text) => normalizeLabel(text) === wanted
  const pieces = wanted.split('*')
  return (text) => wildcardMatch(pieces, normalizeLabel(text))
}

/**
 * Whether text is `pieces` joined by wildcards, each standing for any text
 * of at least `least` characters: the first piece starts the text, the last
 * ends it, and each one between is taken at its first place after the one
 * before (a later place would only leave less room for the rest). No
 * backtracking: time linear in the text times the longest piece, however
 * many wildcards there are (a RegExp of `(.+) (.+) …` is exponential).
 */
export function wildcardMatch(pieces: readonly string[], text: string, least = 0): boolean {
  const first = pieces[0] ?? ''
  if (pieces.length < 2) return text === first
  const last = pieces.at(-1)!
  const end = text.length - last.length
  if (!text.startsWith(first) || !text.endsWith(last)) return false
  let at = first.length
  for (let index = 1; index < pieces.length - 1; index++) {
    const piece = pieces[index]!
    const found = text.indexOf(piece, at + least)
    if (found === -1) return false
    at = found + piece.length
  }
  return end - at >= least
}

/** Shorten text for a message, keeping its start. */
export function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

/** An error's message, or any value, in one line: editors and terminals show it whole. */
export function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!
}
