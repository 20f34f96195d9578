/**
 * milestone-lint's own config file: `.milestone-lint.json`, `.jsonc`,
 * `.mjs` (its default export) or `package.json#milestoneLint`, the first
 * found from the working directory upward (or the one `--config` names);
 * each doc also gets the preset's options of those at or above it (nested-configs.ts).
 * It gives the preset's options, and the keys a flag also gives (in one
 * table, `flagKeys`); the command line wins over it for those.
 */
import path from 'node:path'
import {type OptionKind, type OptionKinds, validateOptions} from '../match/options.js'
import {presetOptionTypes} from '../rules/ids.js'
import {type LintOptions, reportsOf} from './argv.js'
import {UsageError} from './flags.js'
import {checkIgnore} from './ignore-files.js'
import {configIn, contentOf} from './config-read.js'
import {firstLine} from './lint-message.js'

/** A config file read: where it is, and what it gives. */
export interface Config {
  /** The file, as named in problems (relative to the working directory). */
  name: string
  /** The folder its paths and globs are relative to. */
  folder: string
  /** The preset's options. */
  preset: Record<string, unknown>
  /** The values of the keys a flag also gives, as the run options they set. */
  options: Partial<LintOptions>
}

/** Where a key's value is read from, and to. */
interface From {
  folder: string
  cwd: string
}

/** A config key that a flag also gives: its kind (checked as options are), the run option it sets, and how. */
interface FlagKey<Kind extends OptionKind> {
  kind: Kind
  option: keyof LintOptions
  read: (value: OptionKinds[Kind], from: From) => Partial<LintOptions>
}

const flagKey = <Kind extends OptionKind>(key: FlagKey<Kind>) => key

/**
 * Config key → run option. Paths and globs are relative to the config's
 * folder; the run takes them relative to the working directory.
 */
const flagKeys = {
  files: flagKey({
    kind: 'globs',
    option: 'patterns',
    read: (globs, from) => ({patterns: globsOf(globs).map((glob) => fromFolder(glob, from))})
  }),
  ignores: flagKey({
    kind: 'globs',
    option: 'ignorePatterns',
    read(globs, {folder}) {
      for (const glob of globsOf(globs)) checkIgnore(glob, '`ignores`')
      return {ignorePatterns: globsOf(globs), ignoreBase: folder}
    }
  }),
  reports: flagKey({
    kind: 'strings',
    option: 'reports',
    read: (values, from) => ({
      reports: reportsOf(values).map((report) =>
        report.file === undefined ? report : {...report, file: fromFolder(report.file, from)}
      )
    })
  }),
  baseline: flagKey({kind: 'string', option: 'baseline', read: (file, from) => ({baseline: fromFolder(file, from)})}),
  cache: flagKey({kind: 'boolean', option: 'cache', read: (cache) => ({cache})}),
  cacheLocation: flagKey({
    kind: 'string',
    option: 'cacheLocation',
    read: (file, from) => ({cacheLocation: fromFolder(file, from) + (/[\\/]$/.test(file) ? '/' : '')})
  }),
  concurrency: flagKey({kind: 'count', option: 'concurrency', read: (concurrency) => ({concurrency})})
}

/** Every key of a config file, and its kind. */
const configTypes = {
  ...Object.fromEntries(Object.entries(flagKeys).map(([key, {kind}]) => [key, kind])),
  ...presetOptionTypes
}

/**
 * The config file `--config` names, or the first found from the working
 * directory up; `undefined` if none. `beforeImport` is called before a
 * `.mjs` one is imported (the command line registers its module hooks).
 */
