import path from 'node:path'
import {remark} from 'remark'
import {read} from 'to-vfile'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {exitCode, outcomeOf, skippedLines, summaryLine} from '../src/cli/outcome.js'
import {milestoneSyntax} from '../src/index.js'
import {milestoneRule} from '../src/rules/rule.js'

const doc = 'fixtures/example/milestone-1-private-beta.md'

/** A file as unified-engine leaves it when a plugin could not be attached. */
function unattached(path: string, error: Error): VFile {
  const file = new VFile({path})
  const message = file.message('Cannot process file', {cause: error})
  message.fatal = true
  return file
}

describe('outcomeOf', () => {
  it('turns a rule that throws into one line on its file, and exit 2', async () => {
    const crashing = milestoneRule({
      id: 'milestone-crash',
      description: 'Throws.',
      options: {},
      check() {
        throw new TypeError('boom')
      }
    })
    const file = await read(doc)
    const processor = remark().use(milestoneSyntax).use(crashing)
    await processor.run(processor.parse(file), file)
    const [message] = file.messages
    expect(message?.cause).toBeInstanceOf(TypeError)

    const outcome = outcomeOf([file])
    expect(outcome).toMatchObject({crashed: true, problems: [], linted: 1, errors: 1, warnings: 0, reported: [file]})
    expect(message?.reason).toBe('Cannot check `milestone-crash`: TypeError: boom; please report this bug')
    expect(message?.cause).toBeUndefined()
    expect(exitCode(outcome, false)).toBe(2)
  })

  it('says a problem that kept files from being linted once, and does not report those files', () => {
    const error = new TypeError('remark-lint-milestone: unknown option `exlude`')
    const files = [unattached('a.md', error), unattached('b.md', error)]
    const template = new VFile({path: 'c.md'})
    const message = template.message('Cannot derive a schema from template `t.md`: cannot read it', {
      ruleId: 'template',
      source: 'remark-lint-milestone'
    })
    message.fatal = true
    const outcome = outcomeOf([...files, template])
    expect(outcome).toMatchObject({
      problems: [
        'remark-lint-milestone: unknown option `exlude`',
        'Cannot derive a schema from template `t.md`: cannot read it'
      ],
      reported: [],
      notLinted: 3,
      errors: 0
    })
    expect(exitCode(outcome, true)).toBe(2)
    expect(summaryLine(outcome)).toBe('milestone-lint: 3 files, 0 milestone docs linted, 3 not linted; 2 problems')
  })

  it('keeps a file that cannot be read as an error on that file, in one line (exit 1)', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x/a.md'"), {
      syscall: 'open',
      path: '/x/a.md',
      code: 'EACCES'
    })
    const file = unattached('/x/a.md', error)
    const outcome = outcomeOf([file])
    expect(outcome).toMatchObject({problems: [], crashed: false, errors: 1, notLinted: 1, reported: [file]})
    // Its path relative to the working directory, as the reports name files.
    const named = path.relative(file.cwd, '/x/a.md')
    expect(file.messages[0]?.reason).toBe(`Cannot process file: EACCES: permission denied, open '${named}'`)
    expect(exitCode(outcome, false)).toBe(1)
  })

  it('counts linted and skipped files and messages by severity, in the summary', () => {
    const linted = new VFile({path: 'milestone-1.md', data: {milestoneLint: {linted: true}}})
    linted.message('a warning').fatal = false
    linted.info('a note')
    const skipped = new VFile({path: 'README.md', data: {milestoneLint: {linted: false, reason: 'not recognised'}}})
    const outcome = outcomeOf([linted, skipped])
    expect(summaryLine(outcome)).toBe(
      'milestone-lint: 2 files, 1 milestone doc linted, 1 skipped (not a milestone doc); 1 warning, 1 info'
    )
    expect(skippedLines(outcome)).toEqual(['milestone-lint: skipped README.md: not recognised'])
    expect(exitCode(outcome, true)).toBe(1)
    expect(exitCode(outcome, false)).toBe(0)
    expect(summaryLine(outcomeOf([]))).toBe('milestone-lint: 0 files, 0 milestone docs linted; no messages')
  })

  it('says in the summary what --fix fixed, would fix, or could not write', () => {
    const outcome = outcomeOf([new VFile({path: 'milestone-1.md', data: {milestoneLint: {linted: true}}})])
    const line = 'milestone-lint: 1 file, 1 milestone doc linted; no messages; '
    const fixed = {files: 1, fixes: 6, notWritten: 0, dryRun: false}
    expect(summaryLine(outcome, fixed)).toBe(line + '1 file fixed (6 fixes)')
    expect(summaryLine(outcome, {...fixed, files: 2, fixes: 1, dryRun: true})).toBe(
      line + '2 files would be fixed (1 fix)'
    )
    expect(summaryLine(outcome, {...fixed, notWritten: 2})).toBe(line + '1 file fixed (6 fixes), 2 files not written')
    expect(summaryLine(outcome, {...fixed, files: 0, fixes: 0, notWritten: 1})).toBe(line + '1 file not written')
    expect(summaryLine(outcome, {...fixed, files: 0, fixes: 0})).toBe(line + 'nothing to fix')
  })

  it('counts a fix not written as an error on a file that was linted', () => {
    const file = new VFile({path: 'milestone-1.md', data: {milestoneLint: {linted: true}}})
    file.message('Cannot write the fixed file (EISDIR)', {ruleId: 'fix', source: 'milestone-lint'}).fatal = true
    const outcome = outcomeOf([file])
    expect(outcome).toMatchObject({linted: 1, notLinted: 0, errors: 1})
    expect(exitCode(outcome, false)).toBe(1)
  })
})
