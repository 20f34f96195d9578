/**
 * Reports and outputs at their edges, each found by trying the command line
 * as a user would: an output named over a file the run reads, `--silent`
 * on a frail run, fingerprints with a baseline, places before line 1, and
 * what SARIF asks of message text and columns.
 */
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {execFileSync, spawnSync} from 'node:child_process'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {githubAnnotations} from '../src/reporters/github.js'
import {gitlabReport} from '../src/reporters/gitlab.js'
import {jsonReport} from '../src/reporters/json.js'
import {junitXml} from '../src/reporters/junit.js'
import {sarifLog} from '../src/reporters/sarif.js'
import {parseGitlab} from './gitlab-schema.js'
import {lint} from './helpers.js'
import {junitProblems, parseJunit} from './junit-schema.js'
import {cliPath, makeProject, milestoneLint, removeProjects} from './project.js'
import {readmeRun} from './readme.js'
import {parseSarif} from './sarif-schema.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'

describe('an output named over a file the run reads, or over another output', () => {
  const refused = (flags: string, over: string) =>
    `milestone-lint: \`${flags}\` would write over ${over}; name another file\n`
  it.each([
    [['--report', `sarif=${defective}`], refused(`--report sarif=${defective}`, `the linted file \`${defective}\``)],
    [['--report', 'sarif=link.md'], refused('--report sarif=link.md', `the linted file \`${defective}\``)],
    [
      ['--report', 'summary=docs/milestones.md'],
      refused('--report summary=docs/milestones.md', 'the Markdown file `docs/milestones.md`')
    ],
    [['--baseline', 'b.json', '--report', 'json=b.json'], refused('--report json=b.json', 'the baseline `b.json`')],
    [
      ['--baseline', 'b.json', '--update-baseline', '--report', 'json=./b.json'],
      refused('--report json=./b.json', '`b.json`, which `--baseline b.json --update-baseline` writes')
    ],
    [
      ['--cache', '--cache-location', 'docs/milestones.md'],
      refused('--cache-location docs/milestones.md', 'the Markdown file `docs/milestones.md`')
    ],
    [
      ['--cache', '--cache-location', 'package.json'],
      refused('--cache-location package.json', 'the config `package.json`')
    ],
    [
      ['--cache', '--cache-location', 'r.json', '--report', 'json=r.json'],
      refused('--report json=r.json', '`r.json`, which `--cache-location r.json` writes')
    ]
  ])('%j: refused in one line, exit 2, nothing written', (flags, stderr) => {
    const project = makeProject()
    symlinkSync(defective, path.join(project, 'link.md'))
    writeFileSync(path.join(project, 'package.json'), '{"name": "docs"}\n')
    writeFileSync(path.join(project, 'b.json'), 'the baseline\n')
    const before = ['package.json', 'b.json', defective, 'docs/milestones.md'].map((file) => read(project, file))
    expect(milestoneLint(project, defective, ...flags)).toEqual({status: 2, stdout: '', stderr})
    expect(['package.json', 'b.json', defective, 'docs/milestones.md'].map((file) => read(project, file))).toEqual(
      before
    )
  })

  it('writes a report to a new Markdown file, and any file that is none of those', () => {
    const project = makeProject()
    expect(
      milestoneLint(project, defective, '--report', 'summary=summary.md', '--report', 'json=out.json').status
    ).toBe(1)
    expect(read(project, 'summary.md')).toMatch(/^rule +errors +warnings +infos\n/)
    expect(milestoneLint(project, defective, '--report', 'json=out.json').status).toBe(1)
  })
})

