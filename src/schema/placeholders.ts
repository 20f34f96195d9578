import {readFileSync} from 'node:fs'
import {findBrackets, normalizePlaceholder} from '../model/brackets.js'

/** The bundled template, whose own placeholders messages can explain. */
export const bundledTemplate = new URL('../../templates/milestone-template.md', import.meta.url)

let known: Map<string, string> | undefined

/**
 * The template's own placeholders (`[Month Year]`, `[2-3 paragraphs …]`),
 * normalised text → text as written. Link texts are not placeholders.
 */
export function templatePlaceholders(): Map<string, string> {
  if (!known) {
    known = new Map()
    let text = ''
    try {
      text = readFileSync(bundledTemplate, 'utf8')
    } catch {
      // Without the template, messages are generic; nothing else depends on it.
    }
    for (const group of findBrackets(text)) {
      if (text[group.end] === '(') continue
      known.set(normalizePlaceholder(group.inner), group.inner)
    }
  }
  return known
}
