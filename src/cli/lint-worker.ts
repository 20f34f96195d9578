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
import {fixInRounds} from './fix.js'
import {type Config, loadConfig} from './config-file.js'
import {type Message, cannotLint, firstLine} from './lint-message.js'
import {presetUnder} from './own-package.js'
import {type PresetGroup, presetGroups} from './nested-configs.js'

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
  /** A baseline file (`milestoneLint.baseline`), as an absolute path, and what to do with the messages it has. */
  baseline?: {path: string; baselined: 'hide' | 'hint'} | undefined
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
}

parentPort?.on('message', function (job: Job) {
  run(job).then(
    (result) => {
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
  const file = await lint(job, job.text)
  if (!job.fix)
    return {id: job.id, messages: job.baseline ? baselined(file, job.baseline) : file.messages.map(toMessage)}
  const messages = file.messages.map(toMessage)
  // Fixes can uncover others: fixed in rounds, as the CLI does, the text
  // linted again in memory. The edits are those from the text to its fixed
  // form, whatever the rounds were (and with the text's own line breaks).
  const {fixing} = await fixInRounds([file], (texts) => Promise.all([...texts.values()].map((text) => lint(job, text))))
  const fixed = fixing.get(file.path)?.text
  return {id: job.id, messages, edits: fixed === undefined ? [] : diffEdits(job.text, fixed)}
}

/**
 * The messages of a file under a baseline, as `milestone-lint --baseline`
 * has them: those it has are left out, or shown as hints. A baseline that
 * cannot be read is said on the file, once.
 */
function baselined(file: VFile, setting: NonNullable<Job['baseline']>): Message[] {
  let baseline
  try {
    // Named in a message as the setting names it, relative to the workspace folder.
    baseline = readBaseline(path.relative(file.cwd, setting.path), file.cwd, false)
  } catch (error) {
    const message = file.message(`Cannot use the baseline: ${(error as Error).message}`, {
      ruleId: 'baseline',
      source: 'milestone-lint-language-server'
    })
    message.fatal = true
    return file.messages.map(toMessage)
  }
  const {baselined: known} = applyBaseline(baseline, [file])
  const messages = file.messages.map(toMessage)
  if (setting.baselined === 'hide') return messages
  return [...messages, ...known.map((message) => ({...toMessage(message), baselined: true}))]
}

/** Lint a text as the job's file; the file, with its messages. */
async function lint(job: Job, text: string): Promise<VFile> {
  const file = new VFile({cwd: job.cwd, path: job.path, value: text})
  // milestone-lint's own config file, found from the workspace folder up as the CLI finds it from its working directory.
  let config: Config | undefined
  let preset: Record<string, unknown> | undefined
  try {
    config = await loadConfig(job.cwd, undefined)
    // The template setting is under every config file, as a default; the own configs at and above the doc over it.
    const under = {...(job.template ? {template: job.template} : {}), ...config?.preset}
    ;[{preset}] = (await presetGroups([file], job.cwd, under)) as [PresetGroup]
  } catch (error) {
    const message = file.message(`Cannot use the config file: ${(error as Error).message}`, {
      ruleId: 'config',
      source: 'milestone-lint-language-server'
    })
    message.fatal = true
    return file
  }
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
        // milestone-lint's own config file configures every file.
        ignoreUnconfigured: job.requireConfig && !config,
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
  // A related place (the overview's part) is shown as one; an error that
  // caused this one as its first line, not its stack: an editor shows a
  // diagnostic whole.
  const related = message.cause instanceof VFileMessage && message.cause.place ? message.cause : undefined
  const cause = message.cause instanceof Error && !related ? firstLine(message.cause) : undefined
  return {
    reason: cause && !message.reason.includes(cause) ? `${message.reason}: ${cause}` : message.reason,
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
