/**
 * What the rules' golden files (test/rules.test.ts) cannot show: helpers on
 * their own, a file without a path, options that take time to fail, and
 * fixes applied to their fixtures.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {anchorsOfFile} from '../src/project/links.js'
import noPlaceholders from '../src/rules/no-placeholders.js'
import relativeLinks from '../src/rules/relative-links.js'
import requiredHeadings from '../src/rules/required-headings.js'
import {meantLevel} from '../src/rules/risk-fields.js'
import sectionFields from '../src/rules/section-fields.js'
import successCriteria from '../src/rules/success-criteria.js'
import {fixFixture} from './golden.js'
import {lint, lintWith, messages, textFile} from './helpers.js'

describe('milestone-no-placeholders', () => {
  it('matches `allow` patterns by a scan, so no pattern is slow', async () => {
    // A pattern that would make a backtracking regex take exponential time is
    // one more comparison.
    const hostile = () => textFile(`# Milestone 1: A\n\n## Goal\n\n[${'a'.repeat(5000)}b]\n`)
    expect(messages(await lintWith(noPlaceholders, hostile(), {allow: ['*a*a*a*a*a*a*a*a*a*a*c']}))).toHaveLength(1)
    expect(messages(await lintWith(noPlaceholders, hostile(), {allow: ['*a*a*a*a*a*a*a*a*a*a*b']}))).toEqual([])
  })
})

describe('milestone-required-headings', () => {
  it('inserts a missing section above its own sub-sections, so they are its again', async () => {
    const fixture = 'fixtures/required-headings/missing-parent.md'
    const fixed = (await fixFixture(requiredHeadings, fixture))!
    // Its sub-sections, and one the template does not name among them, but not the section's before them.
    expect(fixed.text).toContain('Album comments.\n\n## Architecture Overview\n\n### High-Level')
    expect(messages(fixed.file)).toEqual([])
  })

  it('takes a component numbered with a space alone, unless the number is a year', async () => {
    const missing = async (component: string) =>
      messages(
        await lintWith(
          requiredHeadings,
          textFile(`# Milestone 1: A\n\n## Core Components Design\n\n### ${component}\n`)
        )
      ).filter((message) => message.includes('### 1. …'))
    expect(await missing('1 Upload')).toEqual([])
    expect(await missing('2024 Roadmap')).toHaveLength(1)
  })

  it('shows a heading at the wrong level as the fix writes it: the doc’s text, the template’s level', async () => {
    const doc = textFile('# Milestone 1: A\n\n## 1. Executive Summary\n\nText.\n\n### 2. Goal\n\nText.\n')
    expect(messages(await lintWith(requiredHeadings, doc))).toContain(
      '7:1-7:4 milestone-required-headings: Unexpected heading level 3 for `2. Goal`, expected level 2 (`## 2. Goal`)'
    )
    // Closing `#`s are kept by the fix, so the message shows them.
    const closed = textFile('# Milestone 1: A\n\n## Executive Summary ##\n\nText.\n\n### Goal ###  \n\nText.\n')
    expect(messages(await lintWith(requiredHeadings, closed))).toContain(
      '7:1-7:4 milestone-required-headings: Unexpected heading level 3 for `Goal`, expected level 2 (`## Goal ###`)'
    )
  })
})

describe('milestone-success-criteria', () => {
  it('removes a mark before the marker rather than doubling it', async () => {
    const fixed = (await fixFixture(successCriteria, 'fixtures/success-criteria/mark-before-marker.md'))!.text
    expect(fixed.endsWith('- ✅ Done\n- ✅ Shipped\n- ✅ Out\n')).toBe(true)
    expect(messages(await lintWith(successCriteria, textFile(fixed)))).toEqual([])
  })
})

describe('milestone-risk-fields', () => {
  it('guesses the meant level only when exactly one is close', () => {
    const levels = ['High', 'Medium', 'Low']
    expect(meantLevel('Hgih', levels)).toBe('High')
    expect(meantLevel('med', levels)).toBe('Medium')
    expect(meantLevel('Lwo', levels)).toBeUndefined()
    expect(meantLevel('Severe', levels)).toBeUndefined()
    expect(meantLevel('Likely', levels)).toBeUndefined()
    expect(meantLevel('Medium', ['HIGH', 'MED', 'LOW'])).toBe('MED')
    expect(meantLevel('Critical', ['Critical-High', 'Critical-Low'])).toBeUndefined()
  })
})

describe('milestone-section-fields', () => {
  it('keeps the whole preset silent on the complete doc', async () => {
    expect(messages(await lint('fixtures/section-fields/valid.md'))).toEqual([])
  })

  it.each([
    'closing-insert',
    'closing-insert-no-final-newline',
    'closing-insert-after-list',
    'closing-insert-after-blank-lines',
    'closing-insert-after-table'
  ])("inserts a missing closing line where it belongs, the template's placeholder its value: %s", async (name) => {
    const fixed = (await fixFixture(sectionFields, `fixtures/section-fields/${name}.md`))!.text
    expect(fixed).toMatch(/\n\*Last Updated\*: \[Month Year\]\n?$/)
    expect(messages(await lintWith(sectionFields, textFile(fixed)))).toEqual([])
  })
})

describe('milestone-relative-links', () => {
  it('checks only same-file fragments in a file without a path (stdin, an editor buffer)', async () => {
    const value =
      '# Milestone 1: A\n\n**Parent Document**: [O](./nowhere.md)\n**Architecture Reference**: [A](./nowhere-architecture.md)\n\n[x](#nope)\n'
    expect(messages(await lintWith(relativeLinks, new VFile({value})))).toEqual([
      '6:1-6:11 milestone-relative-links: Unexpected link to missing heading `#nope` in this file, expected the slug of one of its headings'
    ])
  })

  it('reads a target’s front matter as front matter, not as a heading to link to', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'milestone-anchors-'))
    try {
      const file = path.join(folder, 'arch.md')
      writeFileSync(file, '---\ntitle: Lumen\n---\n\n# Overview\n')
      expect(anchorsOfFile(file)).toEqual({anchors: new Set(['overview'])})
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
