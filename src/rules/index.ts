/**
 * Every rule, by id: the preset attaches them, validates their configs and
 * types its options from them, and reports describe them. A new rule is one
 * module, one line here, and its id in ids.ts.
 */
import {optionsOf, validateOptions} from '../match/options.js'
import type {RuleId} from './ids.js'
import type {MilestoneRule} from './rule.js'
import noPlaceholders from './no-placeholders.js'
import overviewSync from './overview-sync.js'
import relativeLinks from './relative-links.js'
import requiredHeadings from './required-headings.js'
import riskFields from './risk-fields.js'
import sectionFields from './section-fields.js'
import successCriteria from './success-criteria.js'

/** Every rule of the package, by its id. */
export const rules = {
  'milestone-required-headings': requiredHeadings,
  'milestone-no-placeholders': noPlaceholders,
  'milestone-success-criteria': successCriteria,
  'milestone-risk-fields': riskFields,
  'milestone-section-fields': sectionFields,
  // Before relative-links: the parent it reads serves the links into it.
  'milestone-overview-sync': overviewSync,
  'milestone-relative-links': relativeLinks
} as const satisfies Record<RuleId, MilestoneRule<never>>

export {presetOptionTypes, type RuleId, ruleIds} from './ids.js'

/** Check the kinds of the rules' options among a preset's options (milestone-lint's config files, when read). */
export function checkRuleOptions(options: Record<string, unknown>): void {
  for (const [id, rule] of Object.entries(rules)) {
    // As the rule checks them when attached (the template checks more then).
    if (Object.hasOwn(options, id)) validateOptions(id, optionsOf(options[id]), rule.types)
  }
}

/** The options of a rule, by its id (inferred from its declaration). */
export type RuleOptions<Id extends RuleId> = (typeof rules)[Id] extends MilestoneRule<infer Options> ? Options : never

export {noPlaceholders, overviewSync, relativeLinks, requiredHeadings, riskFields, sectionFields, successCriteria}
