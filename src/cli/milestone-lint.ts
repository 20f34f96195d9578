#!/usr/bin/env node
/**
 * `milestone-lint [options] <path | glob ...>`: unified-engine (what
 * remark-cli runs) with the milestone preset loaded as an engine plugin.
 * Config and ignore files are remark-cli's; the command line, the exit
 * codes and the summary are its own (see argv.ts, outcome.ts).
 *
 * What only some runs need is imported when they need it (the engine and
 * its parser, `new`, `--help`, `--fix`, `--baseline`): `--version`, and a
 * run that takes every file from its cache or lints on threads, load none.
 */
import {Console} from 'node:console'
import {readFileSync} from 'node:fs'
import process from 'node:process'
import {VFile} from 'vfile'
import {type LintOptions, type NewOptions, defaultCacheLocation, parseCommandLine} from './argv.js'
import {UsageError} from './flags.js'
import {firstLine} from './lint-message.js'
import {type Fixed, exitCode, outcomeOf, skippedLines, summaryLine} from './outcome.js'
import {type NamedIn, registerOwnPackage, whereNamed} from './own-package.js'
import {type Refused, extensions, findFiles} from './files.js'
import {type RunOptions, runEngine} from './engine-run.js'
import {ignoreName} from '../project/file-names.js'
import {defaultConcurrency, lintFiles} from './lint-files.js'
import {type Cache, openCache} from './cache.js'
import {refuseExit} from './exit-guard.js'
import {checkRunOutputs} from './outputs.js'
import {reporterOf, writeReports} from './reports.js'
import {loadConfig, withConfig} from './config-file.js'
import {presetsOf} from './nested-configs.js'

/** The run options, with the preset's options from the config file. */
type RunLintOptions = LintOptions & Pick<RunOptions, 'preset' | 'nested'>

/** Whether the run failed (exit 2), whatever it goes on to do: a plugin's error outside a lint does not stop it. */
let failed = false

// Anything unexpected, even outside the run's own callbacks: one line, and exit 2.
const strays = new Set<string>()
process.on('uncaughtException', (error) => {
  // Once each: a plugin's timer runs once a file.
  const line = firstLine(error)
  if (!strays.has(line)) fail(line)
  strays.add(line)
})

// stdout is the reports' and the diff's: what a config file or a plugin logs goes to stderr.
globalThis.console = new Console(process.stderr, process.stderr)
refuseExit()

try {
  const command = parseCommandLine(process.argv.slice(2))
  if (command.action === 'help') process.stdout.write((await import('./help.js')).help)
  else if (command.action === 'version') process.stdout.write(version() + '\n')
  else if (command.action === 'new') await writeNewDoc(command.options)
  else await lint(command.options)
} catch (error) {
  fail(error instanceof UsageError ? error.message : firstLine(error))
}

async function lint(given: LintOptions): Promise<void> {
  const cwd = process.cwd()
  const namedIn: NamedIn = new Map()
  const config = await loadConfig(cwd, given.config, registerOwnPackage)
  const options: RunLintOptions = {...withConfig(given, config), ...presetsOf(given, config)}
  // A config's `files` are globs as in markdownlint-cli2: what its `ignores` exclude is skipped quietly.
  const skipIgnoredMatches = given.patterns.length === 0
  const found = await findFiles(options.patterns, cwd, extensions, {...options, ignoreName, skipIgnoredMatches})
  if (options.errorOnUnmatchedPattern) {
    if (options.patterns.length === 0) {
      fail('no path or glob given (see `milestone-lint --help`)')
      return
    }
    if (found.unmatched.length > 0) {
      fail(...found.unmatched.map(({reason}) => reason))
      return
    }
  }

  checkRunOutputs(options, found.paths, config?.name, cwd)
  // Read before linting: one that cannot be used stops the run before any work (and any cache written).
  const baseline = await baselineOf(options, cwd)
  const reporters = await Promise.all(options.reports.map((report) => reporterOf(report, cwd)))
  // --fix lints in this thread, all files at once, without the cache: its rounds need each file's text.
  const fixing = options.fix || options.fixDryRun
  const cache = options.cache && !fixing ? cacheOf(options, cwd) : undefined
  let files = fixing
    ? await runOn(found.paths, options, cwd, namedIn)
    : await lintFiles(
        options,
        found.paths,
        cwd,
        namedIn,
        options.concurrency ?? defaultConcurrency(found.paths.length),
        cache
      )
  const cacheProblem = cache?.save()
  let fixed: Fixed | undefined
  if (fixing) ({files, fixed} = await fix(options, files, cwd, namedIn))
  const outcome = outcomeOf([...found.refused.map((refused) => refusedFile(refused, cwd)), ...files])
  const baselined = baseline?.(outcome)
  const {text, notWritten} = await writeReports(options.reports, reporters, outcome.reported, {
    quiet: options.quiet,
    silent: options.silent,
    frail: options.frail,
    color: options.color ?? colorByDefault()
  })
  const lines = [
    ...(options.verbose ? skippedLines(outcome) : []),
    ...outcome.problems.map((problem) => 'milestone-lint: ' + whereNamed(problem, namedIn)),
    ...[...notWritten, ...(cacheProblem ? [cacheProblem] : [])].map((problem) => 'milestone-lint: ' + problem)
  ]
  const reported = outcome.problems.length + outcome.errors + outcome.warnings + outcome.infos > 0
  if (!options.silent && (!options.quiet || reported)) {
    lines.push(summaryLine(outcome, fixed) + (baselined?.count ? `; ${baselined.count} baselined` : ''))
  }
  if (!options.silent) lines.push(...(baselined?.lines ?? []))
  process.stderr.write((text ? text.replace(/\n?$/, '\n') : '') + lines.map((line) => line + '\n').join(''))
  process.exitCode = failed || notWritten.length > 0 || cacheProblem ? 2 : exitCode(outcome, options.frail)
}

