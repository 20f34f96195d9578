/**
 * The `template` option cannot make a run hang, grow without bound or fail
 * without naming the template (issue 12, item 8): only a regular file within
 * `limits.size` bytes is read, it is parsed within the other limits, its
 * headings match in linear time, and a relative path is looked for only in
 * the project. Each problem is one line that names the template.
 *
 * Input that once made `milestone-lint` hang runs with a timeout that only
 * stops a hang; no test measures speed.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {requiredHeadings} from '../src/index.js'
import {defaultLimits} from '../src/model/limits.js'
import {TemplateError, deriveSchema} from '../src/schema/derive.js'
import {foldHeading} from '../src/text/text.js'
import {escapeRegExp, headingPattern, placeholder} from '../src/schema/pattern.js'
import type {SectionSpec} from '../src/schema/types.js'
import {lint, lintWith, messages} from './helpers.js'
import {makeProject, makeTemporary, milestoneLintWithin, removeProjects, repoRoot} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const bundled = readFileSync(path.join(repoRoot, 'templates/milestone-template.md'), 'utf8')
const config = (options: object) => JSON.stringify({plugins: [['remark-lint-milestone', options]]})
/** What the README says each problem prints, one line each. */
const documented = readmeBlockAfter('Each problem is one error', 'text').trimEnd().split('\n')
/** Long enough for any run here on a busy machine; only a hang reaches it. */
const hang = 120_000
/** The summary of a run over the example docs that a template problem stops. */
const notLinted = 'milestone-lint: 5 files, 0 milestone docs linted, 5 not linted; 1 problem\n'

/** `milestone-lint docs` in a project: the problem it prints (one line), and that nothing else was said. */
function problemOf(project: string, cwd = project, folder = 'docs'): string {
  const {status, stdout, stderr} = milestoneLintWithin(hang, cwd, folder)
  expect({status, stdout}).toEqual({status: 2, stdout: ''})
  const [line, ...rest] = stderr.split('\n')
  expect(rest.join('\n')).toMatch(/^milestone-lint: \d+ files?, 0 milestone docs linted, \d+ not linted; 1 problem\n$/)
  return line!.replace(/^milestone-lint: /, '')
}

