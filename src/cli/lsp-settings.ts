/**
 * The client's `milestoneLint` settings for each document, asked for once
 * and kept until they change or the document closes. A client that cannot
 * be asked (no `workspace/configuration`), or fails to answer, gets the
 * defaults; a setting of the wrong kind gets its default, and the user is
 * told so, once.
 */
import path from 'node:path'
import {type Connection, MessageType, ShowMessageNotification, type ShowMessageParams} from 'vscode-languageserver/node'
import type {Job} from './lint-worker.js'

/** The `milestoneLint` settings a client may give. */
export interface Settings {
  /** Lint only files that a config file applies to. */
  requireConfig: boolean
  /** An ignore file to use instead of `.remarkignore`, relative to the workspace folder. */
  ignorePath: string | undefined
  /** A baseline file, relative to the workspace folder: its messages are hidden, or hints. */
  baseline: string | undefined
  /** What to do with the messages the baseline has: hide them (the default), or show them as hints. */
  baselined: 'hide' | 'hint'
  /** A template file, relative to the workspace folder, for docs no config file gives one. */
  template: string | undefined
  /** Seconds a lint may take before it is stopped (a config file or plugin that never returns). */
  timeLimit: number
}

/** The settings of a client that gives none. */
export const defaults: Settings = {
  requireConfig: false,
  ignorePath: undefined,
  baseline: undefined,
  baselined: 'hide',
  template: undefined,
  // A lint of a 480 KB doc with 3,800 messages took 7 s here, its fixes 19 s: a 1 MB doc (the most) fits.
  timeLimit: 60
}

/** Settings as given, and what was wrong in them (each taken as its default). */
interface Given {
  settings: Settings
  problems: string[]
}

/**
 * A client's settings: anything but an object (`null`, or `[]` from a Lua
 * `{}`) means the defaults, as does `null` for a setting; a value of the
 * wrong kind is a problem, and its default is used.
 */
export function toSettings(raw: unknown): Given {
  if (typeof raw !== 'object' || raw === null) return {settings: defaults, problems: []}
  const given = raw as Record<string, unknown>
  const problems: string[] = []
  function take<T>(name: keyof Settings, ok: (value: unknown) => value is T, kind: string): T | undefined {
    const value = given[name]
    if (value === undefined || value === null) return undefined
    if (ok(value)) return value
    const fallback = defaults[name] === undefined ? 'none' : JSON.stringify(defaults[name])
    problems.push(`\`milestoneLint.${name}\`: ${JSON.stringify(value)} is not ${kind}; using ${fallback}`)
    return undefined
  }
  // An empty string is what an editor's cleared text setting sends: none.
  const file = (name: keyof Settings) => take(name, isString, 'a file name') || undefined
  return {
    settings: {
      requireConfig: take('requireConfig', isBoolean, '`true` or `false`') ?? defaults.requireConfig,
      ignorePath: file('ignorePath'),
      baseline: file('baseline'),
      baselined: take('baselined', isBaselined, '`"hide"` or `"hint"`') ?? defaults.baselined,
      template: file('template'),
      timeLimit: take('timeLimit', isSeconds, 'a number of seconds over 0') ?? defaults.timeLimit
    },
    problems
  }
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isBaselined = (value: unknown): value is Settings['baselined'] => value === 'hide' || value === 'hint'
const isSeconds = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < Infinity

/** The settings of each open document, asked for once. */
export class SettingsCache {
  /** Whether the client can be asked. */
  canAsk = false
  private readonly byUri = new Map<string, Promise<Settings>>()
  /** The problems said already: each once a session, not once per document or per change of settings. */
  private readonly said = new Set<string>()

  constructor(private readonly connection: Connection) {}

  /** A document's settings (never rejects). */
  get(uri: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(defaults)
    let settings = this.byUri.get(uri)
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({scopeUri: uri, section: 'milestoneLint'}).then(
        (raw) => this.checked(raw),
        () => defaults
      )
      this.byUri.set(uri, settings)
    }
    return settings
  }

  /** Ask again for a document's settings, or for every document's. */
  forget(uri?: string): void {
    if (uri === undefined) this.byUri.clear()
    else this.byUri.delete(uri)
  }

  private checked(raw: unknown): Settings {
    const {settings, problems} = toSettings(raw)
    for (const problem of problems) {
      if (this.said.has(problem)) continue
      this.said.add(problem)
      // In the log, and as a notification (which every client shows; the request would wait for an answer).
      this.connection.console.warn(`milestone-lint-language-server: ${problem}`)
      const shown: ShowMessageParams = {type: MessageType.Warning, message: `Milestone Lint: ${problem}`}
      this.connection.sendNotification(ShowMessageNotification.type, shown).catch(() => undefined)
    }
    return settings
  }
}

/** What a lint job takes from the settings: the files they name, resolved from the workspace folder. */
export function jobSettings(
  {requireConfig, ignorePath, baseline, baselined, template}: Settings,
  cwd: string
): Pick<Job, 'requireConfig' | 'ignorePath' | 'baseline' | 'baselined' | 'template'> {
  return {
    requireConfig,
    ignorePath: ignorePath && path.resolve(cwd, ignorePath),
    baseline: baseline && path.resolve(cwd, baseline),
    baselined,
    template: template && path.resolve(cwd, template)
  }
}
