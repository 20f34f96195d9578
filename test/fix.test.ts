/**
 * `milestone-lint --fix` (src/cli/fix.ts): certain fixes written in place,
 * what is left reported, a second run a no-op, line endings kept.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {certainEdits, writeFixed} from '../src/cli/fix.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
import {readmeBlock} from './readme.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'
const golden = 'test/fixed/milestone-2-public-launch.md'
const structuralLeft = [
  '62:1-62:45 Unexpected link to missing file `./images/checkout-flow.png`, expected an existing file relative to this doc',
  '129:1-129:19 Unexpected section `## Why Self-Serve?` out of template order, expected it between `## Key Outcomes` and `## Design Decisions & Rationale`',
  '154:13-154:19 Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`',
  '198:1-198:21 Unexpected `## Related Documents` without a link to `./lumen-architecture.md` (the `**Architecture Reference**`), expected one',
  '201:3-201:55 Unexpected link to missing heading `#milestone-3-scale` in `./milestones.md`, expected the slug of one of its headings'
]

describe('milestone-lint --fix', () => {
  it('applies the certain fixes in place, reports what is left, and changes nothing the second time', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    const before = readFileSync(file, 'utf8')
    const first = milestoneLint(project, '--fix', '--no-frail', defective)
    const after = readFileSync(file, 'utf8')
    expect(first.stderr).toContain(
      'milestone-lint: 1 file, 1 milestone doc linted; 37 warnings; 1 file fixed (11 fixes)\n'
    )
    // The golden fixed doc (UPDATE_GOLDEN=1 rewrites it): review its diff against the defective one.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, after)
    expect(after).toBe(readFileSync(golden, 'utf8'))
    // Lines were added; only the five fixed in place are gone: a heading's depth, three marks, a phase number.
    const lines = new Set(after.split('\n'))
    expect(before.split('\n').filter((line) => !lines.has(line))).toHaveLength(5)
    // What is left needs a person: placeholders the fixes brought, and these.
    expect(
      first.stderr
        .split('\n')
        .filter((line) => / warning /.test(line) && !/no-placeholders/.test(line))
        .map((line) => line.replace(/ +warning +/, ' ').replace(/ {2,}.*$/, ''))
    ).toEqual(structuralLeft)
    const second = milestoneLint(project, '--fix', '--no-frail', defective)
    expect(readFileSync(file, 'utf8')).toBe(after)
    expect(second.stderr).toBe(first.stderr.replace('1 file fixed (11 fixes)', 'nothing to fix'))
  })

  it('the README lists what it leaves on the defective doc, message for message', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    const listed = [...readme.matchAll(/^- `` (Unexpected .*?) ``/gm)].map((match) => match[1])
    expect(listed.sort()).toEqual(structuralLeft.map((line) => line.replace(/^\S+ /, '')).sort())
  })

  it('keeps CRLF line endings', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'))
    milestoneLint(project, '--fix', defective)
    const after = readFileSync(file, 'utf8')
    expect(after).toContain('\r\n## Goal\r\n\r\n')
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('keeps a byte order mark', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8'))
    milestoneLint(project, '--fix', defective)
    const after = readFileSync(file, 'utf8')
    expect(after.startsWith('\uFEFF# ')).toBe(true)
    expect(after).toContain('\n## Goal\n\n')
  })

  it('leaves a suggestion alone: a link to a misspelt file is reported with a "did you mean", not changed (README)', () => {
    const [command, ...output] = readmeBlock('$ npx milestone-lint --fix docs/milestone-1-private-beta.md').split('\n')
    const project = makeProject()
    const file = path.join(project, 'docs/milestone-1-private-beta.md')
    // As the README says: the correct doc's `**Architecture Reference**` misspelt.
    const before = readFileSync(file, 'utf8').replace('](./lumen-architecture.md)', '](./lumen-architecure.md)')
    writeFileSync(file, before)
    const result = milestoneLint(project, ...command!.replace('$ npx milestone-lint ', '').split(' '))
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(result.stdout + result.stderr).toBe(output.join('\n'))
    expect(result.status).toBe(1)
  })

  it('writes nothing without --fix', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    const before = readFileSync(file, 'utf8')
    milestoneLint(project, defective)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})

describe('certainEdits', () => {
  it('takes messages with one expected text and a place, in text order; leaves suggestions and choices', () => {
    const file = new VFile({path: 'doc.md', value: 'abc'})
    const at = (offset: number) => ({line: 1, column: offset + 1, offset})
    const message = (reason: string, place: Point | Position | undefined, expected?: string[]) => {
      const made = file.message(reason, place)
      if (expected) made.expected = expected
      return made
    }
    message('range', {start: at(2), end: at(3)}, ['C'])
    message('point', at(0), ['>'])
    message('choice', at(1), ['x', 'y'])
    message('none', at(1))
    message('no place', undefined, ['!'])
    message('suggested', at(1), ['?']).suggestion = true
    message('no offset', {line: 1, column: 1}, ['!'])
    expect(certainEdits(file)).toEqual([
      {start: 0, end: 0, insert: '>'},
      {start: 2, end: 3, insert: 'C'}
    ])
    file.messages[0]!.ruleId = 'kept'
    expect(certainEdits(file, new Set(['kept']))).toEqual([{start: 2, end: 3, insert: 'C'}])
  })

  it("joins one rule's insertions at one point, in the order it reported them; not other rules' or replacements", () => {
    const file = new VFile({path: 'doc.md', value: 'abc'})
    const at = {line: 1, column: 2, offset: 1}
    const insertion = (ruleId: string, insert: string, place: Point | Position = at) => {
      const made = file.message(insert, place)
      made.ruleId = ruleId
      made.expected = [insert]
    }
    insertion('a', '## One\n')
    insertion('b', '*Other*: ')
    insertion('a', '## Two\n')
    insertion('a', 'x', {start: at, end: {line: 1, column: 3, offset: 2}})
    expect(certainEdits(file)).toEqual([
      {start: 1, end: 1, insert: '## One\n## Two\n'},
      {start: 1, end: 1, insert: '*Other*: '},
      {start: 1, end: 2, insert: 'x'}
    ])
  })
})

describe('writeFixed', () => {
  const fixed = {original: 'before\n', text: 'after\n', edits: 1}

  it('writes the fixed text over the text it was fixed from', () => {
    const folder = makeProject()
    writeFileSync(path.join(folder, 'a.md'), 'before\n')
    const file = new VFile({path: 'a.md', cwd: folder})
    expect(writeFixed(file, fixed)).toBe(true)
    expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('after\n')
    expect(file.messages).toEqual([])
  })

  it('does not overwrite a file that changed on disk, and says so', () => {
    const folder = makeProject()
    writeFileSync(path.join(folder, 'a.md'), 'edited meanwhile\n')
    const file = new VFile({path: 'a.md', cwd: folder})
    expect(writeFixed(file, fixed)).toBe(false)
    expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('edited meanwhile\n')
    expect(file.messages.map(String)).toEqual([
      'a.md:1:1: Cannot fix this file: it changed on disk while it was linted; run again'
    ])
  })

  it('gives one message when the file cannot be read or written', () => {
    const folder = makeProject()
    mkdirSync(path.join(folder, 'gone.md'))
    const file = new VFile({path: 'gone.md', cwd: folder})
    expect(writeFixed(file, fixed)).toBe(false)
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Cannot write the fixed file (EISDIR: illegal operation on a directory, read)'
    ])
  })
})
