/**
 * The `milestone-lint` command line: its flags, its help, and what a
 * command line asks for. A pure function over the arguments, so that every
 * flag and every refusal is testable without running the linter.
 */
import {type ParseArgsConfig, parseArgs} from 'node:util'
import json5 from 'json5'
import {rules} from '../rules/index.js'

/** Reporters this package ships, by the name given to `--report`. */
const reporterNames = ['json', 'github', 'sarif'] as const

/** `parseArgs`'s options. */
type Options = NonNullable<ParseArgsConfig['options']>

/** A token of `parseArgs`. */
type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number]

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
  /** `--report <name>[=options]`. */
  report: {name: string; options: Record<string, unknown>} | undefined
  rcPath: string | undefined
  ignorePath: string | undefined
  ignorePatterns: string[]
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
}

/** What `milestone-lint new` is asked to write. */
export interface NewOptions {
  /** The file to write, as given. */
  file: string
  /** `--title`: the title instead of the one read from the file name. */
  title: string | undefined
  rcPath: string | undefined
}

type Command =
  {action: 'help'} | {action: 'version'} | {action: 'lint'; options: LintOptions} | {action: 'new'; options: NewOptions}

/** A command line that cannot be run, said in one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A flag of the command line, as parsed and as the help shows it. */
export interface Flag {
  long: string
  short?: string
  /** What the flag takes, for the help; a flag without one is a switch. */
  value?: string
  /** Another long name for it. */
  alias?: string
  /** Also `--no-<long>`. */
  negatable?: boolean
  /** Shown in the help as `--no-<long>` only (it is on by default). */
  negativeOnly?: boolean
  help: string
}

/** Every flag, in the order of the help. */
export const flags: Flag[] = [
  {long: 'frail', short: 'f', negatable: true, help: 'exit 1 on warnings too, not only on errors (the default)'},
  {long: 'quiet', short: 'q', help: 'report only files with messages, and no summary if there are none'},
  {long: 'silent', short: 'S', help: 'report only errors, and no summary'},
  {long: 'verbose', help: 'list the files skipped as not milestone docs, and why'},
  {long: 'report', value: '<name>[=options]', help: 'json, github or sarif (on stdout), or a vfile-reporter-<name>'},
  {long: 'color', negatable: true, help: 'colour the report (default: when stderr is a terminal)'},
  {long: 'rc-path', short: 'r', value: '<path>', help: 'use this config file, not the .remarkrc* files found'},
  {long: 'ignore-path', short: 'i', value: '<path>', help: 'use this ignore file, not the .remarkignore found'},
  {long: 'ignore-pattern', value: '<globs>', help: 'also ignore these files (comma-separated globs)'},
  {long: 'silently-ignore', help: 'pass given files that an ignore file excludes (for hooks)'},
  {
    long: 'error-on-unmatched-pattern',
    negatable: true,
    negativeOnly: true,
    help: 'pass when no path or glob is given, or one matches no file'
  },
  {long: 'use', short: 'u', value: '<plugin>[=options]', help: 'also use a remark plugin'},
  {long: 'fix', help: 'apply the fixes whose text is certain, in place, then report what is left'},
  {long: 'fix-dry-run', alias: 'diff', help: 'print a diff of what --fix would change (on stdout); write nothing'},
  {long: 'fix-rule', value: '<ids>', help: 'fix only these rules (comma-separated ids), with --fix or --fix-dry-run'},
  {long: 'help', short: 'h', help: 'print this help'},
  {long: 'version', short: 'v', help: 'print the version'}
]

/** The flags of `milestone-lint new`, in the order of the help. */
export const newFlags: Flag[] = [
  {long: 'title', value: '<title>', help: 'the title, instead of the one read from the file name'},
  {
    long: 'rc-path',
    short: 'r',
    value: '<path>',
    help: 'use this config file (and its template), not the .remarkrc* found'
  }
]

const refusedOutput =
  '-o/--output is refused: remark-stringify would reformat every doc and escape its placeholders; ' +
  'milestone-lint writes only what --fix changes (see it first with --fix-dry-run)'

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
  const reportFlag = last('report') as string | undefined
  const report = reportFlag === undefined ? undefined : withOptions(reportFlag, '--report')

  return {
    action: 'lint',
    options: {
      patterns,
      frail: last('frail') !== false,
      quiet: last('quiet') === true,
      silent: last('silent') === true,
      verbose: last('verbose') === true,
      color: last('color') as boolean | undefined,
      report,
      rcPath: last('rc-path') as string | undefined,
      ignorePath: last('ignore-path') as string | undefined,
      ignorePatterns: all('ignore-pattern').flatMap((globs) =>
        globs
          .split(',')
          .map((glob) => glob.trim())
          .filter(Boolean)
      ),
      silentlyIgnore: last('silently-ignore') === true,
      errorOnUnmatchedPattern: last('error-on-unmatched-pattern') !== false,
      ...fixing(values, report),
      use: all('use').map((value) => {
        const {name, options} = withOptions(value, '--use')
        return [name, options]
      })
    }
  }
}

