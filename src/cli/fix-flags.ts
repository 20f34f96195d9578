/**
 * The `--fix` flags of a command line: `--fix`, `--fix-dry-run` (`--diff`)
 * and `--fix-rule`, refused together when they cannot be.
 */
import {ruleIds} from '../rules/ids.js'
import {type Report, UsageError, shippedReporter} from './flags.js'

/** `--fix`, `--fix-dry-run` and `--fix-rule`; refuses them together when they cannot be. */
export function fixing(
  values: Map<string, Array<string | boolean>>,
  reports: Report[]
): {fix: boolean; fixDryRun: boolean; fixRules: string[] | undefined} {
  const fix = values.get('fix')?.at(-1) === true
  const fixDryRun = values.get('fix-dry-run')?.at(-1) === true
  if (fix && fixDryRun) throw new UsageError('--fix writes what --fix-dry-run shows: use one of them')
  if (fixDryRun) checkDiffOutput(reports)
  const given = values.get('fix-rule') as string[] | undefined
  if (given && !fix && !fixDryRun) throw new UsageError('--fix-rule limits --fix or --fix-dry-run: add one of them')
  return {fix, fixDryRun, fixRules: given && fixRuleIds(given)}
}

/**
 * `--fix-dry-run` prints its diff on stdout and writes no file: refuses a
 * report there or to a file (a config file's reports do not apply to it).
 */
function checkDiffOutput(reports: Report[]): void {
  const onStdout = reports.find((report) => report.file === undefined)
  const reporter = onStdout && shippedReporter(onStdout.name)
  if (reporter) {
    throw new UsageError(`--fix-dry-run prints its diff on stdout, where --report ${reporter} writes: use one of them`)
  }
  const toFile = reports.find((report) => report.file !== undefined)
  if (toFile) {
    throw new UsageError(
      `--fix-dry-run writes no file, and --report ${toFile.name} would write \`${toFile.file!}\`: use one of them`
    )
  }
}

/** The rule ids `--fix-rule` names: comma-separated, as configured, or as `remark-lint:<id>`. */
function fixRuleIds(lists: string[]): string[] {
  const known: readonly string[] = ruleIds
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
