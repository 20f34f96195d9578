import {existsSync, mkdirSync, readFileSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../src/index.js'
import {githubAnnotations} from '../src/reporters/github.js'
import {junitXml} from '../src/reporters/junit.js'
import {sarifLog} from '../src/reporters/sarif.js'
import {summaryText} from '../src/reporters/summary.js'
import {junitProblems, parseJunit} from './junit-schema.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
import {readmeBlock, readmeRun} from './readme.js'
import {parseSarif, sarifProblems} from './sarif-schema.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'

/** A file with one fatal error, one warning, one note and one message without place. */
function sampleFile(): VFile {
  const file = new VFile({path: 'docs/a.md', value: '# A\n'})
  const error = file.message('Bad, really: 100%', {place: {line: 1, column: 1}, ruleId: 'x-rule', source: 'x'})
  error.fatal = true
  file.message('Line one\nline two', {
    place: {start: {line: 2, column: 3}, end: {line: 2, column: 7}},
    ruleId: 'milestone-risk-fields',
    source: 'remark-lint'
  })
  file.info('Just so you know')
  return file
}

describe('--report github', () => {
  it('prints one workflow command per message, on stdout, at level error when frail', () => {
    const {status, stdout, stderr} = milestoneLint(makeProject(), '--report', 'github', defective)
    expect(status).toBe(1)
    // Only the summary goes to stderr.
    expect(stderr).toBe('milestone-lint: 1 file, 1 milestone doc linted; 20 warnings\n')
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(20)
    expect(lines).toContain(
      '::error file=docs/milestone-2-public-launch.md,line=109,endLine=109,col=13,endColumn=19,' +
        'title=milestone-risk-fields::Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`'
    )
    expect(lines[0]).toBe(
      '::error file=docs/milestone-2-public-launch.md,line=15,col=1,title=milestone-required-headings::' +
        'Unexpected missing section `## Goal`, expected it between `## Executive Summary` and `## Architecture Overview`'
    )
  })

  it('reports warnings as warnings with --no-frail', () => {
    const {status, stdout} = milestoneLint(makeProject(), '--no-frail', '--report', 'github', defective)
    expect(status).toBe(0)
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .every((line) => line.startsWith('::warning file='))
    ).toBe(true)
  })

  it('maps levels and escapes data and properties as the Actions runner expects', () => {
    expect(githubAnnotations([sampleFile()]).split('\n')).toEqual([
      '::notice file=docs/a.md,title=milestone-lint::Just so you know',
      '::error file=docs/a.md,line=1,col=1,title=x-rule::Bad, really: 100%25',
      '::warning file=docs/a.md,line=2,endLine=2,col=3,endColumn=7,title=milestone-risk-fields::Line one%0Aline two'
    ])
    expect(githubAnnotations([sampleFile()], {silent: true}).split('\n')).toHaveLength(1)
    expect(githubAnnotations([new VFile({path: 'a,b:c.md'})])).toBe('')
  })
})

