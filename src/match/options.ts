/**
 * Options, and their validation: a bad option fails once, with an error that
 * names it, when the plugin is attached. And how configs combine: the
 * preset's shared options under each rule's own, a rule switched off.
 */
import type {Processor} from 'unified'
import {type Limits, defaultLimits} from '../model/limits.js'

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
}

/** The limits options set, over the defaults: docs, templates and link targets are read within them. */
export function limitsOf(options: SharedOptions | undefined): Limits {
  return {...defaultLimits, ...options?.limits}
}

/** Severity as in remark-lint: off, warn, error. */
export type Severity = boolean | 0 | 1 | 2 | 'off' | 'on' | 'warn' | 'error'

/** How a rule is configured: a severity, options, or both. */
export type RuleConfig<O> = Severity | O | [Severity, O?]

/**
 * The kinds of option, each with the TypeScript type of its values (`rule`
 * is a rule's config inside the preset's options, checked by the rule).
 */
export interface OptionKinds {
  boolean: boolean
  string: string
  strings: string[]
  levels: string[]
  patterns: string[]
  globs: string | string[]
  file: string | URL
  limits: Partial<Limits>
  rule: unknown
}

/** The name of a kind of option. */
export type OptionKind = keyof OptionKinds

/** Option name → kind: validates a rule's options, and gives their type (`OptionsOf`). */
export type OptionTypes = Readonly<Record<string, OptionKind>>

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
  limits: 'limits'
}

const limitNames = ['size', 'lineLength', 'nesting', 'lists', 'blocks', 'markers', 'paragraphMarkers']

/**
 * Nesting can be raised only so far: deeper trees overflow the stack of
 * the tools that walk them after the parser (remark-lint's comment control
 * fails at 10,000 nested block quotes; 5,000 still pass).
 */
const maxNesting = 1_000

const severities = new Set<unknown>([true, false, 0, 1, 2, 'off', 'on', 'warn', 'error'])

/** Whether a value is a remark-lint severity. */
function isSeverity(value: unknown): value is Severity {
  return severities.has(value)
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
  if (Object.keys(shared).length === 0) return config as RuleConfig<SharedOptions>
  const own = optionsOf(config)
  const merged = {...shared, ...(own && typeof own === 'object' ? own : {})}
  if (Array.isArray(config) && isSeverity(config[0])) return [config[0], merged]
  if (isSeverity(config) && config !== true) return [config, merged]
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

/**
 * Check options against their types; throw one error naming the first bad
 * option and what it should be.
 */
export function validateOptions(owner: string, value: unknown, types: OptionTypes): void {
  if (value === undefined || value === null) return
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${owner}: unexpected options \`${show(value)}\`, expected an object`)
  }

  for (const [name, option] of Object.entries(value)) {
    const kind = types[name]
    if (!kind) {
      throw new TypeError(
        `${owner}: unknown option \`${name}\`, expected one of: ${Object.keys(types)
          .map((key) => `\`${key}\``)
          .join(', ')}`
      )
    }
    if (option !== undefined && !fits(kind, option)) {
      throw new TypeError(
        `${owner}: unexpected value \`${show(option)}\` for option \`${name}\`, expected ${describe(kind)}`
      )
    }
  }
}

function fits(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'string':
      return typeof value === 'string' && value !== ''
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')
    case 'levels':
      return fits('strings', value) && (value as string[]).length > 0
    case 'patterns':
      // A pattern of only `*` would allow every placeholder: that is turning the rule off.
      return fits('strings', value) && (value as string[]).every((item) => /[^*\s]/.test(item))
    case 'globs':
      return fits('string', value) || fits('strings', value)
    case 'file':
      return fits('string', value) || (value instanceof URL && value.protocol === 'file:')
    case 'limits':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([key, limit]) =>
            limitNames.includes(key) &&
            Number.isInteger(limit) &&
            (limit as number) > 0 &&
            (key !== 'nesting' || (limit as number) <= maxNesting)
        )
      )
    case 'rule':
      return isSeverity(value) || typeof value === 'object'
  }
}

function describe(kind: OptionKind): string {
  switch (kind) {
    case 'boolean':
      return '`true` or `false`'
    case 'string':
      return 'a non-empty string'
    case 'strings':
      return 'an array of non-empty strings'
    case 'levels':
      return 'a non-empty array of non-empty strings'
    case 'patterns':
      return 'an array of texts, where `*` stands for any text (not `*` alone: turn the rule off instead)'
    case 'globs':
      return 'a glob or an array of globs'
    case 'file':
      return 'a path or a `file:` URL'
    case 'limits':
      return `an object of positive integers (\`nesting\` at most ${maxNesting}), with keys among ${limitNames.map((name) => `\`${name}\``).join(', ')}`
    case 'rule':
      return "a severity (`false`, `'warn'`, `'error'`…), options, or `[severity, options]`"
  }
}

function show(value: unknown): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `undefined` for `undefined` and functions
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
