/**
 * A numbered repeat written under another word than the template's
 * (`### Stage 1: Auth`, `### Stage 2: Upload` for `### Phase 1: [Phase Name]`):
 * where the repeat would be missing, each such heading is reported on its
 * word, with the template's as the fix, in place of "missing" and a
 * template phase put in after the doc's own.
 */
import type {VFile} from 'vfile'
import {headingLine, type Model, type Section} from '../model/model.js'
import type {Outline} from '../match/outline.js'
import type {SectionSpec} from '../schema/types.js'
import {report} from './report.js'

/** A template heading's word before its number (`Phase 1: [Phase Name]`). */
const templateWord = /^(\p{L}+) \d+\b/u

/** A doc heading's word, number and the start of a name, if any (`Stage 2: Upload`, `Sprint 3 - Rank`, `Stage 4`). */
const docWord = /^(\p{L}+) (\d{1,2})(?:(?:[ \t]*[:.)–—-][ \t]*|[ \t]+)\S|$)/u

/** Report the headings under `parent` that number `spec`'s instances under another word; whether there were any. */
export function reportOtherWord(
  model: Model,
  file: VFile,
  outline: Outline,
  spec: SectionSpec,
  parent: Section | undefined
): boolean {
  const word = spec.repeat?.numbered ? templateWord.exec(spec.heading.trim())?.[1] : undefined
  if (!word || !parent) return false
  const found = parent.children.flatMap((section) => {
    const match = section.depth === spec.depth && !outline.spec(section) ? docWord.exec(section.text) : null
    return match && match[1]!.toLowerCase() !== word.toLowerCase()
      ? [{section, word: match[1]!, number: match[2]!}]
      : []
  })
  // One word for all, and a series that starts at 1: `### Week 3 Notes` alone is no phase.
  if (found.length === 0 || new Set(found.map((item) => item.word)).size > 1 || found[0]!.number !== '1') return false
  for (const {section, word: theirs} of found) {
    const range = wordRange(model, section, theirs)
    report(
      file,
      `Unexpected \`${headingLine(section)}\`, expected \`${'#'.repeat(section.depth)} ${word}${section.text.slice(theirs.length)}\` as the template names it`,
      range ?? section.heading?.position,
      range ? {expected: [word]} : {}
    )
  }
  return true
}

/** Where a heading's first word is in the source, when written there as plain text. */
function wordRange(model: Model, section: Section, word: string) {
  const first = section.heading?.children[0]
  const start = first?.type === 'text' ? first.position?.start.offset : undefined
  if (start === undefined || !model.source.text.startsWith(word, start)) return undefined
  return model.source.range(start, start + word.length)
}
