import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {milestoneArgs} from '../src/cli/argv.js'
import type {VFileMessage} from 'vfile-message'
import {format, lint, messages, sorted} from './helpers.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'
import {parseSarif} from './sarif-schema.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'
const correct = 'docs/milestone-1-private-beta.md'

/** Names, contents and modification times of a folder's files. */
function snapshot(folder: string): Array<[string, string, number]> {
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const file = path.join(folder, name)
      return [name, readFileSync(file, 'utf8'), statSync(file).mtimeMs]
    })
}

describe('milestoneArgs', () => {
  const locations = {
    preset: './preset.js',
    releaseTrees: './release-trees.js',
    reporter: (name: string) => `./reporters/${name}.js`,
    color: true
  }
  const release = ['--use', './release-trees.js']

  it('loads the preset as a plugin, fails on warnings, prints no documents and keeps no trees by default', () => {
    expect(milestoneArgs(['docs'], locations)).toEqual(['--use', './preset.js', '--frail', '--no-stdout', ...release, 'docs'])
  })

  it('keeps the user’s choice of frail and output, and the trees when output is asked for', () => {
    expect(milestoneArgs(['--no-frail', 'a.md'], locations)).toEqual(['--use', './preset.js', '--no-stdout', ...release, '--no-frail', 'a.md'])
    expect(milestoneArgs(['-qf', '--stdout', 'a.md'], locations)).toEqual(['--use', './preset.js', '-qf', '--stdout', 'a.md'])
    expect(milestoneArgs(['-o', 'out.md', 'a.md'], locations)).toEqual(['--use', './preset.js', '--frail', '-o', 'out.md', 'a.md'])
    for (const flag of ['--output', '--tree', '--tree-out', '--inspect']) {
      expect(milestoneArgs([flag, 'a.md'], locations)).not.toContain('./release-trees.js')
    }
    expect(milestoneArgs(['--no-stdout', 'a.md'], locations)).toContain('./release-trees.js')
  })

  it('maps shipped reporters, in both spellings, with their options and the frail setting', () => {
    expect(milestoneArgs(['--report', 'sarif', 'a.md'], locations)).toContain('./reporters/sarif.js=frail:true')
    expect(milestoneArgs(['--no-frail', '--report=github'], locations)).toContain('--report=./reporters/github.js=frail:false')
    expect(milestoneArgs(['--report', 'json=pretty:2'], locations)).toContain('./reporters/json.js=pretty:2,frail:true')
    expect(milestoneArgs(['--report', 'vfile-reporter-pretty'], locations)).toContain('vfile-reporter-pretty')
  })

  it('turns colour off when the report goes nowhere coloured, unless a flag says', () => {
    const piped = {...locations, color: false}
    expect(milestoneArgs(['a.md'], piped)).toEqual(['--use', './preset.js', '--frail', '--no-stdout', ...release, '--no-color', 'a.md'])
    expect(milestoneArgs(['--color', 'a.md'], piped)).not.toContain('--no-color')
  })

  it('leaves arguments after `--` alone', () => {
    expect(milestoneArgs(['--', '--report', 'json'], locations)).toEqual([
      '--use', './preset.js', '--frail', '--no-stdout', ...release, '--', '--report', 'json'
    ])
  })
})

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
    expect(stderr).toMatch(/109:13-109:19\s+warning\s+Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`\s+milestone-risk-fields\s+remark-lint/)
    expect(stderr).toMatch(/⚠ 20 warnings/)
    // Piped, not a terminal: no colour codes.
    expect(stderr).not.toMatch(/\u001b\[/)
  })

  it('passes (exit 0) on correct docs, and prints no document to stdout for one file', () => {
    const {status, stdout, stderr} = milestoneLint(project, correct)
    expect(status).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toBe(`${correct}: no issues found\n`)
  })

  it('exits 0 on warnings with --no-frail', () => {
    expect(milestoneLint(project, '--no-frail', defective).status).toBe(0)
  })

  it('takes globs and --quiet', () => {
    const {status, stderr} = milestoneLint(project, '--quiet', 'docs/milestone-*.md')
    expect(status).toBe(1)
    expect(stderr).not.toMatch(/private-beta/)
    expect(stderr).toMatch(/^docs\/milestone-2-public-launch\.md\n/)
  })

  it('never writes to the files it lints', () => {
    const folder = path.join(project, 'docs')
    const before = snapshot(folder)
    milestoneLint(project, 'docs')
    parseSarif(milestoneLint(project, '--report', 'sarif', 'docs').stdout)
    expect(snapshot(folder)).toEqual(before)
  }, 30_000)

  it('prints --version and --help', () => {
    const pack = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string}
    expect(milestoneLint(project, '--version').stdout).toBe(`milestone-lint: ${pack.version}, remark: 15.0.1\n`)
    const help = milestoneLint(project, '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: milestone-lint \[options\] \[path \| glob \.\.\.\]/)
    expect(help.stdout).toMatch(/--silently-ignore/)
  })

  it('gives the same messages as the preset used programmatically, cross-file links included', async () => {
    const {stdout} = milestoneLint(project, '--report', 'json', defective)
    const [file] = JSON.parse(stdout) as Array<{messages: VFileMessage[]}>
    const fromCli = sorted(file!.messages).map(format)
    const programmatic = messages(await lint(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md')))
    expect(fromCli).toEqual(programmatic)
    expect(fromCli.filter((line) => line.includes('milestone-relative-links'))).toHaveLength(3)
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
  })

  it('applies package.json#remarkConfig, with shared options such as exclude', () => {
    const project = makeProject({
      'package.json': JSON.stringify({
        remarkConfig: {plugins: [['remark-lint-milestone', {exclude: ['docs/milestone-2-*']}]]}
      })
    })
    const {status, stderr} = milestoneLint(project, 'docs')
    expect(stderr).toMatch(/docs\/milestone-2-public-launch\.md: no issues found/)
    expect(status).toBe(0)
  })

  it('honours .remarkignore, and stays quiet about ignored files with --silently-ignore', () => {
    const project = makeProject({'.remarkignore': 'docs/milestone-2-*\n'})
    expect(milestoneLint(project, 'docs').status).toBe(0)

    const given = milestoneLint(project, defective)
    expect(given.status).toBe(1)
    expect(given.stderr).toMatch(/Cannot process specified file: it’s ignored/)

    const silent = milestoneLint(project, '--silently-ignore', defective)
    expect(silent).toMatchObject({status: 0, stderr: ''})
  })

  it('finds a template relative to the config file that names it', () => {
    const project = makeProject({
      'docs/.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: './milestone-design.md'}]]}),
      'docs/milestone-design.md': readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')
    })
    const {status, stderr} = milestoneLint(project, correct)
    expect(status).toBe(1)
    expect(stderr).toMatch(/336:1\s+warning\s+Unexpected missing section `## Testing Strategy`, expected it between `## Success Metrics` and `## Key Outcomes`\s+milestone-required-headings/)
    expect(stderr).toMatch(/⚠ 1 warning/)
  })

  it('fails once per file, naming the template, when it cannot be read', () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: 'docs/nope.md'}]]})
    })
    const {status, stderr} = milestoneLint(project, correct, 'docs/milestones.md')
    expect(status).toBe(1)
    expect(stderr.match(/Cannot derive a schema from template `docs\/nope\.md`: cannot read it/g)).toHaveLength(2)
    expect(stderr).toMatch(/✖ 2 errors/)
  })

  it('reports a config that cannot be loaded on each file, and fails', () => {
    const project = makeProject({'.remarkrc.json': '{"plugins": [["remark-lint-milestone", {"nope": 1}]]}'})
    const {status, stderr} = milestoneLint(project, correct)
    expect(status).toBe(1)
    expect(stderr).toMatch(/remark-lint-milestone: unknown option `nope`, expected one of: `include`/)
  })
})
