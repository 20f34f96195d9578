/**
 * The pre-commit hook (`.pre-commit-hooks.yaml`), used as a team uses it:
 * the real `pre-commit` installs this checkout as a hook repository (its
 * `language: node` install runs `npm install`, then `npm pack`, whose
 * `prepack` builds dist/, and a global install of the tarball) and
 * `git commit` runs it on the staged docs. Slow on first install (npm
 * install from the registry); skipped without `pre-commit` on PATH, except
 * in CI.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {stripVTControlCharacters} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {summary} from '../src/cli/help.js'
import {readmeBlock} from './readme.js'
import {
  cliPath,
  copyCheckout,
  inCi,
  makeTemporary,
  removeProjects,
  repoRoot,
  userEnvironment,
  withoutGitVariables
} from './project.js'

const probe = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
const preCommitVersion = probe.error || probe.status !== 0 ? undefined : probe.stdout.trim()
const skip = !preCommitVersion && !inCi
const skipReason =
  '`pre-commit` is not on PATH (apt-get install pre-commit, or pip install pre-commit); CI, which sets CI, installs it'
if (skip) console.warn(`Skipping the pre-commit hook tests: ${skipReason}`)

const correctDocs = [
  'docs/README.md',
  'docs/milestones.md',
  'docs/lumen-architecture.md',
  'docs/milestone-1-private-beta.md'
]
const correct = 'docs/milestone-1-private-beta.md'
const defective = 'docs/milestone-2-public-launch.md'

/** The environment every command runs in (set up in `beforeAll`). */
let env: NodeJS.ProcessEnv = {}
let preCommitHome = ''
let user = ''

describe('the hook file', () => {
  it("describes the hook with the help's summary of the rules (rules/index.ts), as npm run docs writes it", () => {
    const hooks = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')
    // A stale line fails here: run npm run docs (single-quoted, as prettier
    // writes YAML, with a quote doubled).
    expect(hooks.split('\n').find((line) => line.startsWith('  description: '))).toBe(
      `  description: '${summary.replaceAll("'", "''")}'`
    )
  })
})

