/**
 * Every section carries the fields its template section asks for, each with a
 * value: `**Purpose**:`, `**Features**:`, `**User Flow**:` (or
 * `**System Flow**:`), `**Technical Design**:` and `**Integration Points**:` in
 * every component; `**Objective**:` and `**Deliverables**:` in every phase;
 * `**Key Principle**:`; the Goal's two lists; the Technology Stack's Cost
 * Structure and at least one category of the team's own (the template's
 * Frontend, Backend and Infrastructure are [examples](#how-a-template-is-read):
 * a CLI has no frontend); the three Next Steps horizons (`**After [Previous Section]**:` matches
 * `**After Phase 1**:`); and the closing `*Document Status*:` and
 * `*Last Updated*:` lines, anywhere in the doc. Which fields a section needs is
 * [read from the template](#how-a-template-is-read): with another template,
 * other fields. Fields the template marks optional (`(if applicable)`,
 * `(if final phase)`) may be absent, but not empty. In sections whose template
 * shows placeholder labels (`**[Metric Name]**:`: Success Metrics, Why …?,
 * Design Decisions, Open Questions), every bold-label entry needs a value, and
 * so does every category of the Technology Stack.
 *
 * A value is text after the label, or a list, code block, paragraph,
 * blockquote, table or HTML block right after the label's line (HTML comments
 * in between are skipped), or the sub-sections that follow a label ending its
 * section. The colon may be inside or outside the bold, or be a dash
 * (`**Purpose** — …`); the label may be italic, carry emoji, be quoted
 * (`> **Key Principle**: …`), start a row of a table (`| **Owner** | Platform |`,
 * with or without outer pipes; the second cell is its value, empty only if the cells after
 * it are too; a field put back next to rows is a row with the table's cells, or a block
 * after the table if it takes more than a line), carry a qualifier (`**Immediate** (Start Here):`,
 * `**System Flow (Validation)**:`), sit in a sub-section the template does not
 * name, or be a heading: a sub-heading of the section (`#### Purpose`, and
 * with a qualifier, `#### Immediate (Start Here)`), or a heading at the
 * section's level right after it (`### Cost Structure` after
 * `### Technology Stack`). Success criteria and risks are left to their own
 * rules.
 *
 * A missing field is reported where it belongs (in template order among the
 * section's fields, else after the section's own text), with the template's
 * text of it as `expected`, in the doc's own bullets and emphasis; the
 * section's heading when no place is certain. Where its label is there
 * without bold (`Purpose: …`, `- Features:` over its list, an item of a list of such
 * labels, `| Cost Structure | … |`; not an item of another field's list), that is
 * reported on the label instead, with its bold form as `expected`, so the fix makes it
 * bold rather than adding a second one. An empty field is reported at its
 * label. A missing closing line is reported at the end of the file, with the
 * line to insert as `expected` (not after an HTML or code block, which could
 * swallow it).
 *
 * @example invalid.md
 *
 * @example alternatives.md
 *
 * @example stack-without-categories.md
 *
 * A name in `required` or `optional` that is no field of the template fails
 * when the rule is attached:
 * ``milestone-section-fields: unexpected `Technology Stack > Frontnd` in option `optional`, expected a field of the template …``.
 * In a template of your own, the same is said with a mark:
 * `**Frontend** (required):`, `**Notes** (example):`.
 *
 * @example required.md
 */
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import {headingLine, type Model, type Section, ownFields} from '../model/model.js'
import {laterCells} from '../model/table-fields.js'
import {type Outline, fieldsIn, matches, unmatchedDescendants} from '../match/outline.js'
import type {OptionsOf} from '../match/options.js'
import {checkClosing} from './closing-lines.js'
import {bold, kindName, kindPlaceholder, shown} from './field-text.js'
import {milestoneRule} from './rule.js'
import {reportPlainLabel} from './plain-label.js'
import {report, reportMissing} from './report.js'
import {fieldInsertion} from './field-insertion.js'
import {fieldName, presenceOf} from './field-presence.js'
import type {Insertion} from './insertion.js'
import type {FieldSpec, SectionSpec} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'

const optionTypes = {
  /**
   * Template fields to require although the template makes them optional
   * or examples: a label (`'Frontend'`), or `'Section > Label'` for one
   * section's (`'Technology Stack > Frontend'`).
   * @default `[]`
   */
  required: 'strings',
  /**
   * Template fields that may be absent (but not empty), named the same way
   * (`'Cost Structure'`).
   * @default `[]`
   */
  optional: 'strings'
} as const

/** The options of `milestone-section-fields`. */
export type SectionFieldsOptions = OptionsOf<typeof optionTypes>

