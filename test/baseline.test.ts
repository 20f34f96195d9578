/**
 * The baseline (`--baseline`, `--update-baseline`) and the stable keys it
 * shares with the SARIF fingerprints and the GitLab report, as the README's
 * "Adopting on an existing repo" walks through them: edits elsewhere in a
 * doc (lines above, another section, sections reordered, a rename) leave
 * baselined messages baselined; a new copy of one is reported.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeEach, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {plainFile} from '../src/cli/plain-file.js'
import {contentHash} from '../src/reporters/content-hash.js'
import {type Excess, defaultLimits, excessText} from '../src/model/limits.js'
import {codeQualityIssues} from '../src/reporters/gitlab.js'
import {sarifLog} from '../src/reporters/sarif.js'
import {keyed, withoutLines} from '../src/reporters/stable-key.js'
import {readmeBlock, readmeBlockAfter} from './readme.js'
import {makeProject, milestoneLint, readmeShell, removeProjects, repoRoot, withoutGitVariables} from './project.js'
import {jsonError} from './helpers.js'
import {parseGitlab} from './gitlab-schema.js'
import {parseSarif} from './sarif-schema.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'
const baselineFile = 'milestone-lint-baseline.json'
const summary = 'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); '
const lint = (project: string, ...args: string[]) => milestoneLint(project, 'docs', '--baseline', baselineFile, ...args)

/** A README example (`$ <command>`, then what it prints): its exit code, what it prints and what the README says. */
function readmeExample(project: string, block: string) {
  const [command, ...lines] = block.split('\n')
  const {status, stdout, stderr} = readmeShell(project, command!)
  return {status, output: stdout + stderr, expected: lines.join('\n')}
}

/** Edit a file of a project. */
function edit(project: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(project, file)
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')))
}

/** A project with its baseline written, and the baseline's text. */
function baselined(): {project: string; written: string} {
  const project = makeProject()
  expect(lint(project, '--update-baseline', '--quiet').status).toBe(0)
  return {project, written: readFileSync(path.join(project, baselineFile), 'utf8')}
}

