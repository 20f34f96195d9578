/**
 * A template section's bold labels become its field specs (derive.ts reads
 * the template as a whole): which are required, which are examples, what
 * kind of value each holds, its levels, item mark and alternative labels.
 */
import type {ListItem} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Field} from '../model/fields.js'
import type {Section} from '../model/model.js'
import {escapeRegExp} from './pattern.js'
import type {FieldSpec, LinkRole, Skeleton} from './types.js'

/**
 * `(Optional)`, `(if applicable)`, `(if final phase)`, with the text before
 * it as group 1 (replace with `$1` to drop the mark). The text before does
 * not pass an `(if`: that one matches whenever a later mark could, as all
 * need a `)` after them; searching on from each later `(if` would be
 * quadratic (`(if (if (if …` with no `)`).
 */
export const optionalMark = /^((?:[^(]|\((?!\s*if\b))*?)\(\s*(?:optional|if\b[^)]*)\)/i

/** What deriving a tier of sections needs from the whole template. */
export interface Deriving {
  /** Metadata link URLs by role. */
  linked: Map<string, LinkRole>
  /** Where the closing lines start. */
  closingAfter: number
  /** The template's text between two offsets, as a skeleton. */
  cut: (start: number, end: number) => Skeleton
  /** Leave a stretch of the template out of the skeletons cut after this. */
  omit: (start: number, end: number) => void
}

/** `[High/Medium/Low]`, `[HIGH/MED/LOW]`: the values to choose from. */
export const enumeration = /^\[([^\]/]+(?:\/[^\]/]+)+)\]/

/**
 * Fields of a (repeated) section: the first instance's, required unless
 * marked; later extras optional; parallel categories examples.
 */
export function fieldSpecs(instances: Section[], deriving: Deriving, allOptional: boolean): FieldSpec[] {
  const {closingAfter, cut} = deriving
  const specs: FieldSpec[] = []
  const seen = new Set<string>()
  instances.forEach((instance, index) => {
    const fields = labelFields(instance, closingAfter)
    const categories = fields.filter(isCategory)
    for (const field of fields) {
      if (isEntry(field) || seen.has(field.key)) continue
      seen.add(field.key)
      // Labels inside a list (`- **Unit Tests**: …`) are examples of its items.
      const optional = allOptional || index > 0 || inList(instance, field)
      const spec = fieldSpec(field, optional, categories.length > 1 && categories.includes(field))
      spec.skeleton = cut(labelOffset(field), fieldEnd(field))
      specs.push(spec)
    }
  })
  return specs
}

/**
 * A category of a breakdown: a label whose list holds named entries
 * (`**Frontend**:` over `- [Technology 1]: [Purpose]`). Two or more in a
 * section are examples of one kind (the guide's “break down by layer”):
 * a CLI has no frontend. A lone one (`**Integration Points**:` over
 * `- [System/API 1]: [How it integrates]`) is a field like any other.
 */
function isCategory(field: Field): boolean {
  const items = field.list?.children ?? []
  // `- [Technology 1]: [Purpose]` parses as a link definition.
  const named = (item: ListItem) =>
    item.children[0]?.type === 'definition' || /^\[[^\]]+\][ \t]*:/.test(toString(item).trim())
  return items.length > 0 && items.every(named)
}

/** A template's own word on a field, in its qualifier: `**Frontend** (example):`, `**Cost Structure** (required):`. */
function fieldMark(field: Field): 'example' | 'required' | undefined {
  const mark = field.qualifier?.trim().toLowerCase()
  return mark === 'example' || mark === 'required' ? mark : undefined
}

/** The spec of a template field; `optional` and `example` as its section says, unless the field says otherwise. */
export function fieldSpec(field: Field, optional: boolean, example = false): FieldSpec {
  const spec: FieldSpec = {label: field.label, kind: field.list ? 'list' : field.code ? 'code' : 'text'}
  const mark = fieldMark(field)
  if (mark !== 'required') {
    if (optional || optionalMark.test(`(${field.qualifier ?? ''})`) || optionalMark.test(field.label)) {
      spec.optional = true
    }
    if (example || mark === 'example') spec.example = true
  }
  const levels = enumeration.exec(field.text)?.[1]
  if (levels) spec.levels = levels.split('/').map((level) => level.trim())
  const marker = field.list ? sharedItemMark(field.list.children) : undefined
  if (marker) spec.marker = marker
  const alternatives = alternativesOf(field)
  if (alternatives.length > 0) spec.alternatives = alternatives
  return spec
}

/** Bold (or italic) label fields of a section, without headings used as labels or closing lines. */
export function labelFields(section: Section, closingAfter: number): Field[] {
  return section.fields.filter((field) => field.labelNode.type !== 'heading' && labelOffset(field) <= closingAfter)
}

/** Whether a field's label is in one of the section's lists. */
function inList(section: Section, field: Field): boolean {
  const at = labelOffset(field)
  return section.content.some(
    (block) =>
      block.type === 'list' &&
      (block.position?.start.offset ?? Infinity) <= at &&
      at < (block.position?.end.offset ?? -Infinity)
  )
}

/** `**[Metric Name]**:`: a label that is only a placeholder. */
export function isEntry(field: Field): boolean {
  return isFreeForm(field.label)
}

/** A heading or label that is only a placeholder: `[Category 1]`, `[Metric Name]`. */
export function isFreeForm(text: string): boolean {
  return /^\[[^\]]*\]\??$/.test(text.trim())
}

/** `✅` when every list item starts with it. */
function sharedItemMark(items: readonly ListItem[]): string | undefined {
  const marks = items.map((item) => /^([^\p{L}\p{N}\s[*_`])/u.exec(toString(item).trim())?.[1])
  const [first] = marks
  return first && marks.every((mark) => mark === first) ? first : undefined
}

/**
 * Labels the template's own text offers instead: `**User Flow**:` over
 * “[Describe the user flow or system flow]” also accepts `System Flow`.
 */
function alternativesOf(field: Field): string[] {
  const pattern = alternativesPattern(field.label)
  if (!pattern) return []
  const text = [field.text, field.code?.value ?? '', field.list ? toString(field.list) : ''].join('\n')
  const match = pattern.exec(text)
  return match?.[1] ? [titleCase(match[1])] : []
}

/**
 * `User Flow or System Flow`: the label, `or`, up to two words and the
 * label's last word; none for a one-word label. Exported for
 * `test/redos.test.ts`, which checks the patterns of real labels.
 */
export function alternativesPattern(label: string): RegExp | undefined {
  const words = label.trim().split(/\s+/)
  const last = words.at(-1)
  if (!last || words.length < 2) return undefined
  return new RegExp(`\\b${escape(label)}\\s+or\\s+((?:[\\p{L}\\p{N}]+\\s+){0,2}${escape(last)})\\b`, 'iu')
}

function titleCase(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
}

/** Text to match literally, any run of spaces matching any run. */
function escape(value: string): string {
  return escapeRegExp(value).replace(/\s+/g, '\\s+')
}

/** Where a field ends in the template: its value, or the list, code or block that holds it. */
export function fieldEnd(field: Field): number {
  const ends = [field.valueEnd, field.list, field.code, field.block].map((end) =>
    typeof end === 'object' ? end.position?.end.offset : end
  )
  return Math.max(labelOffset(field), ...ends.filter((end) => end !== undefined))
}

/** Where a field's label starts in the template. */
export function labelOffset(field: Field): number {
  return field.labelNode.position?.start.offset ?? 0
}
