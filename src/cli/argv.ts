/**
 * What a `milestone-lint` command line asks for (its flags are in
 * flags.ts). A pure function over the arguments, so that every flag and
 * every refusal is testable without running the linter.
 */
import path from 'node:path'
import {
  type Report,
  UsageError,
  flagValues,
  flags,
  newFlags,
  parseArgsOptions,
  reportOf,
  tokensOf,
  withOptions
} from './flags.js'
import {fixing} from './fix-flags.js'
import {checkIgnore} from './ignore-files.js'

/** What a run is asked to do, from its flags and paths. */
export interface LintOptions {
  /** Paths, folders and globs, as given. */
  patterns: string[]
  /** Exit 1 on warnings too, not only on errors. */
  frail: boolean
  quiet: boolean
  silent: boolean
  verbose: boolean
  /** Colour the report; `undefined` when no flag says. */
  color: boolean | undefined
  /** `--report <name>[=options][=file]`, in order: at most one without a file (it replaces the terminal report). */
  reports: Report[]
  /** `--config <file>`: milestone-lint's own config file, instead of the one found. */
  config: string | undefined
  rcPath: string | undefined
  ignorePath: string | undefined
  ignorePatterns: string[]
  /** The folder `ignorePatterns` are relative to: the working directory when `undefined` (a config file's `ignores` set it). */
  ignoreBase?: string | undefined
  silentlyIgnore: boolean
  /** A path or glob that matches no file is an error (`--no-error-on-unmatched-pattern` turns it off). */
  errorOnUnmatchedPattern: boolean
  /** `--use <plugin>[=options]`, in order. */
  use: Array<[string, Record<string, unknown>]>
  /** Apply the certain fixes in place (`--fix`). */
  fix: boolean
  /** Print a diff of what `--fix` would change, and write nothing (`--fix-dry-run`, `--diff`). */
  fixDryRun: boolean
  /** `--fix-rule <ids>`: fix only these rules' messages (all when `undefined`). */
  fixRules: string[] | undefined
  /** `--cache`: reuse the messages of unchanged files, kept in `cacheLocation` (`undefined`: not given). */
  cache: boolean | undefined
  /** `--cache-location <file|folder>` (`undefined`: {@link defaultCacheLocation}). */
  cacheLocation: string | undefined
  /** `--concurrency <n>`: lint on n threads (`undefined`: see defaultConcurrency). */
  concurrency: number | undefined
  /** `--baseline <file>`: messages it has are not reported. */
  baseline: string | undefined
  /** `--update-baseline`: write the baseline file from this run's messages. */
  updateBaseline: boolean
}

/** What `milestone-lint new` is asked to write. */
export interface NewOptions {
  /** The file to write, as given. */
  file: string
  /** `--title`: the title instead of the one read from the file name. */
  title: string | undefined
  config: string | undefined
  rcPath: string | undefined
}

type Command =
  {action: 'help'} | {action: 'version'} | {action: 'lint'; options: LintOptions} | {action: 'new'; options: NewOptions}

/** What a command line asks for; throws a {@link UsageError} for one that cannot be run. */
export function parseCommandLine(argv: readonly string[]): Command {
  // `new` is a command only as the first argument: `milestone-lint ./new` lints a folder named so.
  if (argv[0] === 'new') return parseNew(argv.slice(1))
  // `-o`/`--output` is known only to be refused with its own message.
  const tokens = tokensOf(argv, {output: {type: 'string', short: 'o'}, ...parseArgsOptions(flags)})

  const asked = tokens.find((token) => token.kind === 'option' && (token.name === 'help' || token.name === 'version'))
  if (asked?.kind === 'option') return {action: asked.name as 'help' | 'version'}

  const {values, patterns} = flagValues(tokens, flags)
  const last = (name: string) => values.get(name)?.at(-1)
  const all = (name: string) => (values.get(name) ?? []) as string[]
  const reports = reportsOf(all('report'))

  return {
    action: 'lint',
    options: {
      patterns,
      frail: last('frail') !== false,
      quiet: last('quiet') === true,
      silent: last('silent') === true,
      verbose: last('verbose') === true,
      color: last('color') as boolean | undefined,
      reports,
      config: last('config') as string | undefined,
      rcPath: last('rc-path') as string | undefined,
      ignorePath: last('ignore-path') as string | undefined,
      ignorePatterns: ignoreGlobs(all('ignore-pattern')),
      silentlyIgnore: last('silently-ignore') === true,
      errorOnUnmatchedPattern: last('error-on-unmatched-pattern') !== false,
      ...fixing(values, reports),
      ...baselining(values),
      ...caching(values),
      concurrency: concurrencyOf(last('concurrency') as string | undefined),
      use: all('use').map((value) => {
        const {name, options} = withOptions(value, '--use')
        return [name, options]
      })
    }
  }
}

