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
import {rules} from '../index.js'
import {homepage} from '../rule.js'
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
    run.addRule(new SarifRuleBuilder().initSimple({
      ruleId: rule.ruleId,
      shortDescriptionText: rule.description,
      helpUri: rule.url
    }))
  }

  for (const file of files) {
    const uri = relativePath(file)
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
  return log.buildSarifJsonString({indent: true})
}

export default function sarifReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(sarifLog(files, options))
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
