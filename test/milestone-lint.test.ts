import {mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {format, lint, messages, sorted} from './helpers.js'
import {readmeRun} from './readme.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
import {parseSarif} from './sarif-schema.js'
import {rules} from '../src/rules/index.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'
const correct = 'docs/milestone-1-private-beta.md'

const summary = 'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
// The preset's options: the shared ones, then every rule of the registry.
const badOption = `milestone-lint: remark-lint-milestone: unknown option \`exlude\`, expected one of: ${[
  ...['include', 'exclude', 'detect', 'template', 'limits', 'kinds'],
  ...Object.keys(rules)
]
  .map((name) => `\`${name}\``)
  .join(', ')}\n`
const notLinted = 'milestone-lint: 5 files, 0 milestone docs linted, 5 not linted; 1 problem\n'
/** A draft as first written: a milestone name and title, none of the template's sections yet. */
const draft = '# Milestone 4: Search\n\nTo do: copy the template in.\n'

/** Names, contents and modification times of a folder's files. */
function snapshot(folder: string): Array<[string, string, number]> {
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const file = path.join(folder, name)
      return [name, readFileSync(file, 'utf8'), statSync(file).mtimeMs]
    })
}

describe('milestone-lint', () => {
  let project: string
  beforeAll(() => {
    project = makeProject()
  })

  it('lints every Markdown file below a folder with no config, and fails on the defective doc', () => {
    const {status, stdout, stderr} = milestoneLint(project, 'docs')
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/docs\/milestone-1-private-beta\.md: no issues found/)
    expect(stderr).toMatch(/docs\/milestones\.md: no issues found/)
    expect(stderr).toMatch(
      /109:13-109:19\s+warning\s+Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`\s+milestone-risk-fields\s+remark-lint/
    )
    expect(stderr).toMatch(/⚠ 20 warnings\n/)
    // Piped, not a terminal: no colour codes.
    // eslint-disable-next-line no-control-regex -- the escape code is what it looks for
    expect(stderr).not.toMatch(/\u001b\[/)
  })

  it('ends the run with a one-line summary on stderr: files, milestone docs linted, skipped, messages', () => {
    const {stderr} = milestoneLint(project, 'docs')
    expect(stderr.endsWith('⚠ 20 warnings\n' + summary)).toBe(true)
    // On stderr even when the report goes to stdout, as the README shows.
    const example = readmeRun(project, '$ npx milestone-lint docs --report sarif > results.sarif')
    expect(example.actual).toBe(example.expected)
    expect(example.actual).toBe(summary)
    expect(JSON.parse(example.stdout).runs[0].results).toHaveLength(20)
  })

  it('passes (exit 0) on correct docs, and prints no document to stdout for one file', () => {
    const {status, stdout, stderr} = milestoneLint(project, correct)
    expect(status).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toBe(`${correct}: no issues found\nmilestone-lint: 1 file, 1 milestone doc linted; no messages\n`)
  })

  it('exits 0 on warnings with --no-frail, and the last of --frail and --no-frail wins', () => {
    expect(milestoneLint(project, '--no-frail', defective).status).toBe(0)
    expect(milestoneLint(project, '--no-frail', '-f', defective).status).toBe(1)
  })

  it('takes globs and --quiet, which prints the summary only when something is reported', () => {
    const {status, stderr} = milestoneLint(project, '--quiet', 'docs/milestone-*.md')
    expect(status).toBe(1)
    expect(stderr).not.toMatch(/private-beta/)
    expect(stderr).toMatch(/^docs\/milestone-2-public-launch\.md\n/)
    expect(stderr).toMatch(/\nmilestone-lint: 2 files, 2 milestone docs linted; 20 warnings\n$/)
    expect(milestoneLint(project, '--quiet', correct)).toMatchObject({status: 0, stderr: ''})
  })

  it('prints only what fails the run with --silent (warnings, as the run is frail), and no summary', () => {
    const {status, stderr} = milestoneLint(project, '--silent', defective)
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => / warning /.test(line))).toHaveLength(20)
    expect(stderr.endsWith('⚠ 20 warnings\n')).toBe(true)
    expect(milestoneLint(project, '--silent', '--no-frail', defective)).toMatchObject({status: 0, stderr: ''})
  })

  it('lists the files skipped as not milestone docs with --verbose, with why and how to lint them anyway', () => {
    const {status, stderr} = milestoneLint(project, '--verbose', '--quiet', 'docs')
    expect(status).toBe(1)
    const reason = 'not recognised as a milestone doc; add it to the `include` option to lint it anyway'
    expect(
      stderr.endsWith(
        '⚠ 20 warnings\n' +
          `milestone-lint: skipped docs/README.md: ${reason}\n` +
          `milestone-lint: skipped docs/lumen-architecture.md: ${reason}\n` +
          `milestone-lint: skipped docs/milestones.md: ${reason}\n` +
          summary
      )
    ).toBe(true)
  })

  it('never writes to the files it lints', () => {
    const folder = path.join(project, 'docs')
    const before = snapshot(folder)
    milestoneLint(project, 'docs')
    parseSarif(milestoneLint(project, '--report', 'sarif', 'docs').stdout)
    expect(snapshot(folder)).toEqual(before)
  }, 30_000)

  it('prints --version', () => {
    const pack = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string}
    expect(milestoneLint(project, '--version')).toMatchObject({
      status: 0,
      stdout: `milestone-lint: ${pack.version}, remark: 15.0.1\n`
    })
  })

  it('prints its own --help, as the README shows it: its defaults, reports, exit codes and examples, no -o', () => {
    const help = milestoneLint(project, '--help')
    expect(help.status).toBe(0)
    expect(help.stderr).toBe('')
    const lines = help.stdout.split('\n')
    expect(lines[0]).toBe('Usage: milestone-lint [options] <path | glob ...>')
    expect(lines).toContain(
      '  -f  --[no-]frail                     exit 1 on warnings too, not only on errors (the default)'
    )
    expect(lines).toContain(
      '      --report <name>[=opts][=file]    json, github, sarif, gitlab, junit, summary or a vfile-reporter-<name>; =file writes it there (repeatable)'
    )
    expect(lines).toContain(
      '      --verbose                        list the files skipped as not milestone docs, and why'
    )
    expect(lines).toContain(
      '      --no-error-on-unmatched-pattern  pass when no path or glob is given, or one matches no file'
    )
    expect(lines).toContain('Exit codes: 0 no messages, 1 messages (errors only with --no-frail),')
    expect(lines).toContain(
      '  milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings'
    )
    expect(lines).toContain('  $ milestone-lint --verbose docs/milestone-4-draft.md')
    expect(lines.at(-2)).toBe('milestone-lint writes files only with --fix and new: -o/--output is refused.')
    expect(help.stdout).not.toMatch(/--output \[|Rewrite|--stdout|--watch/)
    expect(milestoneLint(project, '-h').stdout).toBe(help.stdout)
    // --help wins over anything else on the line, even a refused flag.
    expect(milestoneLint(project, '--output=x', '--nope', '--help').stdout).toBe(help.stdout)
    const example = readmeRun(project, '$ npx milestone-lint --help')
    expect(example.actual).toBe(example.expected)
  })

  it('refuses -o/--output, in every spelling, with exit 2 and one line, and writes nothing', () => {
    const folder = path.join(project, 'docs')
    const before = snapshot(folder)
    const refused =
      'milestone-lint: -o/--output is refused: remark-stringify would reformat every doc and escape its ' +
      'placeholders; milestone-lint writes only what --fix changes (see it first with --fix-dry-run)\n'
    for (const args of [
      ['docs', '-o'],
      ['-o', 'docs/out.md', correct],
      ['--output', 'docs'],
      ['--output=docs/out.md', correct],
      ['-qo', 'docs']
    ]) {
      expect(milestoneLint(project, ...args), args.join(' ')).toEqual({status: 2, stdout: '', stderr: refused})
    }
    expect(snapshot(folder)).toEqual(before)
    const example = readmeRun(project, '$ npx milestone-lint docs -o')
    expect(example.actual).toBe(example.expected)
  }, 30_000)

  it('refuses unknown flags and flags without their value, in one line, with exit 2', () => {
    expect(milestoneLint(project, '--stdout', 'docs')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: unknown option `--stdout` (see `milestone-lint --help`)\n'
    })
    expect(milestoneLint(project, 'docs', '--report')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: `--report` needs a value: `--report <name>[=opts][=file]`\n'
    })
    expect(milestoneLint(project, '--report', 'nope', 'docs')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^milestone-lint: cannot load reporter `nope` \(.*\)\n$/)
    })
  })

  it('gives the same messages as the preset used programmatically, cross-file links included', async () => {
    const {stdout} = milestoneLint(project, '--report', 'json', defective)
    const [file] = JSON.parse(stdout) as Array<{messages: VFileMessage[]}>
    const fromCli = sorted(file!.messages).map(format)
    const programmatic = messages(await lint(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md')))
    expect(fromCli).toEqual(programmatic)
    expect(fromCli.filter((line) => line.includes('milestone-relative-links'))).toHaveLength(3)
  })

  it('passes options to a shipped reporter: --report json=pretty:2', () => {
    const {stdout} = milestoneLint(project, '--report', 'json=pretty:2', correct)
    expect(stdout).toMatch(/^\[\n {2}\{\n {4}"path": /)
  })
})

describe('milestone-lint on paths that match no file', () => {
  let project: string
  beforeAll(() => {
    project = makeProject({'empty/.keep': '', 'notes/a.txt': 'text'})
  })

  it('fails (exit 2) on a glob that matches no file, naming it', () => {
    expect(milestoneLint(project, 'nope/*.md')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: no file matches `nope/*.md`\n'
    })
    const example = readmeRun(project, "$ npx milestone-lint 'doc/*.md'")
    expect(example.actual).toBe(example.expected)
    expect(example.status).toBe(2)
  })

  it('fails on a missing path, an empty folder or one without Markdown files, and on no path at all, linting nothing', () => {
    expect(milestoneLint(project, correct, 'docs/nope.md', 'empty', 'notes')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'milestone-lint: no file matches `docs/nope.md`\n' +
        'milestone-lint: no Markdown file in `empty`\n' +
        'milestone-lint: no Markdown file in `notes`\n'
    })
    expect(milestoneLint(project)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: no path or glob given (see `milestone-lint --help`)\n'
    })
  })

  it('passes them with --no-error-on-unmatched-pattern, still linting what matches', () => {
    const flag = '--no-error-on-unmatched-pattern'
    expect(milestoneLint(project, flag, 'nope/*.md', 'empty')).toEqual({
      status: 0,
      stdout: '',
      stderr: 'milestone-lint: 0 files, 0 milestone docs linted; no messages\n'
    })
    expect(milestoneLint(project, flag)).toMatchObject({status: 0})
    expect(milestoneLint(project, flag, 'nope.md', correct)).toMatchObject({
      status: 0,
      stderr: `${correct}: no issues found\nmilestone-lint: 1 file, 1 milestone doc linted; no messages\n`
    })
  })

  it('lints what a glob or folder matches', () => {
    expect(milestoneLint(project, 'docs/*1-*.md').status).toBe(0)
    expect(milestoneLint(project, 'docs').status).toBe(1)
  })
})

