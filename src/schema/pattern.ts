import {memo} from '../model/memo.js'
import {foldHeading, wildcardMatch, withoutEndMarks, withoutLeadingEmoji} from '../text/text.js'
import type {Schema, SectionSpec} from './types.js'

/** A template heading compiled for matching against document headings. */
export interface HeadingPattern {
  spec: SectionSpec
  /** Whether a normalised heading text (`normalizeHeading`) stands for the template heading. */
  test: (normalized: string) => boolean
  /** In a numbered repeat, the number of a heading that matches (see {@link headingNumber}). */
  number: (normalized: string) => number | undefined
  /**
   * Whether a heading that matches starts with its number and leaves out the
   * word before it (`1. Auth` for `Phase 1: …`) or the mark after it (`1 Upload`).
   */
  loose: (normalized: string) => boolean
  /** True when the template heading has no placeholder: exact text. */
  literal: boolean
  /** How the heading is shown in messages, e.g. `## Why …?`. */
  display: string
}

/**
 * A placeholder, `[…]`: up to the first `]`. A `[` that comes after an
 * unclosed `[` is skipped: had a `]` followed, the match would have started
 * at the earlier `[`, so none follows. The same matches, found in linear
 * time (without the lookbehind, `[[[[…` with no `]` is quadratic). Global:
 * for `replace` and `split`, not `test`.
 */
export const placeholder = /\[(?<!\[[^[\]]*\[)[^\]]*\]/g

/** Template text with placeholders shown as `…`. */
export function displayHeading(spec: SectionSpec): string {
  return '#'.repeat(spec.depth) + ' ' + spec.heading.replace(placeholder, '…')
}

/** The heading line to insert for a missing section (template text). */
export function skeletonHeading(spec: SectionSpec): string {
  return '#'.repeat(spec.depth) + ' ' + spec.heading
}

const patternCache = new WeakMap<SectionSpec, HeadingPattern>()

const titleSpecs = new WeakMap<Schema, SectionSpec>()

/** The title as a section spec (an H1), one per schema. */
export function titleSpec(schema: Schema): SectionSpec {
  return memo(titleSpecs, schema, () => ({heading: schema.title, depth: 1}))
}

/** Compile (once) the pattern of a section spec. */
export function headingPattern(spec: SectionSpec): HeadingPattern {
  return memo(patternCache, spec, compile)
}

/**
 * A template heading as a matcher: its placeholders are wildcards (any text,
 * at least one character), matched by {@link wildcardMatch}, not a RegExp,
 * so that matching stays linear however many placeholders a heading has
 * (a RegExp of `([\s\S]+) ([\s\S]+) …` is exponential: 38 placeholders
 * took 12 s on a heading that does not match).
 */
function compile(spec: SectionSpec): HeadingPattern {
  const pieces = spec.heading.trim().split(placeholder).map(foldHeading)
  const literal = pieces.length === 1
  // A trailing question mark is often dropped (`## Why Serverless`), or another added (`## Open Questions?`).
  pieces[pieces.length - 1] = withoutEndMarks(pieces.at(-1)!)
  const numbered = spec.repeat?.numbered === true
  const counted: Counted = numbered ? countedPieces(pieces, spec.heading) : {pieces}

  /** The heading's number (or none) when the body matches, the text without section number or `?`. */
  const body = (text: string): {number?: number; loose?: boolean} | undefined => {
    if (counted.before === undefined) return wildcardMatch(counted.pieces, text, 1) ? {} : undefined
    if (counted.kind && text.startsWith(counted.kind)) {
      text = text.slice(counted.kind.length)
    }
    const wordless = counted.wordless === true && isDigit(text.charCodeAt(0))
    const before = wordless ? '' : counted.before
    if (!text.startsWith(before)) return undefined
    let end = before.length
    while (isDigit(text.charCodeAt(end))) end++
    if (end === before.length) return undefined
    const number = Number(text.slice(before.length, end))
    let rest = text.slice(end)
    // A number alone, where only a name follows it in the template (`### Phase 1` for `Phase 1: [Phase Name]`).
    if (rest === '' && counted.separated && !wordless && counted.pieces.every((piece) => !piece)) return {number}
    if (counted.separated) {
      // A space alone ends a number of one or two digits (`### 1 Upload`): `### 2024 Roadmap` is no component;
      // without its word, a mark (`### 1. Auth`): `### 2 Week Buffer` is no phase, nor is `### 0. Prerequisites`.
      const separator = (wordless || end - before.length > 2 ? repeatNumberEnd : numberEnd).exec(rest)
      if (!separator || (wordless && number === 0)) return undefined
      rest = rest.slice(separator[0].length)
      // A heading that starts with its number is loose without its word, or with a space alone after it.
      const loose = before === '' && (wordless || separator[0] === ' ')
      return wildcardMatch(counted.pieces, rest, 1) ? {number, loose} : undefined
    }
    return wildcardMatch(counted.pieces, rest, 1) ? {number} : undefined
  }
  const withoutMark = (text: string) => {
    const bare = withoutEndMarks(text)
    return body(text) ?? (bare === text ? undefined : body(bare))
  }
  // Unnumbered sections may carry a section number (`## 2. Goal`, `## 2) Goal`, `## 2 – Goal`).
  const match = (text: string) => {
    const found = withoutMark(text)
    if (found || numbered) return found
    const cut = sectionNumberLength(text)
    // Emoji after the number are decoration too (`## 2. 🎯 Goal`).
    return cut === 0 ? undefined : withoutMark(withoutLeadingEmoji(text.slice(cut)))
  }
  return {
    spec,
    test: (normalized) => match(normalized) !== undefined,
    number: (normalized) => match(normalized)?.number,
    loose: (normalized) => match(normalized)?.loose === true,
    literal,
    display: displayHeading(spec)
  }
}

/** How long a section number and its mark before a heading's text are (`2. Goal`: 3); 0 without one. */
export function sectionNumberLength(text: string): number {
  const prefix = sectionNumber.exec(text)?.[0]
  const separator = prefix === undefined ? undefined : numberEnd.exec(text.slice(prefix.length))?.[0]
  return separator === undefined ? 0 : prefix!.length + separator.length
}

/**
 * Normalised heading text as another doc may write it: without a section
 * number, emoji after it, or marks at its end (`8. Why Go?` is `Why Go`).
 */
export function headingBody(normalized: string): string {
  return withoutEndMarks(withoutLeadingEmoji(normalized.slice(sectionNumberLength(normalized))))
}

/** A section number before a heading's text: `2`, `2.1`; {@link numberEnd} follows it. */
const sectionNumber = /^\d+(?:\.\d+)*/

/**
 * What ends a section number: `.`, `)`, `:` (a dash is folded to a colon)
 * or nothing, then a space (`2. Goal`, `2) Goal`, `2 Goal`).
 */
const numberEnd = /^[.):]? /

