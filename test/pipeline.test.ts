/**
 * `milestone-lint` on linter threads (`--concurrency`): the same reports,
 * byte for byte, as one thread; a thread that dies costs its file only.
 */
import {cpSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {availableParallelism} from 'node:os'
import {defaultConcurrency, lintFiles} from '../src/cli/lint-files.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

/** Fixture folders with messages of every rule, skipped files, kinds and a template of their own. */
const folders = ['detection', 'kinds', 'overview-sync', 'relative-links', 'required-headings', 'risk-fields']

/** Every report of a run: the terminal's (and the summary line), github's on stdout, the others' files. */
function reports(project: string, concurrency: string) {
  const files = ['json', 'sarif', 'junit', 'gitlab', 'summary'].map(
    (name) => `${name}=reports-${concurrency}/${name}.out`
  )
  cpSync(path.join(project, 'docs'), path.join(project, `reports-${concurrency}`), {recursive: true})
  const run = milestoneLint(
    project,
    '--concurrency',
    concurrency,
    ...files.flatMap((report) => ['--report', report]),
    '--report',
    'github',
    'docs',
    ...folders
  )
  const written = Object.fromEntries(
    files.map((report) => [report, readFileSync(path.join(project, report.split('=')[1]!), 'utf8')])
  )
  // The github report, then the terminal's, then the summary.
  const terminal = milestoneLint(project, '--concurrency', concurrency, 'docs', ...folders)
  return {status: run.status, stdout: run.stdout, stderr: run.stderr, terminal, written}
}

describe('milestone-lint --concurrency', () => {
  it('gives every report the same, byte for byte, on 3 threads as in one', () => {
    const project = makeProject()
    for (const folder of folders)
      cpSync(path.join(repoRoot, 'fixtures', folder), path.join(project, folder), {recursive: true})
    const serial = reports(project, '1')
    const parallel = reports(project, '3')
    expect(serial.terminal.stderr).toMatch(/milestone-required-headings/)
    expect(serial.stdout).toMatch(/^::error file=/)
    expect(Object.values(parallel.written)).toEqual(Object.values(serial.written))
    expect(parallel.terminal).toEqual(serial.terminal)
    expect([parallel.status, parallel.stdout, parallel.stderr]).toEqual([serial.status, serial.stdout, serial.stderr])
  }, 180_000)

  it('keeps no text, tree or nodes of a file once linted, only its messages and what reporters read', async () => {
    const project = makeProject()
    const options = {rcPath: undefined, ignorePath: undefined, ignorePatterns: [], silentlyIgnore: false, use: []}
    // Absolute: the engine takes relative paths from the process's working directory.
    const paths = ['docs/milestone-1-private-beta.md', 'docs/milestone-2-public-launch.md'].map((file) =>
      path.join(project, file)
    )
    const files = await lintFiles(options, paths, project, new Map(), 1)
    expect(files.map((file) => [file.path, file.value, file.messages.length])).toEqual([
      ['docs/milestone-1-private-beta.md', undefined, 0],
      ['docs/milestone-2-public-launch.md', undefined, 20]
    ])
    expect(files[1]!.messages.filter((message) => message.ancestors !== undefined)).toEqual([])
    expect(files[1]!.data.milestoneLintHash).toMatch(/^sha256:[\da-f]{64}$/)
    // Its sections' headings (not its title), for the baseline's keys.
    expect(files[1]!.data.milestoneLintHeadings?.[0]).toEqual([9, 2, '## Executive Summary'])
  })

  it('lints up to 16 files in one thread by default, and starts a thread per 16 files up to one per core but one', () => {
    expect([0, 1, 3, 16].map(defaultConcurrency)).toEqual([1, 1, 1, 1])
    expect(defaultConcurrency(17)).toBe(Math.max(1, Math.min(2, availableParallelism() - 1)))
    expect(defaultConcurrency(10_000)).toBe(Math.max(1, availableParallelism() - 1))
  })

  it('says a file a thread died on, in one line, and lints the others', () => {
    const docs: Record<string, string> = {
      // Ends the thread as a crash does (process.exit() is refused, and thrown: a plugin's error).
      'crash.mjs': 'export default () => (tree, file) => { if (file.stem === "crash") process.reallyExit(7) }\n'
    }
    const correct = readFileSync(path.join(repoRoot, 'fixtures/example/milestone-1-private-beta.md'), 'utf8')
    for (let index = 1; index <= 11; index++) docs[`many/milestone-${index}-private-beta.md`] = correct
    docs['many/crash.md'] = '# Crash\n'
    const project = makeProject(docs)
    const run = milestoneLint(project, '--concurrency', '2', '--use', './crash.mjs', 'many')
    expect(run.status).toBe(2)
    const lines = run.stderr.split('\n')
    const at = lines.indexOf('many/crash.md')
    expect(lines.slice(at, at + 2).map((line) => line.replace(/ +/g, ' ').trim())).toEqual([
      'many/crash.md',
      'error Cannot lint this file; please report this bug: the linter thread stopped with exit code 7, out of memory or on an error milestone-lint'
    ])
    // The other eleven, six warnings each, as without the crash.
    expect(lines.at(-2)).toBe('milestone-lint: 12 files, 11 milestone docs linted, 1 not linted; 1 error, 66 warnings')
    const others = milestoneLint(project, '--concurrency', '1', 'many', '--ignore-pattern', 'many/crash.md')
    expect(others.stderr.split('\n').at(-2)).toBe('milestone-lint: 11 files, 11 milestone docs linted; 66 warnings')
  })

  it('says a config that cannot be read as one thread does', () => {
    const project = makeProject()
    expect(milestoneLint(project, '--concurrency', '2', '--rc-path', 'nope.json', 'docs')).toEqual(
      milestoneLint(project, '--concurrency', '1', '--rc-path', 'nope.json', 'docs')
    )
  })

  it('resolves a JS config importing the preset, not installed, on every thread', () => {
    const project = makeProject({
      '.remarkrc.mjs':
        "import preset from 'remark-lint-milestone'\nexport default {plugins: [[preset, {'milestone-relative-links': false}]]}\n"
    })
    rmSync(path.join(project, 'node_modules/remark-lint-milestone'))
    const serial = milestoneLint(project, '--concurrency', '1', 'docs')
    expect(serial.stderr).not.toMatch(/milestone-relative-links/)
    expect(milestoneLint(project, '--concurrency', '2', 'docs')).toEqual(serial)
  })
})
