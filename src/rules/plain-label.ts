/**
 * A template field written without its bold: `Parent Document: […](…)` or
 * `| Cost Structure | … |`. Where a field is missing but its label is there
 * plain, the message says so, on the label, and its fix makes it bold, in
 * place of "missing" and a second copy of the field.
 */
import type {List, Paragraph, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import type {Model} from '../model/model.js'
import {type LabelSpec, matchesKey} from '../match/outline.js'
import {normalizeLabel} from '../text/text.js'
import {bold} from './field-text.js'
import {report} from './report.js'

/**
 * A line's plain label: after quote marks and spaces, text that is not
 * markup, ended by a colon, or in a row's first cell (`| Label |`).
 */
const plainLabel = /^[ \t>]*(\|[ \t]*)?([^\s*_`|:<>[\]][^*_`|:\n]{0,60})([:|])/

/**
 * Report `spec`'s label where `blocks` have it without bold, on the label,
 * with its bold form as the fix: at the start of a paragraph's line, or of
 * an item of a list that is not one of `fields`' values, if the item is the
 * label alone (`- Features:` over its own list) or every item of the list
 * starts with a label (a component written as a list of labels). An item of
 * another field's list (`- Integration points: …` among Technical Design's
 * items) is that field's. Whether it was found.
 */
export function reportPlainLabel(
  model: Model,
  file: VFile,
  blocks: readonly RootContent[],
  fields: readonly Field[],
  spec: LabelSpec
): boolean {
  const found = plainLabelIn(model, blocks, fields, spec)
  if (!found) return false
  const written = bold(found.label, model).slice(0, -1)
  if (found.line) {
    // A line bold with its text (`**Key Principle: Ship it.**`, as word processors export it): the bold ends at the label.
    const fixed = `${written}: ${found.line.value}`
    report(
      file,
      `Unexpected label \`${found.label}:\` ${found.line.mark.length === 2 ? 'bold' : 'in italics'} with its text, expected \`${written}:\` before the text`,
      model.source.range(found.line.start, found.line.end),
      {expected: [fixed]}
    )
    return true
  }
  const shown = (label: string) => (found.row ? `| ${label} |` : `${label}:`)
  report(
    file,
    `Unexpected label \`${shown(found.label)}\` without bold, expected \`${shown(written)}\``,
    model.source.range(found.start, found.start + found.label.length),
    {expected: [written]}
  )
  return true
}

/** `spec`'s label where `blocks` have it without bold (see {@link reportPlainLabel}): the label, where, and whether in a row. */
export function plainLabelIn(
  model: Model,
  blocks: readonly RootContent[],
  fields: readonly Field[],
  spec: LabelSpec
): PlainLabel | undefined {
  // Not a list right under a heading (the title's, over metadata written as a list): that is the section's text.
  const values = new Set(fields.filter((field) => field.labelNode.type !== 'heading').map((field) => field.list))
  for (const paragraph of paragraphs(model, blocks, values)) {
    const from = paragraph.position?.start.offset
    const to = paragraph.position?.end.offset
    if (from === undefined || to === undefined) continue
    const text = model.source.text.slice(from, to)
    // The first line starts where the paragraph does (after a list marker); the others after their line break.
    for (let at = 0; at < text.length; at = nextLine(text, at)) {
      const bolded = boldLine(text, at, from)
      if (bolded && matchesKey(spec, normalizeLabel(bolded.label))) return bolded
      const found = plainLabel.exec(text.slice(at, nextLine(text, at)))
      if (!found || (found[3] === '|') !== (found[1] !== undefined)) continue
      const label = found[2]!.trimEnd()
      if (matchesKey(spec, normalizeLabel(label)))
        return {label, start: from + at + found[0].length - found[3]!.length - found[2]!.length, row: found[3] === '|'}
    }
  }
  return undefined
}

/** A label found without its own bold: where, and whether in a row; or in a line bold whole, that line's bold span and its text after the label. */
interface PlainLabel {
  label: string
  start: number
  row: boolean
  line?: {start: number; end: number; value: string; mark: string}
}

/**
 * The label of a line whose bold (or italics) starts with it and runs on
 * over its text (`**Key Principle: Ship it.**`, to the line's end, mid-line
 * or on the next line): in `text`, a paragraph at `offset` in the source,
 * the line at `at`.
 */
function boldLine(text: string, at: number, offset: number): PlainLabel | undefined {
  boldHead.lastIndex = at
  const head = boldHead.exec(text)
  if (!head) return undefined
  const mark = head[2]!
  const open = at + head[1]!.length
  const value = at + head[0].length
  const close = text.indexOf(mark, value)
  // Italics closed by a bold mark (`*Label: **bold** …*`) are no span of one.
  if (close <= value || (mark.length === 1 && text.charAt(close + 1) === mark)) return undefined
  return {
    label: head[3]!.trimEnd(),
    start: offset + open + mark.length,
    row: false,
    line: {start: offset + open, end: offset + close + mark.length, value: text.slice(value, close).trimEnd(), mark}
  }
}

/** The start of a line in bold or italics from its label: quote marks, the mark, the label and its colon (sticky). */
const boldHead = /([ \t>]*)(\*\*|__|\*(?!\*)|_(?!_))([^\s*_`|:<>[\]][^*_`|:\n]{0,60}):[ \t]+/y

/** Where the line after the one at `at` starts (or the text's end). */
function nextLine(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end === -1 ? text.length : end + 1
}

/** The paragraphs of blocks, in quotes too, and the first of each list item that may hold a label (see above). */
function* paragraphs(
  model: Model,
  blocks: readonly RootContent[],
  values: ReadonlySet<List | undefined>
): Generator<Paragraph> {
  for (const block of blocks) {
    if (block.type === 'paragraph') yield block
    else if (block.type === 'blockquote') yield* paragraphs(model, block.children, values)
    else if (block.type === 'list' && !values.has(block)) {
      const firsts = block.children
        .map((item) => item.children[0])
        .map((first) => (first?.type === 'paragraph' ? first : undefined))
      const lines = firsts.map((first) => first && model.source.slice(first)?.split('\n')[0])
      const allLabels = lines.every((line) => line !== undefined && plainLabel.test(line))
      for (const [index, first] of firsts.entries()) {
        const line = lines[index]
        if (first && line !== undefined && (allLabels || (line.trimEnd().endsWith(':') && plainLabel.test(line))))
          yield first
      }
    }
  }
}
