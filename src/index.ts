/**
 * remark-lint-milestone: the preset. It installs the syntax milestone docs
 * are written in (front matter, GFM), remark-lint's comment control, and
 * every rule, sharing the options that say which files are milestone docs.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLint from 'remark-lint'
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {type Limits, defaultLimits, guardParser} from './parse.js'
import {
  type NoPlaceholdersOptions,
  type OptionTypes,
  type RelativeLinksOptions,
  type RiskFieldsOptions,
  type RuleConfig,
  type SectionFieldsOptions,
  type SharedOptions,
  type SuccessCriteriaOptions,
  isSeverity,
  optionsOf,
  sharedOptionTypes,
  validateOptions
} from './options.js'
import type {MilestoneRule} from './rule.js'
import noPlaceholders from './rules/no-placeholders.js'
import relativeLinks from './rules/relative-links.js'
import requiredHeadings, {type RequiredHeadingsOptions} from './rules/required-headings.js'
import riskFields from './rules/risk-fields.js'
import sectionFields from './rules/section-fields.js'
import successCriteria from './rules/success-criteria.js'

export type {
  NoPlaceholdersOptions,
  RelativeLinksOptions,
  RequiredHeadingsOptions,
  RiskFieldsOptions,
  RuleConfig,
  SectionFieldsOptions,
  SharedOptions,
  SuccessCriteriaOptions
}
export {TemplateError, defaultSchema, deriveSchema, loadTemplate} from './schema/derive.js'
export {defaultLimits, type Limits} from './parse.js'
export type {Schema, SectionSpec, FieldSpec, MetadataSpec} from './schema/types.js'
export {noPlaceholders, relativeLinks, requiredHeadings, riskFields, sectionFields, successCriteria}

/** Every rule, by id. */
export const rules = {
  'milestone-required-headings': requiredHeadings,
  'milestone-no-placeholders': noPlaceholders,
  'milestone-success-criteria': successCriteria,
  'milestone-risk-fields': riskFields,
  'milestone-section-fields': sectionFields,
  'milestone-relative-links': relativeLinks
} as const

export type RuleId = keyof typeof rules

/** Preset options: the shared options, parse limits, and each rule's config by its id. */
export interface Options extends SharedOptions {
  /** Limits on what is parsed (see `defaultLimits`); a file over one is not linted. */
  limits?: Partial<Limits>
  'milestone-required-headings'?: RuleConfig<RequiredHeadingsOptions>
  'milestone-no-placeholders'?: RuleConfig<NoPlaceholdersOptions>
  'milestone-success-criteria'?: RuleConfig<SuccessCriteriaOptions>
  'milestone-risk-fields'?: RuleConfig<RiskFieldsOptions>
  'milestone-section-fields'?: RuleConfig<SectionFieldsOptions>
  'milestone-relative-links'?: RuleConfig<RelativeLinksOptions>
}

const presetName = 'remark-lint-milestone'

/** Marks the preset of every copy of this package (see below). */
const presetMark = Symbol.for('remark-lint-milestone:preset')

/**
 * Lint milestone docs. Use as `.use(remarkLintMilestone, options)` or
 * `[remarkLintMilestone, options]` in `.remarkrc.js`.
 */
const remarkLintMilestone: Plugin<[(Options | null | undefined)?]> = function (options) {
  validatePresetOptions(options)
  // Two copies of this package can meet: a globally installed CLI (or a
  // pre-commit environment) and the project's own, named in its config. The
  // first in the list (the user's config, which comes before the CLI's
  // default) wins; the other attaches nothing, so no message is doubled.
  if (isAfterAnotherCopy(this.attachers)) return
  const shared = sharedOf(options ?? {})

  guardParser(this as unknown as Processor<Root>, {...defaultLimits, ...options?.limits}, shared)
  this.use(remarkFrontmatter).use(remarkGfm).use(remarkLint)

  for (const [id, rule] of Object.entries(rules) as Array<[RuleId, MilestoneRule<SharedOptions>]>) {
    // A rule the user also configured directly keeps that configuration.
    const direct = this.attachers.find(([plugin]) => plugin === rule)
    const config = direct ? direct[1] : options?.[id]
    if (isOff(config) && !direct) continue
    this.use(rule, withShared(config, shared))
  }
}

Object.defineProperty(remarkLintMilestone, presetMark, {value: true})

export default remarkLintMilestone

function isAfterAnotherCopy(attachers: ReadonlyArray<readonly [unknown, ...unknown[]]>): boolean {
  const own = attachers.findIndex(([plugin]) => plugin === remarkLintMilestone)
  return attachers.some(
    ([plugin], index) =>
      index < own && plugin !== remarkLintMilestone && typeof plugin === 'function' && presetMark in plugin
  )
}

function validatePresetOptions(options: unknown): void {
  const types: OptionTypes = {...sharedOptionTypes, limits: 'limits'}
  for (const id of Object.keys(rules)) types[id] = 'rule'
  validateOptions(presetName, options, types)
}

function sharedOf(options: Options): SharedOptions {
  const shared: SharedOptions = {}
  for (const key of Object.keys(sharedOptionTypes) as Array<keyof SharedOptions>) {
    if (options[key] !== undefined) Object.assign(shared, {[key]: options[key]})
  }
  return shared
}

function isOff(config: unknown): boolean {
  const severity = Array.isArray(config) ? config[0] : config
  return severity === false || severity === 0 || severity === 'off'
}

/** A rule config with the preset's shared options underneath its own. */
function withShared(config: unknown, shared: SharedOptions): RuleConfig<SharedOptions> {
  if (Object.keys(shared).length === 0) return config as RuleConfig<SharedOptions>
  const own = optionsOf(config)
  const merged = {...shared, ...(own && typeof own === 'object' ? own : {})}
  if (Array.isArray(config) && isSeverity(config[0])) return [config[0], merged]
  if (isSeverity(config) && config !== true) return [config, merged]
  return merged
}
