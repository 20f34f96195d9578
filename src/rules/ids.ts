/**
 * The ids of the package's rules, and the preset's option types: a leaf
 * module, so the command line checks its flags and config without loading
 * the rules (a run that takes every file from its cache loads no parser).
 * index.ts maps each id to its rule, and the compiler checks that the two
 * name the same rules.
 */
import {type OptionTypes, sharedOptionTypes} from '../match/options.js'

/** The id of each rule of the package. */
export const ruleIds = [
  'milestone-required-headings',
  'milestone-no-placeholders',
  'milestone-success-criteria',
  'milestone-risk-fields',
  'milestone-section-fields',
  'milestone-overview-sync',
  'milestone-relative-links'
] as const

/** The id of a rule of the package. */
export type RuleId = (typeof ruleIds)[number]

/** The preset's options and their kinds: the shared options, and each rule's config by its id. */
export const presetOptionTypes: OptionTypes = {
  ...sharedOptionTypes,
  ...Object.fromEntries(ruleIds.map((id) => [id, 'rule' as const]))
}
