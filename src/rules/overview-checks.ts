/**
 * How `milestone-overview-sync` compares a tied section with its part of
 * the doc's entry in the parent doc: text, list items and code blocks are
 * in the section; a repeat's instances are the entry's items; a heading is
 * the entry's.
 */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {headingLine, type Model, type Section} from '../model/model.js'
import {eachNode} from '../model/nodes.js'
import type {Schema} from '../schema/types.js'
import {findBrackets} from '../text/brackets.js'
import {normalizePlaceholder, truncate} from '../text/text.js'
import {closest, fold, foldCode, isLabelLine, lostWords, sentencesOf, stemsOf} from '../text/words.js'
import {type Overview, type Part, codeWithin} from './overview-entry.js'
import {blocksOf} from './overview-items.js'
import {report} from './report.js'

/** What each check needs: the doc, its parent, and how to name a place in the parent. */
export interface Sync {
  model: Model
  file: VFile
  overview: Overview
  /** The template's placeholders: a tied section that still holds one is not compared yet. */
  placeholders: Schema['placeholders']
  /** A node of the parent (or an HTML link in it) as `./milestones.md:12`. */
  at: (node: Node | undefined) => string
}

/** The parent's place of a node, as a message's `cause`. */
export function causeIn(overview: Overview, node: Node | undefined): VFileMessage {
  const cause = new VFileMessage(`In \`${overview.url}\``, {place: node?.position})
  cause.file = overview.path
  return cause
}

/** The entry's text, items and code are in the doc's section. */
export function checkContent(sync: Sync, section: Section, part: Part): void {
  const {file, at, overview} = sync
  const blocks = blocksOf(section)
  // Sub-headings count as text: an item may have become one (`### Library Independence`).
  const headings = section.children.flatMap(function all(child): Section[] {
    return [child, ...child.children.flatMap(all)]
  })
  const plain = proseOf([...blocks, ...headings.map((child) => child.heading!)])
  // Not written yet: `milestone-no-placeholders` says so.
  if (findBrackets(plain).some((group) => normalizePlaceholder(group.inner) in sync.placeholders)) return
  const text = fold(plain)
  const stems = stemsOf(plain)
  const lines = linesOf(blocks)
  const node = part.field.labelNode
  const label = node.type === 'heading' ? '#'.repeat(node.depth) + ' ' + part.field.label : `**${part.field.label}**`

  const missing = (piece: string, node: Nodes, what: string) => {
    if (text.includes(fold(piece))) return
    const lost = lostWords(piece, stems)
    if (lost.length === 0) return
    const near = closest(piece, lines)
    const cause = causeIn(overview, node)
    const words = lost.map((word) => `\`${word}\``).join(', ')
    if (near) {
      report(
        file,
        `Unexpected \`${truncate(near.text)}\` in \`${headingLine(section)}\`, expected \`${truncate(piece, 80)}\` as in ${at(node)} (without ${words} here)`,
        near.node.position,
        {cause}
      )
    } else {
      report(
        file,
        `Unexpected \`${headingLine(section)}\` without \`${truncate(piece, 80)}\`, ${what} of \`${label}\` in ${at(node)}, expected it copied in`,
        section.heading?.position,
        {cause}
      )
    }
  }

  for (const piece of piecesOf(part)) missing(piece.text, piece.node, piece.what)
  checkCode(sync, section, blocks, part, label)
}

/** The text of a part to find in the doc: each sentence or line of its paragraphs, each item of its lists. */
function piecesOf(part: Part): Array<{text: string; node: Nodes; what: string}> {
  const pieces = []
  for (const {text: paragraph, node} of part.texts) {
    if (isLabelLine(paragraph)) continue
    const lines = paragraph.split('\n')
    const what = lines.length > 1 ? 'a line' : 'a sentence'
    for (const line of lines) {
      // A table row (the syntax docs are read in has no tables: GitHub's are paragraphs here) is not prose.
      if (line.trimStart().startsWith('|')) continue
      for (const text of sentencesOf(line)) pieces.push({text, node, what})
    }
  }
  for (const list of part.lists) {
    for (const item of list.children) {
      const [first] = item.children
      if (first?.type === 'paragraph') pieces.push({text: toString(first).trim(), node: item, what: 'an item'})
    }
  }
  return pieces
}

/** Each code block of the part (a diagram) is in one of the section's. */
function checkCode(sync: Sync, section: Section, blocks: readonly Nodes[], part: Part, label: string): void {
  const code = blocks.flatMap(codeWithin)
  const values = code.map((block) => foldCode(block.value))
  for (const block of part.code) {
    if (values.some((value) => value.includes(foldCode(block.value)))) continue
    report(
      sync.file,
      `Unexpected \`${headingLine(section)}\` without the code block of \`${label}\` in ${sync.at(block)}, expected it copied in`,
      code[0]?.position ?? section.heading?.position,
      {cause: causeIn(sync.overview, block)}
    )
  }
}

/**
 * The prose of blocks, one paragraph, heading or cell at a time (the text
 * of a whole list runs its items together: `…conversationAll`).
 */
function proseOf(blocks: readonly Nodes[]): string {
  const texts: string[] = []
  for (const block of blocks) {
    eachNode(block, function (node) {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined
      texts.push(toString(node))
      return false
    })
  }
  return texts.join(' ')
}

/** Lines of a section a part's text may have been changed into: paragraphs and items. */
function linesOf(blocks: readonly Nodes[]): Array<{text: string; node: Nodes}> {
  const lines: Array<{text: string; node: Nodes}> = []
  for (const block of blocks) {
    eachNode(block, function (node) {
      if (node.type !== 'paragraph') return undefined
      // A label over a list is no line a text was changed into.
      if (isLabelLine(toString(node))) return false
      for (const sentence of sentencesOf(toString(node))) lines.push({text: sentence, node})
      return false
    })
  }
  return lines
}
