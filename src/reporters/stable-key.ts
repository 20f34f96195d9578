/**
 * A message's stable key: what stays the same when the doc is edited
 * elsewhere. It is the file, the rule, the section the message is in (the
 * headings enclosing its place, `## Implementation Phases > ### Phase 2: …`,
 * without the doc's title)
 * and its reason without line numbers (nor the counts a limit's message
 * measures), plus its index among messages with an equal key (so a second
 * copy of one problem in one section is another message). Lines inserted
 * above, another section edited or unrelated sections reordered change
 * none of these. The baseline counts keys, and the SARIF and GitLab
 * reports fingerprint them.
 */
import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {toString} from 'mdast-util-to-string'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {syntax} from '../model/syntax.js'
import {treelessMark} from '../rules/marks.js'
import {byPlace, ruleIdOf} from './shared.js'

/** A section heading of a file: its line, depth and text as written (`## Goal`). */
type Heading = [line: number, depth: number, text: string]

/** What a baseline (`milestone-lint --baseline`) did to one file, for the reporters. */
export interface BaselineState {
  /** The file's messages that the baseline has (taken off the file's messages). */
  unchanged: VFileMessage[]
  /** The baseline's messages for the file that no longer occur, with their key indexes. */
  absent: Array<Omit<Keyed, 'message'>>
}

declare module 'vfile' {
  interface DataMap {
    /** The file's section headings, recorded while its tree was there ({@link recordHeadings}). */
    milestoneLintHeadings: Heading[]
    milestoneLintBaseline: BaselineState
  }
}

/** What identifies a message across edits elsewhere in its file. */
export interface StableKey {
  rule: string
  /** The headings enclosing the message's place, outermost first, joined by ` > `. */
  section: string
  /** Its reason, with line numbers and the counts a limit measures taken out. */
  message: string
}

/** A message with its key and its index among the file's messages of an equal key. */
export interface Keyed {
  message: VFileMessage
  key: StableKey
  index: number
}

/**
 * A plugin that records each file's section headings as it is linted, so
 * that keys can be computed once its tree is released. It needs no tree of
 * a file no other plugin parses (that file has no messages to key).
 */
export const recordHeadings: Plugin<[], Root> = function () {
  return function (tree, file) {
    file.data.milestoneLintHeadings = headingsOf(tree)
  }
}

Object.defineProperty(recordHeadings, treelessMark, {value: true})

/** The messages of a file with their keys, in order of place. */
export function keyed(file: VFile, messages: readonly VFileMessage[]): Keyed[] {
  const headings = file.data.milestoneLintHeadings ?? headingsOfText(file)
  const seen = new Map<string, number>()
  return [...messages].sort(byPlace).map((message) => {
    const key = {
      rule: ruleIdOf(message),
      section: sectionAt(headings, message.line ?? 0),
      message: withoutMeasures(withoutLines(message.reason))
    }
    const text = keyText(key)
    const index = seen.get(text) ?? 0
    seen.set(text, index + 1)
    return {message, key, index}
  })
}

/**
 * The file's messages with those its baseline took off: keys are counted
 * over all of them, so that a fingerprint is the same with a baseline or without.
 */
export function keyedAll(file: VFile): Keyed[] {
  return keyed(file, [...file.messages, ...(file.data.milestoneLintBaseline?.unchanged ?? [])])
}

/** A key as one string, to compare and count keys by. */
export function keyText(key: StableKey): string {
  return JSON.stringify([key.rule, key.section, key.message])
}

/** A fingerprint of a file's keyed message: a hash, the same wherever its lines move. */
export function fingerprint(file: string, key: StableKey, index: number): string {
  return createHash('sha256')
    .update(JSON.stringify([file, key.rule, key.section, key.message, index]))
    .digest('hex')
    .slice(0, 32)
}

/**
 * A reason without the line numbers it names: `(first at line 12)`,
 * `` `milestones.md:34` ``, and a place in parentheses, as older remark-lint
 * plugins write one (`similar content (3:1)`). They move with any line
 * inserted above.
 */
export function withoutLines(reason: string): string {
  return reason
    .replace(/\b(lines?) \d+(?:\s*[-–]\s*\d+)?/g, '$1')
    .replace(/(\.[A-Za-z]\w*):\d+(?::\d+)?\b/g, '$1')
    .replace(/ ?\(\d+:\d+(?:-\d+:\d+)?\)/g, '')
}

/**
 * The counts that a limit's message measures (model/limits.ts), which any
 * edit changes: `line of 125006 characters, over the limit of 100000`. Each
 * only in its own words, so no other number goes and no two limits merge.
 */
const measured = [
  /(?<=\b(?:file|line) of )\d+ (?=(?:characters|bytes), over the limit of )/g,
  /(?<=\bnesting )\d+ (?=(?:brackets|block quotes, list items and footnote definitions) deep)/g,
  /(?<=\btree )\d+ (?=levels deep \(emphasis)/g,
  /(?<=\b(?:list|block) number) \d+(?=, over the limit of )/g,
  /\b\d+ (?=(?:inline|emphasis and link) markers \(runs of )/g
]

/** A reason without the counts a limit measures ({@link measured}). */
function withoutMeasures(reason: string): string {
  return measured.reduce((text, pattern) => text.replace(pattern, ''), reason)
}

/** The section path at a line: the headings enclosing it, outermost first (the root section is ``). */
function sectionAt(headings: readonly Heading[], line: number): string {
  const open: Heading[] = []
  for (const heading of headings) {
    if (heading[0] > line) break
    while (open.length > 0 && open.at(-1)![1] >= heading[1]) open.pop()
    open.push(heading)
  }
  return open.map((heading) => heading[2]).join(' > ')
}

/**
 * The headings that start sections (those at the top level, as the document
 * model has it), but the doc's title: its first heading, when that is a `#`
 * one. A title edited (the milestone renamed) is not a section moved: it
 * would change the key of every message below it. Another `#` heading
 * (`# Appendix`) is a section, for the messages under it only.
 */
function headingsOf(tree: Root): Heading[] {
  const headings: Heading[] = []
  for (const node of tree.children) {
    if (node.type === 'heading' && node.position) {
      headings.push([node.position.start.line, node.depth, '#'.repeat(node.depth) + ' ' + toString(node)])
    }
  }
  return headings[0]?.[1] === 1 ? headings.slice(1) : headings
}

/** For a file linted without {@link recordHeadings} (under remark-cli): its headings, read from its text. */
function headingsOfText(file: VFile): Heading[] {
  try {
    return headingsOf(fromMarkdown(String(file.value), syntax))
  } catch {
    /* v8 ignore next -- the parser throws only on input past the limits, which is not linted */
    return []
  }
}