describe('milestone-lint --baseline (README: Adopting on an existing repo)', () => {
  it('writes the baseline only when asked, as the README shows, then reports nothing of it', () => {
    const project = makeProject()
    const first = readmeExample(
      project,
      readmeBlock('$ npx milestone-lint docs --baseline milestone-lint-baseline.json --update-baseline --quiet')
    )
    expect(first.output).toBe(first.expected)
    expect(first.status).toBe(0)
    const written = readFileSync(path.join(project, baselineFile), 'utf8')
    expect(written).toBe(readFileSync(path.join(repoRoot, 'fixtures/baseline/example-baseline.json'), 'utf8'))
    // The README's excerpt is the written file's, as written.
    const excerpt = JSON.parse(readmeBlockAfter('The baseline is JSON, sorted and stable', 'json'))
    const entry = JSON.parse(written).files[defective]
    expect(entry.hash).toBe(excerpt.files[defective].hash)
    expect(entry.problems).toContainEqual(excerpt.files[defective].problems[0])
    // Sorted by rule, then section, then message: a stable diff.
    const keys = (entry.problems as Array<{rule: string; section: string; message: string}>).map((problem) =>
      JSON.stringify([problem.rule, problem.section, problem.message])
    )
    expect(keys).toEqual([...keys].sort())

    // Linting with it neither reports nor fails, and writes nothing.
    const again = lint(project)
    expect(again.status).toBe(0)
    expect(again.stderr.split('\n').slice(-2)).toEqual([summary + 'no messages; 20 baselined', ''])
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
  })

  it('keeps messages baselined across lines inserted above, sections reordered and the title edited', () => {
    const {project, written} = baselined()
    edit(project, defective, (text) => text.replace('\n', '\n\nA paragraph added above everything.\n\n\n'))
    // The milestone renamed: its title is in no message's section; nor is an appendix added at the end.
    edit(project, defective, (text) => text + '\n# Appendix\n\nNotes.\n')
    edit(project, defective, (text) =>
      text.replace('# Milestone 2: Public Launch\n', '# Milestone 2: Public Launch (GA)\n')
    )
    // The two risks swapped: a section moved, each risk's messages with it.
    edit(project, defective, (text) => {
      const [fraud, support, after] = ['### Risk: Payment Fraud', '### Risk: Support Load', '## Open Questions'].map(
        (heading) => text.indexOf(heading)
      ) as [number, number, number]
      return text.slice(0, fraud) + text.slice(support, after) + text.slice(fraud, support) + text.slice(after)
    })
    expect(lint(project, '--quiet')).toEqual({status: 0, stdout: '', stderr: ''})
    expect(lint(project).stderr.split('\n').slice(-2)).toEqual([summary + 'no messages; 20 baselined', ''])
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
  })

  it('keeps the messages of a file renamed with `git mv`, its content unchanged', () => {
    const {project} = baselined()
    const git = (...args: string[]) => execFileSync('git', args, {cwd: project, env: withoutGitVariables(process.env)})
    git('init', '-q')
    git('add', 'docs')
    git('mv', defective, 'docs/milestone-2-launch.md')
    // Its 20 messages stay baselined. What the rename breaks (the
    // overview's link to it) is new, and reported.
    const renamed = lint(project, '--quiet')
    expect(renamed.status).toBe(1)
    expect(renamed.stderr).toBe(
      'docs/milestone-2-launch.md\n' +
        '1:1-1:29        warning Unexpected link `./milestone-2-public-launch.md` to a missing file in the entry `## Milestone 2: Public Launch` of `./milestones.md:35`, expected a link to this doc (`./milestone-2-launch.md`) milestone-overview-sync remark-lint\n' +
        '  [cause]:\n' +
        '    35:18-35:78 info    In `./milestones.md`\n' +
        '\n' +
        '⚠ 1 warning\n' +
        summary +
        '1 warning; 20 baselined\n'
    )
  })

  it('reports a second copy of a baselined problem in its section, as the README shows', () => {
    const {project} = baselined()
    edit(project, defective, (text) => text.replace(/^(.*\[Owner Name\].*)$/m, '$1\n\nAlso [Owner Name] again.'))
    const example = readmeExample(project, readmeBlockAfter('2. Lint with it', 'text'))
    expect(example.output).toBe(example.expected)
    expect(example.status).toBe(1)
  })

  it('says in one line how many baselined problems are fixed, as the README shows, and fixes with --fix', () => {
    const {project, written} = baselined()
    edit(project, defective, (text) => text.replace('**Impact**: Severe', '**Impact**: High'))
    expect(readFileSync(path.join(project, defective), 'utf8')).not.toContain('Severe')
    const example = readmeExample(project, readmeBlockAfter('3. As problems are fixed', 'text'))
    expect(example.output).toBe(example.expected)
    expect(example.status).toBe(0)
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)

    // --fix fixes baselined problems too, each one fewer in the baseline;
    // what a fix puts in (the template's placeholders) is new.
    const fixed = lint(project, '--fix', '--fix-rule', 'milestone-success-criteria', '--quiet')
    expect(fixed.status).toBe(1)
    expect(fixed.stderr).toBe(
      'docs/milestone-2-public-launch.md\n' +
        [1, 2, 3]
          .map(
            (criterion) =>
              `${73 + criterion}:5-${73 + criterion}:31 warning Unexpected unfilled template placeholder \`[Criterion ${criterion} - measurable]\`, expected the actual criterion ${criterion} (measurable) milestone-no-placeholders remark-lint\n`
          )
          .join('') +
        '\n⚠ 3 warnings\n' +
        summary +
        '3 warnings; 1 file fixed (4 fixes); 15 baselined\n' +
        'milestone-lint: 5 baselined problems fixed; run --update-baseline to shrink milestone-lint-baseline.json\n'
    )
    // Updating it shrinks it to what is left; a file deleted drops its entries.
    const updated = lint(project, '--update-baseline', '--quiet')
    expect(updated.stderr).toBe('milestone-lint: wrote milestone-lint-baseline.json: 18 problems in 1 file\n')
    renameSync(path.join(project, defective), path.join(project, 'elsewhere.md'))
    expect(lint(project, '--quiet').stderr).toBe(
      'milestone-lint: 18 baselined problems fixed; run --update-baseline to shrink milestone-lint-baseline.json\n'
    )
  })

  it('keeps the entries of files not linted when updating some, and works on the files a hook passes', () => {
    const {project, written} = baselined()
    // The hook's command line, with `args: [--baseline, milestone-lint-baseline.json]`.
    const hook = (...files: string[]) =>
      milestoneLint(project, '--silently-ignore', ...files, '--baseline', baselineFile, '--quiet')
    expect(hook('docs/milestone-1-private-beta.md')).toEqual({status: 0, stdout: '', stderr: ''})
    expect(hook(defective).status).toBe(0)
    expect(
      milestoneLint(project, 'docs/milestones.md', '--baseline', baselineFile, '--update-baseline', '--quiet').stderr
    ).toBe('milestone-lint: wrote milestone-lint-baseline.json: 20 problems in 1 file\n')
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
  })

  it('says nothing of baselined problems fixed on a dry run, which fixes nothing', () => {
    const {project} = baselined()
    const dryRun = lint(project, '--fix-dry-run')
    expect(dryRun.stdout).toMatch(/^\+\+\+ b\/docs\/milestone-2-public-launch\.md$/m)
    expect(dryRun.stderr).not.toMatch(/baselined problems? fixed/)
    // What the fix does fix is said once it is written.
    expect(lint(project, '--fix').stderr).toMatch(
      /^milestone-lint: \d+ baselined problems fixed; run --update-baseline/m
    )
  })

  it('says before linting, in one line (exit 2), that --update-baseline has no folder to write in', () => {
    expect(milestoneLint(makeProject(), 'docs', '--baseline', 'gone/b.json', '--update-baseline')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: `--baseline gone/b.json --update-baseline`: no folder `gone` to write it in\n'
    })
    // A folder no one can write in, even root: said once the run is done, naming the baseline.
    expect(milestoneLint(makeProject(), 'docs', '--baseline', '/proc/b.json', '--update-baseline')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "milestone-lint: cannot write baseline `/proc/b.json`: ENOENT: no such file or directory, open '/proc/b.json'\n"
    })
  })

  it('writes an empty baseline file afresh with --update-baseline, and stops on it without', () => {
    const project = makeProject({[baselineFile]: ''})
    expect(lint(project).stderr).toBe(
      `milestone-lint: cannot read baseline \`${baselineFile}\`: Unexpected end of JSON input\n`
    )
    expect(lint(project, '--update-baseline', '--quiet').stderr).toBe(
      `milestone-lint: wrote ${baselineFile}: 20 problems in 1 file\n`
    )
  })

  it.each([
    [
      'missing',
      undefined,
      'cannot read baseline `milestone-lint-baseline.json`: no such file; write it with --update-baseline'
    ],
    [
      'not JSON',
      '{"tool": "milestone-lint",',
      'cannot read baseline `milestone-lint-baseline.json`: ' + jsonError('{"tool": "milestone-lint",')
    ],
    ['of another tool', '{"version": 1, "files": {}}', ''],
    ['of another version', '{"tool": "milestone-lint", "version": 2, "files": {}}', ''],
    [
      'with a bad entry',
      '{"tool": "milestone-lint", "version": 1, "files": {"a.md": {"hash": "x", "problems": [{"rule": "r", "section": "", "message": "m", "count": 0}]}}}',
      ''
    ],
    ['with a bad file', '{"tool": "milestone-lint", "version": 1, "files": {"a.md": []}}', ''],
    ['a list', '[]', ''],
    ['null', 'null', ''],
    [
      'that is a folder',
      'folder',
      'cannot read baseline `milestone-lint-baseline.json`: EISDIR: illegal operation on a directory, read'
    ]
  ])('stops in one line (exit 2) on a baseline file %s', (_, text, problem) => {
    const project = makeProject(text === undefined || text === 'folder' ? {} : {[baselineFile]: text})
    if (text === 'folder') mkdirSync(path.join(project, baselineFile))
    const expected =
      problem ||
      '`milestone-lint-baseline.json` is not a milestone-lint baseline (expected {"tool": "milestone-lint", "version": 1, "files": {…}}, as --update-baseline writes)'
    expect(lint(project)).toEqual({status: 2, stdout: '', stderr: `milestone-lint: ${expected}\n`})
    // Said before linting: no doc is linted, so no cache is written.
    expect(lint(project, '--cache').status).toBe(2)
    expect(existsSync(path.join(project, 'node_modules/.cache/milestone-lint'))).toBe(false)
  })

  it('keeps the entries of a file not linted (ignored, over a limit) as they are, and never baselines why', () => {
    const {project, written} = baselined()
    const only = (...args: string[]) =>
      milestoneLint(project, defective, '--baseline', baselineFile, '--quiet', ...args)
    writeFileSync(path.join(project, '.remarkignore'), defective + '\n')
    const ignored = `${defective}\n error Cannot process specified file: it’s ignored\n\n✖ 1 error\n`
    const notLinted = 'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 error\n'
    // None of its problems is fixed; the error stays, baselined or not.
    expect(only()).toEqual({status: 1, stdout: '', stderr: ignored + notLinted})
    expect(only('--update-baseline').stderr).toBe(
      ignored + notLinted.replace('\n', '\nmilestone-lint: wrote milestone-lint-baseline.json: 20 problems in 1 file\n')
    )
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
    writeFileSync(path.join(project, '.remarkignore'), '')
    edit(project, defective, (text) => text + '\n' + 'x'.repeat(100_001) + '\n')
    for (const args of [[], ['--update-baseline']]) {
      const run = only(...args)
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('over the limit of 100000, so this file is not linted')
      expect(run.stderr).not.toContain('fixed')
    }
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
  })

  it('keeps the entries of a file renamed beside its old path when linting other files only', () => {
    const {project, written} = baselined()
    renameSync(path.join(project, defective), path.join(project, 'docs/m2.md'))
    const other = (...args: string[]) =>
      milestoneLint(project, 'docs/milestone-1-private-beta.md', '--baseline', baselineFile, '--quiet', ...args)
    expect(other()).toEqual({status: 0, stdout: '', stderr: ''})
    expect(other('--update-baseline').stderr).toBe(
      'milestone-lint: wrote milestone-lint-baseline.json: 20 problems in 1 file\n'
    )
    expect(readFileSync(path.join(project, baselineFile), 'utf8')).toBe(written)
    // Linted, it is known by its hash.
    expect(lint(project, '--quiet').stderr).not.toContain('fixed')
  })

  it('names the files the same when the baseline is reached through a symbolic link to its folder', () => {
    const {project} = baselined()
    // The working directory as the shell has it (`cd` through the link); node's is the real path.
    const link = path.join(project, 'link')
    symlinkSync(project, link, 'dir')
    const through = path.join(link, baselineFile)
    expect(milestoneLint(link, 'docs', '--baseline', through, '--quiet')).toEqual({status: 0, stdout: '', stderr: ''})
    // A doc named through the link (an editor's workspace opened there).
    const doc = path.join(link, 'docs/milestone-2-public-launch.md')
    expect(milestoneLint(project, doc, '--baseline', baselineFile, '--quiet')).toEqual({
      status: 0,
      stdout: '',
      stderr: ''
    })
  })

  it('hashes a doc without its byte order mark, which an editor hands the language server without', () => {
    expect(contentHash(new VFile({value: '\uFEFF# A\r\n'}))).toBe(contentHash(new VFile({value: '# A\r\n'})))
    expect(contentHash(new VFile({value: Buffer.from('\uFEFF# A\n')}))).toBe(contentHash(new VFile({value: '# A\n'})))
  })

  it('reads a baseline saved with a byte order mark (by an editor on Windows)', () => {
    const {project, written} = baselined()
    writeFileSync(path.join(project, baselineFile), '\uFEFF' + written)
    expect(lint(project, '--quiet')).toEqual({status: 0, stdout: '', stderr: ''})
  })

  it('refuses a foreign baseline as the README shows', () => {
    const project = makeProject({'package.json': '{"name": "docs", "private": true}\n'})
    const example = readmeExample(project, readmeBlock('$ npx milestone-lint docs --baseline package.json'))
    expect(example.output).toBe(example.expected)
    expect(example.status).toBe(2)
  })
})

