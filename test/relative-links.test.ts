import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {anchorsOfFile} from '../src/project/links.js'
import relativeLinks from '../src/rules/relative-links.js'
import {lintWith, messages} from './helpers.js'

const rule = relativeLinks
const dir = 'fixtures/relative-links/'
const id = 'milestone-relative-links'

describe('milestone-relative-links', () => {
  it('accepts files, folders, images, fragments, encoded paths, queries and references; skips external links', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('reports missing files, headings and metadata links, and a Related Documents section without them', async () => {
    expect(messages(await lintWith(rule, dir + 'invalid.md'))).toEqual([
      `1:1-1:22 ${id}: Unexpected missing \`**Architecture Reference**:\` line, expected \`**Architecture Reference**: [Architecture Doc](./[name]-architecture.md)\` below the title`,
      `4:22-4:78 ${id}: Unexpected link \`https://example.com/milestones.md\` in \`**Parent Document**:\`, expected a relative link to a file in this repository`,
      `8:3-8:34 ${id}: Unexpected link to missing file \`./milestone-1.md\`, expected an existing file relative to this doc`,
      `8:38-8:90 ${id}: Unexpected link to missing heading \`#milestone-3-scale\` in \`./milestones.md\`, expected the slug of one of its headings`,
      `9:3-9:32 ${id}: Unexpected link to missing heading \`#risks\` in this file, expected the slug of one of its headings`,
      `9:34-9:74 ${id}: Unexpected link to missing file \`./assets/missing.png\`, expected an existing file relative to this doc`,
      `16:1-16:21 ${id}: Unexpected link to missing file \`./old/plan.md\`, expected an existing file relative to this doc`
    ])
  })

  it('reports a metadata line without a link, and Related Documents not linking its target', async () => {
    expect(messages(await lintWith(rule, dir + 'metadata.md'))).toEqual([
      `4:1-4:20 ${id}: Unexpected \`**Parent Document**:\` without a link, expected a relative link such as \`[Milestones Overview](./milestones.md)\``,
      `11:1-11:21 ${id}: Unexpected \`## Related Documents\` without a link to \`./demo-architecture.md\` (the \`**Architecture Reference**\`), expected one`
    ])
  })

  it('skips fragment checks with `fragments: false`', async () => {
    const file = await lintWith(rule, dir + 'invalid.md', {fragments: false})
    expect(messages(file).filter((line) => line.includes('missing heading'))).toEqual([])
  })

  it('checks only same-file fragments in a file without a path (stdin, an editor buffer)', async () => {
    const value =
      '# Milestone 1: A\n\n**Parent Document**: [O](./nowhere.md)\n**Architecture Reference**: [A](./nowhere-architecture.md)\n\n[x](#nope)\n'
    expect(messages(await lintWith(rule, new VFile({value})))).toEqual([
      `6:1-6:11 ${id}: Unexpected link to missing heading \`#nope\` in this file, expected the slug of one of its headings`
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
