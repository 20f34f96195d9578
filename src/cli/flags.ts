/**
 * The flags of `milestone-lint` and `milestone-lint new`, and how a command
 * line's tokens are read into values (argv.ts says what they ask for).
 */
import {type ParseArgsConfig, parseArgs} from 'node:util'
import json5 from 'json5'

/** Reporters this package ships, by the name given to `--report`. */
const reporterNames = ['json', 'github', 'sarif', 'gitlab', 'junit', 'summary'] as const

/** `parseArgs`'s options. */
export type Options = NonNullable<ParseArgsConfig['options']>

/** A token of `parseArgs`. */
export type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number]

const refusedOutput =
  '-o/--output is refused: remark-stringify would reformat every doc and escape its placeholders; ' +
  'milestone-lint writes only what --fix changes (see it first with --fix-dry-run)'

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
  {long: 'silent', short: 'S', help: 'report only what fails the run (warnings too when frail), and no summary'},
  {long: 'verbose', help: 'list the files skipped as not milestone docs, and why'},
  {
    long: 'report',
    value: '<name>[=opts][=file]',
    help: 'json, github, sarif, gitlab, junit, summary or a vfile-reporter-<name>; =file writes it there (repeatable)'
  },
  {long: 'color', negatable: true, help: 'colour the report (default: when stderr is a terminal)'},
  {
    long: 'config',
    short: 'c',
    value: '<file>',
    help: 'use this milestone-lint config file, not the .milestone-lint.* or package.json#milestoneLint found'
  },
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
  {
    long: 'concurrency',
    value: '<n>',
    help: 'lint on n threads (default: one per core but one, at most one per 16 files); not --fix'
  },
  {
    long: 'cache',
    negatable: true,
    help: 'reuse the messages of files unchanged since the last --cache run (not with --fix)'
  },
  {
    long: 'cache-location',
    value: '<file|folder>',
    help: 'where --cache keeps them (default: node_modules/.cache/milestone-lint/)'
  },
  {long: 'baseline', value: '<file>', help: 'report and fail only on messages this baseline file does not have'},
  {long: 'update-baseline', help: 'write the --baseline file: every message of the files linted'},
  {long: 'help', short: 'h', help: 'print this help'},
  {long: 'version', short: 'v', help: 'print the version'}
]

/** The flags of `milestone-lint new`, in the order of the help. */
export const newFlags: Flag[] = [
  {long: 'title', value: '<title>', help: 'the title, instead of the one read from the file name'},
  {long: 'config', short: 'c', value: '<file>', help: 'use this milestone-lint config file (and its template)'},
  {
    long: 'rc-path',
    short: 'r',
    value: '<path>',
    help: 'use this config file (and its template), not the .remarkrc* found'
  }
]

/** The tokens of a command line. Not strict: unknown flags, missing values and refusals are ours to word. */
export function tokensOf(argv: readonly string[], options: Options): Token[] {
  return parseArgs({args: [...argv], options, strict: false, allowPositionals: true, tokens: true}).tokens
}

/** The flags as `parseArgs` takes them. */
export function parseArgsOptions(list: readonly Flag[]): Options {
  const options: Options = {}
  for (const flag of list) {
    options[flag.long] = {type: flag.value ? 'string' : 'boolean', ...(flag.short ? {short: flag.short} : {})}
    if (flag.alias) options[flag.alias] = {type: options[flag.long]!.type}
    if (flag.negatable) options['no-' + flag.long] = {type: 'boolean'}
  }
  return options
}

/** Each flag's values in order (a switch's as `true`, or `false` for `--no-`), and the paths; refuses a flag that cannot be run. */
export function flagValues(
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
export function withOptions(value: string, flag: string): {name: string; options: Record<string, unknown>} {
  const split = value.indexOf('=')
  if (split === -1) return {name: value, options: {}}
  return {name: value.slice(0, split), options: optionsOf(value.slice(split + 1), `${flag} ${value}`)}
}

/** A report asked for: its reporter, its options, and the file to write it to (stdout when none). */
export interface Report {
  name: string
  options: Record<string, unknown>
  file?: string
}

/**
 * `--report <name>[=options][=file]`. What follows the last `=` is a file
 * when it has an extension or a `/` and no `:` but a drive's (options always have one):
 * `sarif=results.sarif`, `json=pretty:2`, `json=pretty:2=report.json`.
 */
export function reportOf(value: string): Report {
  const split = value.indexOf('=')
  const name = split === -1 ? value : value.slice(0, split)
  if (!name.trim()) {
    throw new UsageError(
      `\`--report ${value}\`: no report named (json, github, sarif, gitlab, junit, summary, or another)`
    )
  }
  if (split === -1) return {name: value, options: {}}
  const rest = value.slice(split + 1)
  const last = rest.lastIndexOf('=')
  const file = rest.slice(last + 1)
  const given = `--report ${value}`
  // A Windows drive (`C:\`, `d:/`) is the one `:` a file may have.
  const noColon = !file.replace(/^[A-Za-z]:(?=[\\/])/, '').includes(':')
  if (noColon && (/[\\/]/.test(file) || /\.[A-Za-z][\w-]*$/.test(file))) {
    return {name, options: last === -1 ? {} : reportOptions(name, rest.slice(0, last), given), file}
  }
  if (!rest.includes(':')) {
    throw new UsageError(
      `\`${given}\`: \`${rest}\` is neither options (\`key:value,…\`) nor a file (a path with an extension or a \`/\`)`
    )
  }
  return {name, options: reportOptions(name, rest, given)}
}

/** The flag that sets, for every report, an option the run gives them all. */
const runReportOptions: Record<string, string> = {
  quiet: '`--quiet`',
  silent: '`--silent`',
  frail: '`--no-frail`',
  color: '`--color` or `--no-color`'
}

/**
 * A report's options, checked when it is one this package ships: json takes
 * `pretty` (vfile-reporter-json's), the others none. Another's reporter
 * takes what it takes.
 */
function reportOptions(name: string, text: string, given: string): Record<string, unknown> {
  const options = optionsOf(text, given)
  const shipped = shippedReporter(name)
  if (!shipped) return options
  for (const [key, value] of Object.entries(options)) {
    if (Object.hasOwn(runReportOptions, key)) {
      throw new UsageError(`\`${given}\`: \`${key}\` is the run’s, for every report: give ${runReportOptions[key]}`)
    }
    if (shipped !== 'json' || key !== 'pretty') {
      const takes = shipped === 'json' ? 'json takes `pretty`' : `${shipped} takes no options`
      throw new UsageError(`\`${given}\`: unknown option \`${key}\`, ${takes}`)
    }
    if (typeof value !== 'boolean' && !(Number.isInteger(value) && (value as number) >= 0)) {
      throw new UsageError(
        `\`${given}\`: unexpected value \`${json5.stringify(value)}\` for \`pretty\`, expected a number of spaces, true or false`
      )
    }
  }
  return options
}

function optionsOf(text: string, given: string): Record<string, unknown> {
  try {
    return json5.parse<Record<string, unknown>>(`{${text}}`)
  } catch (error) {
    throw new UsageError(`cannot read the options of \`${given}\` (${(error as Error).message})`)
  }
}

/** The shipped reporter a `--report` name means, if any (`json` or `vfile-reporter-json`). */
export function shippedReporter(name: string): (typeof reporterNames)[number] | undefined {
  return reporterNames.find((known) => known === name || 'vfile-reporter-' + known === name)
}
