/**
 * Ties to the parent doc, read from the template's own placeholders: one
 * that tells the author to copy, expand, pull or repeat a part of the parent
 * doc (`[Copy the Goal from milestones-overview.md and expand if needed]`)
 * ties its section to that part of the doc's entry in the parent. The
 * parent is whatever the `**Parent Document**` link points at, so a
 * placeholder may name it in any way: a Markdown file, "the overview", "the
 * roadmap". A placeholder that only draws on another part of the template
 * (`Pull from the Goal section …` in the Executive Summary) is no tie: a
 * tie copies a part into the section of its own name.
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Section} from '../model/model.js'
import {findBrackets} from '../text/brackets.js'
import {normalizeLabel} from '../text/text.js'
import {placeholder} from './pattern.js'
import type {SectionSpec, Tie} from './types.js'
import {allSpecs} from './walk.js'

/** An instruction to take something from elsewhere. */
const verb = /^(?:copy|expand|pull|repeat)\b/i

/** The parent, as a placeholder names it: a Markdown file, or a word for it (not the architecture doc). */
const parentName = /^(?:the\s+)?(?:\S+?\.md\b|(?:overview|roadmap|parent|milestones)\b)/i

/** What a part's name does not need: articles, `structure for each`, a trailing `section`, quotes. */
const filler = /^(?:structure\s+)?(?:for\s+)?(?:each|all|the)\s+|(?<!\s)\s+section$|["“”]/gi

/** Longer than any instruction: a longer placeholder is prose, not read for a tie. */
const maxInstruction = 300

/** The tie a repeat or section's own placeholders make, if any (`instances` are a repeat's). */
export function tieOf(instances: readonly Section[], repeated: boolean): Tie | undefined {
  for (const text of instances.flatMap((instance) => instance.content.flatMap(textsOf))) {
    for (const group of findBrackets(text)) {
      for (const sentence of group.inner.split(/(?<=\.)\s+/)) {
        const part = partFrom(sentence.trim())
        if (part === undefined) continue
        if (repeated) return {part, copies: 'names'}
        if (part.replace(placeholder, '') !== part) return {part, copies: 'heading'}
        return {part, copies: 'content'}
      }
    }
  }
  return undefined
}

/**
 * The part an instruction takes from the parent: `<verb> [part] from
 * <parent>` or `<verb> from [the] <part> in <parent>`; `''` when it names
 * none; undefined when it takes nothing from the parent.
 */
function partFrom(sentence: string): string | undefined {
  const start = verb.exec(sentence)
  if (!start || sentence.length > maxInstruction) return undefined
  const from = /\sfrom\s/i.exec(sentence)
  if (!from) return undefined
  const before = sentence.slice(start[0].length, from.index).trim()
  const rest = sentence.slice(from.index + from[0].length).trim()
  let named = before
  let source = rest
  if (!parentName.test(rest)) {
    const within = /\s(?:in|of)\s/i.exec(rest)
    if (!within || before) return undefined
    named = rest.slice(0, within.index)
    source = rest.slice(within.index + within[0].length).trim()
  }
  const parent = parentName.exec(source)
  if (!parent || /architecture/i.test(parent[0])) return undefined
  return named.trim().replace(filler, '').trim()
}

/** Texts where a placeholder can stand: paragraphs (as text) and code blocks. */
function textsOf(node: RootContent): string[] {
  if (node.type === 'code') return [node.value]
  if (node.type === 'paragraph') return [toString(node)]
  return 'children' in node ? node.children.flatMap((child) => textsOf(child as RootContent)) : []
}

/**
 * Drop the ties whose part is another section of the template (the
 * Executive Summary pulls from the Goal, which has its own section); a
 * content tie without a part names its own section.
 */
export function settleTies(sections: SectionSpec[]): void {
  const specs = allSpecs({sections})
  const headings = new Map(specs.map((spec) => [normalizeLabel(spec.heading), spec]))
  for (const spec of specs) {
    const tie = spec.tie
    if (!tie) continue
    if (tie.copies === 'content' && tie.part === '') tie.part = spec.heading
    const named = headings.get(normalizeLabel(tie.part))
    if (named && named !== spec) delete spec.tie
  }
}
