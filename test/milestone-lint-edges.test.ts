/**
 * `milestone-lint` with configs and flags at their edges: the object form of
 * `plugins`, a config without plugins, a plugin or reporter that cannot be
 * used, a config that does not parse, and `FORCE_COLOR`.
 */
import {spawnSync} from 'node:child_process'
import {afterAll, describe, expect, it} from 'vitest'
import {cliPath, makeProject, milestoneLint, removeProjects} from './project.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'

describe('milestone-lint at the edges', () => {
  it('takes the preset from the object form of `plugins`, with its options', () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: {'remark-lint-milestone': {exclude: ['docs/milestone-2-*']}}})
    })
    const {status, stderr} = milestoneLint(project, 'docs')
    expect(status).toBe(0)
    expect(stderr).toBe(
      [
        'docs/lumen-architecture.md: no issues found',
        'docs/milestone-1-private-beta.md: no issues found',
        'docs/milestone-2-public-launch.md: no issues found',
        'docs/milestones.md: no issues found',
        'docs/README.md: no issues found',
        'milestone-lint: 5 files, 1 milestone doc linted, 4 skipped (not milestone docs); no messages',
        ''
      ].join('\n')
    )
  })

  it('lints with the preset when a config names no plugins', () => {
    const project = makeProject({'.remarkrc.json': JSON.stringify({settings: {bullet: '*'}})})
    const {status, stderr} = milestoneLint(project, defective)
    expect(status).toBe(1)
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('milestone-lint: 1 file, 1 milestone doc linted; 20 warnings')
  })

  it('says in one line that a plugin given with --use cannot be found, and exits 2', () => {
    const project = makeProject()
    const {status, stderr} = milestoneLint(project, '--use', 'remark-nonexistent', defective)
    expect(status).toBe(2)
    expect(stderr).toBe(
      `milestone-lint: Cannot find module \`remark-nonexistent\`: Cannot find package 'remark-nonexistent' imported from ${project}/\n` +
        'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 problem\n'
    )
  })

  it('refuses a reporter package that exports no function, and a config that does not parse', () => {
    const project = makeProject({
      'node_modules/vfile-reporter-thing/package.json': JSON.stringify({
        name: 'vfile-reporter-thing',
        main: 'index.js'
      }),
      'node_modules/vfile-reporter-thing/index.js': 'module.exports = {report: true}\n'
    })
    expect(milestoneLint(project, '--report', 'thing', defective)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: cannot load reporter `thing` (it exports no reporter function)\n'
    })
    const broken = makeProject({'.remarkrc.json': '{'})
    const {status, stderr} = milestoneLint(broken, defective)
    expect(status).toBe(2)
    // The rest of the first line is JSON.parse's own message, which changes with Node.
    const [problem, summary] = stderr.split('\n')
    expect(problem).toMatch(/^milestone-lint: Cannot parse file `\.remarkrc\.json`: .*\.remarkrc\.json$/)
    expect(summary).toBe('milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 problem')
  })

  it('colours the report when FORCE_COLOR says so, even into a pipe', () => {
    const project = makeProject()
    const run = (force: string) =>
      spawnSync(process.execPath, [cliPath, defective], {
        cwd: project,
        env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: force},
        encoding: 'utf8'
      }).stderr.split('\n')[0]
    expect(run('1')).toBe(`\u001b[4m\u001b[33m${defective}\u001b[39m\u001b[24m`)
    expect(run('0')).toBe(defective)
    expect(run('false')).toBe(defective)
  })
})
