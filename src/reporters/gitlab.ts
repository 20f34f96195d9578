/**
 * `--report gitlab`: a GitLab Code Quality report on stdout (a JSON array of
 * issues), for a job's `artifacts: reports: codequality`, so messages show
 * in the merge request. Each issue's fingerprint is a hash of the message's
 * stable key (stable-key.ts), not its line: GitLab tells new issues from
 * old ones by fingerprint, so an issue whose lines move stays the same one.
 */
import type {VFile} from 'vfile'
import {fingerprint, keyedAll} from './stable-key.js'
import {type ReporterOptions, levelOf, messagesOf, rangeOf, relativePath, ruleIdOf, writeOut} from './shared.js'

/** GitLab's severity for each level (`info`, `minor`, `major`, `critical`, `blocker`). */
const severity = {error: 'major', warning: 'minor', note: 'info'} as const

/** One issue of the report, as GitLab documents it. */
interface Issue {
  description: string
  check_name: string
  fingerprint: string
  severity: (typeof severity)[keyof typeof severity]
  location: {path: string; lines: {begin: number}}
}

/** The Code Quality issues of the files' messages. */
export function codeQualityIssues(files: readonly VFile[], options: ReporterOptions = {}): Issue[] {
  const issues: Issue[] = []
  for (const file of files) {
    const name = relativePath(file)
    const reported = new Set(messagesOf(file, options))
    for (const {message, key, index} of keyedAll(file)) {
      if (!reported.has(message)) continue
      issues.push({
        description: message.reason,
        check_name: ruleIdOf(message),
        fingerprint: fingerprint(name, key, index),
        severity: severity[levelOf(message, options)],
        // A message about the whole file is on its first line.
        location: {path: name, lines: {begin: rangeOf(message)?.start.line ?? 1}}
      })
    }
  }
  return issues
}

/** The Code Quality report of the files' messages, as a JSON string. */
export function gitlabReport(files: readonly VFile[], options: ReporterOptions = {}): string {
  return JSON.stringify(codeQualityIssues(files, options), null, 2)
}

/** Write the Code Quality report of these files to stdout. */
export default function gitlabReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(gitlabReport(files, options))
}