/** The cache of `--cache`, for the options that change what files are linted and how. */
function cacheOf(options: RunLintOptions, cwd: string): Cache {
  const {rcPath, ignorePath, ignorePatterns, ignoreBase, silentlyIgnore, use, preset, nested} = options
  return openCache(options.cacheLocation ?? defaultCacheLocation, cwd, {
    version: own().version,
    // The preset's options from milestone-lint's own config file are among them.
    options: {rcPath, ignorePath, ignorePatterns, ignoreBase, silentlyIgnore, use, preset, nested},
    files: [rcPath, ignorePath].filter((file) => file !== undefined)
  })
}

/**
 * One engine run on the files found, given as files, not paths, which it
 * would take for globs when they have `[`, `?` or `*` in them; with none,
 * it would read stdin.
 */
function runOn(paths: string[], options: LintOptions, cwd: string, namedIn: NamedIn): Promise<VFile[]> {
  if (paths.length === 0) return Promise.resolve([])
  registerOwnPackage()
  const files = paths.map((file) => new VFile({path: file, cwd}))
  return runEngine(options, files, cwd, namedIn)
}

/** `--baseline`'s, to apply once the files are linted (baseline-run.ts); `undefined` without one. */
async function baselineOf(options: LintOptions, cwd: string) {
  return options.baseline === undefined ? undefined : (await import('./baseline-run.js')).openBaseline(options, cwd)
}

/** `milestone-lint new`: write the doc, and say what it holds. */
async function writeNewDoc(options: NewOptions): Promise<void> {
  const cwd = process.cwd()
  registerOwnPackage()
  const config = await loadConfig(cwd, options.config)
  // Loaded for `new` only: it loads the engine and the schema.
  const {newDoc} = await import('./new-doc.js')
  const lines = await newDoc({...options, ...presetsOf(options, config)}, cwd, new Map())
  process.stderr.write(lines.map((line) => line + '\n').join(''))
}

/**
 * Apply the certain fixes, linting fixed texts again in memory; then write
 * each fixed file once, or print the diff (a dry run). The files to report:
 * as fixed, or as on disk when one could not be written.
 */
async function fix(
  options: RunLintOptions,
  files: VFile[],
  cwd: string,
  namedIn: NamedIn
): Promise<{files: VFile[]; fixed: Fixed}> {
  const [{fixInRounds, writeFixed}, {fixDiff}] = await Promise.all([import('./fix.js'), import('./fix-diff.js')])
  const relint = (texts: Map<string, string>) =>
    runEngine(
      options,
      [...texts].map(([file, value]) => new VFile({path: file, cwd, value})),
      cwd,
      namedIn
    )
  const result = await fixInRounds(files, relint, options.fixRules && new Set(options.fixRules))
  const fixed: Fixed = {files: 0, fixes: 0, notWritten: 0, dryRun: options.fixDryRun}
  if (options.fixDryRun) process.stdout.write(fixDiff(result.fixing, cwd))
  const reported = result.files.map((file, index) => {
    const fixing = result.fixing.get(file.path)
    if (!fixing) return file
    const original = files[index]!
    if (!options.fixDryRun && !writeFixed(original, fixing)) {
      fixed.notWritten++
      return original
    }
    fixed.files++
    fixed.fixes += fixing.edits
    return file
  })
  return {files: reported, fixed}
}

/** A file that is not read, with its one message (fatal: it is not linted). */
function refusedFile({path, reason}: Refused, cwd: string): VFile {
  const file = new VFile({path, cwd})
  const message = file.message(reason, {ruleId: 'read', source: 'milestone-lint'})
  message.fatal = true
  return file
}

/** Print problems, one line each, and exit 2. */
function fail(...problems: string[]): void {
  process.stderr.write(problems.map((problem) => `milestone-lint: ${problem}\n`).join(''))
  process.exitCode = 2
  failed = true
}

function version(): string {
  const remarkPack = readJson(new URL('package.json', import.meta.resolve('remark')))
  return `milestone-lint: ${own().version}, remark: ${remarkPack.version}`
}

function own(): {version: string} {
  return readJson(new URL('../../package.json', import.meta.url))
}

function readJson(url: URL): {version: string} {
  return JSON.parse(readFileSync(url, 'utf8')) as {version: string}
}

/** Colour the report in a terminal, unless `NO_COLOR` is set; `FORCE_COLOR` forces it. */
function colorByDefault(): boolean {
  const force = process.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- `isTTY` is missing when stderr is a file or a pipe
  return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
}
