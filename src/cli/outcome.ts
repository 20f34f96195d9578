/**
 * What a `milestone-lint` run comes to, from the files unified-engine hands
 * the reporter: what to report, the problems that kept the tool from its
 * job (said once each, in one line, not as a stack trace on every file),
 * the exit code, and the one-line summary.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {withCauses} from './lint-message.js'

/** What a run's files come to: what to report, and the counts of its summary. */
export interface Outcome {
  /** The files to report (not those a problem kept from being linted), each message in one line. */
  reported: VFile[]
  /** What kept files from being linted: a bad option or config, an unusable template. Once each. */
  problems: string[]
  /** Whether a rule crashed (a bug, reported on its file). */
  crashed: boolean
  /** Files read. */
  files: number
  /** Milestone docs linted. */
  linted: number
  /** Docs of other kinds linted (the `kinds` option), by kind. */
  kinds: Map<string, number>
  /** Files the rules skipped as not milestone docs, and why. */
  skipped: Array<{path: string; reason: string}>
  /** Files neither linted nor skipped: a problem or an error (unreadable, over a limit) says why. */
  notLinted: number
  errors: number
  warnings: number
  infos: number
}

/**
 * Sort out the files of a run. Changes their messages: problems are taken
 * off (they are printed once instead), and the cause of an error (an
 * exception, which reporters print with its stack) is folded into its reason.
 */
export function outcomeOf(files: readonly VFile[]): Outcome {
  const outcome: Outcome = {
    reported: [],
    problems: [],
    crashed: false,
    files: files.length,
    linted: 0,
    kinds: new Map(),
    skipped: [],
    notLinted: 0,
    errors: 0,
    warnings: 0,
    infos: 0
  }

  for (const file of files) {
    const problems = file.messages.filter((message) => isProblem(message, file))
    for (const message of problems) {
      const text = oneLine(message, false, file.cwd)
      if (!outcome.problems.includes(text)) outcome.problems.push(text)
    }
    if (problems.length > 0) {
      outcome.notLinted++
      continue
    }

    for (const message of file.messages) {
      const cause = exceptionOf(message)
      if (!cause) continue
      if (!isAbout(cause, file)) outcome.crashed = true
      message.reason = oneLine(message, true, file.cwd)
      message.message = message.reason
      message.cause = undefined
    }
    outcome.reported.push(file)
    for (const message of file.messages) {
      if (message.fatal === true) outcome.errors++
      else if (message.fatal === false) outcome.warnings++
      else outcome.infos++
    }

    const decided = file.data.milestoneLint
    if (file.messages.some(keptFromLinting) || !decided) outcome.notLinted++
    else if (decided.kind) outcome.kinds.set(decided.kind, (outcome.kinds.get(decided.kind) ?? 0) + 1)
    else if (decided.linted) outcome.linted++
    else outcome.skipped.push({path: file.path, reason: decided.reason ?? 'not a milestone doc'})
  }

  return outcome
}

/** 0 clean, 1 messages (warnings count when frail), 2 the tool could not do its job. */
export function exitCode(outcome: Outcome, frail: boolean): 0 | 1 | 2 {
  if (outcome.problems.length > 0 || outcome.crashed) return 2
  return outcome.errors > 0 || (frail && outcome.warnings > 0) ? 1 : 0
}

/** What `--fix` wrote (or `--fix-dry-run` would), and the fixed files it could not write. */
export interface Fixed {
  files: number
  fixes: number
  notWritten: number
  dryRun: boolean
}

/**
 * `milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings`,
 * and with `--fix` what it did: `; 1 file fixed (6 fixes)`. With docs of
 * other kinds: `4 docs linted (2 milestone, 1 overview, 1 architecture), 3 skipped (of no kind)`.
 */
