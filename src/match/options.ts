/**
 * Options (their validation is in option-values.ts), and how configs
 * combine: the preset's shared options under each rule's own, a rule
 * switched off.
 */
import type {Processor} from 'unified'
import {type Limits, defaultLimits} from '../model/limits.js'
import {type Kind, type OptionKinds, type OptionTypes, type Severity, isSeverity} from './option-values.js'

export {
  type Kind,
  type OptionKind,
  type OptionKinds,
  type OptionTypes,
  type Severity,
  milestoneKind,
  validateOptions
} from './option-values.js'

/** Options every rule (and the preset) takes: which files are milestone docs. */
export interface SharedOptions {
  /** Globs (relative to the working directory) of files that are always milestone docs. */
  include?: string | string[]
  /** Globs of files that are never milestone docs. */
  exclude?: string | string[]
  /** Recognise other files by name, title and template fingerprint (default `true`). */
  detect?: boolean
  /**
   * The template docs are written from (a path, relative to the folder of
   * the config file or to the working directory and looked for only inside
   * the project, or an absolute path or file URL); the schema is derived
   * from it (default: the bundled 2026-01-05 template).
   */
  template?: string | URL
  /**
   * Limits on what is parsed (see `defaultLimits`): the preset's parser
   * does not parse a doc over one, and a template over one is not used.
   */
  limits?: Partial<Limits>
  /**
   * Other templated docs (the overview, the architecture doc, ADRs), each
   * linted by the same rules against its own template: a file is of the
   * first kind whose `include` matches it, else (unless `detect: false`)
   * recognised by its template as milestone docs are by theirs.
   */
  kinds?: Kind[]
}

/** The limits options set, over the defaults: docs, templates and link targets are read within them. */
export function limitsOf(options: SharedOptions | undefined): Limits {
  return {...defaultLimits, ...options?.limits}
}

/** How a rule is configured: a severity, options, or both. */
export type RuleConfig<O> = Severity | O | [Severity, O?]

/** The options a record of option kinds describes, with the shared ones. */
export type OptionsOf<Types extends OptionTypes> = SharedOptions & {
  -readonly [Name in keyof Types]?: OptionKinds[Types[Name]]
}

/** The kinds of the shared options, which every rule and the preset take. */
export const sharedOptionTypes: OptionTypes = {
  include: 'globs',
  exclude: 'globs',
  detect: 'boolean',
  template: 'file',
  limits: 'limits',
  kinds: 'kinds'
}

/** The options part of a rule configuration (`[severity, options]`, `options`, …). */
export function optionsOf(config: unknown): unknown {
  if (Array.isArray(config) && (isSeverity(config[0]) || typeof config[0] === 'number')) {
    return config[1]
  }
  return isSeverity(config) ? undefined : config
}

/** The shared options among a preset's options. */
export function sharedOf(options: SharedOptions): SharedOptions {
  const shared: SharedOptions = {}
  for (const key of Object.keys(sharedOptionTypes) as Array<keyof SharedOptions>) {
    if (options[key] !== undefined) Object.assign(shared, {[key]: options[key]})
  }
  return shared
}

/** Whether a rule config switches the rule off. */
export function isOff(config: unknown): boolean {
  const severity: unknown = Array.isArray(config) ? config[0] : config
  return severity === false || severity === 0 || severity === 'off'
}

/** A rule config with the preset's shared options underneath its own. */
export function withShared(config: unknown, shared: SharedOptions): RuleConfig<SharedOptions> {
  // unified-lint-rule reads only `[severity, options]`; a bare `'error'` would be its options.
  if (isSeverity(config) && config !== true) return withShared([config], shared)
  if (Object.keys(shared).length === 0) return config as RuleConfig<SharedOptions>
  const own = optionsOf(config)
  const merged = {...shared, ...(own && typeof own === 'object' ? own : {})}
  if (Array.isArray(config) && isSeverity(config[0])) return [config[0], merged]
  return merged
}

/**
 * The plugins used on a processor, with their configs. unified marks
 * `attachers` internal, but it is the only way to see what else is used.
 */
export function attachersOf(processor: Pick<Processor, 'attachers'>): Processor['attachers'] {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only view of the plugins used
  return processor.attachers
}