describe.skipIf(skip)(skip ? `pre-commit hook (skipped: ${skipReason})` : 'pre-commit hook', () => {
  beforeAll(() => {
    if (!preCommitVersion) {
      throw new Error('`pre-commit` is not on PATH, but CI is set: CI must install it (see .ci/run)')
    }

    preCommitHome = makeTemporary('pre-commit-home-')
    env = cleanEnvironment(preCommitHome, path.join(preCommitHome, 'gitconfig'))

    const hookRepo = snapshot()
    const rev = git(hookRepo, 'rev-parse', 'HEAD')

    user = makeTemporary('milestone-user-')
    git(user, 'init', '-q')
    git(user, 'config', 'user.name', 'Milestone Test')
    git(user, 'config', 'user.email', 'milestone-test@example.com')
    git(user, 'config', 'commit.gpgsign', 'false')
    cpSync(path.join(repoRoot, 'fixtures/example'), path.join(user, 'docs'), {recursive: true})
    writeFileSync(
      path.join(user, '.pre-commit-config.yaml'),
      // The README's config as written, but for where the hook repository is.
      readmeBlock('repos:')
        .replace(/^( +- repo: ).*$/m, `$1${JSON.stringify(hookRepo)}`)
        .replace(/^( +rev: ).*$/m, `$1${rev}`)
    )

    expectStatus(run('pre-commit', ['install'], user), 0)

    // The first install: nodeenv, `npm install` (dev dependencies too, so
    // `prepack` can build dist/ with tsc), `npm pack`, `npm install -g`.
    const install = run('pre-commit', ['install-hooks'], user)
    log(`first install (${preCommitVersion}, pre-commit install-hooks)`, install)
    if (install.status !== 0) {
      const logFile = path.join(preCommitHome, 'pre-commit.log')
      const details = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
      throw new Error(`pre-commit install-hooks failed (${install.status}):\n${install.output}\n${details}`)
    }
  }, 300_000)

  // Removing pre-commit's node environment and npm cache outlasts the default 10 s on a loaded machine.
  afterAll(removeProjects, 120_000)

  it('installs `milestone-lint` into pre-commit’s own node environment', () => {
    const clones = readdirSync(preCommitHome).filter((name) => name.startsWith('repo'))
    const bins = clones.flatMap((clone) =>
      readdirSync(path.join(preCommitHome, clone))
        .filter((name) => name.startsWith('node_env-'))
        .map((environment) => path.join(preCommitHome, clone, environment, 'bin/milestone-lint'))
    )
    expect(bins).toHaveLength(1)
    expect(existsSync(bins[0] as string)).toBe(true)
  })

  it('lets a commit of correct docs through', () => {
    git(user, 'add', '.pre-commit-config.yaml', ...correctDocs)
    const commit = run('git', ['commit', '-m', 'Correct docs'], user)
    log('git commit of 4 correct docs', commit)
    expectStatus(commit, 0)
    expect(commit.output).toMatch(/^milestone-lint\.+Passed$/m)
    expect(git(user, 'log', '--format=%s')).toBe('Correct docs')
    expect(git(user, 'ls-files', 'docs').split('\n')).toEqual([...correctDocs].sort())
  }, 60_000)

  it('refuses a commit of a defective doc, printing the linter’s messages', () => {
    const head = git(user, 'rev-parse', 'HEAD')
    git(user, 'add', defective)
    const commit = run('git', ['commit', '-m', 'Defective doc'], user)
    log('git commit of the defective doc', commit)
    expect(commit.status).not.toBe(0)
    expect(commit.output).toMatch(/^milestone-lint\.+Failed$/m)
    expect(commit.output).toMatch(/^- exit code: 1$/m)
    expect(commit.output).toMatch(/^docs\/milestone-2-public-launch\.md$/m)
    expect(commit.output).toMatch(
      /^109:13-109:19 +warning +Unexpected impact level `Severe`, expected `High`, `Medium` or `Low` +milestone-risk-fields +remark-lint$/m
    )
    expect(commit.output).toMatch(
      /^134:25-134:37 +warning +Unexpected placeholder `\[Owner Name\]`, expected real content .* +milestone-no-placeholders +remark-lint$/m
    )
    expect(commit.output).toMatch(/⚠ 20 warnings/)
    // Nothing was committed; the doc is still staged.
    expect(git(user, 'rev-parse', 'HEAD')).toBe(head)
    expect(git(user, 'diff', '--cached', '--name-only')).toBe(defective)
  }, 60_000)

  it('lints only the file it is given', () => {
    // The defective doc is in the working tree: a hook that scanned the
    // repository would fail.
    const single = run('pre-commit', ['run', 'milestone-lint', '--verbose', '--files', correct], user)
    log(`pre-commit run milestone-lint --files ${correct}`, single)
    expectStatus(single, 0)
    expect(single.output).toMatch(/^milestone-lint\.+Passed$/m)
    expect(single.output).toMatch(/^docs\/milestone-1-private-beta\.md: no issues found$/m)
    expect(single.output).not.toMatch(/milestones\.md|milestone-2/)
  }, 60_000)

  it('runs on the Markdown extensions remark-cli knows, in any case, and on nothing else', () => {
    mkdirSync(path.join(user, 'notes'))
    cpSync(path.join(user, defective), path.join(user, 'notes/Launch.MKDOWN'))
    cpSync(path.join(user, defective), path.join(user, 'notes/launch.txt'))

    const markdown = run('pre-commit', ['run', 'milestone-lint', '--files', 'notes/Launch.MKDOWN'], user)
    expect(markdown.status).toBe(1)
    expect(markdown.output).toMatch(/^notes\/Launch\.MKDOWN$/m)
    expect(markdown.output).toMatch(/^109:13-109:19 +warning +Unexpected impact level `Severe`/m)

    const text = run('pre-commit', ['run', 'milestone-lint', '--files', 'notes/launch.txt'], user)
    expectStatus(text, 0)
    expect(text.output).toMatch(/^milestone-lint\.+\(no files to check\)Skipped$/m)
    rmSync(path.join(user, 'notes'), {recursive: true})
  }, 60_000)

  it('applies a config naming the preset, with nothing installed in the repository', () => {
    writeFileSync(
      path.join(user, '.remarkrc.json'),
      JSON.stringify({plugins: [['remark-lint-milestone', {'milestone-risk-fields': false}]]})
    )
    const configured = run('pre-commit', ['run', 'milestone-lint', '--files', defective], user)
    log(`pre-commit run milestone-lint --files ${defective} (.remarkrc.json)`, configured)
    expect(configured.status).toBe(1)
    expect(configured.output).not.toMatch(/Cannot|milestone-risk-fields/)
    expect(configured.output).toMatch(/⚠ 18 warnings/)
    rmSync(path.join(user, '.remarkrc.json'))
  }, 60_000)

  it('fails only on problems the baseline does not have, with the README’s `args`', () => {
    const configFile = path.join(user, '.pre-commit-config.yaml')
    const config = readFileSync(configFile, 'utf8')
    const args = /`(args: \[--baseline, ([^\]]+)\])`/.exec(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))!
    writeFileSync(configFile, config.replace(/^( +)- id: milestone-lint$/m, `$&\n$1  ${args[1]}`))
    // pre-commit runs only a staged config.
    git(user, 'add', '.pre-commit-config.yaml')
    const written = run(
      process.execPath,
      [cliPath, 'docs', '--baseline', args[2]!, '--update-baseline', '--quiet'],
      user
    )
    expectStatus(written, 0)

    const baselined = run('pre-commit', ['run', 'milestone-lint', '--files', defective], user)
    log(`pre-commit run milestone-lint --files ${defective} (baseline)`, baselined)
    expectStatus(baselined, 0)
    expect(baselined.output).toMatch(/^milestone-lint\.+Passed$/m)

    const text = readFileSync(path.join(user, defective), 'utf8')
    writeFileSync(path.join(user, defective), text.replace('with [Owner Name]', 'with [Owner Name] and [Owner Name]'))
    const newProblem = run('pre-commit', ['run', 'milestone-lint', '--files', defective], user)
    expect(newProblem.status).toBe(1)
    expect(newProblem.output).toMatch(/^milestone-lint\.+Failed$/m)
    expect(newProblem.output).toMatch(/⚠ 1 warning/)
    expect(newProblem.output).toMatch(/; 1 warning; 20 baselined$/m)

    writeFileSync(path.join(user, defective), text)
    writeFileSync(configFile, config)
    git(user, 'add', '.pre-commit-config.yaml')
    rmSync(path.join(user, args[2]!))
  }, 60_000)

  it('lints all the files it is given in one run, so that a config’s report file holds them all', () => {
    const copies = Array.from({length: 8}, (_, index) => `docs/milestone-1-copy-${index + 1}.md`)
    const doc = readFileSync(path.join(user, 'docs/milestone-1-private-beta.md'), 'utf8')
    for (const copy of copies) writeFileSync(path.join(user, copy), doc)
    writeFileSync(path.join(user, '.milestone-lint.json'), '{"reports": ["json=lint.json"]}')
    // Without `require_serial`, pre-commit splits 8 files over a run per core (at least 4 files a run).
    const result = run('pre-commit', ['run', 'milestone-lint', '--files', ...copies], user)
    log('pre-commit run milestone-lint --files (8 files)', result)
    const report = JSON.parse(readFileSync(path.join(user, 'lint.json'), 'utf8')) as Array<{path: string}>
    expect(report.map((file) => file.path).sort()).toEqual([...copies].sort())
    for (const file of [...copies, '.milestone-lint.json', 'lint.json']) rmSync(path.join(user, file))
  }, 60_000)

  it('passes a file that .remarkignore excludes without failing on it (--silently-ignore)', () => {
    writeFileSync(path.join(user, '.remarkignore'), 'docs/milestone-2-*\n')

    // pre-commit does give the hook the file (`Passed`, not `Skipped`)…
    const ignored = run('pre-commit', ['run', 'milestone-lint', '--verbose', '--files', defective], user)
    log(`pre-commit run milestone-lint --files ${defective} (ignored)`, ignored)
    expectStatus(ignored, 0)
    expect(ignored.output).toMatch(/^milestone-lint\.+Passed$/m)
    expect(ignored.output).not.toMatch(/ignored|warning|error/i)

    // …and the commit the hook refused before now goes through.
    git(user, 'add', '.remarkignore', defective)
    const commit = run('git', ['commit', '-m', 'Defective doc, ignored'], user)
    log('git commit of the defective doc, ignored', commit)
    expectStatus(commit, 0)
    expect(commit.output).toMatch(/^milestone-lint\.+Passed$/m)
    expect(git(user, 'log', '-1', '--format=%s')).toBe('Defective doc, ignored')
  }, 60_000)
})

