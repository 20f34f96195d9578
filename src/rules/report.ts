/**
 * How rules report: at a precise place or not at all, with the fixes they
 * know as `expected`.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Model, Section} from '../model/model.js'
import {lineBreakOf, withLineBreak} from '../text/edits.js'
import {type Insertion, pastLastNode} from './insertion.js'

/** What a message can carry besides its reason. */
interface ReportExtras {
  /** Replacement texts for the place, offered as quick fixes by editors. */
  expected?: string[]
  /** A related message, such as the first of two duplicates. */
  cause?: VFileMessage
  /** The expected texts are only likely (a closest match): quick fixes, never applied by `--fix`. */
  suggestion?: boolean
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Set when `expected` is only likely: editors offer it, `--fix` and fix-all leave it. */
    suggestion?: boolean
  }
}

/**
 * Report at a place, if there is one: rules never report what they cannot
 * place (a tree without positions gives no messages).
 */
export function report(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  extras: ReportExtras = {}
): void {
  if (!place) return
  const message = file.message(visible(reason), {place, cause: extras.cause})
  if (extras.expected) message.expected = extras.expected.map((text) => withLineBreak(lineBreakIn(file), text))
  if (extras.suggestion) message.suggestion = true
}

const lineBreaks = new WeakMap<VFile, string>()

/** The doc's line break, which text put into it takes (as `--fix` and editors write it): read once per file. */
function lineBreakIn(file: VFile): string {
  let eol = lineBreaks.get(file)
  if (eol === undefined) lineBreaks.set(file, (eol = lineBreakOf(String(file))))
  return eol
}

/**
 * A reason with the control characters it quotes from a doc as Unicode's
 * pictures of them (ESC as `␛`): printed raw, they would move a terminal's
 * cursor or colour a CI log. Tabs and line breaks stay.
 */
function visible(reason: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return reason.replace(/[\0-\b\v-\x1F\x7F]/g, (character) => {
    const code = character.charCodeAt(0)
    return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code)
  })
}

/**
 * Report something missing where it goes, with the text that puts it back,
 * when that place is certain; else at its section's heading.
 */
export function reportMissing(
  model: Model,
  file: VFile,
  reason: string,
  section: Section | undefined,
  insertion: Insertion | undefined
): void {
  const placed = insertion && pastLastNode(model, insertion)
  const point = placed && model.source.toPoint(placed.offset)
  if (placed && point) report(file, reason, point, {expected: [placed.text]})
  else report(file, reason, section?.heading?.position)
}