export async function loadConfig(
  cwd: string,
  named: string | undefined,
  beforeImport?: () => void
): Promise<Config | undefined> {
  const file = named === undefined ? findConfig(cwd) : path.resolve(cwd, named)
  if (file === undefined) return undefined
  const name = path.relative(cwd, file) || file
  try {
    return configOf(await contentOf(file, beforeImport), name, path.dirname(file), cwd)
  } catch (error) {
    // Whatever it threw (`throw null` too).
    const code = (error as NodeJS.ErrnoException | null)?.code
    const problem =
      error instanceof UsageError || error instanceof TypeError
        ? error.message
        : code !== undefined && /^E[A-Z]+$/.test(code)
          ? `cannot read it (${code})`
          : error instanceof Error
            ? firstLine(error)
            : `it threw \`${String(error)}\``
    throw new UsageError(problem.startsWith(name + ': ') ? problem : `${name}: ${problem}`)
  }
}

/** The run options with a config's under them: a key the command line gives is its own. */
export function withConfig(options: LintOptions, config: Config | undefined): LintOptions {
  const merged = {...options}
  for (const {option} of Object.values(flagKeys)) {
    const given = options[option]
    // A `false` in the config is given too: `"cache": false` keeps the cache off.
    if ((Array.isArray(given) ? given.length > 0 : given !== undefined) || config?.options[option] === undefined)
      continue
    // A dry run's stdout is its diff, and it writes no file: the config's reports are a lint's.
    if (option === 'reports' && options.fixDryRun) continue
    Object.assign(merged, pick(config.options, option))
  }
  // `--no-cache` or `"cache": false` with a `cacheLocation` is fine: the cache is off.
  if (merged.cacheLocation !== undefined && merged.cache === undefined) {
    throw new UsageError(
      options.cacheLocation === undefined
        ? `${config?.name}: \`cacheLocation\` says where the cache is kept: add \`"cache": true\` (or --cache)`
        : '--cache-location says where --cache keeps its file: add --cache (or `cache: true` in the config file)'
    )
  }
  if (merged.updateBaseline && merged.baseline === undefined) {
    throw new UsageError(
      '--update-baseline writes the file --baseline names: add `--baseline <file>` (or `baseline` in the config file)'
    )
  }
  // The next run would find the files changed, and their problems fixed and new.
  if (merged.updateBaseline && merged.fixDryRun) {
    throw new UsageError('--update-baseline would hash text that --fix-dry-run does not write: use one of them')
  }
  return merged
}

/** A key and the keys that go with it (`ignores` sets its base too). */
function pick(options: Partial<LintOptions>, option: keyof LintOptions): Partial<LintOptions> {
  return option === 'ignorePatterns'
    ? {ignorePatterns: options.ignorePatterns, ignoreBase: options.ignoreBase}
    : {[option]: options[option]}
}

/** The first config file from a folder up to the file system's root. */
function findConfig(cwd: string): string | undefined {
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    const found = configIn(folder)
    if (found || path.dirname(folder) === folder) return found
  }
}

/** Check a config's keys and values, and split them into the preset's options and the run's. */
function configOf(value: unknown, name: string, folder: string, cwd: string): Config {
  // `validateOptions` takes no options as none; a config file of nothing is a mistake.
  if (value === null) throw new UsageError('unexpected options `null`, expected an object')
  validateOptions(name, value, configTypes)
  const preset: Record<string, unknown> = {}
  const options: Partial<LintOptions> = {}
  for (const [key, given] of Object.entries(value as object)) {
    if (!(key in flagKeys)) preset[key] = given
    else {
      const {read} = flagKeys[key as keyof typeof flagKeys]
      Object.assign(options, (read as (value: unknown, from: From) => Partial<LintOptions>)(given, {folder, cwd}))
    }
  }
  return {name, folder, preset, options}
}

function globsOf(globs: string | string[]): string[] {
  return typeof globs === 'string' ? [globs] : globs
}

/** A path or glob relative to the config's folder, as the run takes it: relative to the working directory. */
function fromFolder(file: string, {folder, cwd}: From): string {
  return path.relative(cwd, path.resolve(folder, file)).split(path.sep).join('/') || '.'
}
