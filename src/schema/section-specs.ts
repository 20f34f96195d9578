/**
 * A template's headings become section specs (derive.ts reads the template
 * as a whole): which are required and in what order, which repeat, which
 * are free-form, and what each holds (fields, entries, links, children).
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Section} from '../model/model.js'
import {normalizeLabel} from '../text/text.js'
import {type Deriving, fieldSpecs, isEntry, isFreeForm, labelFields, optionalMark} from './field-specs.js'
import {placeholder} from './pattern.js'
import {tieOf} from './ties.js'
import type {SectionSpec} from './types.js'

/** `[Repeat structure for each …]`, `[Continue for all phases]`. */
const instruction = /^\[\s*(?:repeat|continue)\b/i

/** The sections of one tier of the outline: free-form headings dropped, same-shaped siblings merged into a repeat. */
export function deriveSections(sections: readonly Section[], deriving: Deriving): SectionSpec[] {
  const specs: SectionSpec[] = []
  let group: {shape: string; instances: Section[]} | undefined

  const flush = () => {
    if (group) {
      // A later instance that only asks to be repeated is no section to put back.
      for (const instance of group.instances.slice(1).filter(hasInstruction)) {
        const [from, to] = [instance.heading?.position?.start.offset, instance.content[0]?.position?.start.offset]
        if (from !== undefined && to !== undefined) deriving.omit(from, to)
      }
      specs.push(sectionSpec(group.instances, deriving))
    }
    group = undefined
  }

  for (const section of sections) {
    const {text} = headingText(section)
    if (section.depth > 2 && isFreeForm(text)) {
      flush()
      continue
    }
    const shape = shapeOf(text)
    if (group && group.shape === shape && section.depth > 2) {
      group.instances.push(section)
      continue
    }
    flush()
    group = {shape, instances: [section]}
  }
  flush()
  return specs
}

function sectionSpec(instances: Section[], deriving: Deriving): SectionSpec {
  const {linked, closingAfter, cut} = deriving
  const first = instances[0]!
  const {text, optional} = headingText(first)
  const spec: SectionSpec = {heading: text, depth: first.depth}
  if (optional) spec.optional = true

  const repeated = instances.length > 1 || instances.some(hasInstruction)
  if (repeated) {
    const numbered = /\d/.test(text.replace(placeholder, ''))
    // `Kind: [Name]` instances are the point of their section; `Why [X]?` ones are examples.
    const typed = /^[^[]*\S:\s*\[/.test(text)
    spec.repeat = {numbered, min: numbered || typed ? 1 : 0}
  }

  const own = instances.flatMap((instance) => labelFields(instance, closingAfter))
  const fields = fieldSpecs(instances, deriving, spec.repeat?.min === 0)
  if (fields.length > 0) spec.fields = fields
  if (fields.some((field) => field.levels)) spec.role = 'risk'
  if (
    own.some(isEntry) ||
    freeFormDescendants(first).some((section) => labelFields(section, closingAfter).some(isEntry))
  ) {
    spec.entries = true
  }

  const links = [...new Set(linksIn(first).flatMap((url) => linked.get(url) ?? []))]
  if (links.length > 0) spec.links = links

  const tie = tieOf(instances, repeated)
  if (tie) spec.tie = tie

  const children = deriveSections(first.children, deriving)
  if (children.length > 0) spec.children = children
  if (first.start !== undefined && first.end !== undefined) {
    spec.skeleton = cut(first.start, Math.min(first.end, closingAfter))
    const sub = first.children[0]?.start
    if (sub !== undefined) spec.skeleton.own = sub - first.start
  }
  return spec
}

/** Sub-sections dropped as free-form (`### [Category 1]`), and theirs. */
function freeFormDescendants(section: Section): Section[] {
  return section.children.flatMap((child) =>
    isFreeForm(headingText(child).text) ? [child, ...freeFormDescendants(child)] : []
  )
}

/** What makes siblings the same kind: placeholders and numbers do not count. */
function shapeOf(text: string): string {
  return normalizeLabel(text.replace(placeholder, '[]').replace(/\d+/g, '#'))
}

/** A section whose body is an instruction to repeat it (`[Repeat structure for each phase]`). */
export function hasInstruction(section: Section): boolean {
  const [first] = section.content
  return first?.type === 'paragraph' && instruction.test(toString(first).trim())
}

/** The heading's text, with an optional mark taken off. */
export function headingText(section: Section): {text: string; optional: boolean} {
  const text = toString(section.heading!).trim()
  const optional = optionalMark.test(text)
  return {text: optional ? text.replace(optionalMark, '$1').trim() : text, optional}
}

/** URLs linked in a section's own content. */
function linksIn(section: Section): string[] {
  const urls: string[] = []
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'link') urls.push(node.url)
      if ('children' in node) walk(node.children)
    }
  }
  walk(section.content)
  return urls
}
