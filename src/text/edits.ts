/**
 * Minimal text edits, as `--fix` and an editor's fix-all apply them: each
 * replaces one range of the text and leaves every other byte as it was.
 */

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
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n'
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
    result += body.slice(at, edit.start) + edit.insert.replace(/\r\n|\r|\n/g, eol)
    at = edit.end
  }
  return {text: bom + result + body.slice(at), applied, deferred}
}

/** Whether two edits touch the same text, or start at one place (then their order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end)
}
