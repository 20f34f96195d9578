/**
 * remark-lint-milestone: the preset. It installs the syntax milestone docs
 * are written in (front matter, task lists, footnotes), remark-lint's comment control, and
 * every rule, sharing the options that say which files are milestone docs.
 */
import type {Root} from 'mdast'
import remarkLint from 'remark-lint'
import type {Plugin, Processor} from 'unified'
import {presetMark} from './rules/marks.js'
import {releaseContexts} from './rules/file-context.js'
import {triage} from './rules/triage.js'
import {guardParser} from './model/parse.js'
import {
  type Kind,
  type RuleConfig,
  type SharedOptions,
  attachersOf,
  isOff,
  limitsOf,
  sharedOf,
  validateOptions,
  withShared
} from './match/options.js'
import type {MilestoneRule} from './rules/rule.js'
import {
  type RuleId,
  type RuleOptions,
  noPlaceholders,
  presetOptionTypes,
  relativeLinks,
  requiredHeadings,
  riskFields,
  rules,
  sectionFields,
  successCriteria
} from './rules/index.js'
import milestoneSyntax from './model/syntax.js'

export type {Kind, RuleConfig, SharedOptions}
export type {NoPlaceholdersOptions} from './rules/no-placeholders.js'
export type {RelativeLinksOptions} from './rules/relative-links.js'
export type {RequiredHeadingsOptions} from './rules/required-headings.js'
export type {RiskFieldsOptions} from './rules/risk-fields.js'
export type {SectionFieldsOptions} from './rules/section-fields.js'
export type {SuccessCriteriaOptions} from './rules/success-criteria.js'
export type {Limits} from './model/limits.js'
export type {Schema, SectionSpec, FieldSpec, MetadataSpec} from './schema/types.js'
export type {MilestoneLintData} from './rules/rule.js'
export {milestoneSyntax, noPlaceholders, relativeLinks, requiredHeadings, riskFields, sectionFields, successCriteria}

export {rules, type RuleId, type RuleOptions} from './rules/index.js'

/** Preset options: the shared options (parse limits among them), and each rule's config by its id. */
export type Options = SharedOptions & {[Id in RuleId]?: RuleConfig<RuleOptions<Id>>}

const presetName = 'remark-lint-milestone'

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
  if (isAfterAnotherCopy(attachersOf(this))) return
  const shared = sharedOf(options ?? {})

  guardParser(this as unknown as Processor<Root>, limitsOf(options ?? undefined), triage(this, shared))
  this.use(milestoneSyntax).use(remarkLint)

  for (const [id, rule] of Object.entries(rules) as Array<[RuleId, MilestoneRule<SharedOptions>]>) {
    // A rule the user also configured directly keeps that configuration.
    const direct = attachersOf(this).find(([plugin]) => plugin === rule)
    const config = direct ? direct[1] : options?.[id]
    if (isOff(config) && !direct) continue
    this.use(rule, withShared(config, shared))
  }
  this.use(releaseContexts)
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
  validateOptions(presetName, options, presetOptionTypes)
}
