/**
 * The language server's linter, on a worker thread: parsing a doc takes
 * the thread for as long as it takes, and on the server's own thread that
 * would leave every request (a code action, `shutdown`) waiting behind it.
 * It lints one text as `milestone-lint` lints a file (the same engine,
 * config and ignore files, the preset under the user's config) and posts
 * back its messages as plain data.
 */
import path from 'node:path'
import {Writable} from 'node:stream'
import {parentPort} from 'node:worker_threads'
import {remark} from 'remark'
import type {Plugin} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import remarkLintMilestone from '../index.js'
import {type TextEdit, diffEdits} from '../text/edits.js'
import {recordHeadings} from '../reporters/stable-key.js'
import {applyBaseline, readBaseline} from './baseline.js'
import {refuseExit, sayStrayErrors} from './exit-guard.js'
import {fixInRounds} from './fix.js'
import {type Message, cannotLint, firstLine, withCauses} from './lint-message.js'
import {type OwnConfig, ownConfigOf} from './lint-worker-config.js'
import {presetUnder} from './own-package.js'

/** What to lint. */
export interface Job {
  id: number
  cwd: string
  path: string
  text: string
  /** Lint only files that a config file applies to. */
  requireConfig: boolean
  /** An ignore file to use instead of `.remarkignore`, as an absolute path. */
  ignorePath: string | undefined
  /** A baseline file (`milestoneLint.baseline`), as an absolute path: over the config's `baseline`. */
  baseline?: string | undefined
  /** What to do with the messages the baseline has. */
  baselined: 'hide' | 'hint'
  /** A template (`milestoneLint.template`), as an absolute path: for docs no config file gives one. */
  template?: string | undefined
  /** Fix all: also give the edits of the text's certain fixes, as `milestone-lint --fix` makes them. */
  fix?: boolean
}

/** A job's messages, posted back to the server. */
export interface Result {
  id: number
  messages: Message[]
  /** For a fix job: the edits from the text as sent (offsets in it, BOM and all) to the fixed text. */
  edits?: TextEdit[]
  /** The baseline file used (the setting's or the config's), as an absolute path: the server watches it. */
  baseline?: string | undefined
}

refuseExit()

/** A config file's or plugin's error outside any lint (a timer's), said on the doc linted then or next. */
let stray: string | undefined
sayStrayErrors((error) => {
  stray ??= firstLine(error)
})

parentPort?.on('message', function (job: Job) {
  run(job).then(
    (result) => {
      if (stray !== undefined) {
        const reason = `A config file or plugin failed outside a lint: ${stray}`
        result.messages.push({reason, fatal: true, ruleId: 'plugin', source: 'milestone-lint-language-server'})
        stray = undefined
      }
      parentPort!.postMessage(result)
    },
    (error: unknown) => {
      /* v8 ignore start -- lint() resolves even on the engine's errors: this is for a bug in it */
      parentPort!.postMessage({id: job.id, messages: [cannotLint(error)]} satisfies Result)
      /* v8 ignore stop */
    }
  )
})

async function run(job: Job): Promise<Result> {
  const file = fileOf(job, job.text)
  let own: OwnConfig
  try {
    own = await ownConfigOf(job.cwd, path.resolve(job.cwd, job.path), job.template)
  } catch (error) {
    fatal(file, `Cannot use the config file: ${(error as Error).message}`, 'config')
    return {id: job.id, messages: file.messages.map(toMessage), ...(job.fix ? {edits: []} : {})}
  }
  await lint(job, own, file)
  if (!job.fix) {
    // A doc the engine skipped (ignored, or no config with `requireConfig`) gets nothing, not even a baseline's problem.
    const skipped = (file.data as {unifiedEngineGiven?: boolean}).unifiedEngineGiven !== true
    const baseline = skipped ? undefined : (job.baseline ?? own.baseline)
    const messages = baseline ? baselined(file, baseline, job.baselined) : file.messages.map(toMessage)
    return {id: job.id, messages, baseline}
  }
  const messages = file.messages.map(toMessage)
  // Fixes can uncover others: fixed in rounds, as the CLI does, the text
  // linted again in memory. The edits are those from the text to its fixed
  // form, whatever the rounds were (and with the text's own line breaks).
  const {fixing} = await fixInRounds([file], (texts) =>
    Promise.all([...texts.values()].map((text) => lint(job, own, fileOf(job, text))))
  )
  const fixed = fixing.get(file.path)?.text
  return {id: job.id, messages, edits: fixed === undefined ? [] : diffEdits(job.text, fixed)}
}