export function summaryLine(outcome: Outcome, fixed?: Fixed): string {
  const {skipped, notLinted, kinds} = outcome
  const ofKinds = [...kinds.values()].reduce((sum, value) => sum + value, 0)
  const files = [
    count(outcome.files, 'file'),
    ofKinds === 0
      ? count(outcome.linted, 'milestone doc') + ' linted'
      : `${count(outcome.linted + ofKinds, 'doc')} linted (${[
          ['milestone', outcome.linted] as const,
          ...[...kinds].sort(([a], [b]) => a.localeCompare(b))
        ]
          .filter(([, docs]) => docs > 0)
          .map(([kind, docs]) => `${docs} ${kind}`)
          .join(', ')})`,
    skipped.length > 0 ? `${skipped.length} skipped (${skippedWhy(skipped.length, ofKinds > 0)})` : '',
    notLinted > 0 ? `${notLinted} not linted` : ''
  ]
  const messages = [
    count(outcome.problems.length, 'problem'),
    count(outcome.errors, 'error'),
    count(outcome.warnings, 'warning'),
    count(outcome.infos, 'info')
  ].filter((part) => !part.startsWith('0 '))
  const line = `milestone-lint: ${files.filter(Boolean).join(', ')}; ${messages.join(', ') || 'no messages'}`
  return fixed ? `${line}; ${fixedPart(fixed)}` : line
}

/** `1 file fixed (6 fixes)`, `2 files would be fixed (9 fixes)`, `nothing to fix`. */
function fixedPart({files, fixes, notWritten, dryRun}: Fixed): string {
  const parts = [
    files > 0 ? `${count(files, 'file')} ${dryRun ? 'would be fixed' : 'fixed'} (${count(fixes, 'fix', 'fixes')})` : '',
    notWritten > 0 ? `${count(notWritten, 'file')} not written` : ''
  ]
  return parts.filter(Boolean).join(', ') || 'nothing to fix'
}

function skippedWhy(skipped: number, kinds: boolean): string {
  if (kinds) return 'of no kind'
  return skipped === 1 ? 'not a milestone doc' : 'not milestone docs'
}

/** `--verbose`: one line per skipped file. */
export function skippedLines(outcome: Outcome): string[] {
  return outcome.skipped.map(({path: file, reason}) => `milestone-lint: skipped ${file}: ${reason}`)
}

function count(value: number, noun: string, plural = noun + 's'): string {
  return `${value} ${value === 1 ? noun : plural}`
}

/**
 * A message that means the file could not be linted at all, whatever the
 * file: unified-engine's “Cannot process file” (a plugin that cannot be
 * loaded or attached: a bad option, a missing plugin, a config file that
 * cannot be read), unless about reading that very file, and the preset's
 * `template` error (an unusable template).
 */
function isProblem(message: VFileMessage, file: VFile): boolean {
  if (message.source === 'remark-lint-milestone' && message.ruleId === 'template') return true
  const cause = exceptionOf(message)
  return message.reason === 'Cannot process file' && !message.ruleId && cause !== undefined && !isAbout(cause, file)
}

/** An error that a file is not linted for: fatal, and not a rule's finding (unreadable, over a limit) nor a fix not written. */
export function keptFromLinting(message: VFileMessage): boolean {
  return message.fatal === true && message.source !== 'remark-lint' && message.ruleId !== 'fix'
}

/** The exception behind a message, if any (a message's cause may also be another message). */
function exceptionOf(message: VFileMessage): Error | undefined {
  const cause = message.cause
  return cause instanceof Error && !(cause instanceof VFileMessage) ? cause : undefined
}

/** Whether an error is the system's refusal of that very file (cannot read it, no such file). */
function isAbout(error: Error, file: VFile): boolean {
  const {syscall, path: erred} = error as NodeJS.ErrnoException
  return Boolean(syscall && erred) && path.resolve(file.cwd, erred!) === path.resolve(file.cwd, file.path)
}

/**
 * A message in one line: its reason (if wanted: for a problem, the engine's
 * “Cannot process file” says nothing), with the first line of each cause
 * that it does not already say.
 */
function oneLine(message: VFileMessage, withReason: boolean, cwd: string): string {
  const parts = withReason || message.reason !== 'Cannot process file' ? [message.reason] : []
  return withCauses(parts, message.cause, (cause) => causeLine(cause, cwd))
}

/**
 * A cause's first line; a system error's path in it is relative to the
 * working directory, as reports name files, so that a fingerprint does not
 * depend on where the repository is checked out.
 */
function causeLine(cause: Error, cwd: string): string {
  const line = cause.message.split('\n')[0]!.trim()
  const erred = (cause as NodeJS.ErrnoException).path
  return erred && path.isAbsolute(erred) ? line.replaceAll(erred, path.relative(cwd, erred) || '.') : line
}
