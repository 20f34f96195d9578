import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** This checkout (the package under test), and its built command line. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
export const cliPath = path.join(repoRoot, 'dist/cli/milestone-lint.js')
const pack = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {bin: Record<string, string>}

/**
 * A temporary project as a user has it: the example docs under `docs/`,
 * this package installed as `node_modules/remark-lint-milestone` with its
 * commands in `node_modules/.bin` (so `npx` finds them there), and whatever
 * extra files the test writes (config, ignore files). Its folder's name
 * starts with `prefix`.
 */
export function makeProject(files: Record<string, string> = {}, prefix = 'milestone-lint-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix))
  made.push(root)
  cpSync(path.join(repoRoot, 'fixtures/example'), path.join(root, 'docs'), {recursive: true})
  mkdirSync(path.join(root, 'node_modules/.bin'), {recursive: true})
  symlinkSync(repoRoot, path.join(root, 'node_modules/remark-lint-milestone'), 'dir')
  for (const [name, bin] of Object.entries(pack.bin)) {
    // A script rather than npm's symlink: dist/ is not executable until npm installs it.
    const script = path.join(root, 'node_modules/.bin', name)
    writeFileSync(script, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(path.join(repoRoot, bin))} "$@"\n`, {
      mode: 0o755
    })
  }
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), value)
  }
  return root
}

const made: string[] = []

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** Remove the projects this test file made (use in `afterAll`). */
export function removeProjects(): void {
  for (const root of made.splice(0)) rmSync(root, {recursive: true, force: true})
}

/** Run `milestone-lint` in a project, its output piped (so without colour). */
export function milestoneLint(cwd: string, ...args: string[]) {
  const env = {...process.env}
  delete env.FORCE_COLOR
  delete env.NO_COLOR
  const result = spawnSync(process.execPath, [cliPath, ...args], {cwd, env, encoding: 'utf8'})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}
