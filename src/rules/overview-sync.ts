/**
 * The parts the template says to copy from the parent doc agree with the
 * doc's entry there. The parent is the doc the `**Parent Document**` link
 * (Markdown or HTML) points to (the milestones overview, a roadmap); a
 * template placeholder such as `[Copy the Goal from milestones-overview.md
 * and expand if needed]` ties its section to the part of the same name in
 * the doc's entry (see [The doc set](#the-doc-set)). A template that ties
 * nothing gets no message from this rule.
 *
 * The entry is the parent's section that holds the tied parts (as
 * `**Goal**:` fields or `### Goal` sub-headings) and links to this doc (a
 * reference link, `[Milestone 2][m2]`, by its definition wherever that is;
 * an HTML link, `<a href="./milestone-2.md">`, by its href, not in a comment),
 * the innermost of those that do (`### Milestone 2: …`, not the
 * `## Milestones` section that holds every entry); else the one titled with the doc's number (`Milestone 2`); else the one
 * named as the doc (`Public Launch`). Then, for each tie:
 *
 * - text (a Goal): each sentence of the entry's is in the doc's section
 *   (expanded is fine), compared as [text is](#how-text-is-compared) and
 *   ignoring case and markup. A sentence counts as changed when the doc's
 *   section lacks a number or a negation (`no`, `not`, `without`…) of it,
 *   or more than one in five of its words (by stem, `the`, `of`… aside);
 *   one other word changed (`privately` for `publicly`) is taken as a
 *   rewording and not reported, a missed message rather than a false one;
 * - list items (Key Outcomes, Success Metrics): each is in the doc's section,
 *   one message per dropped or changed item (changed as a sentence is);
 * - a code block (the architecture diagram): it is in the doc's section (in a
 *   quote or list item too), line by line, whatever the indent of each line,
 *   blank lines or the fence;
 * - a numbered repeat (`### Phase 1: [Phase Name]`): the doc's instances are
 *   the entry's `Phase N: Name` items, by count, order and name; a name
 *   is compared without a trailing qualifier in parentheses (`Auth (Weeks
 *   1–2)`, `Auth (2 weeks)`) or a description after a colon or a spaced dash
 *   (`Auth: Terraform and CI`, `Auth — Weeks 1–2`) or marks that end it
 *   as a sentence (`Auth.`), on either side; a name
 *   in parentheses (`### Phase 1 (Auth)`) is the name, and a phase with no
 *   name (`### Phase 2`) is the item of its number;
 * - a heading (`## Why [This Approach]?`): the doc's is the parent's, each
 *   without its section number (`## 8. Why Go?`, which a rename keeps) or
 *   the marks that end it.
 *
 * With any tie, the entry also links to this doc (unless the parent does
 * elsewhere, from a table of milestones), and a metadata line the
 * entry has too (`**Status**`) agrees with it, by its gist: the words
 * before a bracket, dash or comma, each by its stem (`Completed (March)` is
 * `✅ Complete`, `Planned` is `Planning`; `Done` is not `Complete`). Each
 * message is placed in the doc and names the parent's file and line. A
 * renamed phase (its name only, the doc's qualifier kept), a changed status
 * or Why heading carries the parent's text as `expected`; text that needs a
 * person is reported, not rewritten.
 *
 * The parent is read from disk, once while it is unchanged however many
 * docs point at it, within the [limits](#limits-on-what-is-parsed). A
 * parent that cannot be read, or has no entry for any doc (not an overview
 * this rule can read), gets no message here; a broken `**Parent Document**`
 * link is `milestone-relative-links`'s to report.
 *
 * @example milestone-2-ranking.md
 */
import path from 'node:path'
import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import type {Field} from '../model/fields.js'
import {headingLine, type Model, type Section} from '../model/model.js'
import {findField} from '../match/outline.js'
import type {Outline} from '../match/outline.js'
import {limitsOf} from '../match/options.js'
import {isMarkdown} from '../project/file-names.js'
import {encodeUrlPart} from '../project/links.js'
import {targetOf} from '../project/targets.js'
import {parentDoc} from '../project/parent.js'
import type {Schema, SectionSpec} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'
import {normalizeLabel, truncate} from '../text/text.js'
import {contentWords} from '../text/words.js'
import {shown} from './field-text.js'
import {firstLink, linkingOf, urlOf} from './linking.js'
import {entriesOf, entryLinks, findEntry, linksTo, partOf} from './overview-entry.js'
import {type Sync, causeIn, checkContent} from './overview-checks.js'
import {checkHeading, checkNames} from './overview-names.js'
import {report} from './report.js'
import {milestoneRule} from './rule.js'

const overviewSync = milestoneRule({
  id: 'milestone-overview-sync',
  description: 'The parts the template says to copy from the parent doc (the overview) agree with its entry there.',
  options: {},
  check({model, outline, schema, file, options}) {
    const ties = allSpecs(schema).filter((spec) => spec.tie)
    if (ties.length === 0 || !file.path) return
    const overview = readOverview(model, schema, file, limitsOf(options))
    if (!overview) return
    const entries = entriesOf(overview.model, ties)
    if (entries.length === 0) return
    const doc = path.resolve(file.cwd, file.path)
    const {entry, linked, wanted} = findEntry(overview, entries, doc, model.title?.text ?? '')
    const at = (node: Node | undefined) => `\`${overview.url}:${node?.position?.start.line ?? 1}\``
    const sync: Sync = {model, file, overview, placeholders: schema.placeholders, at}

    if (!entry) {
      report(
        file,
        `Unexpected doc without an entry in \`${overview.url}\`, expected a section there with ${orList(wanted)}`,
        model.title?.heading?.position,
        {cause: causeIn(overview, undefined)}
      )
      return
    }
    if (!linked && entryIsOthers(sync, entry, doc)) return
    checkMetadata(sync, schema, entry)
    for (const spec of ties) checkTie(sync, outline, spec, entry)
  }
})

