/**
 * Hostile input, with the whole preset: huge, degenerate or undecodable
 * files complete without an exception, without a rule throwing, and with
 * every message placed in the file (see `lintOnce` in invariants.ts).
 *
 * Files over a parse limit (README, “Limits on what is parsed”) are not
 * parsed: for those, what is tested is that the guard ends the run cleanly;
 * next to each, an input just within the limits is linted in full. Small
 * inputs also run with every rule forced on (`include: ['**']`), as
 * detection would skip them. No timing is asserted (a benchmark measures
 * speed); the timeouts only stop a run that hangs. Parser-level
 * pathologies (thousands of nested block quotes or lists) are the parser
 * guard's, and are tested with it.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {VFile} from 'vfile'
import type {Options} from '../src/index.js'
import {type Input, lintOnce} from './invariants.js'

const path = 'fixtures/example/milestone-9-hostile.md'
const valid = readFileSync('fixtures/example/milestone-1-private-beta.md', 'utf8')
/** The valid doc's title and metadata (up to its first `##`), and its sections. */
const head = valid.slice(0, valid.indexOf('\n## ') + 1)
const sections = valid.slice(head.length)
const goal = '# Milestone 1: A\n\n## Goal\n\n'

/** Text repeated up to `size` characters, cut after a line ending. */
function repeatTo(text: string, size: number): string {
  const whole = text.repeat(Math.ceil(size / text.length))
  return whole.slice(0, whole.lastIndexOf('\n', size) + 1)
}

/** One line of `unit`s, separated by spaces, about `size` characters long. */
function line(unit: string, size: number): string {
  return (unit + ' ').repeat(Math.ceil(size / (unit.length + 1))).trimEnd() + '\n'
}

/** Lint once with the whole preset; return the file. A file over the size limit may get a message without a place. */
function lintValue(value: Input['value'], options?: Options): Promise<VFile> {
  return lintOnce({value, path, options}, {fileLevel: true})
}

/** Lint with the default detection and with every rule forced on. */
async function both(value: Input['value']): Promise<void> {
  await lintValue(value)
  await lintValue(value, {include: ['**']})
}

const ruleIds = (file: VFile) => new Set(file.messages.map((message) => message.ruleId))

describe('hostile input', () => {
  it(
    'a 5 MB realistic doc, the valid doc’s sections repeated (over the limits: not parsed)',
    {timeout: 60_000},
    async () => {
      const value = head + repeatTo(sections, 5_000_000 - head.length)
      expect(value.length).toBeGreaterThan(4_990_000)
      await lintValue(value)
    }
  )

  it('a 300 KB realistic doc, linted in full', {timeout: 60_000}, async () => {
    const file = await lintValue(head + repeatTo(sections, 300_000 - head.length))
    // Every section repeats: each is reported as a duplicate.
    expect(ruleIds(file)).toEqual(new Set(['milestone-required-headings']))
    expect(file.messages.length).toBeGreaterThan(100)
  })

  it('100,000 `[` characters', {timeout: 60_000}, async () => {
    await lintValue(goal + '['.repeat(100_000) + '\n')
  })

  it('long lines of brackets: placeholders, links, task boxes, unbalanced and escaped', {timeout: 60_000}, async () => {
    // Each its own paragraph, within the limits of markers in one and of
    // brackets left open (README, “Limits on what is parsed”).
    const units: Array<[string, number]> = [
      ['[Name]', 3_000],
      ['[a](./milestones.md#x)', 10_000],
      ['word [x]', 4_000],
      ['[[a]', 400],
      ['\\[b\\]]', 2_000]
    ]
    const file = await lintValue(goal + units.map(([unit, size]) => line(unit, size)).join('\n'))
    expect(ruleIds(file)).toContain('milestone-no-placeholders')
    expect(ruleIds(file)).toContain('milestone-relative-links')
  })

  it('HTML: a block of 20,000 links, long comments, quotes and tags left open', {timeout: 60_000}, async () => {
    const links =
      '<div>\n' + '<a href="./milestones.md#x">x</a> <a href=./missing.md>y</a>\n'.repeat(10_000) + '</div>\n'
    const open = ['<p><!--' + '-'.repeat(50_000), '<p><a href="' + 'x'.repeat(50_000), '<p><a ' + 'x='.repeat(25_000)]
    const file = await lintValue(goal + links + '\n' + open.join('\n\n') + '\n')
    expect(ruleIds(file)).toContain('milestone-relative-links')
  })

  it('one 1 MB line of `word **bold** text` (over the limits: not parsed)', {timeout: 60_000}, async () => {
    await lintValue(goal + line('word **bold** text', 1_000_000))
  })

  it('one 90 KB line of `word **bold** text`, linted in full', {timeout: 60_000}, async () => {
    await lintValue(goal + line('word **bold** text', 90_000))
  })

  it('19,000 headings', {timeout: 60_000}, async () => {
    const titles = [
      '## Goal',
      '### Phase 1: X',
      '## Risks & Mitigation',
      '### Risk: R',
      '#### Deep',
      '### 2. C',
      '## Other'
    ]
    const headings = Array.from({length: 19_000}, (_, index) => `${titles[index % titles.length]!}\n`)
    const file = await lintValue('# Milestone 1: A\n\n' + headings.join(''))
    expect(ruleIds(file)).toContain('milestone-required-headings')
  })

  it('10,000 `### Risk:` sections', {timeout: 60_000}, async () => {
    // Complete, with a level that is not allowed, and empty: every third is right.
    const risks = [
      '### Risk: A\n**Impact**: High - x\n**Probability**: Low - y\n**Mitigation**: z\n',
      '### Risk: B\n**Impact**: Severe - x\n',
      '### Risk: C\n'
    ]
    const value =
      '# Milestone 1: A\n\n## Risks & Mitigation\n\n' +
      Array.from({length: 10_000}, (_, index) => risks[index % 3]).join('')
    const file = await lintValue(value)
    expect(file.messages.filter((message) => message.ruleId === 'milestone-risk-fields').length).toBeGreaterThan(10_000)
  })

  it('a file of NUL bytes', {timeout: 30_000}, async () => {
    await both('\0'.repeat(60_000))
    await lintValue(Buffer.alloc(60_000), {include: ['**']})
    await lintValue('# Milestone 1: A\0\n\n## Goal\0\n\n\0[\0Name\0]\0\n'.repeat(500))
  })

  it('invalid UTF-8', async () => {
    const bytes = [0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80, 0x0a]
    await both(Buffer.from(bytes))
    await both(Uint8Array.from(bytes))
    await both(Buffer.concat([Buffer.from(goal + '['), Buffer.from(bytes), Buffer.from(']\n')]))
  })

  it('an empty file', async () => {
    await both('')
    await both(Buffer.alloc(0))
  })

  it('a file that is only front matter', async () => {
    await both('---\ntitle: x\n---\n')
    await both('---\ntitle: x\n---')
    await both('---\n---')
  })
})
