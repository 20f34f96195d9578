/**
 * Property test of `--fix` (src/cli/fix.ts) with the whole preset, on the
 * example docs and the bundled template, mutated: lines and sections
 * deleted, `✅` swapped for `✔`/`[x]`/`:white_check_mark:` or nothing,
 * heading depths and phase or component numbers changed, risk levels
 * misspelt, written with LF, CRLF or CR, a byte order mark, front matter.
 * Fixed in rounds as the CLI fixes (`fixInRounds`), every doc:
 *
 * - is fixed without throwing, and its last lint breaks no invariant
 *   (`problems`: no rule threw, every message placed in the file);
 * - changes nothing when fixed again (idempotent);
 * - has no more structural messages than before: those of every rule but
 *   `milestone-no-placeholders` (inserted skeletons bring the template's
 *   placeholders on purpose), leaving out the sections the fix put back
 *   (inserted, or their level changed). A section put back is checked by
 *   the other rules for the first time, and so are the sub-sections it
 *   takes back from the section before: what they lack is new, and true
 *   (`### Risk: …` without `**Impact**:` once `## Risks & Mitigation` is
 *   back). So one missing section becomes other messages, and the count is
 *   the total, not one per rule;
 * - keeps its line endings, byte order mark and front matter;
 * - and in each round changes only text between the first and the last of
 *   that round's certain edits (that no byte between or around them changes
 *   is `applyEdits`' own property, test/edits.test.ts).
 *
 * A run lints a whole doc a few times (about 0.3 s here), so `FIX_RUNS`
 * sets the runs (25 by default: a few seconds); `FUZZ_SEED` the seed (42
 * by default), `FUZZ_PATH` a failing run's path to replay, as in
 * test/fuzz.test.ts.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {certainEdits, fixInRounds} from '../src/cli/fix.js'
import {lint} from './helpers.js'
import {problems} from './invariants.js'

const runs = Number(process.env.FIX_RUNS ?? 25)
const seed = Number(process.env.FUZZ_SEED ?? 42)
const replay = process.env.FUZZ_PATH
const parameters: fc.Parameters<unknown> = {numRuns: runs, seed, ...(replay ? {path: replay, endOnFailure: true} : {})}
/** Generous: on a busy machine one run can take a second. */
const timeout = Math.max(120_000, runs * 5_000)

/** Where the docs are linted: beside the example's overview and architecture docs, so links resolve. */
const docPath = 'fixtures/example/milestone-9-fix.md'

const bases = [
  'templates/milestone-template.md',
  'fixtures/example/milestone-1-private-beta.md',
  'fixtures/example/milestone-2-public-launch.md',
  'fixtures/section-fields/valid.md'
].map((file) => readFileSync(file, 'utf8'))

// Mutations -------------------------------------------------------------------

type Mutation =
  | {kind: 'delete-lines'; at: number; size: number}
  | {kind: 'delete-section' | 'depth' | 'mark' | 'number' | 'level'; at: number; to: number}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant('delete-lines' as const), at: fc.nat(), size: fc.nat({max: 12})}),
  fc.record({
    kind: fc.constantFrom(
      'delete-section' as const,
      'depth' as const,
      'mark' as const,
      'number' as const,
      'level' as const
    ),
    at: fc.nat(),
    to: fc.nat()
  })
)

const marks = ['✔', '[x]', ':white_check_mark:', '✔ ✅', '']
const levels = ['Med', 'hi', 'med', 'Hgih', 'HIGH', 'Lo', 'Severe']

/** The indices of the lines that match. */
const linesMatching = (lines: string[], pattern: RegExp) =>
  lines.flatMap((line, index) => (pattern.test(line) ? [index] : []))

/** Replace the line at the `at`-th match of a pattern (modulo their number). */
function changeLine(lines: string[], pattern: RegExp, at: number, change: (line: string) => string): string[] {
  const found = linesMatching(lines, pattern)
  if (found.length === 0) return lines
  const index = found[at % found.length]!
  return lines.map((line, other) => (other === index ? change(line) : line))
}

