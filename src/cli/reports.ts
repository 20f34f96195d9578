/**
 * The reports of a run (`--report`): each one with a file is written to it
 * at the end of the run; the one without (if any) replaces the terminal
 * report, on stdout for the reports this package ships.
 */
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import {reporter as terminalReporter} from 'vfile-reporter'
import {failsRun, withMessages, writeOut} from '../reporters/shared.js'
import {type Report, UsageError, shippedReporter} from './flags.js'
import {firstLine} from './lint-message.js'
import {writeWhole} from './write-whole.js'

/** A report's text for the files (a reporter of vfile's kind). */
export type Reporter = (files: VFile[], options: Record<string, unknown>) => string | Promise<string>

/** The text of each report this package ships (loaded when asked for). */
const shipped = {
  json: async () => (await import('../reporters/json.js')).jsonReport,
  github: async () => (await import('../reporters/github.js')).githubAnnotations,
  sarif: async () => (await import('../reporters/sarif.js')).sarifLog,
  gitlab: async () => (await import('../reporters/gitlab.js')).gitlabReport,
  junit: async () => (await import('../reporters/junit.js')).junitXml,
  summary: async () => (await import('../reporters/summary.js')).summaryText
} satisfies Record<string, () => Promise<Reporter>>

/** The reporter a report names: one this package ships, or a `vfile-reporter-<name>`. */
export async function reporterOf(report: Report, cwd: string): Promise<Reporter> {
  const name = shippedReporter(report.name)
  try {
    const from = `${pathToFileURL(cwd).href}/`
    const module = name
      ? await shipped[name]()
      : await (await import('load-plugin')).loadPlugin(report.name, {from, prefix: 'vfile-reporter'})
    if (typeof module !== 'function') throw new Error('it exports no reporter function')
    return module as Reporter
  } catch (error) {
    throw new UsageError(`cannot load reporter \`${report.name}\` (${firstLine(error)})`)
  }
}

/**
 * Write each report with a file, once the run is done (never coloured);
 * then the one without a file, or else the terminal report: a shipped one
 * to stdout, another's text returned for stderr. Also returns, a line each,
 * the files that could not be written.
 */
export async function writeReports(
  reports: readonly Report[],
  reporters: readonly Reporter[],
  files: VFile[],
  settings: {quiet: boolean; silent: boolean; frail: boolean; color: boolean}
): Promise<{text: string; notWritten: string[]}> {
  const notWritten: string[] = []
  // Another's reporter (vfile-reporter's among them) reads `silent` as fatal only; ours, as failing the run.
  const others = {
    files: settings.silent ? failingOnly(files, settings.frail) : files,
    // Silent is quiet too: a file with nothing that fails the run is not listed.
    settings: {...settings, silent: false, quiet: settings.quiet || settings.silent}
  }
  const inputs = (report: Report | undefined) => (report && shippedReporter(report.name) ? {files, settings} : others)
  for (const [index, report] of reports.entries()) {
    if (report.file === undefined) continue
    const input = inputs(report)
    const text = await reporters[index]!(input.files, {...report.options, ...input.settings, color: false})
    const problem = writeReport(report.file, text)
    if (problem) notWritten.push(problem)
  }
  const index = reports.findIndex((report) => report.file === undefined)
  const main = reports[index]
  const input = inputs(main)
  const text = await (reporters[index] ?? terminalReporter)(input.files, {...main?.options, ...input.settings})
  return {text: main && shippedReporter(main.name) ? writeOut(text) : text, notWritten}
}

/**
 * The files with only their messages that fail the run (fatal ones, and
 * warnings when frail): what `--silent` reports. Each is a view of its
 * file, with its own list of messages.
 */
function failingOnly(files: VFile[], frail: boolean): VFile[] {
  const failing = (file: VFile) => file.messages.filter((message) => failsRun(message, {frail}))
  return files.map((file) => withMessages(file, failing(file)))
}

/** Write a report's text to its file; the problem in one line if it cannot be written. */
function writeReport(file: string, text: string): string | undefined {
  try {
    writeWhole(file, text.endsWith('\n') ? text : text + '\n')
    return undefined
  } catch (error) {
    return `cannot write \`${file}\` (${firstLine(error)})`
  }
}
