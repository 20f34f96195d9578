/**
 * "Did you mean" for broken links (src/rules/link-suggestions.ts): the
 * closest name, and edits that change exactly the URL's path or fragment.
 * The messages themselves are the golden files of
 * fixtures/relative-links/suggestions.md, no-suggestions.md and html-links.md.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../src/rules/index.js'
import {applyEdits} from '../src/text/edits.js'
import {closestName} from '../src/text/closest.js'
import {golden, lintFixture} from './golden.js'

const rule = rules['milestone-relative-links']
const fixture = 'fixtures/relative-links/suggestions.md'

describe('closestName', () => {
  it('gives the one closest name, at most two edits and one per five characters away', () => {
    expect(closestName('harbor-architecure.md', ['harbor-architecture.md', 'milestones.md'])).toBe(
      'harbor-architecture.md'
    )
    expect(closestName('open-question', ['open-questions', 'goal'])).toBe('open-questions')
    expect(closestName('open-quest', ['open-questions'])).toBe(undefined) // 4 edits
    expect(closestName('mileston.md', ['milestones.md'])).toBe(undefined) // 2 edits, a stem of 8
    expect(closestName('milestone.md', ['Milestones.md'])).toBe(undefined)
    expect(closestName('milestone.md', ['milestones.md', 'Milestones.md'])).toBe('milestones.md')
  })

  it('gives nothing for a tie, a short name, or another number', () => {
    expect(closestName('roadmap.md', ['roadmaps.md', 'road-map.md'])).toBe(undefined)
    expect(closestName('plan.md', ['plans.md'])).toBe(undefined)
    expect(closestName('milestone-3.md', ['milestone-2.md'])).toBe(undefined)
    expect(closestName('phase-1-setup', ['phase-1-setups', 'phase-11-setup'])).toBe('phase-1-setups')
    expect(closestName('notes', [])).toBe(undefined)
  })

  it('is not misled by a far candidate after a close one, and does not guess at names over 255 characters', () => {
    expect(closestName('open-question', ['open-questions', 'what-question'])).toBe('open-questions')
    expect(closestName('a'.repeat(256), ['a'.repeat(255)])).toBe(undefined)
    expect(closestName('a'.repeat(255), ['a'.repeat(254)])).toBe('a'.repeat(254))
  })
})

describe('suggested edits', () => {
  it('change exactly the URLs they name: applied, every link with one resolves', async () => {
    const text = readFileSync(fixture, 'utf8')
    const file = await lintFixture(rule, fixture)
    const edits = file.messages.flatMap((message) => {
      const [insert] = message.expected ?? []
      const place = message.place
      return insert !== undefined && place && 'start' in place
        ? [{start: place.start.offset!, end: place.end.offset!, insert}]
        : []
    })
    expect(edits).toHaveLength(12)
    for (const edit of edits) expect(text.slice(edit.start, edit.end)).not.toContain('](')
    const fixed = applyEdits(text, edits).text
    // Left: the links where no edit is sure (a `#` in a character reference
    // is not a fragment, a fragment's `#` written as one, a link split over
    // a block quote's lines).
    expect(golden(await lintFixture(rule, fixture, fixed))).toBe(
      [
        '17:29-17:67 milestone-relative-links: Unexpected link to missing file `./demo-architecure.md`, expected an existing file relative to this doc; did you mean `./demo-architecture.md`?',
        '18:1-18:33 milestone-relative-links: Unexpected link to missing heading `#risk--mitigation` in this file, expected the slug of one of its headings; did you mean `#risks--mitigation`?',
        '24:7-25:18 milestone-relative-links: Unexpected link to missing file `./milestone.md`, expected an existing file relative to this doc; did you mean `./milestones.md`?',
        ''
      ].join('\n')
    )
    expect(fixed.split('\n').filter((line, index) => line !== text.split('\n')[index])).toEqual([
      '**Parent Document**: [Milestones Overview](./milestones.md?plain=1)',
      'The [architecture](<./demo-architecture.md> "The architecture") and its',
      '[components](./demo-architecture.md#components), the [first',
      'milestone](./milestones.md#milestone-1-foundations), the',
      '![diagram](./assets/diagram.svg "Diagram"), the',
      '[kickoff](./meeting%20notes.md#kickoff), [escaped](./demo-architecture.md),',
      'and [the risks](#risks--mitigation).',
      '[![An image in a link](./assets/diagram.svg)](./demo-architecture.md), the',
      '[assets folder](./assets/), [an entity](./demo&#45;architecure.md) and',
      '| architecture | [architecture](./demo-architecture.md) |',
      '[architecture]: ./demo-architecture.md'
    ])
  })

  it('change exactly the href of an HTML link, where it is written as its URL reads', async () => {
    const html = 'fixtures/relative-links/html-links.md'
    const text = readFileSync(html, 'utf8').replace(
      '<a href="./milestone.md">a typo</a>',
      '<a href="./milestone.md">a typo</a>, <a href="./demo&#45;architecure.md">an entity</a>'
    )
    const file = await lintFixture(rule, html, text)
    const edits = file.messages.flatMap((message) => {
      const [insert] = message.expected ?? []
      const place = message.place
      return insert !== undefined && place && 'start' in place
        ? [{start: place.start.offset!, end: place.end.offset!, insert}]
        : []
    })
    expect(edits.map((edit) => [text.slice(edit.start, edit.end), edit.insert])).toEqual([
      ['./milestone.md', './milestones.md'],
      ['#risks-and-mitigaton', '#risks-and-mitigation']
    ])
    const fixed = applyEdits(text, edits).text
    expect(fixed.split('\n').filter((line, index) => line !== text.split('\n')[index])).toEqual([
      'Broken ones are reported on their href: <a href="./milestones.md">a typo</a>, <a href="./demo&#45;architecure.md">an entity</a>,',
      '<a href="#risks-and-mitigation">a typo in a heading</a>.'
    ])
    // Left: the href with a character reference, said but not edited.
    expect(golden(await lintFixture(rule, html, fixed))).toContain(
      '16:88-16:113 milestone-relative-links: Unexpected link to missing file `./demo-architecure.md`, expected an existing file relative to this doc; did you mean `./demo-architecture.md`?\n17:'
    )
  })

  it('are suggestions, one text each', async () => {
    const file = await lintFixture(rule, fixture)
    const suggested = file.messages.filter((message: VFileMessage) => message.expected)
    expect(suggested.every((message) => message.suggestion === true && message.expected?.length === 1)).toBe(true)
  })
})
