/**
 * How present a template field must be in a doc, as `milestone-section-fields`'
 * `required` and `optional` options can change it.
 */
import {normalizeHeading, normalizeLabel} from '../text/text.js'
import {headingPattern} from '../schema/pattern.js'
import type {FieldSpec, SectionSpec} from '../schema/types.js'

/**
 *
 */
export type Presence = 'required' | 'optional' | 'example'

/**
 * How present a template field must be: as the template says (required,
 * optional, or an example category), unless the rule's `required` or
 * `optional` option names it (`'Cost Structure'`, or with its section,
 * `'Technology Stack > Frontend'`).
 */
export function presenceOf(options: {
  required?: string[]
  optional?: string[]
}): (section: SectionSpec, field: FieldSpec) => Presence {
  const required = (options.required ?? []).map(fieldName)
  const optional = (options.optional ?? []).map(fieldName)
  return function (section, field) {
    if (required.some((name) => name(section, field))) return 'required'
    if (optional.some((name) => name(section, field))) return 'optional'
    return field.example ? 'example' : field.optional ? 'optional' : 'required'
  }
}

/** An option's field name (`Label` or `Section > Label`) as a test of template fields. */
export function fieldName(name: string): (section: SectionSpec, field: FieldSpec) => boolean {
  const split = name.lastIndexOf('>')
  const label = normalizeLabel(name.slice(split + 1))
  const heading = split === -1 ? undefined : normalizeHeading(name.slice(0, split))
  // A section named as the template writes it (`Phase 1: [Phase Name]`) or as a doc would (`Phase 2: Billing`).
  return (section, field) =>
    normalizeLabel(field.label) === label && (heading === undefined || headingPattern(section).test(heading))
}
