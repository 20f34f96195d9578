import {memo} from '../memo.js'
import {foldHeading} from '../model/text.js'
import type {Schema, SectionSpec} from './types.js'

/** A template heading compiled for matching against document headings. */
export interface HeadingPattern {
  spec: SectionSpec
  /** Matches a normalised heading text (`normalizeHeading`). */
  regex: RegExp
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

function compile(spec: SectionSpec): HeadingPattern {
  const numbered = spec.repeat?.numbered === true
  const pieces = spec.heading.trim().split(placeholder).map(foldHeading)
  const literal = pieces.length === 1
  let numberSeen = false
  let source = pieces
    .map(function (piece) {
      let escaped = escapeRegExp(piece)
      if (numbered && !numberSeen && /\d+/.test(escaped)) {
        numberSeen = true
        escaped = escaped.replace(/\d+/, '(\\d+)')
      }
      return escaped
    })
    // `[\s\S]`, not `.`: normalised headings are one line anyway, and a
    // pattern ending in a placeholder (`milestone (.+): (.+)$`) stays linear
    // even on text with line breaks, where `.+$` could fail and backtrack.
    .join('([\\s\\S]+)')
  // A trailing question mark is often dropped (`## Why Serverless`).
  source = source.replace(/\\\?$/, '\\??')
  // Unnumbered sections may carry a section number (`## 2. Goal`, `## 2) Goal`, `## 2 – Goal`).
  const prefix = numbered ? '' : '(?:\\d+(?:\\.\\d+)*[.):]? )?'
  return {
    spec,
    regex: new RegExp('^' + prefix + source + '$'),
    literal,
    display: displayHeading(spec)
  }
}

/** The counted number of a heading matched by a numbered pattern. */
export function headingNumber(
  pattern: HeadingPattern,
  normalized: string
): number | undefined {
  const match = pattern.regex.exec(normalized)
  if (!match || pattern.spec.repeat?.numbered !== true) return undefined
  return Number(match[1])
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&')
}