/** The README's line for a problem, by how it starts. */
function readmeLine(start: string): string {
  const found = documented.filter((line) => line.startsWith(start))
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('only a regular file within `limits.size` is read', () => {
  it('refuses a device, given as an absolute path, without reading it', () => {
    const project = makeProject({'.remarkrc.json': config({template: '/dev/zero'})})
    const line = readmeLine('Cannot derive a schema from template `/dev/zero`:')
    expect(line).toBe(
      'Cannot derive a schema from template `/dev/zero`: expected a regular file, found a character device'
    )
    const {status, stdout, stderr} = milestoneLintWithin(hang, project, 'docs')
    expect({status, stdout, stderr}).toEqual({status: 2, stdout: '', stderr: `milestone-lint: ${line}\n` + notLinted})
  })

  it('refuses a symbolic link to a device: out of the project if relative, a device if absolute', () => {
    const project = makeProject({'.remarkrc.json': config({template: './milestone-template.md'})})
    symlinkSync('/dev/zero', path.join(project, 'milestone-template.md'))
    expect(problemOf(project)).toBe(
      readmeLine('Cannot derive a schema from template `./milestone-template.md`: expected a file inside')
    )

    const absolute = path.join(project, 'milestone-template.md')
    writeFileSync(path.join(project, '.remarkrc.json'), config({template: absolute}))
    expect(problemOf(project)).toBe(
      `Cannot derive a schema from template \`${absolute}\`: expected a regular file, found a character device`
    )
  })

  it('refuses a FIFO without opening it (opening one waits for a writer)', () => {
    const project = makeProject({'.remarkrc.json': config({template: './milestone-template.md'})})
    execFileSync('mkfifo', [path.join(project, 'milestone-template.md')])
    expect(problemOf(project)).toBe(
      readmeLine(
        'Cannot derive a schema from template `./milestone-template.md`: expected a regular file, found a FIFO'
      )
    )
  })

  it('refuses a folder', () => {
    const project = makeProject({'.remarkrc.json': config({template: './templates'})})
    mkdirSync(path.join(project, 'templates'))
    expect(problemOf(project)).toBe(
      'Cannot derive a schema from template `./templates`: expected a regular file, found a folder'
    )
  })

  it('refuses a file over `limits.size` bytes before reading it, and reads it with the limit raised', () => {
    // 2,000,000 bytes: the bundled template, then a comment that pads it.
    const [start, end] = [bundled + '\n<!--\n', '\n-->\n']
    const padding = 'padding\n'.repeat(250_000).slice(0, 2_000_000 - Buffer.byteLength(start + end))
    const big = start + padding + end
    expect(Buffer.byteLength(big)).toBe(2_000_000)
    const project = makeProject({
      '.remarkrc.json': config({template: './milestone-template.md'}),
      'milestone-template.md': big
    })
    expect(problemOf(project)).toBe(
      readmeLine('Cannot derive a schema from template `./milestone-template.md`: file of')
    )

    writeFileSync(
      path.join(project, '.remarkrc.json'),
      config({template: './milestone-template.md', limits: {size: 2_000_000}})
    )
    const {status, stderr} = milestoneLintWithin(hang, project, 'docs')
    expect(status).toBe(1)
    expect(stderr).toMatch(
      /milestone-lint: 5 files, 2 milestone docs linted, 3 skipped \(not milestone docs\); 20 warnings\n$/
    )
  })
})

describe('a rule used on its own', () => {
  it('reads its template within the `limits` it is given', async () => {
    const template = path.join(repoRoot, 'templates/milestone-template.md')
    const {size} = statSync(template)
    const doc = path.join(repoRoot, 'fixtures/example/milestone-1-private-beta.md')
    await expect(lintWith(requiredHeadings, doc, {template, limits: {size: 1_000}})).rejects.toThrow(
      new TemplateError(
        template,
        undefined,
        `file of ${size} bytes, over the limit of 1000; raise the preset option \`limits.size\` to use it`
      )
    )
    expect(messages(await lintWith(requiredHeadings, doc, {template, limits: {size}}))).toEqual([])
  })
})

describe('a template is parsed within the limits', () => {
  // The bundled template, then a block quote 10,000 deep (at line 289).
  const deep = bundled + '\n' + '>'.repeat(10_000) + ' Deep\n'

  it('says which line of the template is over a limit, not a bare RangeError', () => {
    const project = makeProject({
      '.remarkrc.json': config({template: './milestone-template.md'}),
      'milestone-template.md': deep
    })
    expect(problemOf(project)).toBe(readmeLine('Cannot derive a schema from template `./milestone-template.md:289`:'))
  })

  it('turns any exception while deriving into a TemplateError naming the template', () => {
    // Limits no option allows: the parser overflows the stack.
    const limits = {...defaultLimits, nesting: 1_000_000}
    expect(() => deriveSchema(deep, 'deep.md', limits)).toThrow(
      new TemplateError('deep.md', undefined, 'Maximum call stack size exceeded; please report this bug')
    )
  })
})

describe('template headings match in linear time', () => {
  const many = Array.from({length: 38}, (_, index) => `[Part ${index + 1}]`).join(' ')
  const words = (count: number) => Array.from({length: count}, (_, index) => `word${index + 1}`).join(' ')

  it('matches, or not, a heading of 38 placeholders separated by spaces', () => {
    const template = '# Milestone [Number]: [Name]\n\n## Summary\n\n[Summary]\n\n## ' + many + '\n\n[Text]\n'
    const doc = (heading: string) => `# Milestone 1: Parts\n\n## Summary\n\nParts.\n\n## ${heading}\n\nText.\n`
    const project = makeProject({
      '.remarkrc.json': config({template: './milestone-template.md'}),
      'milestone-template.md': template,
      // 37 words cannot fill 38 placeholders; 60 can.
      'parts/milestone-1-short.md': doc(words(37)),
      'parts/milestone-2-long.md': doc(words(60))
    })
    const {status, stdout} = milestoneLintWithin(hang, project, '--report', 'json', 'parts')
    expect(status).toBe(1)
    const files = JSON.parse(stdout) as Array<{path: string; messages: Array<{line: number; reason: string}>}>
    const display = '## ' + Array.from({length: 38}, () => '…').join(' ')
    expect(
      files.map((file) => [file.path, file.messages.map((message) => `${message.line} ${message.reason}`)])
    ).toEqual([
      [
        'parts/milestone-1-short.md',
        [`10 Unexpected missing section \`${display}\`, expected it after \`## Summary\``]
      ],
      ['parts/milestone-2-long.md', []]
    ])
  })

  /**
   * The RegExp a template heading was compiled to before: the reference for
   * what matches. A number ends in `.`, `)`, `:` or nothing, then a space,
   * whichever the template writes; one that starts the heading may follow
   * its placeholder's first word (`Component 1: …` for `1. [Component Name]`),
   * and one word before it may be left out, with a mark after a number not 0
   * (`1. Auth` for `Phase 1: [Phase Name]`). Marks may end it (`Goal?`).
   */
  function formerRegExp(spec: SectionSpec): RegExp {
    const numbered = spec.repeat?.numbered === true
    const numberEnd = '[.):]? '
    let numberSeen = false
    let kind = ''
    const source = spec.heading
      .trim()
      .split(placeholder)
      .map(foldHeading)
      // Marks that end a heading as a sentence are not part of it (`Why Go?`, `Open Questions.`).
      .map((piece, index, all) => (index === all.length - 1 ? piece.replace(/[.!?…;:—–\- ]+$/u, '') : piece))
      .map((piece, index) => {
        const number = numbered && !numberSeen ? /^(\D*)(\d+)([.):]? )?/.exec(piece) : null
        if (!number) return escapeRegExp(piece)
        numberSeen = true
        const [whole, before, , end] = number
        const word = /^\p{L}+ /u.exec(
          foldHeading(spec.heading.match(placeholder)?.[0]?.slice(1, -1) ?? '').trim() + ' '
        )
        if (index === 0 && before === '' && word) kind = `(?:${escapeRegExp(word[0])})?`
        // One word before the number may be left out (`1. Auth` for `Phase 1: [Phase Name]`), if a mark
        // follows a number that is not 0.
        const wordy = index === 0 && end !== undefined && /^\p{L}+ $/u.test(before!)
        return (
          (wordy ? `(?:${escapeRegExp(before!)}|(?=\\d*[1-9]\\d*[.):] ))` : escapeRegExp(before!)) +
          '(\\d+)' +
          // A mark or a space ends it; a space alone only a number of one or two digits (not a year).
          (end === undefined ? '' : '(?:(?<!\\d{3})[.):]? |[.):] )') +
          escapeRegExp(piece.slice(whole.length))
        )
      })
      .join('([\\s\\S]+)')
    const section = numbered ? '' : '(?:\\d+(?:\\.\\d+)*' + numberEnd + ')?'
    // A number alone where only a placeholder follows it and its mark (`Phase 1` for `Phase 1: [Phase Name]`).
    const alone = numbered ? /^(\D*?)(\d+)[.):]? \[[^\]]*\]$/.exec(spec.heading.trim()) : null
    const bare = alone ? '|' + kind + escapeRegExp(foldHeading(alone[1]!)) + '(\\d+)' : ''
    return new RegExp('^(?:' + section + kind + source + bare + ')[.!?…;:—–\\- ]*$', 'u')
  }

  /**
   * Where a numbered heading's number is not followed by fixed text, or
   * comes after a placeholder, the RegExp let a placeholder take some of
   * its digits (or took a placeholder for the number): the matcher takes
   * all the digits, and any text after a placeholder.
   */
  function numberIsFixed(heading: string): boolean {
    const pieces = heading.trim().split(placeholder).map(foldHeading)
    const index = pieces.findIndex((piece) => /\d/.test(piece))
    return index <= 0 && (index === -1 || /\d[^\d]/.test(pieces[0]!) || pieces.length === 1)
  }

  it('matches what the RegExp matched, and finds the same number (property)', () => {
    const token = fc.constantFrom('a', 'b', '1', '12', ' ', ':', '.', ')', '?', ' - ', '[x]', '[y z]', 'ab 1: ', 'ab 1')
    const char = fc.constantFrom('a', 'b', '1', '2', ' ', ':', '.', ')', '?')
    const chars = (maxLength: number) => fc.array(char, {maxLength}).map((list) => list.join(''))
    const heading = fc.array(token, {minLength: 1, maxLength: 6}).map((tokens) => tokens.join(''))
    /** Text written from the heading: placeholders filled, maybe a section number first, another number, a `?` added or dropped, a word before the number dropped. */
    const instanceOf = (written: string) =>
      fc
        .tuple(
          fc.constantFrom('', '', '1. ', '2) ', '1.2 ', '3: ', '12 ', '1 . '),
          fc.array(chars(4), {minLength: 8, maxLength: 8}),
          fc.constantFrom(undefined, '7', '10', ''),
          fc.boolean(),
          fc.boolean()
        )
        .map(([prefix, fills, number, toggled, dropped]) => {
          const pieces = written.trim().split(placeholder).map(foldHeading)
          const filled = pieces.map((piece, index) => (index === 0 ? '' : fills[index]!) + piece).join('')
          let text = prefix + (dropped ? filled.replace(/^\p{L}+ (?=\d)/u, '') : filled)
          if (number !== undefined) text = text.replace(/\d+/, number)
          if (toggled) text = text.endsWith('?') ? text.slice(0, -1) : text + '?'
          return text
        })
    const sample = fc
      .tuple(heading, fc.boolean())
      .chain(([written, numbered]) =>
        fc.tuple(
          fc.constant(written),
          fc.constant(numbered),
          fc.array(fc.oneof(chars(12), instanceOf(written)), {minLength: 1, maxLength: 8})
        )
      )
    let matched = 0
    fc.assert(
      fc.property(sample, ([written, numbered, texts]) => {
        fc.pre(written.trim() !== '' && (!numbered || numberIsFixed(written)))
        const spec: SectionSpec = {heading: written, depth: 2, ...(numbered ? {repeat: {numbered, min: 1}} : {})}
        const pattern = headingPattern(spec)
        const former = formerRegExp(spec)
        for (const candidate of texts) {
          const match = former.exec(candidate)
          expect(pattern.test(candidate), `${JSON.stringify(written)} on ${JSON.stringify(candidate)}`).toBe(
            match !== null
          )
          if (match) matched++
          if (match && numbered && /\d/.test(written.replace(placeholder, ''))) {
            expect(pattern.number(candidate)).toBe(Number(match[1] ?? match[2]))
          }
        }
      }),
      {seed: Number(process.env.FUZZ_SEED ?? 42), numRuns: 2_000}
    )
    // Not only texts that match nothing.
    expect(matched).toBeGreaterThan(1_000)
  })
})

