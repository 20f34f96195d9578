/**
 * The title of a new doc, read from its file name through the template's
 * title: `milestone-4-scale.md` and `# Milestone [Number]: [Name]` make
 * `# Milestone 4: Scale`. Nothing is known of milestones here: the
 * template's own words and placeholders say how a name reads.
 */
import {placeholder} from '../schema/pattern.js'
import {readText} from './ignore-files.js'

/** The template title's text between placeholders, and its placeholders, in order. */
type Part = {literal: string} | {slot: string}

/** A placeholder that stands for a number: `[Number]`, `[Milestone Number]`, `[N]`, `[#]`, `[No.]`. */
const numberSlot = /\bnumber\b|^\[\s*(?:n|#|no\.?)\s*\]$/i

/**
 * The template's title with its placeholders filled from a file name's
 * words (`stem`, the name without its extension). The title's own words
 * must come first, in order (`milestone`); a number placeholder takes a
 * number, another one the words up to the title's next word (one word
 * before another placeholder, all that are left at the end), capitalised.
 * A number the name does not give is the one after the highest that the
 * `siblings`' names give (1 without any). A placeholder the name cannot
 * fill stays, for the author.
 */
export function titleFromName(title: string, stem: string, siblings: readonly string[]): string {
  const parts = partsOf(title)
  const values = slotValues(parts, wordsOf(stem))
  let slot = 0
  return parts
    .map((part) => {
      if ('literal' in part) return part.literal
      const value = values?.[slot++]
      if (value !== undefined) return value
      return numberSlot.test(part.slot) ? String(nextNumber(parts, siblings)) : part.slot
    })
    .join('')
}

/** One more than the highest number the names of `siblings` give for the title's number, or 1. */
function nextNumber(parts: readonly Part[], siblings: readonly string[]): number {
  const at = parts.filter((part) => 'slot' in part).findIndex((part) => numberSlot.test(part.slot))
  let highest = 0
  for (const sibling of siblings) {
    const value = slotValues(parts, wordsOf(sibling))?.[at]
    if (value !== undefined && /^\d+$/.test(value)) highest = Math.max(highest, Number(value))
  }
  return highest + 1
}

function partsOf(title: string): Part[] {
  const parts: Part[] = []
  let at = 0
  for (const match of title.matchAll(placeholder)) {
    parts.push({literal: title.slice(at, match.index)}, {slot: match[0]})
    at = match.index + match[0].length
  }
  parts.push({literal: title.slice(at)})
  return parts
}

/** The value of each placeholder in a name's words (`undefined`: not given), or `undefined` if the name does not read as the title. */
function slotValues(parts: readonly Part[], words: readonly string[]): Array<string | undefined> | undefined {
  const values: Array<string | undefined> = []
  let at = 0
  for (const [index, part] of parts.entries()) {
    if ('literal' in part) {
      const wanted = wordsOf(part.literal.toLowerCase())
      if (!wanted.every((word, offset) => words[at + offset]?.toLowerCase() === word)) return undefined
      at += wanted.length
    } else if (numberSlot.test(part.slot)) {
      const word = words[at]
      const number = word !== undefined && /^\d+$/.test(word)
      values.push(number ? String(Number(word)) : undefined)
      if (number) at++
    } else {
      const end = slotEnd(parts.slice(index + 1), words, at)
      values.push(end > at ? words.slice(at, end).map(capitalised).join(' ') : undefined)
      at = end
    }
  }
  return at === words.length ? values : undefined
}

/** Where a placeholder's words end: at the title's next word, after one word if another placeholder comes first, else at the end. */
function slotEnd(after: readonly Part[], words: readonly string[], at: number): number {
  const next = after.find((part) => 'slot' in part || wordsOf(part.literal).length > 0)
  if (!next) return words.length
  if ('slot' in next) return Math.min(at + 1, words.length)
  const first = wordsOf(next.literal.toLowerCase())[0]
  const found = words.findIndex((word, index) => index >= at && word.toLowerCase() === first)
  return found === -1 ? words.length : found
}

/** Letters and digits: the words of a file name or of a title's text. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * The title as one of `headings` spells it, if one has the same words in
 * any case: `Milestone 4: Ai And Ml` as the overview's `## Milestone 4: AI
 * and ML` has it (a file name has no case). Words the title joins with a
 * space (a placeholder's value) take the heading's text between them too
 * (`GDPR & SOC 2`); the title's other marks stay (`: `, not ` - `).
 */
export function spelledAs(title: string, headings: readonly string[]): string {
  const words = [...title.matchAll(word)]
  const same = headings
    .map((heading) => ({heading, found: [...heading.matchAll(word)]}))
    .find(
      ({found}) =>
        found.length === words.length &&
        found.every((match, at) => match[0].toLowerCase() === words[at]![0].toLowerCase())
    )
  if (!same) return title
  const end = (match: RegExpMatchArray) => match.index! + match[0].length
  let result = ''
  let from = 0
  for (let at = 0; at < words.length; at++) {
    const gap = title.slice(from, words[at]!.index)
    // Within a run of words joined by a space, the heading's own text between them, if it is no markup.
    const between = at > 0 ? same.heading.slice(end(same.found[at - 1]!), same.found[at]!.index) : ''
    result += gap === ' ' && !/[[\]()*_`<>#\\|]/.test(between) ? between : gap
    result += same.found[at]![0]
    from = end(words[at]!)
  }
  return result + title.slice(from)
}

const word = /[\p{L}\p{N}]+/gu

/** The texts of a Markdown file's ATX headings (none if it cannot be read). */
export function headingsOf(file: string | undefined): string[] {
  if (file === undefined) return []
  try {
    return [...readText(file).matchAll(/^ {0,3}#{1,6}[ \t]+(.+)$/gm)].map((match) => match[1]!)
  } catch {
    return []
  }
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