describe('the files a run writes (reports, the baseline, the cache)', () => {
  it('are each written whole, in place of the old one: a reader of the old one keeps it, a link and the mode stay', () => {
    const project = makeProject()
    writeFileSync(path.join(project, 'real-cache.json'), '')
    symlinkSync('real-cache.json', path.join(project, 'cache.json'))
    const files = ['out.sarif', 'bl.json', 'cache.json']
    const flags = ['--report', 'sarif=out.sarif', '--baseline', 'bl.json', '--update-baseline', '--cache']
    const run = () => milestoneLint(project, defective, ...flags, '--cache-location', 'cache.json').status
    expect(run()).toBe(0)
    for (const file of files) chmodSync(path.join(project, file), 0o640)
    // A reader that opened them (a CI step uploading a report) reads them whole as they were.
    const held = files.map((file) => ({file, old: read(project, file), fd: openSync(path.join(project, file), 'r')}))
    writeFileSync(path.join(project, defective), read(project, defective).replace('✔', '✅'))
    expect(run()).toBe(0)
    for (const {file, old, fd} of held) {
      expect({file, held: readFileSync(fd, 'utf8')}).toEqual({file, held: old})
      closeSync(fd)
      expect({
        file,
        changed: read(project, file) !== old,
        mode: statSync(path.join(project, file)).mode & 0o777
      }).toEqual({file, changed: true, mode: 0o640})
    }
    expect(lstatSync(path.join(project, 'cache.json')).isSymbolicLink()).toBe(true)
    expect(readdirSync(project).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('is written in place where it cannot be replaced: in a folder not writable; and a read-only one is not written', (context) => {
    // As a user the permissions apply to (root's writes pass them): nobody, if this runs as root.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []
    // A clone in a folder only root may enter (`mktemp -d`) has a command line nobody can run.
    const canRun = spawnSync(asUser[0] ?? process.execPath, [
      ...asUser.slice(1),
      process.execPath,
      cliPath,
      '--version'
    ])
    if (canRun.status !== 0)
      context.skip('nobody (uid 65534) cannot run this clone’s dist/: clone it where others may read')
    const project = makeProject()
    mkdirSync(path.join(project, 'out'))
    writeFileSync(path.join(project, 'out/x.sarif'), 'old\n', {mode: 0o666})
    writeFileSync(path.join(project, 'ro.sarif'), 'old\n', {mode: 0o444})
    chmodSync(path.join(project, 'out'), 0o555)
    if (asUser.length > 0) execFileSync('chown', ['-R', '65534:65534', project])
    const run = (...args: string[]) => {
      const [command, ...rest] = [...asUser, process.execPath, cliPath, defective, ...args]
      const result = spawnSync(command!, rest, {cwd: project, encoding: 'utf8'})
      return {status: result.status, stderr: result.stderr.split('\n').filter((line) => /cannot/.test(line))}
    }
    expect(run('--report', 'sarif=out/x.sarif')).toEqual({status: 1, stderr: []})
    expect(read(project, 'out/x.sarif')).toMatch(/^\{\n {2}"\$schema"/)
    expect(run('--report', 'sarif=ro.sarif')).toEqual({
      status: 2,
      stderr: ["milestone-lint: cannot write `ro.sarif` (EACCES: permission denied, open 'ro.sarif')"]
    })
    expect(read(project, 'ro.sarif')).toBe('old\n')
  })

  it('is written to as it is when named by a descriptor (`/dev/stdout`): a pipe, or the file stdout goes to', () => {
    const project = makeProject()
    const run = (to: string) =>
      spawnSync(
        'sh',
        ['-c', `"${process.execPath}" "${cliPath}" ${defective} --report json=/dev/stdout 2>/dev/null ${to}`],
        {
          cwd: project,
          encoding: 'utf8'
        }
      ).stdout
    const json = /^\[\{"path":"docs\/milestone-2-public-launch\.md".*\]\n$/
    expect(run('| cat')).toMatch(json)
    expect(run('> out.txt')).toBe('')
    expect(read(project, 'out.txt')).toMatch(json)
  })
})

describe('--silent', () => {
  it('reports what fails the run: on a frail run (the default), its warnings too, in every report', async () => {
    const project = makeProject()
    const {status, stdout, stderr} = milestoneLint(
      project,
      defective,
      '--silent',
      '--report',
      'json',
      '--report',
      'junit=junit.xml'
    )
    expect(status).toBe(1)
    expect(JSON.parse(stdout)[0].messages).toHaveLength(20)
    expect(stderr).toBe('')
    const junit = await parseJunit(read(project, 'junit.xml'))
    expect(junit.testsuites['@failures']).toBe('1')
    expect(junit.testsuites.testsuite.testcase.failure).toHaveLength(20)

    const terminal = milestoneLint(project, defective, '--silent')
    expect(terminal.status).toBe(1)
    expect(terminal.stderr.split('\n').filter((line) => / warning /.test(line))).toHaveLength(20)
  })

  it('reports nothing, and fails nothing, where warnings do not fail the run (--no-frail)', () => {
    const project = makeProject()
    expect(milestoneLint(project, defective, '--silent', '--no-frail')).toEqual({status: 0, stdout: '', stderr: ''})
    const json = milestoneLint(project, defective, '--silent', '--no-frail', '--report', 'json')
    expect(JSON.parse(json.stdout)).toEqual([])
  })
})

describe('fingerprints with a baseline', () => {
  it('are the same in the GitLab report as in the SARIF log, where a baselined message is one of a key’s copies', () => {
    const project = makeProject()
    expect(milestoneLint(project, defective, '--baseline', 'b.json', '--update-baseline').status).toBe(0)
    const doc = path.join(project, defective)
    writeFileSync(doc, readFileSync(doc, 'utf8').replace(/^(.*\[Owner Name\].*)$/m, '$1\n\nAlso [Owner Name].'))
    const {stdout} = milestoneLint(project, defective, '--baseline', 'b.json', '--report', 'sarif')
    const fresh = (parseSarif(stdout).runs[0].results as any[]).filter((result) => result.baselineState === 'new')
    expect(fresh).toHaveLength(1)
    const gitlab = parseGitlab(milestoneLint(project, defective, '--baseline', 'b.json', '--report', 'gitlab').stdout)
    expect(gitlab.map((issue) => issue.fingerprint)).toEqual([fresh[0].partialFingerprints['milestoneLint/v1']])
  })
})

describe('a file that cannot be read', () => {
  it('is named relative to the working directory, so its fingerprint is the same in every checkout', () => {
    const gitlabOf = () => {
      const project = makeProject()
      symlinkSync('nowhere.md', path.join(project, 'docs/broken.md'))
      return parseGitlab(milestoneLint(project, 'docs', '--report', 'gitlab').stdout).filter(
        (issue) => issue.location.path === 'docs/broken.md'
      )
    }
    const [first, second] = [gitlabOf(), gitlabOf()]
    expect(first.map((issue) => issue.description)).toEqual([
      "No such file or folder: ENOENT: no such file or directory, stat 'docs/broken.md'"
    ])
    expect(second).toEqual(first)
  })
})

describe('messages at one place', () => {
  it('come in the terminal report’s order in every report: by rule id, then reason, whatever order the rules ran in', async () => {
    const file = new VFile({path: 'docs/a.md', value: '# A\n'})
    for (const [ruleId, reason] of [
      ['zeta', 'Z'],
      ['alpha', 'B'],
      ['alpha', 'A']
    ]) {
      file.message(reason!, {place: {line: 1, column: 1}, ruleId, source: 'remark-lint'})
    }
    const order = ['A', 'B', 'Z']
    const terminal = reporter([file], {color: false}).split('\n')
    expect(terminal.filter((line) => / warning /.test(line)).map((line) => / warning (\w)/.exec(line)![1])).toEqual(
      order
    )
    const json = JSON.parse(jsonReport([file])) as Array<{messages: Array<{reason: string}>}>
    expect(json[0]!.messages.map((message) => message.reason)).toEqual(order)
    const sarif = parseSarif(sarifLog([file])).runs[0].results as any[]
    expect(sarif.map((result) => result.message.text)).toEqual(order)
    expect(parseGitlab(gitlabReport([file])).map((issue) => issue.description)).toEqual(order)
    const failures = (await parseJunit(junitXml([file], {frail: true}))).testsuites.testsuite.testcase.failure
    expect(
      [failures].flat().map((failure: {'@type': string; '#': string}) => `${failure['@type']}: ${failure['#']}`)
    ).toEqual(['alpha: docs/a.md:1:1: A (alpha)', 'alpha: docs/a.md:1:1: B (alpha)', 'zeta: docs/a.md:1:1: Z (zeta)'])
    expect(
      githubAnnotations([file])
        .split('\n')
        .map((line) => line.slice(-1))
    ).toEqual(order)
  })
})

describe('a place before line 1 (a plugin’s `{line: 0, column: 0}`)', () => {
  const file = () => {
    const zero = new VFile({path: 'docs/a.md', value: '# A\n'})
    zero.message('At nothing', {place: {line: 0, column: 0}, ruleId: 'zero'})
    zero.message('At column 0', {place: {line: 1, column: 0}, ruleId: 'zero'})
    return zero
  }

  it('is about the whole file in every report, and a column before 1 is column 1', async () => {
    const results = parseSarif(sarifLog([file()])).runs[0].results as any[]
    expect(results.map((result) => result.locations[0].physicalLocation.region)).toEqual([
      undefined,
      {startLine: 1, startColumn: 1}
    ])
    expect(parseGitlab(gitlabReport([file()])).map((issue) => issue.location.lines.begin)).toEqual([1, 1])
    expect(githubAnnotations([file()]).split('\n')).toEqual([
      '::warning file=docs/a.md,title=zero::At nothing',
      '::warning file=docs/a.md,line=1,col=1,title=zero::At column 0'
    ])
    const failures = (await parseJunit(junitXml([file()], {frail: true}))).testsuites.testsuite.testcase.failure
    expect(failures.map((failure: any) => failure['#'])).toEqual([
      'docs/a.md: At nothing (zero)',
      'docs/a.md:1:1: At column 0 (zero)'
    ])
  })
})

describe('SARIF message text and columns', () => {
  it('says columns are UTF-16 code units, and doubles `{` and `}` in text, which SARIF reads as placeholders', () => {
    const file = new VFile({path: 'docs/a.md', value: '# A 🚀\n'})
    file.message('Unexpected placeholder `[Owner {1} Name]`', {place: {line: 1, column: 6}, ruleId: 'x'})
    const run = parseSarif(sarifLog([file])).runs[0]
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.results[0].message.text).toBe('Unexpected placeholder `[Owner {{1}} Name]`')
  })
})

function read(project: string, file: string): string {
  return readFileSync(path.join(project, file), 'utf8')
}

describe('paths in CI reports', () => {
  it.each(['gitlab', 'sarif', 'github', 'junit'])(
    '--report %s: from the repository’s root, in whatever folder it runs',
    (name) => {
      const project = makeProject()
      mkdirSync(path.join(project, '.git'))
      const fromRoot = milestoneLint(project, defective, '--report', name)
      expect(fromRoot.stdout).toContain('docs/milestone-2-public-launch.md')
      expect(milestoneLint(path.join(project, 'docs'), 'milestone-2-public-launch.md', '--report', name).stdout).toBe(
        fromRoot.stdout
      )
    }
  )
})

describe('the README on outputs', () => {
  it('refuses a report over a doc as written', () => {
    const {actual, expected, status} = readmeRun(
      makeProject(),
      '$ npx milestone-lint docs --report summary=docs/milestones.md'
    )
    expect(status).toBe(2)
    expect(actual).toBe(expected)
  })
})

describe('JUnit attributes', () => {
  it('keep a message’s line breaks and tabs, and a file name’s, as references (raw, a parser reads them as spaces)', async () => {
    const file = new VFile({path: 'docs/new\nline\tand\r.md'})
    file.message('Line one\nline two\r\n\tindented', {place: {line: 1, column: 1}, ruleId: 'x'})
    const xml = junitXml([file], {frail: true})
    expect(await junitProblems(xml)).toEqual([])
    expect(xml).toContain('<testcase name="docs/new&#10;line&#9;and&#13;.md"')
    expect(xml).toContain('<failure message="Line one&#10;line two&#13;&#10;&#9;indented"')
  })
})

describe('control characters a message quotes from a doc', () => {
  it('are shown as Unicode’s pictures of them, so no report moves the cursor or colours the log', async () => {
    const doc = 'fixtures/example/milestone-2-public-launch.md'
    const value = readFileSync(doc, 'utf8').replace('Risk: Support Load', 'Risk: Support\u001B[2J Load\u0007\u007F')
    const file = await lint(new VFile({path: doc, value}))
    const reasons = file.messages.map((message) => message.reason)
    expect(reasons).toContain(
      'Unexpected missing `**Mitigation**:` in `### Risk: Support␛[2J Load␇␡`, expected `**Mitigation**: <text or list>`'
    )
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(reasons.filter((reason) => /[\0-\b\v-\x1F\x7F]/.test(reason))).toEqual([])
  })
})
