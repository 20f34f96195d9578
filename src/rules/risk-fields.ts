/**
 * The Risks & Mitigation section has at least one `### Risk: <name>`; each risk
 * has `**Impact**:` and `**Probability**:`, each a level (High, Medium or Low,
 * any case) first and then an explanation in any form (after a dash or colon,
 * in parentheses, after a comma: `Medium (the board is down for a day)`), and
 * `**Mitigation**:` followed by at least one list item or sentence. Emoji or
 * emphasis before the level (`🔴 **High** - …`), `**Impact:**` (colon inside the
 * bold) and `**Impact****:**` (bold of its own, as exports write it),
 * emoji-decorated labels (`**⚠️ Impact**:`), fields written as list items
 * (`- **Impact**: …`), quoted (`> **Impact**: …`) or as table rows
 * (`| **Impact** | High | Wrong totals |`, the cells after the level its
 * explanation; a level past its cell gives ``Unexpected `| **Impact** |`
 * without a level in its second cell``; a Mitigation's text may be in any
 * cell, and a row empty in every cell gives ``Unexpected empty
 * `| **Mitigation** |` ``) are fine. A level that is
 * there but not first (`Users cannot pay (High)`) is reported as such, with the
 * form expected. A missing field is reported where it belongs, in template order
 * among the risk's fields, with the template's text of it as `expected` (the
 * risk's heading when no place is certain), or, where its label is there
 * without bold (`Probability: Low - …`), on the label, with its bold form as
 * `expected`; a level that is not allowed is reported on the
 * word, with the allowed levels as `expected` (one quick fix each). When exactly
 * one level is close to the word (`Med`, `Hgih`, or `Medium` against
 * `['HIGH', 'MED', 'LOW']`), the message asks whether that was meant and that
 * level alone is `expected`, the editor's preferred fix.
 *
 * @example split-bold.md
 *
 * @example invalid.md
 *
 * @example no-risks.md
 *
 * @example levels.md
 */
import leven from 'leven'
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import {headingLine, type Model, type Section} from '../model/model.js'
import {laterCells} from '../model/table-fields.js'
import {truncate} from '../text/text.js'
import {fieldsIn, findField} from '../match/outline.js'
import type {OptionsOf} from '../match/options.js'
import {milestoneRule} from './rule.js'
import {reportPlainLabel} from './plain-label.js'
import {report, reportMissing} from './report.js'
import {fieldInsertion} from './field-insertion.js'
import {bold, shown} from './field-text.js'
import type {Insertion} from './insertion.js'
import {displayHeading} from '../schema/pattern.js'
import type {FieldSpec} from '../schema/types.js'
import {allSpecs, parentSpec} from '../schema/walk.js'

const optionTypes = {
  /**
   * The allowed Impact and Probability levels.
   * @default the template's, `['High', 'Medium', 'Low']`
   */
  levels: 'levels'
} as const

/** The options of `milestone-risk-fields`. */
export type RiskFieldsOptions = OptionsOf<typeof optionTypes>

const riskFields = milestoneRule({
  id: 'milestone-risk-fields',
  description: "Each risk states its Impact, Probability and Mitigation, with levels from the template's scale.",
  options: optionTypes,
  check({model, outline, schema, file, options}) {
    for (const spec of allSpecs(schema)) {
      if (spec.role !== 'risk') continue
      const risks = outline.sections(spec)
      const parent = parentSpec(schema, spec)
      const [risksSection] = parent ? outline.sections(parent) : []

      if (risks.length === 0 && risksSection) {
        report(
          file,
          `Unexpected \`${headingLine(risksSection)}\` without risks, expected at least one \`${displayHeading(spec)}\` section`,
          risksSection.heading?.position
        )
      }

      for (const risk of risks) {
        const fields = fieldsIn(outline, risk, spec)
        for (const field of spec.fields ?? []) {
          const missing = () => fieldInsertion(model, risk, spec, field, fields)
          checkField(model, file, risk, fields, field, field.levels && (options.levels ?? field.levels), missing)
        }
      }
    }
  }
})

export default riskFields