/** `--fix`, `--fix-dry-run` and `--fix-rule`; refuses them together when they cannot be. */
function fixing(
  values: Map<string, Array<string | boolean>>,
  report: LintOptions['report']
): Pick<LintOptions, 'fix' | 'fixDryRun' | 'fixRules'> {
  const fix = values.get('fix')?.at(-1) === true
  const fixDryRun = values.get('fix-dry-run')?.at(-1) === true
  if (fix && fixDryRun) throw new UsageError('--fix writes what --fix-dry-run shows: use one of them')
  const reporter = report && shippedReporter(report.name)
  if (fixDryRun && reporter) {
    throw new UsageError(`--fix-dry-run prints its diff on stdout, where --report ${reporter} writes: use one of them`)
  }
  const given = values.get('fix-rule') as string[] | undefined
  if (given && !fix && !fixDryRun) throw new UsageError('--fix-rule limits --fix or --fix-dry-run: add one of them')
  return {fix, fixDryRun, fixRules: given && ruleIds(given)}
}

/** The rule ids `--fix-rule` names: comma-separated, as configured, or as `remark-lint:<id>`. */
function ruleIds(lists: string[]): string[] {
  const known = Object.keys(rules)
  const ids = lists.flatMap((list) =>
    list
      .split(',')
      .map((id) => id.trim().replace(/^remark-lint:/, ''))
      .filter(Boolean)
  )
  if (ids.length === 0) throw new UsageError('--fix-rule needs a rule id')
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new UsageError(
        `--fix-rule: unknown rule \`${id}\`, expected one of: ${known.map((name) => `\`${name}\``).join(', ')}`
      )
    }
  }
  return ids
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
    options: {file, title: title?.trim(), rcPath: values.get('rc-path')?.at(-1) as string | undefined}
  }
}

/** The tokens of a command line. Not strict: unknown flags, missing values and refusals are ours to word. */
function tokensOf(argv: readonly string[], options: Options): Token[] {
  return parseArgs({args: [...argv], options, strict: false, allowPositionals: true, tokens: true}).tokens
}

/** The flags as `parseArgs` takes them. */
function parseArgsOptions(list: readonly Flag[]): Options {
  const options: Options = {}
  for (const flag of list) {
    options[flag.long] = {type: flag.value ? 'string' : 'boolean', ...(flag.short ? {short: flag.short} : {})}
    if (flag.alias) options[flag.alias] = {type: options[flag.long]!.type}
    if (flag.negatable) options['no-' + flag.long] = {type: 'boolean'}
  }
  return options
}

/** Each flag's values in order (a switch's as `true`, or `false` for `--no-`), and the paths; refuses a flag that cannot be run. */
function flagValues(
  tokens: Token[],
  known: readonly Flag[],
  /** A subcommand, named in a refusal. */
  command?: string
): {values: Map<string, Array<string | boolean>>; patterns: string[]} {
  const values = new Map<string, Array<string | boolean>>()
  const patterns: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') patterns.push(token.value)
    if (token.kind !== 'option') continue
    if (token.name === 'output') throw new UsageError(refusedOutput)
    const negated = token.name.startsWith('no-')
    const name = negated ? token.name.slice(3) : token.name
    const flag = known.find((each) => (each.long === name || each.alias === name) && (!negated || each.negatable))
    if (!flag) {
      const where = command ? ` for \`${command}\`` : ''
      throw new UsageError(`unknown option \`${token.rawName}\`${where} (see \`milestone-lint --help\`)`)
    }
    if (flag.value) {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        throw new UsageError(`\`${token.rawName}\` needs a value: \`${token.rawName} ${flag.value}\``)
      }
    } else if (token.value !== undefined) {
      throw new UsageError(`\`${token.rawName}\` takes no value`)
    }
    const list = values.get(flag.long) ?? []
    list.push(flag.value ? token.value! : !negated)
    values.set(flag.long, list)
  }
  return {values, patterns}
}

/** `name=key:value,…` (JSON5 without the braces, as remark-cli takes them). */
function withOptions(value: string, flag: string): {name: string; options: Record<string, unknown>} {
  const split = value.indexOf('=')
  if (split === -1) return {name: value, options: {}}
  const text = value.slice(split + 1)
  try {
    return {name: value.slice(0, split), options: json5.parse<Record<string, unknown>>(`{${text}}`)}
  } catch (error) {
    throw new UsageError(`cannot read the options of \`${flag} ${value}\` (${(error as Error).message})`)
  }
}

/** The shipped reporter a `--report` name means, if any (`json` or `vfile-reporter-json`). */
export function shippedReporter(name: string): (typeof reporterNames)[number] | undefined {
  return reporterNames.find((known) => known === name || 'vfile-reporter-' + known === name)
}
