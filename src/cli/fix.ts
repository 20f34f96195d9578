/**
 * `milestone-lint --fix`: the fixes whose text is certain (a message with
 * exactly one `expected`) applied as minimal edits, the file linted again,
 * until nothing more is fixed; then written, unless it changed on disk.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {type TextEdit, applyEdits} from '../text/edits.js'

/** Rounds of fix and re-lint at most: fixes that uncover others settle in two or three. */
export const maxRounds = 10

/**
 * The edits of a file's certain fixes, in text order (several `expected`
 * texts, or a `suggestion`, need a person). Insertions of one rule at one
 * point become one edit, in the order the rule reported them (missing
 * sections in template order): `applyEdits` would take one a round, as the
 * order of different rules' insertions at one point is a guess.
 */
export function certainEdits(file: VFile, only?: ReadonlySet<string>): TextEdit[] {
  const edits: TextEdit[] = []
  const insertions = new Map<string, TextEdit>()
  for (const message of file.messages) {
    const [insert, ...others] = message.expected ?? []
    if (insert === undefined || others.length > 0 || message.suggestion) continue
    if (only && !only.has(message.ruleId ?? '')) continue
    const place = message.place
    if (!place) continue
    const start = 'start' in place ? place.start.offset : place.offset
    const end = 'start' in place ? place.end.offset : place.offset
    if (start === undefined || end === undefined) continue
    const key = start === end ? `${start} ${message.ruleId ?? ''}` : undefined
    const joined = key === undefined ? undefined : insertions.get(key)
    if (joined) joined.insert += insert
    else {
      const edit = {start, end, insert}
      if (key !== undefined) insertions.set(key, edit)
      edits.push(edit)
    }
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** A file's text as read, the text fixed, and how many edits made it. */
export interface Fixing {
  original: string
  text: string
  edits: number
}

/**
 * Fix files in rounds: `lint` lints texts (in memory) and gives their files
 * with messages; each round applies the certain edits of each file and lints
 * the changed ones again. Returns the last lint of every file.
 */
export async function fixInRounds(
  files: VFile[],
  lint: (texts: Map<string, string>) => Promise<VFile[]>,
  only?: ReadonlySet<string>
): Promise<{files: VFile[]; fixing: Map<string, Fixing>}> {
  const fixing = new Map<string, Fixing>()
  const latest = new Map(files.map((file) => [file.path, file]))
  let pending = files
  for (let round = 0; round < maxRounds && pending.length > 0; round++) {
    const texts = new Map<string, string>()
    for (const file of pending) {
      const edits = certainEdits(file, only)
      if (edits.length === 0) continue
      const before = fixing.get(file.path)?.text ?? textOf(file)
      const {text, applied} = applyEdits(before, edits)
      if (applied.length === 0 || text === before) continue
      const done = fixing.get(file.path)
      fixing.set(file.path, {original: done?.original ?? before, text, edits: (done?.edits ?? 0) + applied.length})
      texts.set(file.path, text)
    }
    if (texts.size === 0) break
    pending = await lint(texts)
    for (const file of pending) latest.set(file.path, file)
  }
  return {files: files.map((file) => latest.get(file.path) ?? file), fixing}
}

/** The text a file was linted as, BOM included (the edits' offsets leave it out; `applyEdits` keeps it). */
function textOf(file: VFile): string {
  const {value} = file
  return typeof value === 'string' ? value : new TextDecoder('utf-8', {ignoreBOM: true}).decode(value)
}

/** Write a fixed file, unless it changed on disk since it was read; an error on the file says why not. */
export function writeFixed(file: VFile, fixed: Fixing): boolean {
  const location = path.resolve(file.cwd, file.path)
  let refusal: string
  try {
    if (readFileSync(location, 'utf8') === fixed.original) {
      writeFileSync(location, fixed.text)
      return true
    }
    refusal = 'Cannot fix this file: it changed on disk while it was linted; run again'
  } catch (error) {
    refusal = `Cannot write the fixed file (${(error as Error).message})`
  }
  // An error: the fix asked for is not made (exit 1, even with --no-frail).
  file.message(refusal, {ruleId: 'fix', source: 'milestone-lint'}).fatal = true
  return false
}
