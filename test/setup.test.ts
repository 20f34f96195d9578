/**
 * A first run on a real repo, set up as the README says: the same file gets
 * the same messages from any working directory (globs are relative to the
 * config file, links may go anywhere in the project), and the template a
 * team keeps next to its docs is never linted as a doc.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const template = readFileSync(path.join(repoRoot, 'templates/milestone-template.md'), 'utf8')
const config = (options: object) => JSON.stringify({plugins: [['remark-lint-milestone', options]]})

/** `milestone-lint --report json` in a folder: each file's messages, by absolute path. */
function lintFrom(cwd: string, ...args: string[]): Record<string, string[]> {
  const {stdout} = milestoneLint(cwd, '--report', 'json', ...args)
  const files = JSON.parse(stdout) as Array<{path: string; messages: Array<{line?: number; column?: number; ruleId?: string; reason: string}>}>
  return Object.fromEntries(
    files.map((file) => [
      path.resolve(cwd, file.path),
      file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)
    ])
  )
}

describe('the same messages from any working directory', () => {
  it('takes `exclude` globs relative to the config file, from the root and from a sub-folder', () => {
    const root = makeProject({'.remarkrc.json': config({exclude: ['docs/milestone-2-*.md']})})
    const fromRoot = lintFrom(root, 'docs')
    const fromDocs = lintFrom(path.join(root, 'docs'), '.')
    expect(fromRoot[path.join(root, 'docs/milestone-2-public-launch.md')]).toEqual([])
    expect(fromDocs).toEqual(fromRoot)
  })

  it('lets a doc in a sub-folder link up to the rest of the project, wherever it is linted from', () => {
    const root = makeProject({'package.json': '{"name": "docs", "private": true}\n'})
    mkdirSync(path.join(root, 'docs/archive'))
    const doc = readFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), 'utf8').replaceAll('](./', '](../')
    writeFileSync(path.join(root, 'docs/archive/milestone-0-alpha.md'), doc)
    const file = path.join(root, 'docs/archive/milestone-0-alpha.md')
    const fromArchive = lintFrom(path.join(root, 'docs/archive'), 'milestone-0-alpha.md')
    expect(fromArchive[file]).toEqual([])
    expect(lintFrom(root, 'docs/archive/milestone-0-alpha.md')).toEqual(fromArchive)
  })

  it('still keeps links inside the project (the repository), from any folder', () => {
    const root = makeProject({'.git/HEAD': 'ref: refs/heads/main\n', 'docs/.remarkrc.json': config({})})
    const doc = readFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), 'utf8')
    writeFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), doc + '\nSee [the README](../README.md) and [outside](../../outside.md).\n')
    writeFileSync(path.join(root, 'README.md'), '# Project\n')
    const expected = [
      '510:36 milestone-relative-links: Unexpected link `../../outside.md` out of the project, expected a file inside it (links are not followed out)'
    ]
    const file = path.join(root, 'docs/milestone-1-private-beta.md')
    expect(lintFrom(root, 'docs/milestone-1-private-beta.md')[file]).toEqual(expected)
    expect(lintFrom(path.join(root, 'docs'), 'milestone-1-private-beta.md')[file]).toEqual(expected)
  })
})

describe('the template is no doc', () => {
  it('never lints the file the `template` option names, as the README sets it up', () => {
    const root = makeProject({
      '.remarkrc.json': config({template: './docs/design.md'}),
      'docs/design.md': template
    })
    const messages = lintFrom(root, 'docs')
    expect(messages[path.join(root, 'docs/design.md')]).toEqual([])
    // The other docs are linted against it as usual.
    expect(messages[path.join(root, 'docs/milestone-2-public-launch.md')]).toHaveLength(20)
  })

  it('skips a copy of the template named so, unless `include` names it', () => {
    const root = makeProject({'docs/milestone-template.md': template})
    const file = path.join(root, 'docs/milestone-template.md')
    expect(lintFrom(root, 'docs')[file]).toEqual([])
    writeFileSync(path.join(root, '.remarkrc.json'), config({include: ['docs/milestone-template.md']}))
    expect(lintFrom(root, 'docs')[file]!.length).toBeGreaterThan(100)
  })
})
