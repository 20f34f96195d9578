/**
 * The items of an entry that name a numbered repeat's instances
 * (`- Phase 2: Upload`), and how a doc's headings and an entry's lines are
 * read as such.
 */
import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Section} from '../model/model.js'
import {eachNode} from '../model/nodes.js'
import {placeholder} from '../schema/pattern.js'
import type {SectionSpec} from '../schema/types.js'
import {nameGist, normalizeHeading, normalizeLabel, withoutAttributes, withoutEndMarks} from '../text/text.js'

/** A section's blocks, its sub-sections' included (their headings left out). */
export function blocksOf(section: Section): RootContent[] {
  return [...section.content, ...section.children.flatMap(blocksOf)]
}

/** An item of a tied repeat in an entry: `Phase 2: Upload pipeline`, as a list item, bold line or heading. */
export interface NamedItem extends ReadItem {
  node: Nodes
}

/**
 * A repeat instance's number and name, and the name's gist, by which names
 * are compared: a duration (`Upload (2 weeks)`) or a description
 * (`Upload: S3 and thumbnails`) after it is not part of it.
 */
export interface ReadItem {
  number: number
  name: string
  gist: string
}

/**
 * The items of an entry that name instances of a numbered repeat whose
 * heading is a number then a placeholder (`Phase 1: [Phase Name]`), in
 * order: the first line of each paragraph (a bold one's bold text, or the
 * line if the bold is the number alone: `**Phase 2**: Upload`) and each
 * sub-heading.
 */
export function namedItems(entry: Section, spec: SectionSpec): NamedItem[] {
  const read = itemReader(spec)
  if (!read) return []
  const items: NamedItem[] = []
  const visit = (node: Nodes) => {
    eachNode(node, function (child) {
      if (child.type !== 'paragraph' && child.type !== 'heading') return undefined
      const [first] = child.children
      const line = toString(child).split('\n')[0]!
      // A bold line's bold text (`**Phase 2: Upload** (2 weeks)`), or the line if that is the number alone (`**Phase 2**: Upload`).
      const bold = first?.type === 'strong' && child.type === 'paragraph' ? read(toString(first)) : undefined
      const found = bold ?? read(line)
      if (found) items.push({...found, node: child})
      return false
    })
  }
  for (const block of entry.content) visit(block)
  for (const child of entry.children) {
    if (child.heading) visit(child.heading)
    for (const block of blocksOf(child)) visit(block)
  }
  return items
}

/** A repeat instance's number and name (`Phase 2: Upload`), read by the repeat's heading (`Phase 1: [Phase Name]`). */
export type ItemReader = (text: string) => ReadItem | undefined

/**
 * How to read a repeat's instances, when its heading is words, a number,
 * then a placeholder. A doc's heading may leave the words out (`### 1. Auth`,
 * as its pattern does) or the name (`### Phase 1`, read with an empty
 * name); an entry's item may not, lest any numbered line be one.
 */
export function itemReader(spec: SectionSpec, {inDoc = false} = {}): ItemReader | undefined {
  const shape = numberedName.exec(spec.heading.replace(placeholder, '[]'))
  if (!shape || !spec.heading.trimEnd().endsWith(']') || shape[3] !== '[]') return undefined
  const words = normalizeLabel(shape[1]!)
  return (written) => {
    // An attribute block (`{: #phase-1}`) names no phase.
    const text = withoutAttributes(written).trim()
    const alone = inDoc ? /^(\D*?)(\d+)$/.exec(text) : null
    if (alone && normalizeLabel(alone[1]!) === words) return {number: Number(alone[2]), name: '', gist: ''}
    const found = numberedName.exec(text)
    const said = found && normalizeLabel(found[1]!)
    if (said !== words && !(inDoc && said === '')) return undefined
    // A name in parentheses (`Phase 1 (Auth)`) is the name; marks that end it as a sentence (`Auth.`) are not.
    const name = unwrapped(withoutEndMarks(found![3]!.trim()))
    return {number: Number(found![2]), name, gist: nameGist(name)}
  }
}

/** Whether a doc's instance is an entry's item: by name (its gist), or one with no name (`### Phase 2`) by number. */
export function isItem(item: ReadItem, instance: ReadItem): boolean {
  return instance.gist
    ? normalizeHeading(item.gist) === normalizeHeading(instance.gist)
    : item.number === instance.number
}

function unwrapped(name: string): string {
  return name.startsWith('(') && name.endsWith(')') && !name.slice(1, -1).includes(')')
    ? name.slice(1, -1).trim()
    : name
}

/** Words (maybe none), a number, a separator, then a name: `Phase 2: Upload`, `2. Billing`. */
export const numberedName = /^(\D*?)(\d+)(?:\s*[:.)–—-]\s*|\s+)(\S.*)$/u