describe('stable fingerprints (SARIF, GitLab)', () => {
  let project: string
  beforeEach(() => {
    project = makeProject()
  })

  /** Each result's fingerprint and line, in order. */
  function sarifResults(...args: string[]) {
    const {stdout} = milestoneLint(project, defective, '--report', 'sarif', ...args)
    return (parseSarif(stdout).runs[0].results as any[]).map((result) => ({
      fingerprint: result.partialFingerprints['milestoneLint/v1'] as string,
      line: result.locations[0].physicalLocation.region?.startLine as number | undefined,
      state: result.baselineState as string | undefined
    }))
  }

  it('gives each result a fingerprint that stays when lines move, and GitLab issues the same', () => {
    const before = sarifResults()
    const gitlab = parseGitlab(milestoneLint(project, defective, '--report', 'gitlab').stdout)
    expect(gitlab.map((issue) => issue.fingerprint)).toEqual(before.map((result) => result.fingerprint))
    expect(gitlab.map((issue) => issue.location.lines.begin)).toEqual(before.map((result) => result.line))
    expect(new Set(before.map((result) => result.fingerprint)).size).toBe(20)
    expect(before.every((result) => result.state === undefined)).toBe(true)

    edit(project, defective, (text) => text.replace('\n', '\n\n\n\n'))
    const after = sarifResults()
    expect(after.map((result) => result.fingerprint)).toEqual(before.map((result) => result.fingerprint))
    expect(after.map((result) => result.line)).toEqual(before.map((result) => result.line! + 3))
  })

  it('says each result’s baselineState with --baseline: new, unchanged, and absent for fixed ones', () => {
    expect(milestoneLint(project, defective, '--baseline', baselineFile, '--update-baseline').status).toBe(0)
    const before = sarifResults()
    edit(project, defective, (text) =>
      text
        .replace('**Impact**: Severe', '**Impact**: High')
        .replace(/^(.*\[Owner Name\].*)$/m, '$1\n\nAlso [Owner Name].')
    )
    const results = sarifResults('--baseline', baselineFile)
    expect(results.map((result) => result.state).sort()).toEqual([
      'absent',
      'new',
      ...Array.from({length: 19}, () => 'unchanged')
    ])
    const absent = results.find((result) => result.state === 'absent')!
    expect(absent.line).toBeUndefined()
    const severe = before.find((result) => result.line === 109)!
    expect(absent.fingerprint).toBe(severe.fingerprint)
    // The unchanged keep their fingerprints; the new copy has its own.
    const unchanged = results.filter((result) => result.state === 'unchanged').map((result) => result.fingerprint)
    expect(before.map((result) => result.fingerprint).filter((print) => print !== severe.fingerprint)).toEqual(
      unchanged
    )
    expect(unchanged).not.toContain(results.find((result) => result.state === 'new')!.fingerprint)
  })
})

