import type {
  Code,
  Definition,
  Heading,
  Html,
  Image,
  Link,
  LinkReference,
  Paragraph,
  Root,
  RootContent,
  TableCell
} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {anchorsOf} from './anchors.js'
import type {Field} from './fields.js'
import {fieldsOf, headingField} from './block-fields.js'
import {type HtmlLink, htmlLinksOf} from './html-links.js'
import {eachNode} from './nodes.js'
import {createSource, type Source} from './source.js'
import {normalizeHeading, withoutAttributes} from '../text/text.js'

/**
 * A heading and everything up to the next heading of the same or a lower
 * depth. The root section (depth 0) holds what comes before the first heading.
 */
export interface Section {
  heading: Heading | undefined
  depth: number
  /** Heading text without markup. */
  text: string
  /** {@link normalizeHeading Normalised} heading text. */
  normalized: string
  parent: Section | undefined
  children: Section[]
  /** Blocks between this heading and the next heading of any depth. */
  content: RootContent[]
  /** Bold-label fields in {@link content}, then sub-headings used as labels. */
  fields: Field[]
  /** Fields in its blockquotes, and in quotes in those (`> **Key Principle**: …`). */
  quoted: Field[]
  /** Offset where the section starts (its heading). */
  start: number | undefined
  /** Offset where the next section of the same or a lower depth starts. */
  end: number | undefined
}

/** Nodes that carry a URL to check. */
export type LinkNode = Link | Image | Definition

/** Blocks whose children are inline text: where placeholders can hide. */
export type PhrasingBlock = Paragraph | Heading | TableCell

/** Everything the rules ask of a document, computed once per tree. */
export interface Model {
  source: Source
  root: Section
  /** Every section with a heading, in document order. */
  sections: Section[]
  /** The first H1, if any. */
  title: Section | undefined
  /** Fields between the start (or the title, else the first heading) and the first sub-section, quoted ones too. */
  metadata: Field[]
  links: LinkNode[]
  /** Links written in HTML (`<a href="./x.md">`), in block or inline HTML. */
  htmlLinks: HtmlLink[]
  /** Reference links (`[text][label]`): their URL is their definition's. */
  references: LinkReference[]
  definitions: Map<string, Definition>
  phrasing: PhrasingBlock[]
  code: Code[]
  /** Heading slugs (GitHub's) and HTML anchors, for `#fragment` links. */
  anchors(): Set<string>
}

/** The model of a tree (the rules share one per file: see `rules/file-context.ts`). */
export function buildModel(tree: Root, file: VFile): Model {
  const {links, references, definitions, phrasing, code, headings, html} = nodesOf(tree)
  const source = createSource(file)
  const {root, sections} = buildSections(tree, source.text)
  const title = sections.find((section) => section.depth === 1)
  // Below the title; without a `#` one, below the doc's first heading (a title at
  // the wrong level, said by milestone-required-headings, still has its lines).
  // Quoted too (`> **Status**: …`), as every section's fields are read (ownFields).
  const top = title ?? sections[0]
  const metadata = [...ownFields(root), ...(top ? ownFields(top) : [])]
  let anchors: Set<string> | undefined

  return {
    source,
    root,
    sections,
    title,
    metadata,
    links,
    htmlLinks: htmlLinksOf(html, source),
    references,
    definitions,
    phrasing,
    code,
    anchors() {
      anchors ??= anchorsOf(headings, html)
      return anchors
    }
  }
}

/** The nodes the model lists, by kind, in one walk of the tree. */
function nodesOf(tree: Root) {
  const links: LinkNode[] = []
  const references: LinkReference[] = []
  const definitions = new Map<string, Definition>()
  const phrasing: PhrasingBlock[] = []
  const code: Code[] = []
  const headings: Heading[] = []
  const html: Html[] = []

  eachNode(tree, function (node) {
    switch (node.type) {
      case 'heading': {
        headings.push(node)
        phrasing.push(node)
        break
      }
      case 'paragraph':
      case 'tableCell': {
        phrasing.push(node)
        break
      }
      case 'html': {
        html.push(node)
        break
      }
      case 'code': {
        code.push(node)
        break
      }
      case 'definition': {
        // The first definition of a label wins (CommonMark).
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
        links.push(node)
        break
      }
      case 'link':
      case 'image': {
        links.push(node)
        break
      }
      case 'linkReference': {
        references.push(node)
        break
      }
      default:
    }
  })

  return {links, references, definitions, phrasing, code, headings, html}
}

function buildSections(tree: Root, source: string): {root: Section; sections: Section[]} {
  const root = createSection(undefined, undefined)
  root.start = tree.position?.start.offset
  root.end = tree.position?.end.offset
  const sections: Section[] = []
  const stack: Section[] = [root]

  for (const node of tree.children) {
    if (node.type !== 'heading') {
      stack.at(-1)!.content.push(node)
      continue
    }

    while (stack.length > 1 && stack.at(-1)!.depth >= node.depth) {
      stack.pop()!.end = node.position?.start.offset
    }

    const section = createSection(node, stack.at(-1))
    section.parent!.children.push(section)
    sections.push(section)
    stack.push(section)
  }

  for (const open of stack) open.end = root.end
  for (const section of [root, ...sections]) {
    // Bold labels first; a sub-heading can stand for a label (`#### Success Criteria`).
    section.fields = fieldsOf(section.content, source)
    section.quoted = quotedFields(section.content, source)
    for (const child of section.children) {
      section.fields.push(headingField(child.heading!, child.content))
    }
  }
  return {root, sections}
}

function createSection(heading: Heading | undefined, parent: Section | undefined): Section {
  const text = heading ? toString(heading) : ''
  return {
    heading,
    depth: heading ? heading.depth : 0,
    text,
    normalized: normalizeHeading(text),
    parent,
    children: [],
    content: [],
    fields: [],
    quoted: [],
    start: heading?.position?.start.offset,
    end: undefined
  }
}

/** A section's fields, and those in its blockquotes (`> **Key Principle**: …`). */
export function ownFields(section: Section): Field[] {
  return section.quoted.length > 0 ? [...section.fields, ...section.quoted] : section.fields
}

/** The fields in blockquotes among blocks, and in quotes in those (`> > **Status**: …`). */
function quotedFields(blocks: readonly RootContent[], source: string): Field[] {
  return blocks.flatMap((block) =>
    block.type === 'blockquote' ? [...fieldsOf(block.children, source), ...quotedFields(block.children, source)] : []
  )
}

/** A section's heading as written (ATX style), for messages: without an attribute block (`{#id}`) or a backslash an export left at its end (`## Goal\\`), which name no section. */
export function headingLine(section: Section): string {
  return '#'.repeat(section.depth) + ' ' + withoutAttributes(section.text).replace(/\\$/, '')
}
