/**
 * `--report junit`: a JUnit XML report, for CI systems that show test
 * results (GitLab, Jenkins, Azure Pipelines). One test suite; one test case
 * per file read, named by its path; one `<failure>` per message that fails
 * the run (an error, or a warning when frail), its type the rule id. A file
 * the rules skipped as no milestone doc, with no message, is `<skipped>`
 * with the reason as its text; messages that do not fail the run are the test case's
 * `<system-out>`, one line each.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {create} from 'xmlbuilder2'
import {type ReporterOptions, levelOf, messagesOf, rangeOf, relativePath, ruleIdOf, writeOut} from './shared.js'

/** The JUnit XML report of the files' messages. */
export function junitXml(files: readonly VFile[], options: ReporterOptions = {}): string {
  // Characters XML cannot hold (control characters, lone surrogates) become U+FFFD.
  const document = create({version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD'})
  const cases = files.map((file) => testCase(file, options))
  const counts = {
    tests: cases.length,
    failures: cases.filter((each) => each.failures.length > 0).length,
    errors: 0
  }
  const skipped = cases.filter((each) => each.skipped !== undefined).length
  const suite = document
    .ele('testsuites', {name: 'milestone-lint', ...counts})
    .ele('testsuite', {name: 'milestone-lint', ...counts, skipped})
  for (const {name, failures, skipped, output} of cases) {
    const element = suite.ele('testcase', {name: attribute(name), classname: 'milestone-lint'})
    if (skipped !== undefined) element.ele('skipped').txt(amp(skipped))
    for (const {message, line} of failures) {
      element.ele('failure', {message: attribute(message.reason), type: attribute(ruleIdOf(message))}).txt(amp(line))
    }
    if (output.length > 0) element.ele('system-out').txt(amp(output.join('\n')))
  }
  return document.end({prettyPrint: true})
}

/** Write the JUnit XML report of these files to stdout. */
export default function junitReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(junitXml(files, options))
}

function testCase(file: VFile, options: ReporterOptions) {
  const name = relativePath(file)
  const failures: Array<{message: VFileMessage; line: string}> = []
  const output: string[] = []
  const messages = messagesOf(file, options)
  for (const message of messages) {
    const line = `${name}:${where(message)} ${message.reason} (${ruleIdOf(message)})`
    if (levelOf(message, options) === 'error') failures.push({message, line})
    else output.push(line)
  }
  const decided = file.data.milestoneLint
  const skipped =
    decided && !decided.linted && messages.length === 0 ? (decided.reason ?? 'not a milestone doc') : undefined
  return {name, failures, skipped, output}
}

/**
 * Text with each `&` as `&amp;`. xmlbuilder2 escapes `<`, `>` and `"` but
 * leaves a `&` that starts an entity (`&amp;`, `&#65;`) as it is, so a
 * message quoting `&#65;` would read `A`: escaped here, it reads as written.
 */
function amp(text: string): string {
  return text.replaceAll('&', '&amp;')
}

/** An attribute's text: as {@link amp}, and with line breaks and tabs as references, which a parser would read as spaces. */
function attribute(text: string): string {
  return amp(text).replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')
}

/** `line:column:` of where a message starts; nothing for a message about the whole file. */
function where(message: VFileMessage): string {
  const start = rangeOf(message)?.start
  return start ? `${start.line}:${start.column}:` : ''
}
