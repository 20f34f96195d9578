/**
 * What the reporters this package ships have in common: which messages to
 * report, at which level, under which path.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'

/** Options a reporter gets: unified-engine's, and `frail`, which `milestone-lint` sets. */
export interface ReporterOptions {
  /** Report only the messages that fail the run (`--silent`): fatal ones, and warnings when frail. */
  silent?: boolean | null
  /**
   * Warnings fail the run (`--frail`), so report them at level error: the
   * level shown then matches what failed the build.
   */
  frail?: boolean | null
}

type Level = 'error' | 'warning' | 'note'

/** The level of a message: fatal is an error, a warning fails a frail run, the rest is a note. */
export function levelOf(message: VFileMessage, options: ReporterOptions): Level {
  if (message.fatal === true) return 'error'
  if (message.fatal === false) return options.frail ? 'error' : 'warning'
  return 'note'
}

/** The messages to report for a file, in order of place. */
export function messagesOf(file: VFile, options: ReporterOptions): VFileMessage[] {
  const messages = options.silent ? file.messages.filter((message) => failsRun(message, options)) : file.messages
  return [...messages].sort(byPlace)
}

/** A view of a file with other messages (the file, its data among them, is left as it is). */
export function withMessages(file: VFile, messages: VFileMessage[]): VFile {
  return Object.assign(Object.create(file) as VFile, {messages})
}

/** Whether a message fails the run: what `--silent` still reports. */
export function failsRun(message: VFileMessage, options: ReporterOptions): boolean {
  return levelOf(message, options) === 'error'
}

/**
 * The file's path relative to the repository's root, with `/`, as CI tools
 * take it (GitHub and GitLab read paths from the root, whatever folder a job
 * runs in); out of a repository, relative to the working directory.
 */
export function relativePath(file: VFile): string {
  const absolute = path.resolve(file.cwd, file.path || '')
  return path.relative(repositoryRoot(process.cwd()), absolute).split(path.sep).join('/')
}

const roots = new Map<string, string>()

/** The nearest folder from `cwd` up with a `.git` (a folder, or a worktree's file); else `cwd`. */
function repositoryRoot(cwd: string): string {
  let root = roots.get(cwd)
  if (root === undefined) {
    root = cwd
    for (let folder = cwd; ; folder = path.dirname(folder)) {
      if (existsSync(path.join(folder, '.git'))) {
        root = folder
        break
      }
      if (path.dirname(folder) === folder) break
    }
    roots.set(cwd, root)
  }
  return root
}

/** A rule id for every message: engine errors (unreadable file, bad config) have none. */
export function ruleIdOf(message: VFileMessage): string {
  return message.ruleId ?? message.source ?? 'milestone-lint'
}

/**
 * Start and end of a message's place (no end for a point). A place before
 * line 1 (a plugin's `{line: 0}`) is none, as CI formats count from 1: the
 * message is about the whole file; a column before 1 is column 1.
 */
export function rangeOf(message: VFileMessage) {
  const place = message.place
  if (!place) return undefined
  const [start, end] = 'start' in place ? [place.start, place.end] : [place, undefined]
  if (!(start.line >= 1)) return undefined
  const from = {line: start.line, column: Math.max(1, start.column || 1)}
  const to = end && end.line >= from.line ? {line: end.line, column: Math.max(1, end.column || 1)} : undefined
  return {start: from, end: to}
}

/** Shipped reporters write to stdout themselves (the engine's report goes to stderr). */
export function writeOut(text: string): '' {
  if (text) process.stdout.write(text.endsWith('\n') ? text : text + '\n')
  return ''
}

/**
 * Messages in order of place (a message without one first), and at one
 * place as the terminal report has them (vfile-reporter sorts with vfile-sort
 * too): by fatal, source, rule id and reason.
 */
export const byPlace: (left: VFileMessage, right: VFileMessage) => number = compareMessage