export default overviewSync

/** The parent doc, when the doc links to one that is a readable Markdown file of the project. */
function readOverview(model: Model, schema: Schema, file: VFile, limits: ReturnType<typeof limitsOf>) {
  const spec = schema.metadata.find((candidate) => candidate.link === 'parent')
  const field = spec && findField(model.metadata, spec)
  const link = field && firstLink(model, field)
  if (!link) return undefined
  const url = urlOf(model, link)
  const linking = linkingOf(file)
  const target = linking.resolve(url)
  if (!target || !isMarkdown(target) || targetOf(target, linking.root).kind !== 'file') return undefined
  const read = parentDoc(target, limits)
  if ('excess' in read) {
    report(
      file,
      `Cannot check this doc against \`${url}\`: that file is over a parse limit (${read.excess}), so it is not read; raise the preset option \`limits.${read.limit}\` to check it`,
      link.position
    )
  }
  return 'model' in read ? {model: read.model, path: target, url: url.split('#')[0]!, root: linking.root} : undefined
}

/**
 * The entry, found by number or name, links to this doc: report its link
 * to a missing file (a renamed doc leaves one behind), or that it has none.
 * An entry that links to another doc is that doc's (this one is a copy, a
 * draft or an archived version): nothing is checked against it.
 */
function entryIsOthers(sync: Sync, entry: Section, doc: string): boolean {
  const {overview, model, file, at} = sync
  const links = entryLinks(overview, entry)
  if (links.some((link) => link.kind === 'file')) return true
  const dangling = links.find((link) => link.kind === 'missing')
  // Linked from elsewhere in the parent (a table of milestones at its top): the entry needs no link of its own.
  if (!dangling && linksTo(overview, doc, 0, overview.model.source.text.length)) return false
  const want = './' + encodeUrlPart(path.relative(path.dirname(overview.path), doc).split(path.sep).join('/'))
  const reason = dangling
    ? `Unexpected link \`${truncate(dangling.url)}\` to a missing file in the entry \`${headingLine(entry)}\` of ${at(dangling.node)}, expected a link to this doc (\`${want}\`)`
    : `Unexpected entry \`${headingLine(entry)}\` of ${at(entry.heading)} without a link to this doc, expected one to \`${want}\``
  report(file, reason, model.title?.heading?.position, {cause: causeIn(overview, dangling?.node ?? entry.heading)})
  return false
}

/** A metadata line the entry has too (`**Status**`) says what the entry says. */
function checkMetadata(sync: Sync, schema: Schema, entry: Section): void {
  const {model, file, overview, at} = sync
  for (const spec of schema.metadata) {
    if (spec.link) continue
    const mine = findField(model.metadata, spec)
    const theirs = findField(entry.fields, spec)
    if (!mine || !theirs?.text || leading(mine.text) === leading(theirs.text)) continue
    const place = trimmedValue(model, mine)
    const value = trimmedValue(overview.model, theirs)
    const expected = value && !value.text.includes('\n') ? [value.text] : undefined
    report(
      file,
      `Unexpected \`${shown(mine, model).replace(/:$/, '')}\` \`${truncate(mine.text)}\`, expected \`${truncate(theirs.text)}\` as in the entry \`${headingLine(entry)}\` of ${at(theirs.labelNode)}`,
      place?.position ?? mine.labelNode.position,
      {expected: place ? expected : undefined, cause: causeIn(overview, theirs.labelNode)}
    )
  }
}

/**
 * A short value's gist: what comes before a dash, bracket or comma, without
 * decoration or case, its words by their stems (`Completed` is `Complete`).
 */
function leading(text: string): string {
  const gist = normalizeLabel(text.split(/\s[-–—(]|[(,;|]/)[0]!)
  const words = contentWords(gist)
  return words.length > 0 ? words.map((word) => word.stem).join(' ') : gist
}

/** A field's value without the spaces around it: its text as written and where it is. */
function trimmedValue(model: Model, field: Field): {text: string; position: Position} | undefined {
  const {valueStart: start, valueEnd: end} = field
  if (start === undefined || end === undefined) return undefined
  const raw = model.source.text.slice(start, end)
  const from = start + raw.length - raw.trimStart().length
  const to = end - (raw.length - raw.trimEnd().length)
  const position = model.source.range(from, to)
  return position && to > from ? {text: model.source.text.slice(from, to), position} : undefined
}

function checkTie(sync: Sync, outline: Outline, spec: SectionSpec, entry: Section): void {
  const tie = spec.tie!
  const sections = outline.sections(spec)
  if (tie.copies === 'names') checkNames(sync, spec, sections, entry)
  else if (tie.copies === 'heading') checkHeading(sync, spec, sections, entry)
  else if (sections[0]) {
    const part = partOf(entry, tie.part)
    if (part) checkContent(sync, sections[0], part)
  }
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`
}