interface Run {
  status: number | null
  /** stdout then stderr, without ANSI colours. */
  output: string
  ms: number
}

function run(command: string, args: string[], cwd: string): Run {
  const start = performance.now()
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8'})
  const ms = performance.now() - start
  if (result.error) throw result.error
  return {status: result.status, output: stripVTControlCharacters(result.stdout + result.stderr), ms}
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env, encoding: 'utf8'}).trim()
}

function expectStatus(result: Run, status: number): void {
  expect(result.status, result.output).toBe(status)
}

function log(what: string, result: Run): void {
  console.log(`[pre-commit test] ${what}: ${(result.ms / 1000).toFixed(2)} s (exit ${result.status})`)
}

/**
 * The environment of a user running git: ours without `GIT_*` (git must work
 * on the temporary repositories), pre-commit settings (`SKIP`), npm's script
 * variables (`npm test` sets them), colour forcing or test runner settings;
 * with a temporary `PRE_COMMIT_HOME` and an empty global git config (none of
 * the developer's hooks path, templates or signing).
 */
function cleanEnvironment(home: string, gitConfig: string): NodeJS.ProcessEnv {
  const result = Object.fromEntries(
    Object.entries(withoutGitVariables(userEnvironment())).filter(([key]) => !/^(?:PRE_COMMIT|SKIP$)/i.test(key))
  )
  writeFileSync(gitConfig, '')
  return {
    ...result,
    PRE_COMMIT_HOME: home,
    PRE_COMMIT_COLOR: 'never',
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: '1'
  }
}

/**
 * This checkout as a hook repository, as `pre-commit try-repo` makes one:
 * the working-tree files git would track (uncommitted changes included),
 * committed in a temporary repository. Never node_modules or dist.
 */
function snapshot(): string {
  const folder = makeTemporary('milestone-hook-repo-')
  copyCheckout(folder)
  git(folder, 'init', '-q')
  git(folder, 'add', '--all')
  git(
    folder,
    '-c',
    'user.name=Snapshot',
    '-c',
    'user.email=snapshot@example.com',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    'Snapshot'
  )
  return folder
}
