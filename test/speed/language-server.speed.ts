/**
 * `npm run bench:editor`: how long the language server takes to re-lint a
 * 40 KB milestone doc after an edit, as an editor sees it: through the LSP
 * test client, from sending `didChange` to receiving that version's
 * diagnostics. The median of 20 edits, after 5 edits to warm up. Alongside,
 * the parse floor: remark parsing the same text in one warm process. The doc
 * and its project folder come from `npm run bench`'s seeded generator.
 *
 * Not part of `npm test`: a time is measured and printed, never asserted.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {remark} from 'remark'
import {afterAll, expect, it} from 'vitest'
import {generateSingle} from '../../scripts/bench/corpus.mjs'
import {milestoneSyntax} from '../../src/index.js'
import {LspClient} from '../lsp-client.js'
import {makeProject, removeProjects} from '../project.js'

afterAll(removeProjects)

const warmUp = 5
const edits = 20
const targetSize = 40 * 1024

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

it('re-lints a 40 KB doc after an edit', {timeout: 120_000}, async () => {
  const root = makeProject()
  // A clean doc of 40 KB, in a project folder with its overview, architecture doc and the milestones it links to.
  const {file} = generateSingle(root, 1, targetSize)
  const client = new LspClient(root)
  await client.initialize()
  const uri = client.uri(path.relative(root, file))
  const text = readFileSync(file, 'utf8')
  const anchor = 'By the end of the milestone'
  expect(await client.open(uri, text)).toEqual([])

  const times: number[] = []
  for (let version = 2; version < 2 + warmUp + edits; version++) {
    // An edit as typing makes it: one more word in the first paragraph.
    const changed = text.replace(anchor, `${anchor} ${'word'.repeat((version % 3) + 1)}`)
    const start = performance.now()
    await client.change(uri, version, changed)
    if (version >= 2 + warmUp) times.push(performance.now() - start)
  }
  await client.stop()

  const parser = remark().use(milestoneSyntax)
  const parses: number[] = []
  for (let run = 0; run < warmUp + edits; run++) {
    const start = performance.now()
    parser.parse(text)
    if (run >= warmUp) parses.push(performance.now() - start)
  }

  console.log(
    `language server, ${(text.length / 1024).toFixed(1)} KB doc: re-lint after an edit, median of ${edits}: ` +
      `${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ` +
      `remark parsing it with the preset's syntax, warm: ${median(parses).toFixed(1)} ms`
  )
})