function mutate(lines: string[], change: Mutation): string[] {
  switch (change.kind) {
    case 'delete-lines': {
      const at = change.at % (lines.length + 1)
      return [...lines.slice(0, at), ...lines.slice(at + change.size + 1)]
    }
    case 'delete-section': {
      const headings = linesMatching(lines, /^#{1,6} /)
      if (headings.length === 0) return lines
      const start = headings[change.at % headings.length]!
      const depth = /^#+/.exec(lines[start]!)![0].length
      const next = headings.find((index) => index > start && /^#+/.exec(lines[index]!)![0].length <= depth)
      return [...lines.slice(0, start), ...lines.slice(next ?? lines.length)]
    }
    case 'depth':
      return changeLine(lines, /^#{1,6} /, change.at, (line) =>
        change.to % 2 === 0 ? '#' + line : line.replace(/^#(#+) /, '$1 ')
      )
    case 'mark':
      return changeLine(lines, /^\s*- ✅ /, change.at, (line) => {
        const mark = marks[change.to % marks.length]!
        return line.replace('✅ ', mark ? mark + ' ' : '')
      })
    case 'number':
      return changeLine(lines, /^### (Phase )?\d+[.:]/, change.at, (line) =>
        line.replace(/\d+/, String(change.to % 10))
      )
    case 'level':
      return changeLine(lines, /^\*\*(Impact|Probability)\*\*: (High|Medium|Low)/, change.at, (line) =>
        line.replace(/High|Medium|Low/, levels[change.to % levels.length]!)
      )
  }
}

const frontMatter = fc.constantFrom('', '---\ntitle: Fix\n---\n', '---\nowner: "[Name]"\ntags: [a, b]\n---\n\n')

/** A mutated doc, written with one kind of line ending; its byte order mark and front matter apart, to check them. */
const doc = fc
  .record({
    base: fc.constantFrom(...bases),
    mutations: fc.array(mutation, {minLength: 1, maxLength: 6}),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.oneof({weight: 3, arbitrary: fc.constant('')}, {weight: 1, arbitrary: fc.constant('\uFEFF')}),
    front: frontMatter
  })
  .map(({base, mutations, eol, bom, front}) => {
    let lines = base.split('\n')
    for (const change of mutations) lines = mutate(lines, change)
    const head = bom + front.replace(/\n/g, eol)
    return {text: head + lines.join('\n').replace(/\n/g, eol), head, eol}
  })

// Fixing ----------------------------------------------------------------------

const lintText = (value: string) => lint(new VFile({path: docPath, value}))

/**
 * Fix a text in rounds as `--fix` does; each round's new text is checked to
 * keep the text before that round's first edit and after its last.
 */
async function fix(value: string): Promise<{text: string; first: VFile; last: VFile}> {
  const first = await lintText(value)
  let before = {text: value, file: first}
  const {files, fixing} = await fixInRounds([first], async (texts) => {
    const text = texts.get(docPath)!
    const [start, end] = span(before.text, certainEdits(before.file))
    expect(text.startsWith(before.text.slice(0, start))).toBe(true)
    expect(text.endsWith(before.text.slice(end))).toBe(true)
    before = {text, file: await lintText(text)}
    return [before.file]
  })
  return {text: fixing.get(docPath)?.text ?? value, first, last: files[0]!}
}

/** From the first edit's start to the last edit's end, as offsets in the text (edits count after a byte order mark). */
function span(text: string, edits: ReturnType<typeof certainEdits>): [number, number] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  return [Math.min(...edits.map((edit) => edit.start)) + bom, Math.max(...edits.map((edit) => edit.end)) + bom]
}

/** How many messages a file has, but `milestone-no-placeholders`' and those on the lines left out. */
function structural(file: VFile, leftOut = new Set<number>()): number {
  return file.messages.filter(
    ({ruleId, line}) => ruleId !== 'milestone-no-placeholders' && !(line !== undefined && leftOut.has(line))
  ).length
}

/**
 * The lines of the sections a fix put back or moved: from each heading line
 * of the fixed text that the text before had not (inserted, or its level
 * changed), to the next heading at its level or above.
 */
function sectionsPutBack(before: string, after: string): Set<number> {
  const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const old = new Set(lines(before))
  const found = new Set<number>()
  let depth = 0
  for (const [index, line] of lines(after).entries()) {
    const heading = /^(#{1,6}) /.exec(line)?.[1]?.length
    if (heading !== undefined && (depth === 0 || heading <= depth)) depth = old.has(line) ? 0 : heading
    if (depth > 0) found.add(index + 1)
  }
  return found
}

describe('--fix on generated and mutated docs', () => {
  it(
    `never throws, is idempotent, adds no structural message, keeps line endings, BOM and front matter (${runs} runs)`,
    {timeout},
    async () => {
      await fc.assert(
        fc.asyncProperty(doc, async ({text, head, eol}) => {
          const {text: fixed, first, last} = await fix(text)
          expect(problems(last)).toEqual([])
          expect((await fix(fixed)).text).toBe(fixed)
          expect(structural(last, sectionsPutBack(text, fixed))).toBeLessThanOrEqual(structural(first))
          expect(fixed.startsWith(head)).toBe(true)
          if (!head.startsWith('\uFEFF')) expect(fixed.startsWith('\uFEFF')).toBe(false)
          expect(fixed.split(eol).join('')).not.toMatch(/[\r\n]/)
        }),
        parameters
      )
    }
  )
})
