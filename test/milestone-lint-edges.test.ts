/**
 * `milestone-lint` with configs and flags at their edges: the object form of
 * `plugins`, a config without plugins, a plugin or reporter that cannot be
 * used, `FORCE_COLOR`, and folders reached through symbolic links.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cliPath, makeProject, milestoneLint, milestoneLintWithin, removeProjects} from './project.js'
import {readmeRun} from './readme.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'

describe('milestone-lint at the edges', () => {
  it('refuses a FIFO or a device as its baseline, config file or cache, in one line, rather than wait forever', () => {
    const project = makeProject()
    execFileSync('mkfifo', [path.join(project, 'fifo.json')])
    const stop = (...args: string[]) => {
      // Bounded: a regression waits forever.
      const {status, stderr} = milestoneLintWithin(20_000, project, 'docs', ...args)
      return [status, stderr]
    }
    const notRegular = 'not a regular file (a FIFO, a socket or a device)'
    expect(stop('--baseline', 'fifo.json')).toEqual([
      2,
      `milestone-lint: cannot read baseline \`fifo.json\`: ${notRegular}\n`
    ])
    expect(stop('--baseline', '/dev/zero')).toEqual([
      2,
      `milestone-lint: cannot read baseline \`/dev/zero\`: ${notRegular}\n`
    ])
    expect(stop('--config', 'fifo.json')).toEqual([2, `milestone-lint: fifo.json: ${notRegular}\n`])
    expect(stop('--cache', '--cache-location', '/dev/zero')).toEqual([
      2,
      'milestone-lint: `--cache-location /dev/zero`: `/dev/zero` is not a regular file\n'
    ])
    const readme = readmeRun(project, '$ npx milestone-lint docs --baseline /dev/zero')
    expect(readme.actual).toBe(readme.expected)
    expect(stop('--baseline', 'fifo.json', '--update-baseline')).toEqual([
      2,
      'milestone-lint: `--baseline fifo.json --update-baseline`: `fifo.json` is not a regular file\n'
    ])
  })

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

  it('takes the preset named alone in a list of plugins, and refuses plugins that are neither list nor object', () => {
    const listed = makeProject({'.remarkrc.json': JSON.stringify({plugins: ['remark-lint-milestone']})})
    const {status, stderr} = milestoneLint(listed, defective)
    expect(status).toBe(1)
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('milestone-lint: 1 file, 1 milestone doc linted; 20 warnings')
    const named = makeProject({'.remarkrc.json': JSON.stringify({plugins: 'remark-lint-milestone'})})
    expect(milestoneLint(named, defective)).toMatchObject({
      status: 2,
      stderr:
        'milestone-lint: Cannot parse file `.remarkrc.json`: Expected a list or object of plugins, not `remark-lint-milestone`\n' +
        'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 problem\n'
    })
  })

  it('prints nothing on stdout with --report github when there is nothing to report', () => {
    expect(milestoneLint(makeProject(), '--report', 'github', 'docs/milestone-1-private-beta.md')).toMatchObject({
      status: 0,
      stdout: '',
      stderr: 'milestone-lint: 1 file, 1 milestone doc linted; no messages\n'
    })
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

  it('refuses a reporter package that exports no function', () => {
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

  it('walks a linked folder inside the project once, however many links lead to it', () => {
    const project = makeProject()
    mkdirSync(path.join(project, 'other'))
    copyFileSync(path.join(project, defective), path.join(project, 'other/milestone-3-scale.md'))
    symlinkSync('../other', path.join(project, 'docs/linked'))
    symlinkSync('../other', path.join(project, 'docs/again'))
    symlinkSync('.', path.join(project, 'docs/self'))
    const {stderr} = milestoneLint(project, 'docs')
    expect(stderr.split('\n').filter((line) => /^\S+\.md/.test(line))).toEqual([
      'docs/again/milestone-3-scale.md',
      'docs/lumen-architecture.md: no issues found',
      'docs/milestone-1-private-beta.md: no issues found',
      'docs/milestone-2-public-launch.md',
      'docs/milestones.md: no issues found',
      'docs/README.md: no issues found'
    ])
  })

  it('walks a folder beside the working directory in the same repository, where ignore patterns do not reach', () => {
    const project = makeProject()
    mkdirSync(path.join(project, '.git'))
    mkdirSync(path.join(project, 'other'))
    mkdirSync(path.join(project, 'sub'))
    copyFileSync(path.join(project, defective), path.join(project, 'other/milestone-3-scale.md'))
    copyFileSync(path.join(project, 'docs/milestones.md'), path.join(project, 'other/notes.md'))
    // `--ignore-pattern` is relative to the working directory: `notes.md` there, not `../other/notes.md`.
    const {status, stderr} = milestoneLint(path.join(project, 'sub'), '--ignore-pattern', 'notes.md', '../other')
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => /^\S+\.md/.test(line))).toEqual([
      '../other/milestone-3-scale.md',
      '../other/notes.md: no issues found'
    ])
  })

  it('says on each file that a given ignore file cannot be read, with exit 2', () => {
    const project = makeProject()
    const {status, stderr} = milestoneLint(project, '--ignore-path', 'nope.txt', 'docs/milestone-1-private-beta.md')
    expect(status).toBe(2)
    expect(stderr).toBe(
      [
        'docs/milestone-1-private-beta.md',
        ` error Cannot find file: Cannot read given file \`nope.txt\`: ENOENT: no such file or directory, open 'nope.txt'`,
        '',
        '✖ 1 error',
        'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 error',
        ''
      ].join('\n')
    )
  })

  it('says once that a special file named twice is not read', () => {
    const project = makeProject()
    execFileSync('mkfifo', [path.join(project, 'docs/pipe.md')])
    expect(milestoneLint(project, 'docs/pipe.md', 'docs/pipe.md').stderr).toBe(
      [
        'docs/pipe.md',
        ' error Unexpected special file (a FIFO, socket or device), expected a regular file; it is not read read milestone-lint',
        '',
        '✖ 1 error',
        'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 error',
        ''
      ].join('\n')
    )
  })

  // In a folder with no project marker above it (no `.git`, config or
  // package.json), a folder beside the working directory was refused as "a
  // symbolic link out of the project", though it is no link.
  it('lints a folder or file beside the working directory when no project holds them, and still refuses links out of them', () => {
    const project = makeProject()
    mkdirSync(path.join(project, 'other'))
    mkdirSync(path.join(project, 'sub'))
    copyFileSync(path.join(project, defective), path.join(project, 'other/milestone-3-scale.md'))
    symlinkSync(path.join(project, defective), path.join(project, 'other/milestone-4-link.md'))
    const folder = milestoneLint(path.join(project, 'sub'), '../other')
    expect(folder.stderr).toContain('../other/milestone-3-scale.md\n')
    expect(folder.stderr).not.toMatch(/milestone-3-scale\.md\n.*symbolic link/)
    expect(folder.stderr).toMatch(/milestone-4-link\.md\n.*Unexpected symbolic link out of the project/)
    const file = milestoneLint(path.join(project, 'sub'), '../other/milestone-3-scale.md')
    expect(file.stderr).not.toContain('symbolic link')
    expect(file.stderr).toContain('milestone-required-headings')
  })
})