describe('--report sarif', () => {
  let log: any
  beforeAll(() => {
    const {status, stdout, stderr} = milestoneLint(makeProject(), '--report', 'sarif', 'docs')
    expect(status).toBe(1)
    expect(stderr).toBe(
      'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
    )
    log = parseSarif(stdout)
  })

  it('is a SARIF 2.1.0 log listing every rule with its help URI', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const driver = log.runs[0].tool.driver
    expect(driver.name).toBe('milestone-lint')
    expect(driver.rules.map((rule: any) => rule.id)).toEqual(Object.keys(rules))
    for (const rule of driver.rules) {
      expect(rule.helpUri).toBe(`https://github.com/remark-lint-milestone/remark-lint-milestone#${rule.id}`)
      expect(rule.shortDescription.text).toMatch(/\.$/)
    }
  })

  it('has one result per message, with rule id, rule index, level and exact region', () => {
    const {results, tool} = log.runs[0]
    expect(results).toHaveLength(20)
    const risk = results.find((result: any) => result.message.text.startsWith('Unexpected impact level'))
    expect(risk).toMatchObject({
      ruleId: 'milestone-risk-fields',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'docs/milestone-2-public-launch.md'},
            region: {startLine: 109, startColumn: 13, endLine: 109, endColumn: 19}
          }
        }
      ]
    })
    for (const result of results) {
      expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    }
    const missing = results.find((result: any) => result.message.text.startsWith('Unexpected missing section'))
    expect(missing.locations[0].physicalLocation.region).toEqual({startLine: 15, startColumn: 1})
  })

  it('gives the overview’s place a doc must agree with as a related location, valid against the schema', () => {
    const {stdout} = milestoneLint(repoRoot, '--report', 'sarif', 'fixtures/overview-sync/milestone-2-ranking.md')
    const log = parseSarif(stdout)
    const status = log.runs[0].results.find((result: any) => result.message.text.startsWith('Unexpected `**Status**`'))
    expect(status.relatedLocations).toEqual([
      {
        id: 0,
        message: {text: 'In `./milestones.md`'},
        physicalLocation: {
          artifactLocation: {uri: 'fixtures/overview-sync/milestones.md'},
          region: {startLine: 47, startColumn: 1, endLine: 47, endColumn: 11}
        }
      }
    ])
    expect(log.runs[0].results.filter((result: any) => result.relatedLocations).length).toBeGreaterThan(5)
  })

  it('uses levels warning and note without frail, and lists rules of other plugins that reported', () => {
    const run = parseSarif(sarifLog([sampleFile()])).runs[0]
    // A message without a place (about the whole file) comes first.
    expect(run.results.map((result: any) => [result.ruleId, result.level])).toEqual([
      ['milestone-lint', 'note'],
      ['x-rule', 'error'],
      ['milestone-risk-fields', 'warning']
    ])
    expect(run.tool.driver.rules.map((rule: any) => rule.id).slice(Object.keys(rules).length)).toEqual([
      'milestone-lint',
      'x-rule'
    ])
    expect(run.results[0].locations[0].physicalLocation.region).toBeUndefined()
  })

  it('percent-encodes each segment of a file’s path in its artifact URI (a space, `%`, `#`, `?`, brackets, non-ASCII)', () => {
    const name = 'docs/my notes/Q3 plan 50% #2 [draft]?é.md'
    const uri = 'docs/my%20notes/Q3%20plan%2050%25%20%232%20%5Bdraft%5D%3F%C3%A9.md'
    const project = makeProject({
      [name]: readFileSync(path.join(repoRoot, 'fixtures/example', path.basename(defective)), 'utf8')
    })
    const {status, stdout, stderr} = milestoneLint(project, '--report', 'sarif', 'docs/my notes')
    expect(status).toBe(1)
    expect(stderr).toBe('milestone-lint: 1 file, 1 milestone doc linted; 22 warnings\n')
    const run = parseSarif(stdout).runs[0]
    expect(run.artifacts.map((artifact: any) => artifact.location.uri)).toEqual([uri])
    expect(run.results.length).toBeGreaterThan(0)
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({uri, index: 0})
    }
    // The raw path is no URI reference: the schema check fails on it.
    run.results[0].locations[0].physicalLocation.artifactLocation.uri = name
    expect(sarifProblems({version: '2.1.0', runs: [run]})).toEqual([
      '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference" {"format":"uri-reference"}'
    ])
  })

  it('encodes the README’s example, and never throws on odd text in names and messages', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    const [, name, uri] = /`([^`]+)` becomes `([^`]+)`/.exec(readme) ?? []
    expect(name).toMatch(/ .*#/)
    const example = new VFile({path: name})
    example.message('Unexpected SARIF_BUILDER_INVALID', {place: {line: 1, column: 1}, ruleId: 'x-rule'})
    // A lone surrogate cannot be percent-encoded: it becomes U+FFFD.
    const odd = new VFile({path: 'docs/SARIF_BUILDER_INVALID \uD800.md'})
    odd.info('Odd')
    const run = parseSarif(sarifLog([example, odd])).runs[0]
    expect(run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      uri,
      'docs/SARIF_BUILDER_INVALID%20%EF%BF%BD.md'
    ])
  })
})

