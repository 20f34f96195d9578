/**
 * One per-file context: the preset and its rules look up a file's template
 * once, however many rules share it (before, each rule looked it up on
 * each file, twice).
 */
import {readFileSync} from 'node:fs'
import {remark} from 'remark'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import type * as Project from '../src/project/project.js'

const lookups = vi.hoisted(() => ({count: 0}))

vi.mock('../src/project/project.js', async (importOriginal) => {
  const original = await importOriginal<typeof Project>()
  return {
    ...original,
    resolveTemplate(...parameters: Parameters<typeof Project.resolveTemplate>) {
      lookups.count++
      return original.resolveTemplate(...parameters)
    }
  }
})

const {default: remarkLintMilestone} = await import('../src/index.js')

describe('the per-file context', () => {
  it('looks up a file’s template once for all six rules', async () => {
    const template = 'fixtures/templates/milestone-design-2026-01-21.md'
    const processor = remark().use(remarkLintMilestone, {template}).freeze()
    const doc = 'fixtures/templates/docs/milestone-1-private-beta.md'
    const file = new VFile({path: doc, value: readFileSync(doc)})
    lookups.count = 0
    await processor.process(file)
    expect(file.data.milestoneLint).toEqual({linted: true})
    expect(lookups.count).toBe(1)
  })
})