describe('a relative template is looked for only in the project', () => {
  /** A project (with `.git`) in `app/`, and a template above it, in the folder that holds it. */
  function nested(options: object) {
    const outer = makeProject({
      'milestone-template.md': bundled,
      'app/.git/HEAD': 'ref: refs/heads/main\n',
      'app/.remarkrc.json': config(options),
      'app/docs/milestone-1-beta.md': readFileSync(
        path.join(repoRoot, 'fixtures/example/milestone-1-private-beta.md'),
        'utf8'
      )
    })
    return {outer, app: path.join(outer, 'app')}
  }

  it('does not leave the project for `../`', () => {
    const {app} = nested({template: '../milestone-template.md'})
    expect(problemOf(app)).toBe(readmeLine('Cannot derive a schema from template `../milestone-template.md`:'))
  })

  it('does not look in a working directory above the project, not even when attached', () => {
    const {outer} = nested({template: 'milestone-template.md'})
    // A FIFO: opened, it would hang; looked at, it would be said to be no regular file.
    rmSync(path.join(outer, 'milestone-template.md'))
    execFileSync('mkfifo', [path.join(outer, 'milestone-template.md')])
    expect(problemOf(outer, outer, 'app/docs')).toBe(
      readmeLine('Cannot derive a schema from template `milestone-template.md`:')
    )
  })

  it('looks for it from the working directory for a file without a path, if that is in a project', async () => {
    const folder = makeTemporary('template-cwd-')
    writeFileSync(path.join(folder, 'template.md'), '# Release [Version]\n\n## Summary\n\n[Summary]\n')
    // Recognised by the template's title and section; its placeholder is the template's.
    const pathless = () => new VFile({cwd: folder, value: '# Release 2\n\n## Summary\n\n[Summary]\n'})
    const options = {template: 'template.md'}
    expect(messages(await lint(pathless(), options))).toEqual([
      '? template: Cannot derive a schema from template `template.md`: not looked for, as the working directory is in no project ' +
        '(no `.git`, config file or `package.json` at or above it)'
    ])
    writeFileSync(path.join(folder, 'package.json'), '{}\n')
    expect(messages(await lint(pathless(), options))).toEqual([
      '5:1-5:10 milestone-no-placeholders: Unexpected unfilled template placeholder `[Summary]`, expected the actual summary'
    ])
  })

  it('follows a symbolic link that stays in the project', async () => {
    const folder = makeTemporary('template-link-')
    mkdirSync(path.join(folder, '.git'))
    mkdirSync(path.join(folder, 'templates'))
    writeFileSync(path.join(folder, 'templates/v1.md'), '# Release [Version]\n\n## Summary\n\n[Summary]\n')
    symlinkSync('templates/v1.md', path.join(folder, 'template.md'))
    const file = new VFile({
      path: path.join(folder, 'release-notes.md'),
      cwd: folder,
      value: '# Release 2\n\nNo summary.\n'
    })
    expect(messages(await lint(file, {template: 'template.md', include: ['release-notes.md']}))).toEqual([
      '4:1 milestone-required-headings: Unexpected missing section `## Summary`, expected it here'
    ])
  })
})