const sectionFields = milestoneRule({
  id: 'milestone-section-fields',
  description: 'Each section carries the fields its template section asks for, each with a value.',
  options: optionTypes,
  check({tree, model, outline, schema, file, options}) {
    // A label is reported once, whichever check finds it empty first.
    const reported = new Set<Field['labelNode']>()
    const empty = (field: Field, expected: string) => {
      if (reported.has(field.labelNode) || !isEmpty(model, field)) return
      reported.add(field.labelNode)
      const where = field.row ? 'in its second cell' : field.labelNode.type === 'heading' ? 'below it' : 'after it'
      report(
        file,
        `Unexpected empty \`${shown(field, model)}\`, expected ${field.row ? 'text' : expected} ${where}`,
        field.labelNode.position
      )
    }

    const presence = presenceOf(options)
    for (const spec of allSpecs(schema)) {
      // Risks are milestone-risk-fields', marked lists milestone-success-criteria's.
      if (spec.role === 'risk') continue
      const all = spec.fields ?? []
      const examples = all.filter((field) => presence(spec, field) === 'example')
      const named = all.filter((field) => !examples.includes(field))
      for (const section of outline.sections(spec)) {
        const fields = fieldsIn(outline, section, spec)
        for (const field of named) {
          if (!field.marker) {
            const missing = () => fieldInsertion(model, section, spec, field, fields)
            checkField(model, file, section, fields, field, presence(spec, field) === 'required', empty, missing)
          }
        }
        if (examples.length > 0)
          checkCategories(model, file, section, fields, [...named, ...schema.closing], examples, empty)
        if (spec.entries) checkEntries(outline, section, spec, empty)
      }
    }

    checkClosing(tree, model, schema, file, empty)
  },
  validate(options, schema) {
    for (const option of ['required', 'optional'] as const) {
      for (const name of options[option] ?? []) {
        const test = fieldName(name)
        if (allSpecs(schema).some((section) => (section.fields ?? []).some((field) => test(section, field)))) continue
        throw new TypeError(
          `milestone-section-fields: unexpected \`${name}\` in option \`${option}\`, expected a field of the template ` +
            `(\`Label\` or \`Section > Label\`, e.g. \`Technology Stack > Frontend\`)`
        )
      }
    }
  }
})

export default sectionFields

type Empty = (field: Field, expected: string) => void

function checkField(
  model: Model,
  file: VFile,
  section: Section,
  fields: readonly Field[],
  spec: FieldSpec,
  required: boolean,
  empty: Empty,
  missing: () => Insertion | undefined
): void {
  const found = fields.filter((field) => matches(spec, field))
  if (found.length === 0) {
    if (!required || reportPlainLabel(model, file, section.content, fields, spec)) return
    const forms = [spec.label, ...(spec.alternatives ?? [])].map(
      (label) => `\`${bold(label, model)} ${kindPlaceholder(spec)}\``
    )
    reportMissing(
      model,
      file,
      `Unexpected missing \`${bold(spec.label, model)}\` in \`${headingLine(section)}\`, expected ${forms.join(' or ')}`,
      section,
      missing()
    )
    return
  }
  for (const field of found) empty(field, kindName(spec))
}

/**
 * A section whose template shows example categories (Technology Stack's
 * `**Frontend**:`, `**Backend**:`) needs at least one labelled field that
 * is not one of its named fields, each with a value.
 */
function checkCategories(
  model: Model,
  file: VFile,
  section: Section,
  fields: readonly Field[],
  named: readonly FieldSpec[],
  examples: readonly FieldSpec[],
  empty: Empty
): void {
  const categories = fields.filter((field) => !named.some((spec) => matches(spec, field)))
  const kind = examples[0]!
  if (categories.length === 0) {
    const forms = examples.map((spec) => `\`${bold(spec.label, model)} ${kindPlaceholder(spec)}\``)
    const list = forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}` : forms.join('')
    report(
      file,
      `Unexpected \`${headingLine(section)}\` without ${kindName(kind).replace(/^an? /, 'a labelled ')}, expected categories of your own such as ${list}`,
      section.heading?.position
    )
    return
  }
  for (const field of categories) empty(field, kindName(examples.find((spec) => matches(spec, field)) ?? kind))
}

/** Sections whose template shows placeholder labels: every bold-label entry needs a value. */
function checkEntries(outline: Outline, section: Section, spec: SectionSpec, empty: Empty): void {
  const named = spec.fields ?? []
  for (const part of [section, ...unmatchedDescendants(outline, section)]) {
    for (const field of ownFields(part)) {
      if (field.labelNode.type === 'heading') continue
      // Named fields are checked as such (or by their own rule).
      if (named.some((fieldSpec) => matches(fieldSpec, field))) continue
      empty(field, 'text or a list')
    }
  }
}

/** Whether a field has no value: no text, and no list, code block or other block after it. */
function isEmpty(model: Model, field: Field): boolean {
  if (field.text !== '' || field.block) return false
  // A row whose other cells say something (`| **Uptime** | | 99.9% |`): a blank cell of a column.
  if (/[\p{L}\p{N}]/u.test(laterCells(field, model.source.text))) return false
  if (field.list?.children.some((item) => item.children.length > 0)) return false
  if (field.code && field.code.value.trim() !== '') return false
  // A heading's value can be its sub-sections; so can a label's that ends its section.
  const node = field.labelNode
  const owner =
    node.type === 'heading'
      ? model.sections.find((candidate) => candidate.heading === node)
      : field.valueEnd === undefined
        ? undefined
        : [model.root, ...model.sections].find((candidate) => lastBlockEnd(candidate) === field.valueEnd)
  return !owner || owner.children.length === 0
}

/** Where a section's content ends, HTML comments aside. */
function lastBlockEnd(section: Section): number | undefined {
  const blocks = section.content.filter(
    (block) => !(block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value))
  )
  return blocks.at(-1)?.position?.end.offset
}
