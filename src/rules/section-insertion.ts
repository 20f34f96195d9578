/**
 * Where a fix puts back a missing section: the template's text of it, at
 * the template's position (before the first section the template puts
 * after it), set off by `---` as the doc sets off its sections. Its
 * sub-sections already in the doc (a `### Technology Stack` left without
 * its `## Architecture Overview`) are not written twice: the heading goes
 * right over the first of them.
 */
import type {Model, Section} from '../model/model.js'
import {memoBy} from '../model/memo.js'
import {type Outline, headingMatches} from '../match/outline.js'
import {type HeadingPattern, headingPattern, skeletonHeading} from '../schema/pattern.js'
import type {SectionSpec, Skeleton} from '../schema/types.js'
import {type Insertion, blockBefore, fitted} from './insertion.js'

/** The insertion of the missing `specs[index]`, given the sections present of its tier, in order. */
export function missingSection(
  model: Model,
  outline: Outline,
  specs: readonly SectionSpec[],
  index: number,
  inOrder: readonly Section[],
  parent: Section | undefined
): Insertion | undefined {
  const rank = (section: Section) => specs.indexOf(outline.spec(section)!)
  const next = inOrder.find((section) => rank(section) > index)
  const previous = inOrder.filter((section) => rank(section) < index).at(-1)
  const floor = previous?.start ?? parent?.start ?? -1
  const stray = (of: SectionSpec) => {
    const found = firstDescendant(model, of)?.start
    return found !== undefined && found > floor ? found : undefined
  }
  const bounds = [next?.start, ...specs.slice(index + 1).map(stray)].filter((at) => at !== undefined)
  const before = bounds.length > 0 ? Math.min(...bounds) : undefined
  const number = numberBetween(model, previous, next)
  return insertionBefore(model, specs[index]!, before, parent, stray(specs[index]!), number)
}

/**
 * The section number of a section put back where the doc's numbers skip
 * it (`7. ` between `## 6. Success Metrics` and `## 8. Why Go?`; `1. `
 * before a first `## 2. Goal`; `13. ` after a last `## 12. Next Steps`), as
 * they are written; none where no number is free (the others are not
 * renumbered: links to them would break). Only next to `#` headings:
 * underlined, `7. Key Outcomes` would read as a list item.
 */
function numberBetween(model: Model, previous: Section | undefined, next: Section | undefined): string | undefined {
  const [before, after] = [previous, next].map((section) =>
    section?.heading && model.source.slice(section.heading)?.trimStart().startsWith('#')
      ? /^(\d+)([.):]? )/.exec(section.text)
      : null
  )
  const wanted = before ? Number(before[1]) + 1 : after ? Number(after[1]) - 1 : 0
  if (wanted < 1 || (previous && !before) || (next && !after)) return undefined
  if (after && (Number(after[1]) !== wanted + 1 || (before && before[2] !== after[2]))) return undefined
  const number = `${wanted}${(before ?? after)![2]}`
  // Not one another section has (`## 13. Appendix` after the last of the template's).
  const depth = (previous ?? next)!.depth
  const taken = model.sections.some((section) => section.depth === depth && section.text.startsWith(number))
  return taken ? undefined : number
}

/**
 * The insertion of a missing section: before `before` (where the first
 * section the template puts after it is), or at the end of its parent, or
 * of the doc's body. `adopted` is where the first of its sub-sections
 * already in the doc is.
 */
function insertionBefore(
  model: Model,
  spec: SectionSpec,
  before: number | undefined,
  parent: Section | undefined,
  adopted: number | undefined,
  number: string | undefined
): Insertion | undefined {
  const end = before ?? (parent && parent.end !== model.root.end ? parent.end : bodyEnd(model))
  if (end === undefined) return undefined
  const skeleton = numbered(
    spec.skeleton ?? {text: skeletonHeading(spec), bullets: [], strong: [], emphasis: []},
    number
  )
  if (adopted === undefined) return sectionInsertion(model, skeleton, end, spec.depth)
  // Its sub-sections are in the doc already: its own part only, right over the first of them.
  const own = ownPart(skeleton)
  if (adopted <= end) return {offset: adopted, text: `${fitted(own, model)}\n\n`}
  return sectionInsertion(model, own, end, spec.depth)
}

