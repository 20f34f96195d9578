import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** This checkout (the package under test), and its built command line. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
export const cliPath = path.join(repoRoot, 'dist/cli/milestone-lint.js')

/**
 * A temporary project as a user has it: the example docs under `docs/`,
 * this package installed as `node_modules/remark-lint-milestone`, and
 * whatever extra files the test writes (config, ignore files).
 */
export function makeProject(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestone-lint-'))
  made.push(root)
  cpSync(path.join(repoRoot, 'fixtures/example'), path.join(root, 'docs'), {recursive: true})
  mkdirSync(path.join(root, 'node_modules'))
  symlinkSync(repoRoot, path.join(root, 'node_modules/remark-lint-milestone'), 'dir')
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), value)
  }
  return root
}

const made: string[] = []

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