/** A text as the job's file. */
function fileOf(job: Job, text: string): VFile {
  return new VFile({cwd: job.cwd, path: job.path, value: text})
}

/** Say a problem that stops the lint on the file, as the server's own. */
function fatal(file: VFile, reason: string, ruleId: string): void {
  file.message(reason, {ruleId, source: 'milestone-lint-language-server'}).fatal = true
}

/**
 * The messages of a file under a baseline, as `milestone-lint --baseline`
 * has them: those it has are left out, or shown as hints. A baseline that
 * cannot be read is said on the file, once.
 */
function baselined(file: VFile, absolute: string, mode: Job['baselined']): Message[] {
  let baseline
  try {
    // Named in a message relative to the workspace folder, as the setting (and the CLI, the config's) names it.
    baseline = readBaseline(path.relative(file.cwd, absolute), file.cwd, false)
  } catch (error) {
    fatal(file, `Cannot use the baseline: ${(error as Error).message}`, 'baseline')
    return file.messages.map(toMessage)
  }
  const {baselined: known} = applyBaseline(baseline, [file])
  const messages = file.messages.map(toMessage)
  if (mode === 'hide') return messages
  return [...messages, ...known.map((message) => ({...toMessage(message), baselined: true}))]
}

/** Lint the job's file (its text, as given), with what its own config files give; the file, with its messages. */
async function lint(job: Job, {preset, configured, ignorePatterns}: OwnConfig, file: VFile): Promise<VFile> {
  return new Promise((resolve) => {
    engine(
      {
        processor: remark,
        files: [file],
        cwd: job.cwd,
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        ignorePath: job.ignorePath,
        // The run config's `ignores`, as the CLI applies them.
        ignorePatterns,
        // milestone-lint's own config files configure the docs they apply to.
        ignoreUnconfigured: job.requireConfig && !configured,
        silentlyIgnore: true,
        pluginPrefix: 'remark',
        // The preset comes from the config file (the own config's preset
        // options under its own; `false` turns it off), or the default one.
        configTransform: presetUnder(remarkLintMilestone, preset),
        defaultConfig: {plugins: [[remarkLintMilestone as Plugin<unknown[]>, preset ?? {}]]},
        plugins: [[recordHeadings as Plugin, {}]],
        out: false,
        // The messages are the file's; no report is written. The engine waits
        // for each write to its streams to finish, so a stream nobody reads
        // (a PassThrough fills at 16 KiB) would stall a doc with many messages
        // forever: these discard what they are given.
        reporter: () => '',
        streamError: sink(),
        streamOut: sink()
      },
      (error) => {
        // Plugins' failures are messages already; this is the engine's own.
        if (error) file.message(error).fatal = true
        resolve(file)
      }
    )
  })
}

function toMessage(message: VFileMessage): Message {
  const {start, end} = rangeOf(message.place)
  // A related place (the overview's part) is shown as one; the errors that
  // caused this one (the engine's, the import's under it) each as its first
  // line, not its stack: an editor shows a diagnostic whole.
  const related = message.cause instanceof VFileMessage && message.cause.place ? message.cause : undefined
  return {
    reason: related ? message.reason : withCauses([message.reason], message.cause),
    start,
    end,
    fatal: message.fatal,
    ruleId: message.ruleId ?? undefined,
    source: message.source ?? undefined,
    url: message.url ?? undefined,
    note: message.note ?? undefined,
    expected: message.expected ?? undefined,
    suggestion: message.suggestion,
    related: related && {file: related.file || undefined, ...rangeOf(related.place), reason: related.reason}
  }
}

/** Both ends of a place (a point is both). */
function rangeOf(place: VFileMessage['place']) {
  const start = place ? ('start' in place ? place.start : place) : undefined
  const end = place && 'end' in place ? place.end : start
  return {start: start && {line: start.line, column: start.column}, end: end && {line: end.line, column: end.column}}
}

/** A stream that takes anything and keeps nothing. */
function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done()
    }
  })
}