describe('--report json', () => {
  it('prints vfile-reporter-json’s report on stdout', () => {
    const {status, stdout, stderr} = milestoneLint(makeProject(), '--report', 'json', defective)
    expect(status).toBe(1)
    expect(stderr).toBe('milestone-lint: 1 file, 1 milestone doc linted; 20 warnings\n')
    const [file] = JSON.parse(stdout)
    expect(file.path).toBe(defective)
    expect(file.messages).toHaveLength(20)
    expect(file.messages[0]).toMatchObject({ruleId: expect.any(String), source: 'remark-lint', url: expect.any(String)})
  })

  it('lists each file’s messages in order of place (line, then column), the rules’ messages interleaved', () => {
    const {stdout} = milestoneLint(makeProject(), '--report', 'json', defective)
    const [file] = JSON.parse(stdout)
    expect(file.messages.map((message: any) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '15:1 milestone-required-headings',
      '27:1 milestone-required-headings',
      '41:1 milestone-relative-links',
      '45:41 milestone-section-fields',
      '45:41 milestone-section-fields',
      '45:41 milestone-section-fields',
      '61:3 milestone-success-criteria',
      '62:3 milestone-success-criteria',
      '63:3 milestone-success-criteria',
      '65:11 milestone-required-headings',
      '71:18 milestone-success-criteria',
      '84:1 milestone-required-headings',
      '109:13 milestone-risk-fields',
      '118:68 milestone-risk-fields',
      '134:25 milestone-no-placeholders',
      '135:32 milestone-section-fields',
      '135:32 milestone-section-fields',
      '139:1 milestone-relative-links',
      '142:3 milestone-relative-links',
      '147:17 milestone-no-placeholders'
    ])
  })
})

describe('--report junit', () => {
  it('is a JUnit report valid against Jenkins’ schema: a case per file, a failure per message, skipped files skipped', async () => {
    const {status, stdout, stderr} = milestoneLint(makeProject(), '--report', 'junit', 'docs')
    expect(status).toBe(1)
    expect(stderr).toBe(
      'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
    )
    const {testsuites} = await parseJunit(stdout)
    expect(testsuites).toMatchObject({'@name': 'milestone-lint', '@tests': '5', '@failures': '1', '@errors': '0'})
    const suite = testsuites.testsuite
    expect(suite).toMatchObject({'@tests': '5', '@failures': '1', '@errors': '0', '@skipped': '3'})
    const skip = 'not recognised as a milestone doc; add it to the `include` option to lint it anyway'
    expect(suite.testcase.map((each: any) => [each['@name'], each.skipped, each.failure?.length])).toEqual([
      ['docs/README.md', skip, undefined],
      ['docs/lumen-architecture.md', skip, undefined],
      ['docs/milestone-1-private-beta.md', undefined, undefined],
      [defective, undefined, 20],
      ['docs/milestones.md', skip, undefined]
    ])
    expect(suite.testcase[3].failure[12]).toEqual({
      '@message': 'Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`',
      '@type': 'milestone-risk-fields',
      '#': 'docs/milestone-2-public-launch.md:109:13: Unexpected impact level `Severe`, expected `High`, `Medium` or `Low` (milestone-risk-fields)'
    })
  })

  it('fails a case only on messages that fail the run; the others are its output', async () => {
    const {testsuites} = await parseJunit(junitXml([sampleFile()]))
    expect(testsuites.testsuite.testcase).toMatchObject({
      '@name': 'docs/a.md',
      '@classname': 'milestone-lint',
      failure: {'@message': 'Bad, really: 100%', '@type': 'x-rule', '#': 'docs/a.md:1:1: Bad, really: 100% (x-rule)'},
      'system-out':
        'docs/a.md: Just so you know (milestone-lint)\ndocs/a.md:2:3: Line one\nline two (milestone-risk-fields)'
    })
    const frail = (await parseJunit(junitXml([sampleFile()], {frail: true}))).testsuites.testsuite.testcase
    expect(frail.failure).toHaveLength(2)
    expect(frail['system-out']).toBe('docs/a.md: Just so you know (milestone-lint)')
  })

  it('escapes markup and `]]>`, and replaces characters XML cannot hold, so the report stays valid', async () => {
    const file = new VFile({path: 'docs/<a&b>.md'})
    const reason = 'Unexpected `]]>` and <b>&amp;</b> & &#65; "quoted", a bell \u0007, a NUL \u0000 and \uD800'
    file.message(reason, {place: {line: 1, column: 1}, ruleId: 'x-rule'}).fatal = true
    const xml = junitXml([file])
    for (const raw of [']]>', '\u0007', '\u0000']) expect(xml.includes(raw)).toBe(false)
    const failure = (await parseJunit(xml)).testsuites.testsuite.testcase.failure
    expect(failure['@message']).toBe(
      'Unexpected `]]>` and <b>&amp;</b> & &#65; "quoted", a bell \uFFFD, a NUL \uFFFD and \uFFFD'
    )
    expect(failure['#']).toBe(`docs/<a&b>.md:1:1: ${failure['@message']} (x-rule)`)
    // The check is real: the same text unescaped is refused.
    expect(await junitProblems(`<testsuite name="a" tests="1"><testcase name="${reason}"/></testsuite>`)).not.toEqual(
      []
    )
  })

  it('is valid with no files and with files without messages', async () => {
    expect((await parseJunit(junitXml([]))).testsuites).toMatchObject({'@tests': '0', '@failures': '0'})
    expect((await parseJunit(junitXml([new VFile({path: 'a.md'})]))).testsuites.testsuite.testcase).toEqual({
      '@name': 'a.md',
      '@classname': 'milestone-lint'
    })
  })
})

