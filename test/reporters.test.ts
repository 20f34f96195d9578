import {readFileSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../src/index.js'
import {githubAnnotations} from '../src/reporters/github.js'
import {sarifLog} from '../src/reporters/sarif.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
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

describe('a file that cannot be read, in every report', () => {
  let project: string

  beforeAll(() => {
    project = makeProject()
    // A loop of symbolic links named like a doc: reading it fails (ELOOP), even as root.
    symlinkSync('loop.md', path.join(project, 'docs/loop.md'))
  })

  it.each(['json', 'github', 'sarif'])('--report %s keeps why', (name) => {
    const {status, stdout} = milestoneLint(project, '--report', name, 'docs/loop.md')
    expect(status).toBe(1)
    expect(stdout).toMatch(/Cannot process file: ELOOP: too many symbolic links encountered/)
    if (name === 'sarif') parseSarif(stdout)
  })
})
