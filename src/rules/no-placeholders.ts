/**
 * Unfilled template placeholders: bracketed text such as `[Name]`,
 * `[Month Year]`, `[interval]`, `[2-3 paragraphs describing …]` in headings,
 * paragraphs, lists, tables, emphasis and link text; bracketed parts of link
 * URLs (`./[name]-architecture.md`); a code block that is still a template
 * instruction (one of the template's own placeholder lines, such as
 * `[Copy the architecture diagram from milestones-overview.md]`, or a lone
 * bracketed sentence).
 *
 * Not placeholders: links, images and references that resolve to a definition;
 * footnotes (`[^1]`); task-list boxes (`[ ]`, `[x]`); escaped brackets
 * (`\[sic\]`); inline code; HTML and HTML comments; brackets without a letter
 * (`[…]`, `[1]`); brackets right after a word (`items[0]`); bracketed names in a
 * filled-in diagram or code sample (`[Browser] ──▶ [API]`); GitHub alerts and
 * Obsidian callouts (`> [!NOTE]`, `> [!tip]-`); references (`[HAR-142]`,
 * `[JIRA-12]`, `[RFC 2119]`, `[CVE-2024-3094]`, `[PR #42]`: capitals, then a
 * number); status tags and editorial marks (`[WIP]`, `[DRAFT]`, `[NEW]`,
 * `[BETA]`, `[ALPHA]`, `[DEPRECATED]`, `[BREAKING]`, `[EXPERIMENTAL]`, `[sic]`,
 * written so; `[TBD]` and `[TODO]` are reported, as they mark text still to
 * write); wiki links (`[[Release Plan]]`); citations (`[Smith et al. 2020]`,
 * Pandoc's `[@smith2020]` and `[see @smith2020, p. 4]`); link text before a
 * site generator's link (`[Overview]({% link milestones.md %})`,
 * `({{< ref "x.md" >}})`); abbreviations' definitions (`*[API]: …`);
 * Obsidian's comments (`%%[TODO]%%`);
 * intervals, vectors and lists of values (`[1, n-1]`, `[a, b]`,
 * `["jpeg", "png"]`: numbers, one- or two-letter variables, quoted values;
 * `[Name, Role]` is words, so a placeholder); a prompt's choices (`[y/N]`); and
 * math as GitHub renders it: `$[t_0, t_1]$`, `$$…$$` and ```` ```math ```` blocks
 * (a `$` followed by a space, or a closing `$` followed by a digit, is no math:
 * `$5 for [Plan] and $10` still has a placeholder). A `[` never closed
 * (`[0.6, 0.9)`) hides none of the placeholders after it.
 *
 * When the placeholder is one of the template's own, the message says what the
 * template asks for there: a slot by its name (`[Month Year]`: the actual
 * month year; `[This Approach]`: the actual approach), each of its options
 * (`[System/API 1]`: the actual system or API 1), its choices
 * (`[High/Medium/Low]`: one of High, Medium or Low) or its condition
 * (`[Sub-detail if helpful]`: the actual sub-detail (if helpful)); a clause
 * as it reads (`[What this phase achieves]`: what this phase achieves); an
 * instruction (of five words or more, or one that starts with a verb:
 * `[Continue for all phases]`) quoted. `[System / API 1]` is the template's
 * `[System/API 1]`.
 *
 * @example invalid.md
 *
 * @example wording.md
 *
 * With `allow`, only the texts it does not match are reported:
 *
 * @example allow-patterns.md
 */
import type {Code, Node, Parent} from 'mdast'
import {eachNode} from '../model/nodes.js'
import {type Bracketed, commentSpans, findBrackets, looksLikePlaceholder, mathSpans} from '../text/brackets.js'
import type {LinkNode, Model, PhrasingBlock} from '../model/model.js'
import {normalizePlaceholder, textPattern, truncate} from '../text/text.js'
import type {OptionsOf} from '../match/options.js'
import {placeholderMessage} from './placeholder-message.js'
import {milestoneRule} from './rule.js'
import {report} from './report.js'

const optionTypes = {
  /**
   * Bracketed texts that are meant, without brackets,
   * [compared as labels](#how-text-is-compared); `*` stands for any text:
   * `['sic', 'WIP', 'RFC *']`. A star is matched by a plain scan, not a
   * regular expression, so no pattern can be slow; `*` alone is refused
   * (turn the rule off instead).
   * @default `[]`
   */
  allow: 'patterns'
} as const

/** The options of `milestone-no-placeholders`. */
export type NoPlaceholdersOptions = OptionsOf<typeof optionTypes>