describe('--report summary', () => {
  it('counts messages per rule and per file, as the README shows', () => {
    const example = readmeRun(makeProject(), '$ npx milestone-lint docs --report summary')
    expect(example.status).toBe(1)
    expect(example.actual).toBe(example.expected)
  })

  it('counts errors, warnings and infos apart, and says only the totals when there are no messages', () => {
    expect(summaryText([sampleFile(), new VFile({path: 'docs/b.md'})]).split('\n')).toEqual([
      'rule                   errors  warnings  infos',
      'milestone-lint              0         0      1',
      'milestone-risk-fields       0         1      0',
      'x-rule                      1         0      0',
      '',
      'file       errors  warnings  infos',
      'docs/a.md       1         1      1',
      '',
      '1 error, 1 warning, 1 info in 1 of 2 files'
    ])
    expect(summaryText([new VFile({path: 'docs/b.md'})])).toBe('0 errors, 0 warnings, 0 infos in 0 of 1 file')
    expect(summaryText([sampleFile()], {silent: true}).split('\n').at(-1)).toBe(
      '1 error, 0 warnings, 0 infos in 1 of 1 file'
    )
  })
})

describe('several reports in one run', () => {
  it('writes each to its file and still prints the terminal report on stderr', async () => {
    const project = makeProject()
    const reports = ['sarif=results.sarif', 'junit=junit.xml', 'summary=logs/summary.txt', 'json=pretty:2=report.json']
    const args = [...reports.flatMap((report) => ['--report', report]), defective]
    const {status, stdout, stderr} = milestoneLint(project, ...args)
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('milestone-lint: `--report summary=logs/summary.txt`: no folder `logs` to write it in\n')
    expect(existsSync(path.join(project, 'results.sarif'))).toBe(false)

    mkdirSync(path.join(project, 'logs'))
    const run = milestoneLint(project, ...args)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    const terminal = milestoneLint(project, defective)
    expect(run.stderr).toBe(terminal.stderr)
    expect(run.stderr).toMatch(/^docs\/milestone-2-public-launch\.md\n15:1 +warning +Unexpected missing section/)
    const read = (name: string) => readFileSync(path.join(project, name), 'utf8')
    expect(parseSarif(read('results.sarif')).runs[0].results).toHaveLength(20)
    expect((await parseJunit(read('junit.xml'))).testsuites.testsuite.testcase.failure).toHaveLength(20)
    expect(read('logs/summary.txt')).toMatch(
      /^rule {2,}errors {2}warnings {2}infos\n[^]*\n0 errors, 20 warnings, 0 infos in 1 of 1 file\n$/
    )
    expect(read('report.json')).toMatch(/^\[\n {2}\{\n {4}"path": "docs\/milestone-2-public-launch\.md"/)
    // Never coloured, whatever the terminal report is.
    expect(milestoneLint(project, '--color', '--report', 'summary=logs/summary.txt', defective).stderr).toContain(
      '\u001B['
    )
    expect(read('logs/summary.txt')).not.toContain('\u001B')
  })

  it('keeps a report without a file on stdout, the others in their files', () => {
    const project = makeProject()
    const {status, stdout, stderr} = milestoneLint(
      project,
      '--report',
      'github',
      '--report',
      'junit=junit.xml',
      defective
    )
    expect(status).toBe(1)
    expect(stdout.split('\n')).toHaveLength(21)
    expect(stderr).toBe('milestone-lint: 1 file, 1 milestone doc linted; 20 warnings\n')
    expect(existsSync(path.join(project, 'junit.xml'))).toBe(true)
  })

  it('runs the README’s examples as written', async () => {
    const project = makeProject()
    const example = readmeRun(
      project,
      '$ npx milestone-lint docs/milestone-1-private-beta.md --report sarif=results.sarif --report junit=junit.xml'
    )
    expect(example.status).toBe(0)
    expect(example.actual).toBe(example.expected)
    expect(parseSarif(readFileSync(path.join(project, 'results.sarif'), 'utf8')).runs[0].results).toEqual([])
    await parseJunit(readFileSync(path.join(project, 'junit.xml'), 'utf8'))

    const refused = readmeRun(
      project,
      '$ npx milestone-lint docs --report sarif=results.sarif --report junit=reports/junit.xml'
    )
    expect(refused.status).toBe(2)
    expect(refused.actual).toBe(refused.expected)

    const junit = readmeRun(project, '$ npx milestone-lint docs --report junit > junit.xml')
    expect(junit.actual).toBe(
      'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
    )
    expect(junit.expected).toBe('')
    await parseJunit(junit.stdout)
  })

  it('runs the CI recipes’ lint steps as written, and uploads what they write', async () => {
    for (const [first, uploads] of [
      ['# .github/workflows/docs.yml', /sarif_file: (\S+)\n[^]*path: (\S+)\n/],
      ['# .gitlab-ci.yml', /junit: (\S+)\n/]
    ] as const) {
      const recipe = readmeBlock(first)
      const command = /npx milestone-lint (.+)/.exec(recipe)![1]!
      const project = makeProject()
      const {status, stdout, stderr} = milestoneLint(project, ...command.split(' '))
      expect(status).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/20 warnings\n$/)
      expect(stderr).toMatch(/Unexpected impact level `Severe`/)
      const files = uploads.exec(recipe)!.slice(1)
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const text = readFileSync(path.join(project, file), 'utf8')
        if (file.endsWith('.sarif')) parseSarif(text)
        else await parseJunit(text)
      }
    }
  })

  it('says in one line, exit 2, when a report file is a folder or cannot be written', () => {
    const project = makeProject()
    expect(milestoneLint(project, '--report', 'junit=docs/', defective)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: `--report junit=docs/`: `docs/` is a folder\n'
    })
    // A link to a folder that is not there passes the check, and fails when written.
    symlinkSync('gone/junit.xml', path.join(project, 'junit.xml'))
    const {status, stderr} = milestoneLint(project, '--report', 'junit=junit.xml', defective)
    expect(status).toBe(2)
    expect(stderr.split('\n').slice(-3)).toEqual([
      "milestone-lint: cannot write `junit.xml` (ENOENT: no such file or directory, open 'junit.xml')",
      'milestone-lint: 1 file, 1 milestone doc linted; 20 warnings',
      ''
    ])
  })
})

describe('a file that cannot be read, in every report', () => {
  let project: string

  beforeAll(() => {
    project = makeProject()
    // A loop of symbolic links named like a doc: reading it fails (ELOOP), even as root.
    symlinkSync('loop.md', path.join(project, 'docs/loop.md'))
  })

  it.each(['json', 'github', 'sarif', 'junit', 'summary'])('--report %s keeps why', async (name) => {
    const {status, stdout} = milestoneLint(project, '--report', name, 'docs/loop.md')
    expect(status).toBe(1)
    if (name === 'summary') expect(stdout).toMatch(/^rule +errors +warnings +infos\nmilestone-lint +1 +0 +0\n/)
    else expect(stdout).toMatch(/Cannot process file: ELOOP: too many symbolic links encountered/)
    if (name === 'sarif') parseSarif(stdout)
    if (name === 'junit') await parseJunit(stdout)
  })
})
