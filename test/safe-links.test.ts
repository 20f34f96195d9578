import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import relativeLinks from '../src/rules/relative-links.js'
import {lint, lintWith, messages} from './helpers.js'

// A project folder, and a sibling folder outside it with a file of its own.
const base = mkdtempSync(path.join(tmpdir(), 'milestone-links-'))
const project = path.join(base, 'project')
const outside = path.join(base, 'outside')
afterAll(() => {
  rmSync(base, {recursive: true, force: true})
})

mkdirSync(path.join(project, 'docs/notes.md'), {recursive: true})
mkdirSync(outside)
writeFileSync(path.join(outside, 'secret.md'), '# Secret\n')
writeFileSync(path.join(project, 'docs/overview.md'), '# Overview\n\n## Milestone 1\n')
symlinkSync(path.join(outside, 'secret.md'), path.join(project, 'docs/escape.md'))
symlinkSync('loop.md', path.join(project, 'docs/loop.md'))
execFileSync('mkfifo', [path.join(project, 'docs/pipe.md')])
writeFileSync(path.join(project, '..notes.md'), '# Notes\n')
symlinkSync(path.join(outside, 'missing.md'), path.join(project, 'docs/gone.md'))
symlinkSync(outside, path.join(project, 'docs/shared'))
symlinkSync('overview.md', path.join(project, 'docs/alias.md'))
// Link targets over the parse limits (README, “Limits on what is parsed”).
writeFileSync(path.join(project, 'docs/long-line.md'), '# Intro\n\n' + 'word '.repeat(25_000) + '\n')
writeFileSync(
  path.join(project, 'docs/nested.md'),
  '# Intro\n\n' + Array.from({length: 150}, (_, level) => '  '.repeat(level) + '- item').join('\n')
)
writeFileSync(path.join(project, 'docs/huge.md'), Buffer.alloc(1_000_001, 'a'))

/** Lint a doc in `project/docs/` (the working directory is `project`) with only the link rule. */
async function lintDoc(body: string): Promise<string[]> {
  const metadata =
    '**Parent Document**: [Overview](./overview.md)\n**Architecture Reference**: [Overview](./overview.md)\n'
  const value = `# Milestone 1: Links\n\n${metadata}\n${body}\n`
  const file = new VFile({cwd: project, path: path.join(project, 'docs/milestone-1-links.md'), value})
  return messages(await lintWith(relativeLinks, file, {include: '**'}))
}

const id = 'milestone-relative-links'

