/** Fields as milestone-section-fields' messages write them. */
import type {Field} from '../model/fields.js'
import {placeholder} from '../schema/pattern.js'
import type {FieldSpec} from '../schema/types.js'
import type {Model} from '../model/model.js'
import {strongMark} from './insertion.js'

/**
 * A field as written, for messages: `**Label**:` (in the doc's bold),
 * `*Label*:`, `#### Label` or a table row's `| **Label** |`.
 */
export function shown(field: Field, model: Model): string {
  const node = field.labelNode
  if (node.type === 'heading') return '#'.repeat(node.depth) + ' ' + field.label
  const mark = node.type === 'emphasis' ? '*' : strongMark(model)
  return field.row ? `| ${mark}${field.label}${mark} |` : `${mark}${field.label}${mark}:`
}

/** A template label for messages, its placeholders shown as `…`. */
export function display(label: string): string {
  return label.replace(placeholder, '…')
}

/** A template label as a bold label line, in the doc's bold (`**Label**:`, `__Label__:`), as a fix writes it. */
export function bold(label: string, model: Model): string {
  const mark = strongMark(model)
  return `${mark}${display(label)}${mark}:`
}

/** What a field's value is, as a placeholder in an expected line: `<list>`. */
export function kindPlaceholder(spec: FieldSpec): string {
  return spec.kind === 'list' ? '<list>' : spec.kind === 'code' ? '<code block>' : '<text>'
}

/** What a field's value is, in words: `a list`. */
export function kindName(spec: FieldSpec): string {
  return spec.kind === 'list' ? 'a list' : spec.kind === 'code' ? 'a code block' : 'text'
}
