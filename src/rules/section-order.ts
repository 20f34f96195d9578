/**
 * Template order, for milestone-required-headings: the longest run of
 * sections that follows the template is in order, and every other section
 * is reported as out of it, once, with where it belongs.
 */
import type {VFile} from 'vfile'
import {headingLine, type Section} from '../model/model.js'
import type {Outline} from '../match/outline.js'
import {displayHeading} from '../schema/pattern.js'
import type {SectionSpec} from '../schema/types.js'
import {report} from './report.js'

/**
 * Report sections out of template order; return the sections that are in
 * order (the longest run that follows the template).
 */
export function checkOrder(
  file: VFile,
  outline: Outline,
  specs: readonly SectionSpec[],
  found: readonly Section[]
): Section[] {
  const firsts = found.filter((section) => outline.sections(outline.spec(section)!)[0] === section)
  const ranks = firsts.map((section) => specs.indexOf(outline.spec(section)!))
  const keep = longestIncreasing(ranks)
  const inOrder: Section[] = []

  for (const [index, section] of firsts.entries()) {
    if (keep.has(index)) {
      inOrder.push(section)
      continue
    }
    const rank = ranks[index]!
    report(
      file,
      `Unexpected section \`${headingLine(section)}\` out of template order, expected it ${between(specs, rank)}`,
      section.heading?.position
    )
  }

  return inOrder
}

/** `between X and Y`, `after X`, or `before Y`, by template neighbours. */
export function between(specs: readonly SectionSpec[], index: number): string {
  const before = specs[index - 1]
  const after = specs[index + 1]
  if (before && after) {
    return `between \`${displayHeading(before)}\` and \`${displayHeading(after)}\``
  }
  if (before) return `after \`${displayHeading(before)}\``
  if (after) return `before \`${displayHeading(after)}\``
  return 'here'
}

/**
 * Indices of one longest strictly increasing subsequence (O(n log n)): the
 * sections that follow the template; the others are out of order.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = []
  for (const [index, value] of values.entries()) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (values[tails[middle]!]! < value) low = middle + 1
      else high = middle
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1
    tails[low] = index
  }
  const keep = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) keep.add(index)
  return keep
}
