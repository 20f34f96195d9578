/**
 * The package as npm publishes it: `npm pack` in a fresh copy of this
 * checkout (no dist/: its `prepack` builds it), then one `npm install` of
 * the tarball into a new project (`npm init -y`), together with what the
 * README's in-code example imports, from the registry through the machine's
 * npm cache. Every test reads that one install. Skipped when the registry
 * cannot be reached (`npm ping` fails), except in CI.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lint} from './helpers.js'
import {copyCheckout, inCi, makeTemporary, removeProjects, repoRoot, userEnvironment} from './project.js'
import {readmeBlockAfter} from './readme.js'

interface Manifest {
  name: string
  main: string
  types: string
  bin: Record<string, string>
  exports: Record<string, string | Record<string, string>>
  scripts?: Record<string, string>
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest

const env = userEnvironment()
const ping = spawnSync('npm', ['ping'], {env, encoding: 'utf8', timeout: 30_000})
const skip = (ping.error !== undefined || ping.status !== 0) && !inCi
const skipReason = 'the npm registry cannot be reached (`npm ping` failed); CI must reach it'
if (skip) console.warn(`Skipping the package tests: ${skipReason}`)

/** Where the README's in-code example is. */
const inCode = 'In code (parse and run'
/** The example doc that the bin and the README's code lint. */
const doc = 'docs/milestone-2-public-launch.md'

/** The files in the tarball, as `npm pack` lists them. */
let packed: string[] = []
/** The project the tarball is installed in, and the installed package. */
let project = ''
let installed = ''
/** What the `npm install` printed. */
let installOutput = ''
/** The report of `doc` by this checkout's preset, as vfile-reporter prints it. */
let expected = ''

describe.skipIf(skip)(skip ? `package (skipped: ${skipReason})` : 'package', () => {
  beforeAll(async () => {
    const source = makeTemporary('milestone-pack-')
    copyCheckout(source)
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'), 'dir')
    const pack = run('npm', ['pack', '--json'], source)
    expect(pack.status, pack.stderr).toBe(0)
    const [tarball] = JSON.parse(pack.stdout) as Array<{filename: string; files: Array<{path: string}>}>
    if (!tarball) throw new Error(`npm pack wrote no tarball:\n${pack.stdout}`)
    packed = tarball.files.map((file) => file.path)

    project = makeTemporary('milestone-user-')
    expect(run('npm', ['init', '-y'], project).status).toBe(0)
    cpSync(path.join(repoRoot, 'fixtures/example'), path.join(project, 'docs'), {recursive: true})
    // The README's install line, with this tarball for the package; scripts
    // in the foreground, so that one of ours would show.
    const [npm, ...args] = readmeBlockAfter(inCode, 'sh').trim().split(/\s+/)
    expect(npm).toBe('npm')
    const install = run(
      'npm',
      [
        ...args.map((arg) => (arg === manifest.name ? path.join(source, tarball.filename) : arg)),
        '--foreground-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund'
      ],
      project
    )
    installOutput = install.stdout + install.stderr
    expect(install.status, installOutput).toBe(0)
    installed = path.join(project, 'node_modules', manifest.name)

    const file = new VFile({path: doc, cwd: project, value: readFileSync(path.join(project, doc))})
    expected = reporter(await lint(file), {color: false})
  }, 300_000)

  afterAll(removeProjects)

  it('packs what a user needs: dist/, templates/, README, LICENSE, package.json', () => {
    expect([...new Set(packed.map((file) => file.split('/')[0]))].sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist',
      'package.json',
      'templates'
    ])
    const entries = [
      manifest.main,
      manifest.types,
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((entry) =>
        typeof entry === 'string' ? [entry] : Object.values(entry)
      )
    ]
    for (const file of [...entries.map((entry) => path.posix.normalize(entry)), 'dist/schema/bundled-schema.json']) {
      expect(packed).toContain(file)
    }
  })

  it('ships no source map, and no reference to one, that points at a file the package lacks', () => {
    const missing: string[] = []
    const check = (from: string, target: string) => {
      if (!packed.includes(path.posix.join(path.posix.dirname(from), target))) missing.push(`${from} → ${target}`)
    }
    for (const file of packed) {
      if (file.endsWith('.map')) {
        const map = JSON.parse(readFileSync(path.join(installed, file), 'utf8')) as {
          sourceRoot?: string
          sources: string[]
        }
        for (const source of map.sources) check(file, path.posix.join(map.sourceRoot ?? '', source))
      } else if (/\.[cm]?[jt]s$/.test(file)) {
        const text = readFileSync(path.join(installed, file), 'utf8')
        for (const [, target] of text.matchAll(/^\/\/# sourceMappingURL=(\S+)$/gm)) check(file, target as string)
      }
    }
    expect(missing).toEqual([])
  })

  it('installs without npm warning about the package or its scripts', () => {
    const warnings = installOutput.split('\n').filter((line) => /^npm warn/i.test(line))
    expect(warnings.filter((line) => line.includes(manifest.name))).toEqual([])
    // No script of ours ran (npm prints `> name@version script` for each).
    expect(installOutput).not.toContain(`> ${manifest.name}@`)
    const {scripts = {}} = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest
    expect(
      Object.keys(scripts).filter((script) => /^(?:preinstall|install|postinstall|prepare)$/.test(script))
    ).toEqual([])
  })

  it('runs the installed `milestone-lint` on an example doc', () => {
    expect(expected).toMatch(/^109:13-109:19 +warning +Unexpected impact level `Severe`/m)
    expect(expected).toMatch(/⚠ 20 warnings$/)
    const result = run(path.join(project, 'node_modules/.bin/milestone-lint'), [doc], project)
    expect(result.stdout).toBe('')
    expect(stripVTControlCharacters(result.stderr)).toBe(
      expected + '\nmilestone-lint: 1 file, 1 milestone doc linted; 20 warnings\n'
    )
    expect(result.status).toBe(1)
  }, 60_000)

  it('runs the README’s in-code example as written, saved as lint.mjs', () => {
    writeFileSync(path.join(project, 'lint.mjs'), readmeBlockAfter(inCode, 'js'))
    const result = run('node', ['lint.mjs'], project)
    expect(result.stdout).toBe('')
    expect(stripVTControlCharacters(result.stderr)).toBe(expected + '\n')
    expect(result.status).toBe(0)
  }, 60_000)
})

/** Run a command; one that hangs (npm retrying an unreachable registry) fails after 4 minutes. */
function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 240_000})
  if (result.error) throw new Error(`\`${[command, ...args].join(' ')}\` failed: ${result.error.message}`)
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}
