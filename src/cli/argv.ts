/**
 * The `milestone-lint` command line is remark-cli's (unified-args) with
 * other defaults. This module turns our command line into the arguments
 * unified-args gets: a pure function, so the defaults are testable.
 */

/** Reporters this package ships, by the name given to `--report`. */
export const reporterNames = ['json', 'github', 'sarif'] as const

export interface Locations {
  /** Where the preset is, loaded as an engine plugin (`--use`). */
  preset: string
  /** Where the plugin is that keeps messages, not trees, in a run that writes nothing. */
  releaseTrees: string
  /** Where each shipped reporter is, by name. */
  reporter: (name: (typeof reporterNames)[number]) => string
  /** Whether the report may be coloured when no flag says (a terminal, no `NO_COLOR`). */
  color: boolean
}

/**
 * Our defaults, each of which the user can override with the flag's
 * opposite:
 *
 * - the preset is always used, as an engine plugin, so `.remarkrc*` files
 *   still apply on top of it and receive the whole file set;
 * - `--frail`: any message fails the run (`--no-frail` to fail only on errors);
 * - `--no-stdout`: a linter never prints the documents it reads;
 * - when nothing is written (no `--output`, `--stdout`, `--tree-out` or
 *   `--inspect`), each file's tree is dropped once it is linted, so memory
 *   holds messages, not every tree at once;
 * - `--no-color` when the report does not go to a terminal (a hook, a CI
 *   log, a pipe), where escape codes are noise;
 * - `--report json|github|sarif` load the reporters this package ships, which
 *   write to stdout (so `> results.sarif` works); with frail on, they report
 *   warnings at level error, as that is what fails the run.
 */
export function milestoneArgs(argv: readonly string[], locations: Locations): string[] {
  const end = argv.indexOf('--')
  const flags = end === -1 ? argv : argv.slice(0, end)
  const rest = end === -1 ? [] : argv.slice(end)
  const frail = !has(flags, 'frail', 'f', 'no-frail') || has(flags, 'frail', 'f')
  const defaults: string[] = ['--use', locations.preset]

  if (!has(flags, 'frail', 'f', 'no-frail')) defaults.push('--frail')
  if (!has(flags, 'stdout', '', 'no-stdout', 'output', 'o', 'tree-out', 'inspect')) {
    defaults.push('--no-stdout')
  }
  if (!has(flags, 'stdout', '', 'output', 'o', 'tree', 'tree-out', 'inspect')) {
    defaults.push('--use', locations.releaseTrees)
  }
  if (!locations.color && !has(flags, 'color', '', 'no-color')) defaults.push('--no-color')

  return [...defaults, ...withReporters(flags, frail, locations), ...rest]
}

/** Whether any of the long flags (or the short one, alone or grouped) is given. */
function has(flags: readonly string[], long: string, short: string, ...others: string[]): boolean {
  const longs = [long, ...others.filter((name) => name.length > 1)]
  const shorts = [short, ...others.filter((name) => name.length === 1)].filter(Boolean)
  return flags.some(
    (flag) =>
      longs.some((name) => flag === '--' + name || flag.startsWith('--' + name + '=')) ||
      (/^-[a-zA-Z]+$/.test(flag) && shorts.some((name) => flag.includes(name)))
  )
}

/** Replace `--report <name>` for a shipped reporter with where it is. */
function withReporters(flags: readonly string[], frail: boolean, locations: Locations): string[] {
  const result: string[] = []
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index] as string
    if (flag === '--report' && index + 1 < flags.length) {
      result.push(flag, reporterValue(flags[++index] as string, frail, locations))
    } else if (flag.startsWith('--report=')) {
      result.push('--report=' + reporterValue(flag.slice('--report='.length), frail, locations))
    } else {
      result.push(flag)
    }
  }
  return result
}

function reporterValue(value: string, frail: boolean, locations: Locations): string {
  const split = value.indexOf('=')
  const name = split === -1 ? value : value.slice(0, split)
  const options = split === -1 ? '' : value.slice(split + 1)
  const shipped = reporterNames.find((known) => known === name || 'vfile-reporter-' + known === name)
  if (!shipped) return value
  const all = [options, 'frail:' + String(frail)].filter(Boolean).join(',')
  return locations.reporter(shipped) + '=' + all
}
