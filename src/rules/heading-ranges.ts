/**
 * The ranges of a heading's source that milestone-required-headings' fixes
 * replace: its `#` marks (a wrong level) and its number (a phase or
 * component numbered off).
 */
import type {Heading} from 'mdast'
import type {Model} from '../model/model.js'

/** The range of an ATX heading's opening `#` marks. */
export function hashRange(model: Model, heading: Heading) {
  const source = model.source.slice(heading)
  const start = heading.position?.start.offset
  const marks = source === undefined ? undefined : /^#+/.exec(source)
  if (!marks || start === undefined) return undefined
  return model.source.range(start, start + marks[0].length)
}

/** The range of the first number in a heading's text. */
export function numberRange(model: Model, heading: Heading) {
  const source = model.source.slice(heading)
  const start = heading.position?.start.offset
  if (source === undefined || start === undefined) return heading.position
  // The text before the first digit (`## `, `### Phase `), then the number.
  const match = /^(\D*)(\d+)/.exec(source)
  if (!match) return heading.position
  const from = start + match[1]!.length
  return model.source.range(from, from + match[2]!.length)
}
