/**
 * No false message on docs written unlike the fixtures: complete, correct
 * milestone docs in `fixtures/styles/`, each in a style real teams write
 * (a word processor's curly quotes, dashes and non-breaking spaces, emoji
 * decorations, numbered headings, `{#id}` attributes and qualifiers (`## Key Outcomes (as of November)`); GitHub's alerts,
 * math, tables, HTML, footnotes, ticket ids, front matter and CRLF line
 * endings; a Technology Stack by the team's own layers). A style is added
 * by adding a doc there.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint, messages, textFile} from './helpers.js'

const dir = 'fixtures/styles/'
const docs = readdirSync(dir).filter((name) => name.startsWith('milestone-'))

describe('docs in other styles', () => {
  it('has docs to check', () => {
    expect(docs.length).toBeGreaterThanOrEqual(2)
  })

  it.each(docs)('%s: the preset says nothing', async (name) => {
    expect(messages(await lint(dir + name))).toEqual([])
  })

  it.each(docs)('%s: is linted (a field renamed is reported)', async (name) => {
    const text = readFileSync(dir + name, 'utf8').replace('**Purpose**:', '**Porpose**:')
    const found = messages(await lint(textFile(text, dir + name)))
    expect(found).toEqual([expect.stringContaining('Unexpected missing `**Purpose**:`')])
  })
})
