/**
 * A run's `--baseline`: read before linting, so that one that cannot be
 * used stops the run before any work; applied to the outcome once linted,
 * and written first with `--update-baseline`. Loaded only when asked for.
 */
import type {LintOptions} from './argv.js'
import {type Baseline, applyBaseline, readBaseline, writeBaseline} from './baseline.js'
import type {Outcome} from './outcome.js'

/**
 * Read the run's baseline (empty when `--update-baseline` creates it), or
 * throw a UsageError for one it cannot use; then apply it to the outcome.
 */
export function openBaseline(
  options: LintOptions,
  cwd: string
): (outcome: Outcome) => {count: number; lines: string[]} {
  const baseline = readBaseline(options.baseline!, cwd, options.updateBaseline)
  return (outcome) => baselineRun(options, baseline, outcome)
}

/**
 * Take the messages the baseline has off the files reported (and out of
 * the counts, so they fail nothing); with `--update-baseline`, write it from
 * this run's messages first. The lines to say after the summary.
 */
function baselineRun(options: LintOptions, baseline: Baseline, outcome: Outcome): {count: number; lines: string[]} {
  const lines: string[] = []
  if (options.updateBaseline) {
    const written = writeBaseline(baseline, outcome.reported)
    lines.push(
      `milestone-lint: wrote ${options.baseline!}: ${count(written.problems, 'problem')} in ${count(written.files, 'file')}`
    )
  }
  const {baselined, fixed} = applyBaseline(baseline, outcome.reported)
  for (const message of baselined) {
    if (message.fatal === true) outcome.errors--
    else if (message.fatal === false) outcome.warnings--
    else outcome.infos--
  }
  // A dry run's report is of text never written: what it would fix is not fixed yet.
  if (fixed > 0 && !options.fixDryRun) {
    lines.push(
      `milestone-lint: ${count(fixed, 'baselined problem')} fixed; run --update-baseline to shrink ${options.baseline!}`
    )
  }
  return {count: baselined.length, lines}
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`
}
