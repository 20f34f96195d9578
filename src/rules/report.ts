/**
 * How rules report: at a precise place or not at all, with the fixes they
 * know as `expected`.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Model, Section} from '../model/model.js'
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
  const message = file.message(reason, {place, cause: extras.cause})
  if (extras.expected) message.expected = extras.expected
  if (extras.suggestion) message.suggestion = true
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
