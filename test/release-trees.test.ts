import {remark} from 'remark'
import {read} from 'to-vfile'
import type {Node} from 'unist'
import {describe, expect, it} from 'vitest'
import releaseTrees from '../src/cli/release-trees.js'
import remarkLintMilestone from '../src/index.js'
import {messages} from './helpers.js'

const defective = 'fixtures/example/milestone-2-public-launch.md'

describe('release-trees (milestone-lint without output)', () => {
  it('hands the engine an empty tree after the run, keeping every message', async () => {
    const released = remark().use(releaseTrees).use(remarkLintMilestone)
    const file = await read(defective)
    // Parsed first, as unified-engine does: parsing freezes the processor, which attaches the plugin.
    const parsed = released.parse(file)
    const tree = await new Promise<Node | undefined>((resolve, reject) => {
      released.run(parsed, file, (error, result) => {
        if (error) reject(error)
        else resolve(result)
      })
    })
    expect(tree).toEqual({type: 'root', children: []})

    const kept = await read(defective)
    const processor = remark().use(remarkLintMilestone)
    await processor.run(processor.parse(kept), kept)
    expect(messages(file)).toEqual(messages(kept))
    expect(messages(file).length).toBeGreaterThan(0)
  })

  it('leaves a run that returns a promise alone', async () => {
    const processor = remark().use(releaseTrees).use(remarkLintMilestone)
    const file = await read(defective)
    const tree = processor.parse(file)
    expect(await processor.run(tree, file)).toBe(tree)
  })
})
