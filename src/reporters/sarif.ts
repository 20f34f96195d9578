/**
 * `--report sarif`: a SARIF 2.1.0 log on stdout, for code scanning
 * (`npx milestone-lint docs --report sarif > results.sarif`). Every rule of
 * this package is listed in `tool.driver.rules` with its help URI, and so is
 * any other rule (from a user's config) that reported something.
 */
import {createRequire} from 'node:module'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import {homepage} from '../rules/rule.js'
import {type ReporterOptions, levelOf, messagesOf, rangeOf, relativePath, ruleIdOf, writeOut} from './shared.js'

const pack = createRequire(import.meta.url)('../../package.json') as {version: string}

/** The SARIF log of the files' messages, as a JSON string. */
export function sarifLog(files: readonly VFile[], options: ReporterOptions = {}): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'milestone-lint',
    toolDriverVersion: pack.version,
    url: homepage
  })
  const listed = new Set<string>()

  for (const rule of Object.values(rules)) {
    listed.add(rule.ruleId)
    run.addRule(
      new SarifRuleBuilder().initSimple({
        ruleId: rule.ruleId,
        shortDescriptionText: rule.description,
        helpUri: rule.url
      })
    )
  }

  for (const file of files) {
    const uri = artifactUri(file)
    for (const message of messagesOf(file, options)) {
      const ruleId = ruleIdOf(message)
      if (!listed.has(ruleId)) {
        listed.add(ruleId)
        run.addRule(otherRule(ruleId, message))
      }
      run.addResult(result(uri, ruleId, message, options))
    }
  }

  const log = new SarifBuilder()
  log.addRun(run)
  // Not `buildSarifJsonString`: it throws when any text (a file name, a
  // message) contains its marker `SARIF_BUILDER_INVALID`.
  return JSON.stringify(log.buildSarifOutput(), null, 2)
}

/** Write the SARIF log of these files to stdout. */
export default function sarifReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(sarifLog(files, options))
}

/**
 * The file's path as SARIF wants it, a relative URI reference: each segment
 * percent-encoded (a space, `%`, `#`, `?`, `:`, non-ASCII), `/` kept. GitHub
 * code scanning reads it as relative to the repository's root.
 */
function artifactUri(file: VFile): string {
  // A lone surrogate (possible in a path given in code) becomes U+FFFD, as
  // `encodeURIComponent` throws on it.
  return relativePath(file)
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(/\p{Cs}/gu, '\uFFFD')))
    .join('/')
}

function otherRule(ruleId: string, message: VFileMessage): SarifRuleBuilder {
  const rule = new SarifRuleBuilder().initSimple({
    ruleId,
    shortDescriptionText: message.source ? message.source + ': ' + ruleId : ruleId
  })
  if (message.url) rule.rule.helpUri = message.url
  return rule
}

function result(uri: string, ruleId: string, message: VFileMessage, options: ReporterOptions): SarifResultBuilder {
  const builder = new SarifResultBuilder().initSimple({
    ruleId,
    level: levelOf(message, options),
    messageText: message.reason,
    fileUri: uri
  })
  // SARIF regions are 1-based, in UTF-16 code units, like vfile's places.
  const range = rangeOf(message)
  if (range) {
    builder.setLocationRegion({
      startLine: range.start.line,
      startColumn: range.start.column,
      ...(range.end ? {endLine: range.end.line, endColumn: range.end.column} : {})
    })
  }
  return builder
}