function checkField(
  model: Model,
  file: VFile,
  risk: Section,
  fields: readonly Field[],
  spec: FieldSpec,
  levels: string[] | undefined,
  missing: () => Insertion | undefined
): void {
  const field = findField(fields, spec)
  const label = bold(spec.label, model)

  if (!field) {
    if (reportPlainLabel(model, file, risk.content, fields, spec)) return
    const example = levels ? ` ${levels.join('|')} - <explanation>` : ' <text or list>'
    reportMissing(
      model,
      file,
      `Unexpected missing \`${label}\` in \`${headingLine(risk)}\`, expected \`${label}${example}\``,
      risk,
      missing()
    )
    return
  }

  if (levels) {
    checkLevel(model, file, field, label, levels)
    return
  }

  const items = field.list?.children.length ?? 0
  // A row's text may be in a later cell (`| **Mitigation** | | Retry uploads |`: a column for levels).
  if (field.text === '' && items === 0 && !/[\p{L}\p{N}]/u.test(laterCells(field, model.source.text))) {
    const named = field.row ? shown(field, model) : label
    report(file, `Unexpected empty \`${named}\`, expected at least one list item or sentence`, field.labelNode.position)
  }
}

/** The levels for a message: `` `High`, `Medium` or `Low` ``. */
function choices(levels: string[]): string {
  const allowed = levels.map((level) => `\`${level}\``)
  return allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join('')
}

/**
 * `High - explanation`: a known level first, then an explanation in any
 * form (after a dash or colon, in parentheses, after a comma). Emoji or
 * emphasis before the level are decoration (`🔴 **High**`).
 */
function checkLevel(model: Model, file: VFile, field: Field, label: string, levels: string[]): void {
  const list = choices(levels)
  const {valueStart, valueEnd} = field
  const value = valueStart === undefined || valueEnd === undefined ? '' : model.source.text.slice(valueStart, valueEnd)
  const lead = /^[^\p{L}\p{N}[]*/u.exec(value)![0].length
  // `[High/Medium/Low] - …` is an unfilled placeholder: milestone-no-placeholders says so.
  if (value.charAt(lead) === '[') return
  const name = field.label.toLowerCase()

  if (valueStart === undefined || lead === value.length) {
    // A row whose level is not in its second cell, though other cells say something.
    const row = /[\p{L}\p{N}]/u.test(laterCells(field, model.source.text))
    report(
      file,
      row
        ? `Unexpected \`${shown(field, model)}\` without a level in its second cell, expected a level (${list}) there`
        : `Unexpected empty \`${field.row ? shown(field, model) : label}\`, expected a level (${list}) and an explanation`,
      field.labelNode.position
    )
    return
  }

  const from = valueStart + lead
  const rest = value.slice(lead)
  const level = levelAtStart(rest, levels)

  if (level !== undefined) {
    // In a row, the cells after the level's may explain it (`| **Impact** | High | Wrong totals |`).
    const cells = laterCells(field, model.source.text)
    if (!/[\p{L}\p{N}]/u.test(rest.slice(level.length) + cells)) {
      report(
        file,
        `Unexpected ${name} \`${level}\` without an explanation, expected \`${level} - <explanation>\``,
        model.source.range(from, valueStart + value.trimEnd().length)
      )
    }
    return
  }

  const later = wordsOf(rest).find((word) => levelAtStart(word, levels) === word)
  if (later) {
    // The level is there, but not first: say which form is expected.
    report(
      file,
      `Unexpected ${name} \`${truncate(rest.trim(), 40)}\` with its level not first, expected \`${levelAtStart(later, levels)} - <explanation>\``,
      model.source.range(from, valueStart + value.trimEnd().length)
    )
    return
  }

  const word = wordsOf(rest)[0] ?? rest.trim()
  const meant = meantLevel(word, levels)
  report(
    file,
    `Unexpected ${name} level \`${word}\`, expected ${list}${meant ? ` (did you mean \`${meant}\`?)` : ''}`,
    model.source.range(from, from + word.length),
    // One likely spelling is the quick fix; otherwise the editor offers each level.
    {expected: meant ? [meant] : levels}
  )
}

/** The allowed level text starts with (in any case), as written there, if it ends at a word boundary. */
function levelAtStart(text: string, levels: readonly string[]): string | undefined {
  const lower = text.toLowerCase()
  for (const level of [...levels].sort((a, b) => b.length - a.length)) {
    if (lower.startsWith(level.toLowerCase()) && !/[\p{L}\p{N}]/u.test(text.charAt(level.length))) {
      return text.slice(0, level.length)
    }
  }
  return undefined
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * The one level a misspelt, shortened or lengthened word most likely means
 * (`Med` → `Medium`, `Hgih` → `High`, `Medium` → `MED`), if exactly one is
 * that close.
 */
export function meantLevel(word: string, levels: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  const close = levels.filter((level) => {
    const candidate = level.toLowerCase()
    const distance = leven(lower, candidate)
    return (
      candidate.startsWith(lower) ||
      lower.startsWith(candidate) ||
      (distance <= 2 && distance <= Math.floor(candidate.length / 2))
    )
  })
  return close.length === 1 ? close[0] : undefined
}