describe('milestone-lint on a draft named on the command line', () => {
  it('skips it as not a milestone doc, visibly: in the summary, and why with --verbose', () => {
    const project = makeProject({'docs/milestone-4-draft.md': draft})
    const plain = milestoneLint(project, 'docs/milestone-4-draft.md')
    expect(plain).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'docs/milestone-4-draft.md: no issues found\n' +
        'milestone-lint: 1 file, 0 milestone docs linted, 1 skipped (not a milestone doc); no messages\n'
    })
    const example = readmeRun(project, '$ npx milestone-lint --verbose docs/milestone-4-draft.md')
    expect(example.actual).toBe(example.expected)
    expect(example.status).toBe(0)
  })

  it('lints it once it is included, and says why an excluded file is skipped', () => {
    const project = makeProject({
      'docs/milestone-4-draft.md': draft,
      '.remarkrc.json': JSON.stringify({
        plugins: [['remark-lint-milestone', {include: ['docs/milestone-4-*'], exclude: [defective]}]]
      })
    })
    const {status, stderr} = milestoneLint(project, '--verbose', '--quiet', 'docs/milestone-4-draft.md', defective)
    expect(status).toBe(1)
    expect(stderr).toMatch(
      /^docs\/milestone-4-draft\.md\n[^\n]+warning\s+Unexpected missing `\*\*Architecture Reference\*\*:` line/
    )
    expect(
      stderr.endsWith(
        '⚠ 17 warnings\n' +
          'milestone-lint: skipped docs/milestone-2-public-launch.md: excluded by the `exclude` option; take it out of `exclude` to lint it\n' +
          'milestone-lint: 2 files, 1 milestone doc linted, 1 skipped (not a milestone doc); 17 warnings\n'
      )
    ).toBe(true)
  })
})

