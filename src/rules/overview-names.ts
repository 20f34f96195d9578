/**
 * The names a doc shares with its entry in the parent: its numbered
 * repeat's (`### Phase 2: Upload`, the entry's `- Phase 2: Upload`) and a
 * tied heading (`## Why Cloud-First?`).
 */
import type {Heading} from 'mdast'
import type {Position} from 'unist'
import {headingLine, type Model, type Section} from '../model/model.js'
import {headingMatches} from '../match/outline.js'
import {headingBody, headingPattern, sectionNumberLength} from '../schema/pattern.js'
import type {SectionSpec} from '../schema/types.js'
import {truncate, withoutQualifier} from '../text/text.js'
import {type Sync, causeIn} from './overview-checks.js'
import {isItem, itemReader, namedItems} from './overview-items.js'
import {report} from './report.js'

/**
 * The doc's repeat (`### Phase N: Name`) is the entry's items (`Phase N:
 * Name`): each instance is an item by name (by its gist, on either side),
 * else the item of its number renamed; an item no instance is is missing
 * (their numbering is `milestone-required-headings`' to check).
 */
export function checkNames(sync: Sync, spec: SectionSpec, sections: Section[], entry: Section): void {
  const {file, model, overview, at} = sync
  const items = namedItems(entry, spec)
  const read = itemReader(spec, {inDoc: true})
  if (items.length === 0 || !read) return
  const noun = spec.tie!.part || 'item'
  const instances = sections.flatMap((section) => {
    const found = read(section.text)
    return found ? [{...found, section}] : []
  })
  const left = new Set(items)
  const unnamed = instances.filter((instance) => {
    const item = [...left].find((candidate) => isItem(candidate, instance))
    if (item) left.delete(item)
    return !item
  })
  for (const {number, name, gist, section} of unnamed) {
    const item = [...left].find((candidate) => candidate.number === number)
    if (item) {
      left.delete(item)
      // Renamed, the name without its qualifier (`(Weeks 1–2)`): its gist, or all of it if more (`Auth - Login`).
      const bare = withoutQualifier(name)
      const wanted = bare === gist ? item.gist : withoutQualifier(item.name)
      const range = nameRange(model, section, name, bare)
      report(
        file,
        `Unexpected ${noun} name \`${truncate(bare)}\`, expected \`${truncate(wanted, 80)}\` as in ${at(item.node)}`,
        range ?? section.heading?.position,
        {expected: range ? [wanted] : undefined, cause: causeIn(overview, item.node)}
      )
    } else {
      report(
        file,
        `Unexpected \`${headingLine(section)}\`, expected ${items.length} ${noun}s as in the entry \`${headingLine(entry)}\` of ${at(entry.heading)}`,
        section.heading?.position,
        {cause: causeIn(overview, entry.heading)}
      )
    }
  }
  const last = instances.at(-1)?.section
  for (const item of left) {
    const before = instances.filter((instance) => instance.number < item.number).at(-1)?.section
    const after = before ?? last
    report(
      file,
      `Unexpected missing ${noun} ${item.number} \`${truncate(item.gist, 80)}\` of ${at(item.node)}, expected a section for it${before ? ` after \`${headingLine(before)}\`` : ''}`,
      (after ?? sections[0])?.heading?.position,
      {cause: causeIn(overview, item.node)}
    )
  }
}

/** Where the start of a heading's name (`part`) is in the source, when the name is written there as plain text. */
function nameRange(model: Model, section: Section, name: string, part: string): Position | undefined {
  const [start, end] = [section.heading?.position?.start.offset, section.heading?.position?.end.offset]
  if (start === undefined || end === undefined) return undefined
  const at = model.source.text.slice(start, end).lastIndexOf(name)
  return at === -1 ? undefined : model.source.range(start + at, start + at + part.length)
}

/** The doc's heading of a tied heading (`## Why Cloud-First?`) is the parent's. */
export function checkHeading(sync: Sync, spec: SectionSpec, sections: Section[], entry: Section): void {
  const {file, model, overview, at} = sync
  const pattern = headingPattern(spec)
  const theirs = overview.model.sections.find((section) => within(section, entry) && headingMatches(pattern, section))
  const same = (section: Section) => headingBody(section.normalized) === headingBody(theirs!.normalized)
  if (!theirs?.heading || sections.some(same)) return
  const [mine] = sections
  if (sections.length !== 1 || !mine?.heading) return
  // Each doc's section number stays its own (`## 8. Why Go?`): the text after it is what is compared and replaced.
  const range = textRange(model, mine.heading)
  const expected = textRange(overview.model, theirs.heading)
  const number = range ? model.source.text.slice(mine.heading.children[0]!.position!.start.offset, range.start) : ''
  const written = expected
    ? `${'#'.repeat(mine.depth)} ${number}${expected.text}`
    : headingLine({...theirs, depth: mine.depth})
  report(
    file,
    `Unexpected \`${headingLine(mine)}\`, expected \`${written}\` as in ${at(theirs.heading)}`,
    range?.position ?? mine.heading.position,
    {expected: range && expected ? [expected.text] : undefined, cause: causeIn(overview, theirs.heading)}
  )
}

function within(section: Section, entry: Section): boolean {
  return section.start! > entry.start! && section.start! < entry.end!
}

/** A heading's text in the source (without its `#`s), after its section number (`8. `) if any. */
function textRange(model: Model, heading: Heading): {text: string; start: number; position: Position} | undefined {
  const start = heading.children[0]?.position?.start.offset
  const last = heading.children.at(-1)?.position?.end.offset
  if (start === undefined || last === undefined) return undefined
  const first = start + sectionNumberLength(model.source.text.slice(start, last))
  const position = model.source.range(first, last)
  return position && {text: model.source.text.slice(first, last), start: first, position}
}
