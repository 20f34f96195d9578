import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** This checkout (the package under test), and its built command line. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
export const cliPath = path.join(repoRoot, 'dist/cli/milestone-lint.js')
const pack = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {bin: Record<string, string>}

/** CI sets `CI`: tests that skip themselves elsewhere must run there. */
export const inCi = Boolean(process.env.CI) && !/^(?:0|false)$/i.test(process.env.CI ?? '')

/**
 * A temporary project as a user has it: the example docs under `docs/`,
 * this package installed as `node_modules/remark-lint-milestone` with its
 * commands in `node_modules/.bin` (so `npx` finds them there), and whatever
 * extra files the test writes (config, ignore files). Its folder's name
 * starts with `prefix`.
 */
export function makeProject(files: Record<string, string> = {}, prefix = 'milestone-lint-'): string {
  const root = makeTemporary(prefix)
  cpSync(path.join(repoRoot, 'fixtures/example'), path.join(root, 'docs'), {recursive: true})
  mkdirSync(path.join(root, 'node_modules/.bin'), {recursive: true})
  symlinkSync(repoRoot, path.join(root, 'node_modules/remark-lint-milestone'), 'dir')
  for (const [name, bin] of Object.entries(pack.bin)) {
    // A script rather than npm's symlink: dist/ is not executable until npm installs it.
    const script = path.join(root, 'node_modules/.bin', name)
    writeFileSync(
      script,
      `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(path.join(repoRoot, bin))} "$@"\n`,
      {
        mode: 0o755
      }
    )
  }
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), value)
  }
  return root
}

const made: string[] = []

/** A new temporary folder, removed by `removeProjects`. */
export function makeTemporary(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix))
  made.push(folder)
  return folder
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** Remove the projects and folders this test file made (use in `afterAll`). */
export function removeProjects(): void {
  for (const root of made.splice(0)) rmSync(root, {recursive: true, force: true})
}

/** Run `milestone-lint` in a project, its output piped (so without colour). */
export function milestoneLint(cwd: string, ...args: string[]) {
  return milestoneLintWithin(undefined, cwd, ...args)
}

/**
 * {@link milestoneLint}, killed after `timeout` ms if given: for input that
 * once made it hang, so that a hang fails its test (status `null`) rather
 * than stalling the suite. Not a measure of speed: make it generous.
 */
export function milestoneLintWithin(timeout: number | undefined, cwd: string, ...args: string[]) {
  const env = {...process.env}
  delete env.FORCE_COLOR
  delete env.NO_COLOR
  const result = spawnSync(process.execPath, [cliPath, ...args], {cwd, env, encoding: 'utf8', timeout})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/**
 * Our environment as a user's shell has it: without what npm sets for
 * `npm test` (`npm_*`: its prefix and package would leak into an npm or git
 * hook we run; a user's own `NPM_CONFIG_*` stays), colour forcing, or test
 * runner settings.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('npm_') && !/^(?:FORCE_COLOR$|NO_COLOR$|NODE_ENV$|VITEST)/i.test(key)
    )
  )
}

/** `GIT_DIR` and the like would point git at another repository than its `cwd`. */
export function withoutGitVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(environment).filter(([key]) => !/^GIT_/i.test(key)))
}

/**
 * Copy this checkout into `folder` as a fresh clone would have it: the
 * working-tree files git would track (uncommitted changes included), never
 * node_modules or dist.
 */
export function copyCheckout(folder: string): void {
  // The developer's own git config (a global excludes file) applies here.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    env: withoutGitVariables(process.env),
    encoding: 'utf8'
  })
    .split('\0')
    .filter((file) => file !== '' && !/^(?:node_modules|dist)(?:\/|$)/.test(file))
  for (const file of new Set(files)) {
    const from = path.join(repoRoot, file)
    // Staged or tracked, but deleted in the working tree.
    if (!existsSync(from)) continue
    mkdirSync(path.dirname(path.join(folder, file)), {recursive: true})
    cpSync(from, path.join(folder, file), {verbatimSymlinks: true})
  }
}

/**
 * Run a command line of the README in a project as a user's shell would
 * (pipes, redirections), `npx milestone-lint` being the project's own.
 */
export function readmeShell(project: string, command: string) {
  const env = {
    ...withoutGitVariables(userEnvironment()),
    PATH: [path.join(project, 'node_modules/.bin'), process.env.PATH].join(path.delimiter)
  }
  const result = spawnSync('sh', ['-c', command.replace(/^\$ /, '').replace(/\bnpx (?=milestone-lint)/g, '')], {
    cwd: project,
    env,
    encoding: 'utf8'
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}
