/**
 * `--report json`: vfile-reporter-json's report, on stdout so it can be
 * piped or redirected, with each file's messages in order of place (line,
 * then column) like the other reports, not in the order the rules ran.
 */
import type {VFile} from 'vfile'
import reporterJson from 'vfile-reporter-json'
import {messagesOf, withMessages, writeOut} from './shared.js'

type Options = NonNullable<Parameters<typeof reporterJson>[1]>

/** The JSON report of these files. */
export function jsonReport(files: readonly VFile[], options: Options = {}): string {
  // A view of each file with its messages in order; the file is left as it is.
  const ordered = files.map((file) => withMessages(file, messagesOf(file, options)))
  // Filtered as --silent is read here (what fails the run); silent is quiet too.
  return reporterJson(ordered, {...options, silent: false, quiet: Boolean(options.quiet || options.silent)})
}

/** Write the JSON report of these files to stdout. */
export default function jsonReporter(files: readonly VFile[], options: Options = {}): '' {
  return writeOut(jsonReport(files, options))
}
