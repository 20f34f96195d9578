/**
 * Every section whose template asks for success criteria (each
 * `### Phase <n>: …`) has a `**Success Criteria**:` label (or
 * `**Success Criteria:**`, `**Success Criteria** (qualifier):`, or a
 * `#### Success Criteria` heading) followed by a non-empty list, and every item
 * starts with `✅` followed by text. An item with another mark (`✔`, `☑`, `[x]`,
 * `:white_check_mark:`, `:heavy_check_mark:`) or none is reported on its own line, with `expected`
 * set to `✅` (replacing the mark) or `✅ ` (inserted), so an editor fixes it in
 * one click. A mark before a `✅` that is there already (`- [x] ✅ Done`) is
 * reported with the empty text as `expected`: the fix removes it, and the space
 * after it, rather than doubling the `✅`. A missing `**Success Criteria**:` is
 * reported where the template puts it among the section's fields, with the
 * template's list of `✅` placeholders as `expected`; where the label is
 * there without bold (`Success Criteria:`), that is reported on the label,
 * with its bold form as `expected`.
 *
 * @example invalid.md
 *
 * @example plain-label.md
 *
 * @example mark-before-marker.md
 */
import type {ListItem} from 'mdast'
import type {Field} from '../model/fields.js'
import {headingLine, type Model, type Section} from '../model/model.js'
import {fieldsIn, findField} from '../match/outline.js'
import type {OptionsOf} from '../match/options.js'
import {milestoneRule} from './rule.js'
import {reportPlainLabel} from './plain-label.js'
import {report, reportMissing} from './report.js'
import {fieldInsertion} from './field-insertion.js'
import {bold} from './field-text.js'
import type {Insertion} from './insertion.js'
import type {VFile} from 'vfile'
import type {FieldSpec} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'

/** Marks people use instead of the template's (checked after the marker itself). */
const otherMark = /^(?:[✅✔☑✓✗✘❌❎☐☒⬜🔲🟩🟢⭕]\uFE0F?|:[a-z_]+:|\[[ xX]\]|\([ xX]\))/u

const optionTypes = {
  /**
   * The mark every success criterion starts with.
   * @default `✅` (the template's)
   */
  marker: 'string'
} as const

/** The options of `milestone-success-criteria`. */
export type SuccessCriteriaOptions = OptionsOf<typeof optionTypes>

const successCriteria = milestoneRule({
  id: 'milestone-success-criteria',
  description: "Each phase's success criteria are a non-empty list of items that start with `✅`.",
  options: optionTypes,
  check({model, outline, schema, file, options}) {
    for (const spec of allSpecs(schema)) {
      for (const field of spec.fields ?? []) {
        if (!field.marker) continue
        const marker = options.marker ?? field.marker
        for (const section of outline.sections(spec)) {
          const fields = fieldsIn(outline, section, spec)
          const missing = () => fieldInsertion(model, section, spec, field, fields)
          checkSection(model, file, section, findField(fields, field), field, marker, missing)
        }
      }
    }
  }
})

export default successCriteria

function checkSection(
  model: Model,
  file: VFile,
  section: Section,
  field: Field | undefined,
  spec: FieldSpec,
  marker: string,
  missing: () => Insertion | undefined
): void {
  const label = bold(spec.label, model)

  if (!field) {
    if (reportPlainLabel(model, file, section.content, section.fields, spec)) return
    reportMissing(
      model,
      file,
      `Unexpected missing \`${label}\` in \`${headingLine(section)}\`, expected a list of \`${marker}\` items`,
      section,
      missing()
    )
    return
  }

  if (!field.list || field.list.children.length === 0) {
    report(
      file,
      `Unexpected \`${label}\` without a list, expected a list whose items start with \`${marker}\``,
      field.labelNode.position
    )
    return
  }

  for (const item of field.list.children) checkItem(model, file, item, marker)
}

function checkItem(model: Model, file: VFile, item: ListItem, marker: string): void {
  const [first] = item.children
  const start = first?.position?.start.offset
  const text = first?.type === 'paragraph' ? model.source.slice(first) : undefined

  // A task-list box (`- [x] …`) sits before the paragraph, in the item.
  if (item.checked !== null && item.checked !== undefined && start !== undefined) {
    const itemStart = item.position?.start.offset
    const box = itemStart === undefined ? -1 : model.source.text.slice(itemStart, start).search(/\[[ xX]\]/)
    if (itemStart !== undefined && box !== -1) {
      const mark = '[' + (item.checked ? 'x' : ' ') + ']'
      if (text !== undefined && startsWithMarker(text, marker))
        reportExtraMark(file, model, mark, itemStart + box, start, marker)
      else reportMark(file, model, mark, itemStart + box, marker)
      return
    }
  }

  if (text === undefined || start === undefined) {
    report(file, `Unexpected empty success criterion, expected \`${marker} <criterion>\``, item.position)
    return
  }

  // Emphasis may open before the mark: `**✅ Done**`.
  const lead = /^[*_]*/.exec(text)![0].length
  if (text.startsWith(marker, lead)) {
    const rest = text.slice(lead + marker.length).replace(/^\uFE0F/, '')
    if (rest.replace(/[*_]/g, '').trim() === '') {
      report(file, `Unexpected empty success criterion, expected text after \`${marker}\``, first?.position)
    }
    return
  }

  const other = otherMark.exec(text)
  if (other) {
    // `✔ ✅ Done`: the template's mark is there already; the other one goes.
    const rest = text.slice(other[0].length)
    const spaces = /^[ \t]*/.exec(rest)![0].length
    if (spaces > 0 && startsWithMarker(rest.slice(spaces), marker)) {
      reportExtraMark(file, model, other[0], start, start + other[0].length + spaces, marker)
    } else {
      reportMark(file, model, other[0], start, marker)
    }
    return
  }

  report(
    file,
    `Unexpected success criterion without \`${marker}\`, expected \`${marker} \` before it`,
    model.source.toPoint(start),
    {expected: [marker + ' ']}
  )
}

/** Whether criterion text starts with the marker, emphasis aside. */
function startsWithMarker(text: string, marker: string): boolean {
  return text.startsWith(marker, /^[*_]*/.exec(text)![0].length)
}

/** A mark before the marker (`[x] ✅ Done`): the fix removes it and the space after it, not doubling the marker. */
function reportExtraMark(file: VFile, model: Model, mark: string, from: number, to: number, marker: string): void {
  report(
    file,
    `Unexpected success criterion mark \`${mark}\` before \`${marker}\`, expected \`${marker}\` alone`,
    model.source.range(from, to),
    {expected: ['']}
  )
}

function reportMark(file: VFile, model: Model, mark: string, offset: number, marker: string): void {
  report(
    file,
    `Unexpected success criterion mark \`${mark}\`, expected \`${marker}\``,
    model.source.range(offset, offset + mark.length),
    {expected: [marker]}
  )
}
