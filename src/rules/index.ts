/** Every rule, by id: the preset attaches them, and reports describe them. */
import noPlaceholders from './no-placeholders.js'
import relativeLinks from './relative-links.js'
import requiredHeadings from './required-headings.js'
import riskFields from './risk-fields.js'
import sectionFields from './section-fields.js'
import successCriteria from './success-criteria.js'

export const rules = {
  'milestone-required-headings': requiredHeadings,
  'milestone-no-placeholders': noPlaceholders,
  'milestone-success-criteria': successCriteria,
  'milestone-risk-fields': riskFields,
  'milestone-section-fields': sectionFields,
  'milestone-relative-links': relativeLinks
} as const

export type RuleId = keyof typeof rules

export {noPlaceholders, relativeLinks, requiredHeadings, riskFields, sectionFields, successCriteria}
