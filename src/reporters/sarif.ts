/**
 * `--report sarif`: a SARIF 2.1.0 log on stdout, for code scanning
 * (`npx milestone-lint docs --report sarif > results.sarif`). Every rule of
 * this package is listed in `tool.driver.rules` with its help URI, and so is
 * any other rule (from a user's config) that reported something.
 */
import {createRequire} from 'node:module'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import {homepage} from '../rules/rule.js'
import {type StableKey, fingerprint, keyedAll} from './stable-key.js'
import {
  type ReporterOptions,
  failsRun,
  levelOf,
  messagesOf,
  rangeOf,
  relativePath,
  ruleIdOf,
  writeOut
} from './shared.js'

const pack = createRequire(import.meta.url)('../../package.json') as {version: string}

/** The SARIF log of the files' messages, as a JSON string. */
export function sarifLog(files: readonly VFile[], options: ReporterOptions = {}): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'milestone-lint',
    toolDriverVersion: pack.version,
    url: homepage
  })
  // Required when results have regions: ours count as JavaScript strings do.
  run.run.columnKind = 'utf16CodeUnits'
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
    const name = relativePath(file)
    const baseline = file.data.milestoneLintBaseline
    const unchanged = new Set(baseline?.unchanged)
    const reported = new Set(messagesOf(file, options))
    for (const {message, key, index} of keyedAll(file)) {
      if (!reported.has(message) && !(unchanged.has(message) && (!options.silent || failsRun(message, options))))
        continue
      const ruleId = ruleIdOf(message)
      if (!listed.has(ruleId)) {
        listed.add(ruleId)
        run.addRule(otherRule(ruleId, message))
      }
      const builder = result(uri, ruleId, message, options)
      builder.result.partialFingerprints = {[fingerprintName]: fingerprint(name, key, index)}
      if (baseline) {
        builder.result.baselineState = unchanged.has(message) ? 'unchanged' : 'new'
        if (unchanged.has(message)) builder.result.suppressions = [inBaseline]
      }
      run.addResult(builder)
    }
    for (const {key, index} of baseline?.absent ?? []) run.addResult(absentResult(uri, name, key, index))
  }

  const log = new SarifBuilder()
  log.addRun(run)
  // Not `buildSarifJsonString`: it throws when any text (a file name, a
  // message) contains its marker `SARIF_BUILDER_INVALID`.
  return JSON.stringify(log.buildSarifOutput(), null, 2)
}

/** The key of our fingerprint among a result's `partialFingerprints`: a hash of its stable key, not its line. */
const fingerprintName = 'milestoneLint/v1'

/** A message in the baseline: suppressed, and accepted as such. */
const inBaseline = {kind: 'external', status: 'accepted', justification: 'in the milestone-lint baseline'} as const

/**
 * A baselined message that no longer occurs: `absent`, in its file but at
 * no region (it has none any more), at level `none`, as it fails nothing.
 */
function absentResult(uri: string, name: string, key: StableKey, index: number): SarifResultBuilder {
  const builder = new SarifResultBuilder().initSimple({
    ruleId: key.rule,
    level: 'none',
    messageText: plainText(key.message),
    fileUri: uri
  })
  builder.result.partialFingerprints = {[fingerprintName]: fingerprint(name, key, index)}
  builder.result.baselineState = 'absent'
  return builder
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

/** A message's text as SARIF holds it: `{` and `}` doubled, as single ones mark placeholders (§3.11.5). */
function plainText(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}')
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
    messageText: plainText(message.reason),
    fileUri: uri
  })
  const region = regionOf(message)
  if (region) builder.setLocationRegion(region)
  const related = relatedLocation(message, uri)
  if (related) builder.result.relatedLocations = [related]
  return builder
}

/** A message's region: SARIF's are 1-based, in UTF-16 code units, like vfile's places. */
function regionOf(message: VFileMessage) {
  const range = rangeOf(message)
  if (!range) return undefined
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    ...(range.end ? {endLine: range.end.line, endColumn: range.end.column} : {})
  }
}

/**
 * The place a message's `cause` names (the overview's entry a doc must agree
 * with), as a related location: in its own file, else in the message's.
 */
function relatedLocation(message: VFileMessage, uri: string) {
  const cause = message.cause
  if (!(cause instanceof VFileMessage)) return undefined
  const region = regionOf(cause)
  if (!region) return undefined
  const file = cause.file ? artifactUri(new VFile({path: cause.file})) : uri
  return {id: 0, message: {text: plainText(cause.reason)}, physicalLocation: {artifactLocation: {uri: file}, region}}
}