/** `--ignore-pattern a,b --ignore-pattern c`: the globs, each checked. */
function ignoreGlobs(values: string[]): string[] {
  const globs = values.flatMap((value) =>
    value
      .split(',')
      .map((glob) => glob.trim())
      .filter(Boolean)
  )
  for (const glob of globs) checkIgnore(glob, '`--ignore-pattern`')
  return globs
}

/** The `--report`s (or a config file's `reports`); refuses two on stdout, or two to one file. */
export function reportsOf(values: string[]): Report[] {
  const reports = values.map(reportOf)
  const [first, second] = reports.filter((report) => report.file === undefined)
  if (first && second) {
    throw new UsageError(
      `\`--report ${first.name}\` and \`--report ${second.name}\` both replace the terminal report: ` +
        `give all but one a file (\`--report ${second.name}=<file>\`)`
    )
  }
  const seen = new Map<string, Report>()
  for (const report of reports) {
    if (report.file === undefined) continue
    const file = path.resolve(report.file)
    const before = seen.get(file)
    if (before) {
      throw new UsageError(
        `\`--report ${before.name}\` and \`--report ${report.name}\` both write \`${report.file}\`: give each its own file`
      )
    }
    seen.set(file, report)
  }
  return reports
}

/** `--baseline <file>` and `--update-baseline`, which writes it (checked once a config file may have given the baseline). */
function baselining(values: Map<string, Array<string | boolean>>): Pick<LintOptions, 'baseline' | 'updateBaseline'> {
  return {
    baseline: values.get('baseline')?.at(-1) as string | undefined,
    updateBaseline: values.get('update-baseline')?.at(-1) === true
  }
}

/** `--cache` and `--cache-location`, which only says where. */
function caching(values: Map<string, Array<string | boolean>>): Pick<LintOptions, 'cache' | 'cacheLocation'> {
  // Checked together once a config file's are in (config-file.ts).
  const cache = values.get('cache')?.at(-1) as boolean | undefined
  return {cache, cacheLocation: values.get('cache-location')?.at(-1) as string | undefined}
}

/** Where `--cache` keeps its file by default (a folder, under the working directory). */
export const defaultCacheLocation = 'node_modules/.cache/milestone-lint/'

/** `--concurrency <n>`: a whole number, 1 or more. */
function concurrencyOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`\`--concurrency ${value}\`: expected a whole number of threads, 1 or more`)
  }
  return Number(value)
}

/** `milestone-lint new <file> [--title <title>]`. */
function parseNew(argv: readonly string[]): Command {
  const known = [...newFlags, ...flags.filter((flag) => flag.long === 'help')]
  const tokens = tokensOf(argv, parseArgsOptions(known))
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return {action: 'help'}
  const {values, patterns} = flagValues(tokens, known, 'milestone-lint new')
  const [file, ...more] = patterns
  if (file === undefined) {
    throw new UsageError(
      '`milestone-lint new` needs the file to write: `milestone-lint new <file.md>` (to lint a folder named `new`: `milestone-lint ./new`)'
    )
  }
  if (more.length > 0) {
    throw new UsageError(
      `\`milestone-lint new\` writes one file, found ${patterns.map((name) => `\`${name}\``).join(', ')}`
    )
  }
  const title = values.get('title')?.at(-1) as string | undefined
  if (title !== undefined && (title.trim() === '' || /[\r\n]/.test(title))) {
    throw new UsageError('`--title` needs one line of text: `--title "Milestone 4: Scale"`')
  }
  return {
    action: 'new',
    options: {
      file,
      title: title?.trim(),
      config: values.get('config')?.at(-1) as string | undefined,
      rcPath: values.get('rc-path')?.at(-1) as string | undefined
    }
  }
}