describe('milestone-lint with user config', () => {
  it('applies a .remarkrc on top of the preset: a rule can be turned off', () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {'milestone-relative-links': false}]]})
    })
    const {status, stderr} = milestoneLint(project, defective)
    expect(status).toBe(1)
    expect(stderr).not.toMatch(/milestone-relative-links/)
    expect(stderr).toMatch(/⚠ 17 warnings/)
    const off = makeProject({'.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', false]]})})
    expect(milestoneLint(off, defective)).toMatchObject({
      status: 0,
      stderr: `${defective}: no issues found\nmilestone-lint: 1 file, 0 milestone docs linted, 1 not linted; no messages\n`
    })
  })

  it('applies package.json#remarkConfig, with shared options such as exclude', () => {
    const project = makeProject({
      'package.json': JSON.stringify({
        remarkConfig: {plugins: [['remark-lint-milestone', {exclude: ['docs/milestone-2-*']}]]}
      })
    })
    const {status, stderr} = milestoneLint(project, 'docs')
    expect(stderr).toMatch(/docs\/milestone-2-public-launch\.md: no issues found/)
    expect(stderr).toMatch(
      /milestone-lint: 5 files, 1 milestone doc linted, 4 skipped \(not milestone docs\); no messages\n$/
    )
    expect(status).toBe(0)
  })

  it('honours .remarkignore, and stays quiet about ignored files with --silently-ignore', () => {
    const project = makeProject({'.remarkignore': 'docs/milestone-2-*\n'})
    expect(milestoneLint(project, 'docs').status).toBe(0)

    const given = milestoneLint(project, defective)
    expect(given.status).toBe(1)
    expect(given.stderr).toMatch(/Cannot process specified file: it’s ignored/)

    const silent = milestoneLint(project, '--silently-ignore', defective)
    expect(silent).toEqual({
      status: 0,
      stdout: '',
      stderr: 'milestone-lint: 0 files, 0 milestone docs linted; no messages\n'
    })
  })

  it('finds a template relative to the config file that names it', () => {
    const project = makeProject({
      'docs/.remarkrc.json': JSON.stringify({
        plugins: [['remark-lint-milestone', {template: './milestone-design.md'}]]
      }),
      'docs/milestone-design.md': readFileSync(
        path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'),
        'utf8'
      )
    })
    const {status, stderr} = milestoneLint(project, correct)
    expect(status).toBe(1)
    expect(stderr).toMatch(
      /334:1\s+warning\s+Unexpected missing section `## Testing Strategy`, expected it between `## Success Metrics` and `## Key Outcomes`\s+milestone-required-headings/
    )
    expect(stderr).toMatch(/⚠ 1 warning/)
  })

  it('says once, in one line, with exit 2, that a template cannot be read, however many files', () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: 'docs/nope.md'}]]})
    })
    const {status, stdout, stderr} = milestoneLint(project, 'docs')
    expect({status, stdout}).toEqual({status: 2, stdout: ''})
    expect(stderr).toBe(
      'milestone-lint: Cannot derive a schema from template `docs/nope.md`: no such file in the project, looked for `docs/nope.md`\n' +
        notLinted
    )
  })

  it('says once, in one line, with exit 2, that a template found relative to the config has no sections', () => {
    const project = makeProject({
      'docs/.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: './bad-template.md'}]]}),
      'docs/bad-template.md': '# Milestone [Number]: [Name]\n\nNo sections.\n'
    })
    const {status, stderr} = milestoneLint(project, correct, defective)
    expect(status).toBe(2)
    expect(stderr).toBe(
      'milestone-lint: Cannot derive a schema from template `./bad-template.md:1`: expected `## Section` headings after the title, found none\n' +
        'milestone-lint: 2 files, 0 milestone docs linted, 2 not linted; 1 problem\n'
    )
  })

  it('says a bad option once, in one line, with exit 2, not a stack trace per file', () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {exlude: 'x'}]]})
    })
    expect(milestoneLint(project, 'docs')).toEqual({status: 2, stdout: '', stderr: badOption + notLinted})
    // The README's example: a rule's option, whose message does not grow with the registry.
    const ruleOption = makeProject({
      '.remarkrc.json': JSON.stringify({
        plugins: [['remark-lint-milestone', {'milestone-risk-fields': {level: ['High']}}]]
      })
    })
    const example = readmeRun(ruleOption, '$ npx milestone-lint docs')
    expect(example.actual).toBe(example.expected)
    // The same with a report on stdout: nothing there but an empty report.
    const json = milestoneLint(project, '--report', 'json', 'docs')
    expect(json).toEqual({status: 2, stdout: '[]\n', stderr: badOption + notLinted})
  })

  it('says a config file or plugin that cannot be loaded, or a plugin that throws, once, in one line, with exit 2', () => {
    const broken = makeProject({'.remarkrc.json': '{"plugins": ['})
    const parse = milestoneLint(broken, 'docs')
    expect(parse.status).toBe(2)
    expect(parse.stderr).toMatch(/^milestone-lint: Cannot parse file `\.remarkrc\.json`: [^\n]+\n/)
    expect(parse.stderr.split('\n').slice(1).join('\n')).toBe(notLinted)

    const missing = makeProject({'.remarkrc.json': JSON.stringify({plugins: ['remark-lint-nope']})})
    expect(milestoneLint(missing, 'docs').stderr).toMatch(
      /^milestone-lint: Cannot find module `remark-lint-nope`[^\n]*\n[^\n]+\n$/
    )

    const throwing = makeProject({
      '.remarkrc.mjs': 'export default {plugins: [() => () => { throw new TypeError("boom") }]}\n'
    })
    expect(milestoneLint(throwing, 'docs')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: boom\n' + notLinted
    })

    expect(milestoneLint(makeProject(), '--rc-path', 'nope.json', 'docs')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^milestone-lint: Cannot read given file `nope\.json`: ENOENT[^\n]*\n[^\n]+\n$/)
    })
  })

  it('reports a file that cannot be read on that file, in one line, with exit 1', () => {
    const project = makeProject()
    mkdirSync(path.join(project, 'more'))
    writeFileSync(path.join(project, 'more/README.md'), '# Notes\n')
    symlinkSync('nowhere.md', path.join(project, 'more/broken.md'))
    expect(milestoneLint(project, 'more')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'more/broken.md\n' +
        ` error No such file or folder: ENOENT: no such file or directory, stat 'more/broken.md'\n\n` +
        'more/README.md: no issues found\n\n' +
        '✖ 1 error\n' +
        'milestone-lint: 2 files, 0 milestone docs linted, 1 skipped (not a milestone doc), 1 not linted; 1 error\n'
    })
  })
})