const noPlaceholders = milestoneRule({
  id: 'milestone-no-placeholders',
  description: 'No `[Placeholder]` text from the template is left unfilled.',
  options: optionTypes,
  check({model, file, options, schema}) {
    const known = schema.placeholders
    const allowed = (options.allow ?? []).map(textPattern)
    const isPlaceholder = (group: Bracketed, text: string) =>
      looksLikePlaceholder(group, text) && !allowed.some((allows) => allows(group.inner))
    const reportPlaceholder = (group: Bracketed, base: number, where = '') => {
      report(
        file,
        placeholderMessage(group.inner, where, known),
        model.source.range(base + group.start, base + group.end)
      )
    }

    for (const block of model.phrasing) {
      const base = block.position?.start.offset
      const text = model.source.slice(block)
      // Most blocks have no bracket: no need to mask their code and links.
      if (base === undefined || text === undefined || !text.includes('[')) continue
      for (const group of findBrackets(text, maskOf(model, block, base, text))) {
        if (isPlaceholder(group, text)) reportPlaceholder(group, base)
      }
    }

    for (const node of model.links) {
      const base = node.position?.start.offset
      const text = model.source.slice(node)
      if (base === undefined || text === undefined) continue
      if (node.type === 'definition' && isBracketed(node.url)) {
        // `- [Technology 1]: [Purpose]` parses as a definition: all of it is template.
        for (const group of findBrackets(text)) if (isPlaceholder(group, text)) reportPlaceholder(group, base)
        continue
      }
      const urlStart = urlOffset(node, text)
      const url = text.slice(urlStart)
      for (const group of findBrackets(url)) {
        if (isPlaceholder(group, url)) {
          reportPlaceholder(
            {...group, start: group.start + urlStart, end: group.end + urlStart},
            base,
            ` in URL \`${truncate(node.url)}\``
          )
        }
      }
    }

    for (const code of model.code) checkCode(model, code, known, isPlaceholder, reportPlaceholder)
  }
})

export default noPlaceholders

/**
 * A code block is unfilled when it is one bracketed sentence, or a line of
 * it is one of the template's own placeholders (`[Describe the user flow …]`).
 */
function checkCode(
  model: Model,
  code: Code,
  known: Readonly<Record<string, string>>,
  isPlaceholder: (group: Bracketed, text: string) => boolean,
  reportPlaceholder: (group: Bracketed, base: number) => void
): void {
  const base = code.position?.start.offset
  const text = model.source.slice(code)
  if (base === undefined || text === undefined || code.lang === 'math') return
  const lines = code.value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  // Search lines past the opening fence, if any.
  let from = /^[ \t]*(?:```|~~~)/.test(text) ? text.search(/[\r\n]/) + 1 : 0

  for (const line of lines) {
    const at = text.indexOf(line, from)
    if (at === -1) continue
    from = at + line.length
    const [group] = findBrackets(line)
    const whole = group !== undefined && group.start === 0 && group.end === line.length
    // A lone bracketed sentence, or the template's own text; not a one-box diagram (`[Queue]`).
    const instruction =
      whole &&
      (Object.hasOwn(known, normalizePlaceholder(group.inner)) ||
        (lines.length === 1 && group.inner.trim().split(/\s+/).length >= 3))
    if (whole && instruction && isPlaceholder(group, line)) {
      reportPlaceholder({...group, start: at, end: at + line.length}, base)
    }
  }
}

/**
 * Mask what is not free text inside a block: code, HTML, footnote
 * references, images, link syntax (link text stays visible) and math.
 */
function maskOf(model: Model, block: PhrasingBlock, base: number, text: string): Uint8Array {
  const masked = new Uint8Array(text.length)
  const set = (node: Node, value: 0 | 1) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) masked.fill(value, start - base, end - base)
  }

  eachNode(block, function (node) {
    switch (node.type) {
      case 'inlineCode':
      case 'html':
      case 'footnoteReference':
      case 'image':
      case 'imageReference': {
        set(node, 1)
        return false
      }
      case 'linkReference': {
        // A reference to a placeholder definition is a placeholder too.
        const definition = model.definitions.get(node.identifier)
        if (definition && isBracketed(definition.url)) return false
        maskLink(node)
        return undefined
      }
      case 'link': {
        maskLink(node)
        return undefined
      }
      default:
        return undefined
    }
  })

  // Math (`$[t_0, t_1]$`) and Obsidian's comments (`%%[TODO]%%`) are not text: the renderer never shows their brackets.
  if (text.includes('$')) for (const [start, end] of mathSpans(text, masked)) masked.fill(1, start, end)
  if (text.includes('%%')) for (const [start, end] of commentSpans(text)) masked.fill(1, start, end)
  return masked

  function maskLink(node: Parent) {
    set(node, 1)
    for (const child of node.children) set(child, 0)
  }
}

/** Offset of a link's URL within its source: after `](` or `]:`. */
function urlOffset(node: LinkNode, text: string): number {
  const marker = node.type === 'definition' ? ']:' : ']('
  const at = text.lastIndexOf(marker)
  return at === -1 ? 0 : at + marker.length
}

function isBracketed(url: string): boolean {
  return url.startsWith('[') && url.endsWith(']')
}
