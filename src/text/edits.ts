/**
 * Minimal text edits, as `--fix` and an editor's fix-all apply them: each
 * replaces one range of the text and leaves every other byte as it was.
 */
import {type ChangeObject, diffChars, diffLines} from 'diff'

/** Replace `text[start, end)` with `insert`; offsets count in the text without its byte order mark. */
export interface TextEdit {
  start: number
  end: number
  insert: string
}

/** What applying edits did. */
export interface Applied {
  /** The new text. */
  text: string
  /** The edits applied, in text order. */
  applied: TextEdit[]
  /** Edits left out because they overlap one applied: apply them on the text re-linted. */
  deferred: TextEdit[]
}

/**
 * Apply the edits that do not overlap, first come first kept (so the caller
 * orders them by preference); two insertions at one offset overlap too, as
 * their order would be a guess. Inserted line breaks take the text's own
 * (`\r\n`, `\r` or `\n`, from its first line break), and a byte order mark
 * stays in front.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): Applied {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
  const body = bom ? text.slice(1) : text
  const applied: TextEdit[] = []
  const deferred: TextEdit[] = []
  for (const edit of edits) {
    const valid = edit.start >= 0 && edit.start <= edit.end && edit.end <= body.length
    if (valid && !applied.some((other) => overlaps(edit, other))) applied.push(edit)
    else deferred.push(edit)
  }
  applied.sort((a, b) => a.start - b.start)
  let result = ''
  let at = 0
  for (const edit of applied) {
    result += body.slice(at, edit.start) + inLineBreaksOf(body, edit.insert)
    at = edit.end
  }
  return {text: bom + result + body.slice(at), applied, deferred}
}

/** Whether two edits touch the same text, or start at one place (then their order would be a guess). */
/** Inserted text with the line breaks of the text it goes in (its first one; `\n` if it has none). */
export function inLineBreaksOf(text: string, insert: string): string {
  return withLineBreak(lineBreakOf(text), insert)
}

/** A text's line break: its first one (`\r\n`, `\r` or `\n`), or `\n` if it has none. */
export function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n'
}

/** Inserted text with the line break `eol`. */
export function withLineBreak(eol: string, insert: string): string {
  return eol === '\n' ? insert.replace(/\r\n?/g, '\n') : insert.replace(/\r\n|\r|\n/g, eol)
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end)
}

/**
 * The fewest edits that turn `before` into `after` (offsets in `before` as
 * it is): lines that differ, then the characters within each changed run
 * of lines, so an editor keeps its cursors and folds everywhere else.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  return editsOf(diffLines(before, after), 0).flatMap((edit) =>
    edit.start < edit.end && edit.insert
      ? editsOf(diffChars(before.slice(edit.start, edit.end), edit.insert), edit.start)
      : [edit]
  )
}

/** A diff's changes as edits from `offset` on, a removal and an insertion next to each other as one edit. */
function editsOf(changes: Array<ChangeObject<string>>, offset: number): TextEdit[] {
  const edits: TextEdit[] = []
  let at = offset
  for (const change of changes) {
    if (!change.added && !change.removed) {
      at += change.value.length
      continue
    }
    let edit = edits.at(-1)
    if (edit?.end !== at) edits.push((edit = {start: at, end: at, insert: ''}))
    if (change.added) edit.insert += change.value
    else at = edit.end += change.value.length
  }
  return edits
}
