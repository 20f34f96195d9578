/**
 * A doc's entry in its parent doc (the overview or roadmap): the section
 * there that holds the parts the template ties the doc's sections to, found
 * by its link to the doc, else by the doc's number, else by its name.
 */
import path from 'node:path'
import type {Code, List, Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Field} from '../model/fields.js'
import type {Model, Section} from '../model/model.js'
import {eachNode} from '../model/nodes.js'
import {isMarkdown} from '../project/file-names.js'
import {localUrl} from '../project/links.js'
import {type Target, targetOf} from '../project/targets.js'
import type {SectionSpec} from '../schema/types.js'
import {normalizeHeading, normalizeLabel} from '../text/text.js'
import {type UrlNode, linksWithin} from './linking.js'
import {blocksOf, namedItems, numberedName} from './overview-items.js'

/** The parent doc as a doc's checks see it. */
export interface Overview {
  model: Model
  /** Its path. */
  path: string
  /** The URL the doc links to it by, for messages. */
  url: string
  /** The project its links may not leave. */
  root: string
}

/** How an entry was found, and what was looked for. */
export interface Lookup {
  entry: Section | undefined
  /** Found by a link to the doc (else by number or name: its link is then missing or dangling). */
  linked: boolean
  /** What was looked for, for a message when no entry is found. */
  wanted: string[]
}

/**
 * The sections of the parent that are entries: below its title, with a
 * field (a bold label or a sub-heading) for one of the parts the template
 * ties, or an item of a tied repeat (`Phase 1: …`).
 */
export function entriesOf(overview: Model, ties: readonly SectionSpec[]): Section[] {
  const keys = new Set(ties.filter((spec) => spec.tie?.copies === 'content').map((spec) => partKey(spec.tie!.part)))
  const repeats = ties.filter((spec) => spec.tie?.copies === 'names')
  return overview.sections.filter(
    (section) =>
      section.depth > 1 &&
      (section.fields.some((field) => keys.has(partKey(field.label))) ||
        repeats.some((spec) => namedItems(section, spec).length > 0))
  )
}

/** A part's name for lookups: `Success Metrics` and `success metric` are one. */
function partKey(name: string): string {
  return normalizeLabel(name).replace(/s$/, '')
}

/**
 * The entry of the doc at `file` titled `title`: by a link to it (the innermost entry that links,
 * `### Milestone 1: …` under a `## Milestones` that holds them all), else by number, else by name.
 */
export function findEntry(overview: Overview, entries: readonly Section[], file: string, title: string): Lookup {
  const linksHere = (entry: Section) => linksTo(overview, file, entry.start!, entry.end!)
  const wanted = [`a link to \`${path.basename(file)}\``]
  const linked = entries
    .filter(linksHere)
    .reduce<Section | undefined>((outer, entry) => (!outer || entry.start! < outer.end! ? entry : outer), undefined)
  if (linked) return {entry: linked, linked: true, wanted}

  const numbered = /(?<!\p{L})(\p{L}+)\W{0,3}(\d+)/u.exec(title)
  if (numbered) {
    const [, word, number] = numbered
    const found = entries.filter((entry) =>
      numbersOf(entry.text).some((n) => n.word === normalizeLabel(word!) && n.number === Number(number))
    )
    wanted.push(`the title \`${word!} ${number!}\``)
    if (found.length === 1) return {entry: found[0], linked: false, wanted}
  }

  const name = nameOf(title)
  const found = entries.filter((entry) =>
    [entry.normalized, normalizeHeading(nameOf(entry.text))].includes(normalizeHeading(name))
  )
  wanted.push(`the name \`${name}\``)
  return {entry: found.length === 1 ? found[0] : undefined, linked: false, wanted}
}

/** Whether the parent links to the doc at `file` between two offsets. */
export function linksTo(overview: Overview, file: string, start: number, end: number): boolean {
  const folder = path.dirname(overview.path)
  return linksWithin(overview.model, start, end).some(({url}) => {
    const local = localUrl(url)
    return local?.path !== undefined && local.path !== '' && path.resolve(folder, local.path) === file
  })
}

/** The numbers in a heading with the word before each (`Milestone 2`, `M-3`). */
function numbersOf(text: string): Array<{word: string; number: number}> {
  return [...text.matchAll(/(?<!\p{L})(\p{L}+)\W{0,3}(\d+)/gu)].map(([, word, number]) => ({
    word: normalizeLabel(word!),
    number: Number(number)
  }))
}

/** A title's name: after its number (`Milestone 2: Public Launch`), else all of it. */
function nameOf(title: string): string {
  return (numberedName.exec(title.trim())?.[3] ?? title).trim()
}

/** The entry's links to Markdown files of the project (reference links too), and what each points at. */
export function entryLinks(overview: Overview, entry: Section): Array<UrlNode & {kind: Target['kind']}> {
  const folder = path.dirname(overview.path)
  const links = []
  for (const link of linksWithin(overview.model, entry.start!, entry.end!)) {
    const local = localUrl(link.url)
    if (!local?.path || !isMarkdown(local.path)) continue
    links.push({...link, kind: targetOf(path.resolve(folder, local.path), overview.root).kind})
  }
  return links
}

/** What a part of an entry holds: its text (by paragraph), list items and code blocks. */
export interface Part {
  /** The field it is (a bold label, or a sub-heading used as one). */
  field: Field
  /** Each paragraph's text, and where it is (a bold label's own text is its first). */
  texts: Array<{text: string; node: Nodes}>
  lists: List[]
  code: Code[]
}

/** The part of an entry a tie names, if the entry has it. */
export function partOf(entry: Section, name: string): Part | undefined {
  const key = partKey(name)
  const field = entry.fields.find((candidate) => partKey(candidate.label) === key)
  if (!field) return undefined
  const part: Part = {field, texts: [], lists: [], code: []}
  if (field.labelNode.type === 'heading') {
    const section = entry.children.find((child) => child.heading === field.labelNode)!
    for (const block of blocksOf(section)) add(part, block)
    return part
  }
  if (field.text) part.texts.push({text: field.text, node: field.labelNode})
  for (const block of [field.list, field.code, field.block]) if (block) add(part, block)
  return part
}

function add(part: Part, block: RootContent): void {
  if (block.type === 'paragraph') part.texts.push({text: toString(block), node: block})
  else if (block.type === 'list') part.lists.push(block)
  else if (block.type === 'code') part.code.push(block)
}

/** The code blocks of a block, in quotes and list items too (a diagram quoted in the doc is still copied). */
export function codeWithin(block: Nodes): Code[] {
  const code: Code[] = []
  eachNode(block, (node) => {
    if (node.type === 'code') code.push(node)
  })
  return code
}