/** A skeleton whose heading has a section number (`## 7. Key Outcomes`). */
function numbered(skeleton: Skeleton, number: string | undefined): Skeleton {
  const at = /^#{1,6}[ \t]+/.exec(skeleton.text)?.[0].length
  if (number === undefined || at === undefined) return skeleton
  const shift = (offsets: number[]) => offsets.map((offset) => (offset >= at ? offset + number.length : offset))
  return {
    ...skeleton,
    text: skeleton.text.slice(0, at) + number + skeleton.text.slice(at),
    bullets: shift(skeleton.bullets),
    strong: shift(skeleton.strong),
    emphasis: shift(skeleton.emphasis),
    ...(skeleton.own === undefined ? {} : {own: skeleton.own + number.length})
  }
}

/** A section's skeleton without its sub-sections. */
function ownPart(skeleton: Skeleton): Skeleton {
  const text = skeleton.text.slice(0, skeleton.own ?? skeleton.text.length).trimEnd()
  const within = (offsets: number[]) => offsets.filter((offset) => offset < text.length)
  return {text, bullets: within(skeleton.bullets), strong: within(skeleton.strong), emphasis: within(skeleton.emphasis)}
}

/**
 * The insertion of a missing section before `offset`, the start of the next
 * section in template order (or the end of its parent, or of the doc).
 * A `---` right before that point stays between the new section and the
 * next; docs whose sections at this depth are set off by `---` get one
 * before the new section too.
 */
function sectionInsertion(model: Model, skeleton: Skeleton, offset: number, depth: number): Insertion {
  const text = fitted(skeleton, model)
  const before = blockBefore(model, offset)
  const rule = before?.type === 'thematicBreak' ? model.source.slice(before) : undefined
  const separator = sectionBreak(model, depth)
  const lead = separator === undefined ? '' : `${separator}\n\n`
  if (rule !== undefined && before?.position) return {offset: before.position.start.offset!, text: `${lead}${text}\n\n`}
  if (offset < model.source.text.length) return {offset, text: `${lead}${text}\n\n`}
  // At the end of the doc: after its last line break, or a new one.
  const last = model.source.text.at(-1)
  const gap = last === undefined ? '' : last === '\n' || last === '\r' ? '\n' : '\n\n'
  return {offset, text: `${gap}${lead}${text}\n`}
}

/**
 * Where the doc's body ends: before a last `---` followed only by
 * paragraphs (the closing `*Last Updated*` lines), else at its end.
 */
function bodyEnd(model: Model): number | undefined {
  const blocks = (model.sections.at(-1) ?? model.root).content
  const index = blocks.map((node) => node.type).lastIndexOf('thematicBreak')
  const closing = index >= 0 && blocks.slice(index + 1).every((node) => node.type === 'paragraph')
  return closing ? blocks[index]!.position?.start.offset : model.root.end
}

/** The `---` the doc sets off sections of this depth with, if it does for most of them. */
function sectionBreak(model: Model, depth: number): string | undefined {
  return memoBy(breakCache, model, depth, () => findSectionBreak(model, depth))
}

const breakCache = new WeakMap<Model, Map<number, string | undefined>>()

function findSectionBreak(model: Model, depth: number): string | undefined {
  const breaks = model.sections
    .filter((section) => section.depth === depth && section.start !== undefined)
    .map((section) => blockBefore(model, section.start!))
  const set = breaks.filter((node) => node?.type === 'thematicBreak')
  return set.length > 0 && set.length * 2 >= breaks.length ? model.source.slice(set[0]!) : undefined
}

/** The first heading in the doc, below the spec's level, that stands for one of its sub-sections, wherever it is. */
function firstDescendant(model: Model, spec: SectionSpec): Section | undefined {
  return memoBy(descendantCache, model, spec, () => findDescendant(model, spec))
}

const descendantCache = new WeakMap<Model, Map<SectionSpec, Section | undefined>>()

function findDescendant(model: Model, spec: SectionSpec): Section | undefined {
  const patterns: HeadingPattern[] = []
  const add = (specs: readonly SectionSpec[]) => {
    for (const child of specs) {
      patterns.push(headingPattern(child))
      add(child.children ?? [])
    }
  }
  add(spec.children ?? [])
  return model.sections.find(
    (section) => section.depth > spec.depth && patterns.some((pattern) => headingMatches(pattern, section))
  )
}