describe('link checks stay inside the project', () => {
  it('reports a link that leaves the project, without looking at its target', async () => {
    expect(await lintDoc('[a](../../outside/secret.md#nope) [b](../../../../../etc/passwd)')).toEqual([
      `6:1-6:34 ${id}: Unexpected link \`../../outside/secret.md#nope\` out of the project, expected a file inside it (links are not followed out)`,
      `6:35-6:65 ${id}: Unexpected link \`../../../../../etc/passwd\` out of the project, expected a file inside it (links are not followed out)`
    ])
  })

  it('reports a symbolic link that points out of the project', async () => {
    expect(await lintDoc('[a](./escape.md#secret)')).toEqual([
      `6:1-6:24 ${id}: Unexpected link \`./escape.md#secret\` out of the project, expected a file inside it (links are not followed out)`
    ])
  })

  it('reports a symbolic link out of the project as such, whether its target exists or not, and through a linked folder', async () => {
    expect(await lintDoc('[a](./gone.md)\n\n[b](./shared/secret.md)\n\n[c](./alias.md#milestone-1)')).toEqual([
      `6:1-6:15 ${id}: Unexpected link \`./gone.md\` out of the project, expected a file inside it (links are not followed out)`,
      `8:1-8:24 ${id}: Unexpected link \`./shared/secret.md\` out of the project, expected a file inside it (links are not followed out)`
    ])
  })

  it('takes a name that starts with two dots for a file inside the project', async () => {
    // At the project's root: its path relative to the project starts with `..`.
    expect(await lintDoc('[a](../..notes.md) [b](../..notes.md#notes)')).toEqual([])
  })

  it('reports a symbolic link loop, a folder named like a doc, and a file that is not a regular file', async () => {
    expect(await lintDoc('[a](./loop.md)\n\n[b](./notes.md)\n\n[c](./pipe.md#x)')).toEqual([
      `6:1-6:15 ${id}: Unexpected link to \`./loop.md\`, which cannot be read (a loop of symbolic links), expected a readable file`,
      `8:1-8:16 ${id}: Unexpected link to folder \`./notes.md\`, expected a Markdown file`,
      `10:1-10:17 ${id}: Unexpected link \`./pipe.md#x\` to a heading in a file that cannot be read (not a regular file), expected a readable Markdown file`
    ])
  })

  it('checks links inside the project as before, and never external ones', async () => {
    expect(
      await lintDoc(
        '[a](./overview.md#milestone-1) [b](../docs/overview.md) [c](https://example.com/x#y) [d](//host/x.md)'
      )
    ).toEqual([])
    expect(await lintDoc('[a](./overview.md#milestone-2)')).toEqual([
      `6:1-6:31 ${id}: Unexpected link to missing heading \`#milestone-2\` in \`./overview.md\`, expected the slug of one of its headings`
    ])
  })
  it('suggests no name that a symbolic link takes out of the project (a link inside is a candidate)', async () => {
    // `escape.md` and `shared/` point out of the project; `alias.md` at `overview.md`.
    expect(await lintDoc('[a](./escapes.md) [b](./sharde/secret.md) [c](./aliass.md)')).toEqual([
      `6:1-6:18 ${id}: Unexpected link to missing file \`./escapes.md\`, expected an existing file relative to this doc`,
      `6:19-6:42 ${id}: Unexpected link to missing file \`./sharde/secret.md\`, expected an existing file relative to this doc`,
      `6:47-6:58 ${id}: Unexpected link to missing file \`./aliass.md\`, expected an existing file relative to this doc; did you mean \`./alias.md\`?`
    ])
  })
})

describe('link targets are read within the parse limits', () => {
  it('does not parse a target over a limit, and says so on the link', async () => {
    const found = await lintDoc('[a](./long-line.md#intro)')
    // The README's example, as written.
    expect(readFileSync('README.md', 'utf8')).toContain('\n' + found[0]!.slice(`6:1-6:26 ${id}: `.length) + '\n')
    expect(
      await lintDoc('[a](./long-line.md#intro)\n\n[b](./nested.md#intro)\n\n[c](./huge.md#intro)\n\n[d](./nested.md)')
    ).toEqual([
      `6:1-6:26 ${id}: Cannot check the link to \`#intro\` in \`./long-line.md\`: that file is over a parse limit (line of 125000 characters, over the limit of 100000, on line 3), so it is not read; raise the preset option \`limits.lineLength\` to check it`,
      `8:1-8:23 ${id}: Cannot check the link to \`#intro\` in \`./nested.md\`: that file is over a parse limit (nesting 101 block quotes, list items and footnote definitions deep, over the limit of 100, on line 103), so it is not read; raise the preset option \`limits.nesting\` to check it`,
      `10:1-10:21 ${id}: Cannot check the link to \`#intro\` in \`./huge.md\`: that file is over a parse limit (file of 1000001 bytes, over the limit of 1000000), so it is not read; raise the preset option \`limits.size\` to check it`
    ])
  })

  it('reads targets with the limits the preset parses docs with', async () => {
    const value = '# Milestone 1: Links\n\n[a](./long-line.md#intro) [b](./nested.md#intro)\n'
    const file = new VFile({cwd: project, path: path.join(project, 'docs/milestone-1-links.md'), value})
    const raised = {lineLength: 200_000, nesting: 200}
    const found = await lint(file, {
      include: '**',
      limits: raised,
      'milestone-required-headings': false,
      'milestone-section-fields': false
    })
    expect(messages(found).filter((message) => message.includes('#intro'))).toEqual([])
  })
})
