/**
 * The closing lines of a doc (`*Last Updated*: …`), for
 * milestone-section-fields: anywhere in the doc, each with a value, and a
 * missing one inserted at the end where that is safe.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import {type Model, ownFields} from '../model/model.js'
import {endSwallows} from '../model/nodes.js'
import {matches} from '../match/outline.js'
import {escapeRegExp} from '../schema/pattern.js'
import type {FieldSpec, Schema} from '../schema/types.js'
import {display, kindName, kindPlaceholder} from './field-text.js'
import {report} from './report.js'

/** The closing lines (`*Last Updated*: …`): anywhere in the doc, each with a value. */
export function checkClosing(
  tree: Root,
  model: Model,
  schema: Schema,
  file: VFile,
  /** Report a field if it is empty, expecting this. */
  empty: (field: Field, expected: string) => void
): void {
  const fields = [model.root, ...model.sections].flatMap(ownFields)
  for (const spec of schema.closing) {
    const found = fields.filter((field) => matches(spec, field))
    for (const field of found) empty(field, kindName(spec))
    if (found.length > 0 || spec.optional || emphasizedLine(model, spec)) continue

    const label = `*${display(spec.label)}*:`
    // The end of the file: a point after the last node (remark-lint drops messages between nodes).
    const end = model.root.end
    const insert = end === undefined ? undefined : closingInsert(tree, model, spec, end)
    report(
      file,
      `Unexpected missing \`${label}\` at the end of the doc, expected \`${label} ${kindPlaceholder(spec)}\``,
      end === undefined ? undefined : model.source.toPoint(end),
      insert === undefined ? {} : {expected: [insert]}
    )
  }
}

/** `*Last Updated: January 2026*`: the whole line emphasised, colon inside. */
function emphasizedLine(model: Model, spec: FieldSpec): boolean {
  return emphasizedLinePattern(spec).test(model.source.text)
}

/** The pattern of {@link emphasizedLine}; exported for `test/redos.test.ts`. */
export function emphasizedLinePattern(spec: FieldSpec): RegExp {
  const label = escapeRegExp(display(spec.label)).replace(/…/g, '.+').replace(/\s+/g, '\\s+')
  return new RegExp(`^[ \\t>]*[*_]{1,2}[ \\t]*${label}[ \\t]*[:—–][ \\t]*[^\\s*_]`, 'imu')
}

/**
 * The line to insert at the end of the file: in the last paragraph when it
 * ends the file (the closing lines are one paragraph), else as a paragraph
 * of its own; none after an HTML or code block, which might swallow it.
 */
function closingInsert(tree: Root, model: Model, spec: FieldSpec, end: number): string | undefined {
  const last = tree.children.at(-1)
  const lastEnd = last?.position?.end.offset
  if (/[[\]]/.test(spec.label) || !last || lastEnd === undefined || endSwallows(tree)) return undefined
  const tail = model.source.text.slice(lastEnd, end)
  const breaks = tail.split('\n').length - 1
  const joins = last.type === 'paragraph' && breaks < 2 && !isTable(model.source.slice(last) ?? '')
  const prefix = joins ? '\n'.repeat(1 - breaks) : '\n'.repeat(Math.max(0, 2 - breaks))
  return prefix + `*${spec.label}*: ${closingValue(spec)}` + (breaks > 0 ? '\n' : '')
}

/**
 * The template's value of a closing line, as a placeholder for the author:
 * `[Month Year]` as it is, an example (`Design Complete`) in brackets, so
 * that milestone-no-placeholders asks for it rather than a doc claiming it.
 */
function closingValue(spec: FieldSpec): string {
  const line = spec.skeleton?.text.split(/\r\n|\r|\n/)[0] ?? ''
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/^[*_]+/, '')
    .trim()
  if (!value) return ''
  return value.includes('[') ? value : `[${value}]`
}

/**
 * Whether paragraph text is a GFM table (parsed as text here): it has a
 * delimiter row (`| --- | :-: |`). A line added to it would render as a row.
 */
function isTable(text: string): boolean {
  return text.split(/\r\n?|\n/).some((line) => line.includes('|') && line.includes('-') && /^[ \t|:-]*$/.test(line))
}