/** What ends a numbered repeat's number of three digits or more (`100. `): a mark, not a space alone (a year). */
const repeatNumberEnd = /^[.):] /

/** A numbered repeat's pieces around its number (see {@link countedPieces}). */
interface Counted {
  /** The text before the number, when it comes before any placeholder. */
  before?: string
  /** The pieces after the number (all of them, without `before`). */
  pieces: string[]
  /** Whether the template ends its number as {@link numberEnd} does: the doc may end it another way. */
  separated?: boolean
  /** The word a heading may put before a leading number: `component ` for `1. [Component Name]`. */
  kind?: string
  /** Whether `before` is one word a heading may leave out: `### 1. Auth` for `Phase 1: [Phase Name]`. */
  wordless?: boolean
}

/**
 * The pieces of a numbered repeat, split at its number, the first digits
 * of its text: the text `before` them (when they come before any
 * placeholder), then the pieces after them. A number after a placeholder
 * matches any text, as the placeholder before it could hold digits too.
 * A heading that starts with its number may name its kind before it, as
 * `Phase 1: [Phase Name]` does: `Component 1: Upload` for `1. [Component Name]`;
 * and one that names its kind may leave it out, with a mark after a number
 * from 1: `1. Auth` for `Phase 1: [Phase Name]` (the outline drops such a
 * loose heading among instances that are not: `matchOutline`).
 */
function countedPieces(pieces: readonly string[], heading: string): Counted {
  const index = pieces.findIndex((piece) => /\d/.test(piece))
  if (index === -1) return {pieces: [...pieces]}
  const piece = pieces[index]!
  const [digits] = /\d+/.exec(piece)!
  const at = piece.indexOf(digits)
  const before = piece.slice(0, at)
  const after = piece.slice(at + digits.length)
  if (index > 0) return {pieces: [...pieces.slice(0, index), before, after, ...pieces.slice(index + 1)]}
  const separator = numberEnd.exec(after)?.[0]
  const rest = [separator === undefined ? after : after.slice(separator.length), ...pieces.slice(1)]
  const [name] = heading.match(placeholder) ?? []
  const kind = before === '' && name ? /^\p{L}+ /u.exec(foldHeading(name.slice(1, -1)).trim() + ' ')?.[0] : undefined
  const wordless = /^\p{L}+ $/u.test(before) && separator !== undefined
  return {before, pieces: rest, separated: separator !== undefined, kind, wordless}
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** The counted number of a heading matched by a numbered pattern. */
export function headingNumber(pattern: HeadingPattern, normalized: string): number | undefined {
  return pattern.number(normalized)
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&')
}