describe('content hashes (a renamed file is known by its hash)', () => {
  it('gives no hash to a file with no text: never read (a FIFO, ignored), or unreadable', () => {
    expect(contentHash(new VFile({path: 'a.md', value: ''}))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
    expect(contentHash(new VFile({path: 'fifo.md'}))).toBeUndefined()
    // The engine leaves an unreadable file's text empty, with the error as a fatal message.
    const unreadable = new VFile({path: 'secret.md', value: ''})
    unreadable.message('Cannot process file', {cause: new Error('EACCES: permission denied')}).fatal = true
    expect(plainFile(unreadable).data.milestoneLintHash).toBeUndefined()
  })
})

describe('stable keys', () => {
  it('takes line numbers and `path:line` references out of a reason', () => {
    expect(withoutLines('Duplicate `## Goal` (first at line 12), see `./milestones.md:35` and lines 3-4')).toBe(
      'Duplicate `## Goal` (first at line), see `./milestones.md` and lines'
    )
    // A place as older remark-lint plugins give it, in parentheses.
    expect(withoutLines('Do not use headings with similar content (3:1)')).toBe(
      'Do not use headings with similar content'
    )
    expect(withoutLines('Duplicate (3:1-3:9), at (12:30)')).toBe('Duplicate, at')
    expect(withoutLines('Unexpected number `3` in `### Phase 3: Public Links`')).toBe(
      'Unexpected number `3` in `### Phase 3: Public Links`'
    )
  })

  it('takes out the counts a limit measures, which any edit changes, and keeps what tells the limits apart', () => {
    const excesses: Array<Omit<Excess, 'found'>> = [
      {limit: 'size'},
      {limit: 'size', bytes: true},
      {limit: 'lineLength', line: 3},
      {limit: 'nesting', line: 3},
      {limit: 'nesting', line: 3, brackets: true},
      {limit: 'nesting', line: 3, tree: true},
      {limit: 'lists', line: 3},
      {limit: 'blocks', line: 3},
      {limit: 'markers', line: 3},
      {limit: 'paragraphMarkers', line: 3}
    ]
    // As the doc over a limit has it, and as a link to that doc does (`on line 3`, `by line 3`).
    const reasons = (found: number) =>
      excesses.flatMap((excess) =>
        [false, true].map((elsewhere) => `Unexpected ${excessText({...excess, found}, defaultLimits, elsewhere)}`)
      )
    const keys = (found: number) => {
      const file = new VFile({path: 'a.md', value: ''})
      for (const reason of reasons(found)) file.message(reason, {ruleId: 'limits'})
      return keyed(file, file.messages).map(({key}) => key.message)
    }
    expect(keys(1_000_005)).toEqual(keys(2_000_000))
    // No two messages merge.
    expect(new Set(keys(1_000_005)).size).toBe(new Set(reasons(1_000_005)).size)
    expect(keys(125_006)).toContain('Unexpected line of characters, over the limit of 100000')
    // No other number goes: a file's name, a limit.
    const link = new VFile({path: 'a.md', value: ''})
    link.message(
      'Cannot check the link to `#intro` in `./m-2024.md`: that file is over a parse limit (' +
        excessText({limit: 'lineLength', found: 125_000, line: 3}, defaultLimits, true) +
        '), so it is not read',
      {ruleId: 'safe-links'}
    )
    expect(keyed(link, link.messages)[0]!.key.message).toBe(
      'Cannot check the link to `#intro` in `./m-2024.md`: that file is over a parse limit (line of characters, over the limit of 100000, on line), so it is not read'
    )
  })

  it('reads the section headings, but the title, from the text of a file linted without milestone-lint (remark-cli)', () => {
    const file = new VFile({path: 'a.md', value: '# A\n\n## B\n\ntext\n\n### C\n\n## D\n'})
    file.message('one', {place: {line: 5, column: 1}, ruleId: 'r'})
    file.message('two', {place: {line: 8, column: 1}, ruleId: 'r'})
    file.message('two', {place: {line: 8, column: 2}, ruleId: 'r'})
    file.message('whole file', {ruleId: 'r'})
    expect(keyed(file, file.messages).map(({key, index}) => [key.section, key.message, index])).toEqual([
      ['', 'whole file', 0],
      ['## B', 'one', 0],
      ['## B > ### C', 'two', 0],
      ['## B > ### C', 'two', 1]
    ])
    // Not the title (the first heading, a `#` one), but another `#` heading: a section, for what is under it.
    const sections = new VFile({path: 'b.md', value: '# A\n\n## B\n\ntext\n\n# Appendix\n\ntext\n'})
    sections.message('one', {place: {line: 5, column: 1}, ruleId: 'r'})
    sections.message('one', {place: {line: 9, column: 1}, ruleId: 'r'})
    expect(keyed(sections, sections.messages).map(({key, index}) => [key.section, index])).toEqual([
      ['## B', 0],
      ['# Appendix', 0]
    ])
    // The reporters key them the same.
    const log = JSON.parse(sarifLog([file]))
    const issues = codeQualityIssues([file])
    expect(log.runs[0].results.map((result: any) => result.partialFingerprints['milestoneLint/v1'])).toEqual(
      issues.map((issue) => issue.fingerprint)
    )
    expect(issues[0]).toMatchObject({check_name: 'r', severity: 'minor', location: {path: 'a.md', lines: {begin: 1}}})
  })
})
