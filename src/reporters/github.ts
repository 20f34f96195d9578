/**
 * `--report github`: one GitHub Actions workflow command per message
 * (`::error file=…,line=…,col=…,title=…::reason`), so messages show as
 * annotations on the lines of the pull request.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type ReporterOptions, levelOf, messagesOf, rangeOf, relativePath, ruleIdOf, writeOut} from './shared.js'

/** GitHub's word for each level. */
const command = {error: 'error', warning: 'warning', note: 'notice'} as const

/** The workflow commands for the files' messages. */
export function githubAnnotations(files: readonly VFile[], options: ReporterOptions = {}): string {
  const lines: string[] = []
  for (const file of files) {
    const name = relativePath(file)
    for (const message of messagesOf(file, options)) lines.push(annotation(name, message, options))
  }
  return lines.join('\n')
}

/** Write the annotations of these files' messages to stdout. */
export default function githubReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(githubAnnotations(files, options))
}

function annotation(name: string, message: VFileMessage, options: ReporterOptions): string {
  const range = rangeOf(message)
  const properties: Array<[string, string | number | undefined]> = [
    ['file', name],
    ['line', range?.start.line],
    ['endLine', range?.end?.line],
    ['col', range?.start.column],
    ['endColumn', range?.end?.column],
    ['title', ruleIdOf(message)]
  ]
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => key + '=' + escapeProperty(String(value)))
    .join(',')
  return '::' + command[levelOf(message, options)] + ' ' + list + '::' + escapeData(message.reason)
}

// Escaping as the Actions runner unescapes (see `@actions/core`'s `command.ts`).
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
