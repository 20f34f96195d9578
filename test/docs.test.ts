/**
 * The README's rule sections are what `npm run docs` writes from the rule
 * modules and their golden files (scripts/docs.mjs), and its links to its
 * own sections name them.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {remark} from 'remark'
import {afterAll, describe, expect, it} from 'vitest'
import {repoRoot} from './project.js'
import {lint, where} from './helpers.js'
import {readmeBlock, readmeBlockAfter} from './readme.js'

const script = path.join(repoRoot, 'scripts/docs.mjs')
const folder = mkdtempSync(path.join(tmpdir(), 'milestone-docs-'))
afterAll(() => {
  rmSync(folder, {recursive: true, force: true})
})

/** `node scripts/docs.mjs --check` on a README. */
function check(readme = path.join(repoRoot, 'README.md')) {
  const run = spawnSync(process.execPath, [script, '--check', readme], {encoding: 'utf8'})
  return {status: run.status, stderr: run.stderr}
}

describe('npm run docs', () => {
  it('finds the README’s rule sections current', () => {
    expect(check()).toEqual({status: 0, stderr: ''})
  })

  it('finds a README whose rule section differs stale, and writes nothing then', () => {
    const stale = path.join(folder, 'README.md')
    const text = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(
      '| `fragments` | boolean | `true` |',
      '| `fragments` | boolean | `false` |'
    )
    writeFileSync(stale, text)
    expect(check(stale)).toEqual({status: 1, stderr: 'README is stale: run npm run docs\n'})
    expect(readFileSync(stale, 'utf8')).toBe(text)
  })

  it('writes the rule sections when asked, leaving the rest of the README as it is', () => {
    const stale = path.join(folder, 'README.md')
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    writeFileSync(stale, readme.replace(/^(<!-- rules:start.*-->\n)[\s\S]*?^(<!-- rules:end -->)$/m, '$1$2'))
    expect(spawnSync(process.execPath, [script, stale]).status).toBe(0)
    expect(readFileSync(stale, 'utf8')).toBe(readme)
  })

  it('shows a golden file as it is (README, Development)', () => {
    expect(readmeBlockAfter('3. **Its fixtures**', 'text')).toBe(
      readFileSync(path.join(repoRoot, 'fixtures/required-headings/disorder.expected'), 'utf8')
    )
  })
})

describe('the README’s links to its own sections', () => {
  it('each name a heading, as GitHub makes its anchor', () => {
    const tree = remark().parse(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))
    const slugger = new GithubSlugger()
    const anchors = new Set<string>()
    const links: string[] = []
    const walk = (node: Nodes): void => {
      if (node.type === 'heading') anchors.add(slugger.slug(toString(node)))
      if (node.type === 'link' && node.url.startsWith('#')) links.push(node.url.slice(1))
      if ('children' in node) for (const child of node.children) walk(child)
    }
    walk(tree)
    expect(links.length).toBeGreaterThan(50)
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([])
  })
})

describe('the README’s opening example', () => {
  it('shows messages the defective example doc gets, each where it gets it', async () => {
    const name = 'fixtures/example/milestone-2-public-launch.md'
    const file = await lint(path.join(repoRoot, name))
    const got = file.messages.map((message) => `${where(message)} ${message.reason} ${message.ruleId}`)
    const shown = readmeBlock(name)
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      // As vfile-reporter pads it: place, `warning`, reason, rule id, source.
      .map((line) =>
        line
          .trim()
          .replace(/ +warning +/, ' ')
          .replace(/ +(milestone-\S+) +remark-lint$/, ' $1')
      )
    expect(shown.length).toBeGreaterThan(0)
    for (const line of shown) expect(got).toContain(line)
  })
})
