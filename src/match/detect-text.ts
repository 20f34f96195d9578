/**
 * Evidence from a file's text, before or without parsing it: whether it may
 * be a doc (so that others need not be parsed), and whether a file too big to
 * parse is one. The evidence is weighed as for a parsed doc (detect.ts).
 */
import type {VFile} from 'vfile'
import {type DetectOptions, forcedKind} from './forced.js'
import {milestoneKind} from './options.js'
import {memo} from '../model/memo.js'
import {headingPattern, placeholder} from '../schema/pattern.js'
import type {Schema} from '../schema/types.js'
import {normalizeHeading, normalizeLabel} from '../text/text.js'
import {
  type Evidence,
  type KindSchema,
  enoughEvidence,
  hasFixedText,
  isNamedMilestone,
  isNamedTemplate,
  isTitle
} from './detect.js'
/**
 * Whether a file not parsed (over a limit) is likely a doc, by its name and
 * text: forced by the options, else named `milestone-<n>…`, or with the
 * evidence {@link looksLikeMilestoneDoc} asks for (a title with a section or
 * metadata line, metadata lines, sections) in its first 20,000 characters.
 */
export function looksLikeMilestoneFile(
  text: string,
  file: VFile,
  schema: Schema,
  options: DetectOptions,
  kinds: KindSchema[] = []
): boolean {
  if (isNamedMilestone(file.basename) && forcedKind(file, options) === undefined) return true
  const head = text.slice(0, 20_000)
  const headings = [...head.matchAll(/^(#{1,6})[ \t]+([^\r\n]*)/gm)]
  const title = headings.find((match) => match[1] === '#')?.[2]
  return weigh(file, options, [{name: milestoneKind, schema}, ...kinds], (_, each) => ({
    named: false,
    template: isNamedTemplate(file.basename),
    titled: title !== undefined && isTitle(normalizeHeading(title), each),
    sections: sectionLinesIn(headings, each),
    ...metadataLinesIn(head, each)
  }))
}

/** Whether a kind's evidence in a file is enough, as a parsed doc's is; unless the options force its kind. */
function weigh(
  file: VFile,
  options: DetectOptions,
  kinds: Array<{name: string; schema: Schema}>,
  evidence: (name: string, schema: Schema) => Evidence
): boolean {
  const forced = forcedKind(file, options)
  if (forced !== undefined) return forced !== false
  return kinds.some(({name, schema}) => enoughEvidence(evidence(name, schema), schema))
}

/** How many of the template's sections are headings (`## Goal`) among `headings`. */
function sectionLinesIn(headings: RegExpMatchArray[], schema: Schema): number {
  const texts = headings.map((match) => normalizeHeading(withoutClosingHashes(match[2]!)))
  return schema.sections.filter((spec) => texts.some((text) => headingPattern(spec).test(text))).length
}

/** An ATX heading's text without its closing `#`s (`Goal ##`), by a scan (a RegExp of it can backtrack). */
function withoutClosingHashes(raw: string): string {
  const text = raw.trimEnd()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  const closing = end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')
  return closing ? text.slice(0, end) : text
}

/** How many of the template's metadata labels start a line of `text` in bold, with a colon; how many of those link. */
function metadataLinesIn(text: string, schema: Schema): {metadata: number; links: number} {
  const wanted = new Set(schema.metadata.map((spec) => normalizeLabel(spec.label)))
  const linking = new Set(schema.metadata.filter((spec) => spec.link).map((spec) => normalizeLabel(spec.label)))
  const found = new Set<string>()
  for (const line of text.split(/\r\n|\r|\n/)) {
    const mark = line.slice(0, 2)
    const close = mark === '**' || mark === '__' ? line.indexOf(mark, 2) : -1
    if (close === -1) continue
    const inner = line.slice(2, close).trim()
    const colon = inner.endsWith(':') || /^[ \t]*:/.test(line.slice(close + 2))
    const key = normalizeLabel(inner.replace(/:$/, ''))
    if (colon && wanted.has(key)) found.add(key)
  }
  return {metadata: found.size, links: [...found].filter((key) => linking.has(key)).length}
}

/**
 * Whether a file may be a milestone doc (or of a kind), from its name and text
 * alone, so that others need not be parsed. It counts evidence as
 * {@link looksLikeMilestoneDoc} does, but generously: a template heading or
 * label counts when its longest word occurs anywhere in the text (any case).
 * So it never says no to a doc the rules would lint, unless a word of its
 * headings is broken up by markup or character references (`Exec*utive*`).
 */
export function mayBeMilestoneDoc(
  text: string,
  file: VFile,
  schema: Schema,
  options: DetectOptions,
  kinds: KindSchema[] = []
): boolean {
  const lower = lowerCase(text)
  const found = (word: string) => lower.includes(word)
  return weigh(file, options, [{name: milestoneKind, schema}, ...kinds], function (name, each) {
    const words = signalWords(each)
    return {
      named: name === milestoneKind && isNamedMilestone(file.basename),
      template: isNamedTemplate(file.basename),
      titled: words.title !== undefined && found(words.title),
      sections: words.sections.filter(found).length,
      metadata: words.metadata.filter(found).length,
      links: words.links.filter(found).length
    }
  })
}

let lastText: string | undefined
let lastLower = ''

/** Text in lower case; the last one is kept, as each rule's options ask about the same file in turn. */
function lowerCase(text: string): string {
  if (text !== lastText) {
    lastText = text
    lastLower = text.toLowerCase()
  }
  return lastLower
}

interface SignalWords {
  /** The title's, unless it is all placeholder (then it is no evidence). */
  title: string | undefined
  sections: string[]
  metadata: string[]
  links: string[]
}

const signalCache = new WeakMap<Schema, SignalWords>()

function signalWords(schema: Schema): SignalWords {
  return memo(signalCache, schema, () => ({
    title: hasFixedText(schema.title) ? longestWord(normalizeHeading(schema.title)) : undefined,
    sections: schema.sections.map((spec) => longestWord(normalizeHeading(spec.heading))),
    metadata: schema.metadata.map((spec) => longestWord(normalizeLabel(spec.label))),
    links: schema.metadata.filter((spec) => spec.link).map((spec) => longestWord(normalizeLabel(spec.label)))
  }))
}

/**
 * The longest word of normalised template text outside its placeholders:
 * matching text contains it. Not `and`, which normalising makes of `&`; ''
 * (found in any text) when there is none.
 */
function longestWord(normalized: string): string {
  let longest = ''
  for (const word of normalized.replace(placeholder, ' ').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length > longest.length && word !== 'and') longest = word
  }
  return longest
}
