/**
 * Words that carry a sentence's meaning, for telling a sentence reworded
 * from one changed: function words left out, each word by its stem (Porter's:
 * `synced` is `sync`, `metrics` is `metric`), numbers kept whole (`99.5`,
 * `2,000`).
 */
import {stemmer} from 'stemmer'
import {normalizeLabel} from './text.js'

/** Words too common to tell two sentences apart. */
const stopWords = new Set(
  'a an and are as at be by for from in into is it its of on or that the their this to was were which with'.split(' ')
)

/** A word as written (folded) and the form it is compared by. */
export interface Word {
  text: string
  stem: string
}

/** The content words of a text, in order. */
export function contentWords(text: string): Word[] {
  const words: Word[] = []
  for (const [word] of normalizeLabel(text).matchAll(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu)) {
    if (!stopWords.has(word)) words.push({text: word, stem: /\d/.test(word) ? word : stemmer(word)})
  }
  return words
}

/** Words whose loss turns a sentence around. */
const negations = new Set(['no', 'not', 'never', 'without', 'none', 'nor'])

/**
 * The content words of a sentence that a text lacks, when they change its
 * meaning: a number (a target moved), a negation, or more than one in five
 * of its words; else none (a sentence reworded, or expanded, is kept).
 */
export function lostWords(sentence: string, text: ReadonlySet<string>): string[] {
  const words = contentWords(sentence)
  const lost = words.filter((word) => !text.has(word.stem))
  const changed =
    lost.some((word) => /\d/.test(word.text) || negations.has(word.text)) || lost.length * 5 > words.length
  return changed ? [...new Set(lost.map((word) => word.text))] : []
}

/** The stems of a text's content words, to look sentences up in. */
export function stemsOf(text: string): Set<string> {
  return new Set(contentWords(text).map((word) => word.stem))
}

/** Text for containment: normalised as labels are, markup gone, without a closing stop. */
export function fold(text: string): string {
  return normalizeLabel(text).replace(/(?<![.;:!])[.;:!]+$/, '')
}

/**
 * Code for containment: line ends, blank lines and a line's indent and
 * trailing spaces do not matter (a diagram re-indented in a copy is the same
 * diagram; one that lost a line or a word is not).
 */
export function foldCode(code: string): string {
  return code
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .trim()
}

/** A paragraph's sentences. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean)
}

/**
 * The line most like a text, if one is: at least two words in common, and
 * three in five of the shorter one's (a line shortened from the text, or
 * one the text was shortened from, is like it).
 */
export function closest<Line extends {text: string}>(text: string, lines: readonly Line[]): Line | undefined {
  const words = stemsOf(text)
  let best: Line | undefined
  let bestScore = 0.6
  for (const line of lines) {
    const other = stemsOf(line.text)
    let shared = 0
    for (const word of other) if (words.has(word)) shared++
    const score = shared / Math.min(words.size, other.size)
    if (shared >= 2 && score >= bestScore) [best, bestScore] = [line, score + Number.EPSILON]
  }
  return best
}

/** A label over a list (`**Functionality**:`): it says what the items are, and is no text of its own. */
export function isLabelLine(text: string): boolean {
  return /^[^\n.]{1,80}:$/.test(text.trim())
}
