/**
 * The kinds of option and their validation: a bad option fails once, with
 * an error that names it, when the plugin is attached.
 */
import type {Limits} from '../model/limits.js'

/** A kind of doc other than the milestone doc: its name, its template, and the files always of it. */
export interface Kind {
  /** Named in messages and in `file.data.milestoneLint` (not `milestone`, the docs of `template`). */
  name: string
  /** Its template, found as the `template` option's is. */
  template: string | URL
  /** Globs of files always of this kind (before the milestone `include`). */
  include?: string | string[]
}

/** The kind of the docs of the `template` option, which no entry of `kinds` may be named. */
export const milestoneKind = 'milestone'

/** Severity as in remark-lint: off, warn, error. */
export type Severity = boolean | 0 | 1 | 2 | 'off' | 'on' | 'warn' | 'error'

/**
 * The kinds of option, each with the TypeScript type of its values (`rule`
 * is a rule's config inside the preset's options, checked by the rule).
 */
export interface OptionKinds {
  boolean: boolean
  count: number
  string: string
  strings: string[]
  levels: string[]
  patterns: string[]
  globs: string | string[]
  file: string | URL
  limits: Partial<Limits>
  kinds: Kind[]
  rule: unknown
}

/** The name of a kind of option. */
export type OptionKind = keyof OptionKinds

/** Option name → kind: validates a rule's options, and gives their type (`OptionsOf`). */
export type OptionTypes = Readonly<Record<string, OptionKind>>

const limitNames = ['size', 'lineLength', 'nesting', 'lists', 'blocks', 'markers', 'paragraphMarkers']

/**
 * Nesting can be raised only so far: deeper trees overflow the stack of
 * the tools that walk them after the parser (remark-lint's comment control
 * fails at 10,000 nested block quotes; 5,000 still pass).
 */
const maxNesting = 1_000

const severities = new Set<unknown>([true, false, 0, 1, 2, 'off', 'on', 'warn', 'error'])

/** Whether a value is a remark-lint severity. */
export function isSeverity(value: unknown): value is Severity {
  return severities.has(value)
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
    // Own keys only: `toString` is no option, though every object has one.
    const kind = Object.hasOwn(types, name) ? types[name] : undefined
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
    if (kind === 'kinds' && option !== undefined) validateKinds(owner, option as unknown[])
  }
}

/** The kinds of a kind's keys. */
const kindKeyTypes: OptionTypes = {name: 'string', template: 'file', include: 'globs'}

/** Check each entry of `kinds`: its keys and their values, its name unique and not `milestone`. */
function validateKinds(owner: string, kinds: unknown[]): void {
  const names = new Set<unknown>()
  for (const entry of kinds) {
    const at = `in option \`kinds\``
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new TypeError(`${owner}: unexpected value \`${show(entry)}\` ${at}, expected ${describe('kinds')}`)
    }
    const record = entry as Record<string, unknown>
    const label = fits('string', record.name) ? `kind \`${String(record.name)}\`` : `a kind`
    for (const [key, type] of Object.entries(kindKeyTypes)) {
      const value = record[key]
      if ((value !== undefined || key !== 'include') && !fits(type, value)) {
        const found = value === undefined ? 'missing' : `unexpected value \`${show(value)}\` for`
        throw new TypeError(`${owner}: ${found} \`${key}\` of ${label} ${at}, expected ${describe(type)}`)
      }
    }
    const unknown = Object.keys(record).find((key) => !(key in kindKeyTypes))
    if (unknown !== undefined) {
      throw new TypeError(
        `${owner}: unknown key \`${unknown}\` of ${label} ${at}, expected one of: \`name\`, \`template\`, \`include\``
      )
    }
    if (record.name === milestoneKind) {
      throw new TypeError(
        `${owner}: unexpected name \`${milestoneKind}\` ${at}, expected another: it is the kind of the docs of the \`template\` option`
      )
    }
    if (names.has(record.name)) {
      throw new TypeError(`${owner}: unexpected second ${label} ${at}, expected each name once`)
    }
    names.add(record.name)
  }
}

function fits(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'count':
      return Number.isInteger(value) && (value as number) > 0
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
    case 'kinds':
      return Array.isArray(value)
    case 'rule':
      return isSeverity(value) || typeof value === 'object'
  }
}

function describe(kind: OptionKind): string {
  switch (kind) {
    case 'boolean':
      return '`true` or `false`'
    case 'count':
      return 'a whole number, 1 or more'
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
    case 'kinds':
      return 'an array of kinds, `{name, template, include?}`'
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
