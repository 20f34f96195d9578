/**
 * What `milestone-no-placeholders` says of a placeholder: what the template
 * asks for in its place, worded as the placeholder reads (a slot, a clause
 * or an instruction).
 */
import {normalizePlaceholder, truncate} from '../text/text.js'

/** The message of a placeholder, `where` it is (` in URL …`), with what the template asks for there if it is one of its own. */
export function placeholderMessage(inner: string, where: string, known: Readonly<Record<string, string>>): string {
  const normalized = normalizePlaceholder(inner)
  const asked = Object.hasOwn(known, normalized) ? known[normalized] : undefined
  if (!asked) {
    return `Unexpected placeholder \`[${truncate(inner)}]\`${where}, expected real content (escape the brackets, \`\\[…\\]\`, if they are meant)`
  }
  // A slot (`[Month Year]`) names what goes there; a clause (`[What this phase achieves]`) says it;
  // an instruction (`[Continue for all phases]`, or a name of 5 words or more) says what to write.
  if (clause.test(asked))
    return `Unexpected unfilled template placeholder \`[${truncate(inner)}]\`${where}, expected ${lowerFirst(asked)}`
  const instruction = notSlot.test(asked) || partsOf(asked).name.split(/\s+/).length >= 5
  return instruction
    ? `Unexpected unfilled template placeholder \`[${truncate(inner, 40)}]\`${where}, expected what the template asks for: ${truncate(asked, 200)}`
    : `Unexpected unfilled template placeholder \`[${truncate(inner)}]\`${where}, expected ${slot(asked)}`
}

/** A short placeholder that reads as what to write (`What this phase achieves` → `expected what this phase achieves`). */
const clause = /^(?:what|why|how|when|where|who|which|whether)\s+\S+(?:\s+\S+){0,8}$/i

/**
 * A short placeholder that is no name of what goes there, as it starts
 * with a determiner (`Each Service`) or a verb templates instruct with
 * (`Continue for all phases`): it is quoted, not read as `the actual …`.
 * Not a verb that is also a noun (`List`, `State`, `Use`): `[Use Case 1]`
 * is a slot.
 */
const notSlot =
  /^(?:each|every|any|your|our|its|repeat|continue|add|describe|explain|expand|insert|summarize|summarise|include|write|remove|delete|replace|pull|see)\s/i

/**
 * What a slot asks for: its name in lower case, with its examples as
 * written (`Category - A/B` → `the actual category (A/B)`), or one of its
 * choices (`High/Medium/Low` → `one of High, Medium or Low`).
 */
function slot(asked: string): string {
  const choices = asked.split('/')
  if (choices.length > 1 && choices.every((choice) => /^\p{L}+$/u.test(choice)))
    return `one of ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`
  const {name, notes} = partsOf(asked)
  // Options of a name are each a name: `System/API 1` → `system or API 1`.
  const named = lowerFirst(name).replace(/(?<=\p{L})\/(?=\p{L})/gu, ' or ')
  return `the actual ${named}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`
}

/**
 * A slot's name, and what it says of it: its examples after a dash
 * (`Category - A/B`), a condition (`Sub-detail if helpful`). A determiner
 * is no part of the name (`This Approach` is the approach).
 */
function partsOf(asked: string): {name: string; notes: string[]} {
  const [written, examples] = asked.split(/ [-–—] (.*)/s)
  const [name, condition] = written!.replace(/^(?:this|that|these|those) /i, '').split(/ (?=(?:if|when|unless) )/i)
  return {name: name!, notes: [examples, condition].filter((note) => note !== undefined)}
}

/** `Month Year` → `month year`, `Technology/Approach` → `technology/approach`, but keep acronyms (`API Gateway` → `API gateway`). */
function lowerFirst(text: string): string {
  return text.replace(/(?<![^\s/])\p{Lu}(?=\p{Ll})/gu, (letter) => letter.toLowerCase())
}
