/**
 * A first run on a real repo, set up as the README says: the same file gets
 * the same messages from any working directory (globs are relative to the
 * config file, links may go anywhere in the project), and the template a
 * team keeps next to its docs is never linted as a doc.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {readmeBlock} from './readme.js'
import {makeProject, milestoneLint, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const template = readFileSync(path.join(repoRoot, 'templates/milestone-template.md'), 'utf8')
const config = (options: object) => JSON.stringify({plugins: [['remark-lint-milestone', options]]})

/** `milestone-lint --report json` in a folder: each file's messages, by absolute path. */
function lintFrom(cwd: string, ...args: string[]): Record<string, string[]> {
  const {stdout} = milestoneLint(cwd, '--report', 'json', ...args)
  const files = JSON.parse(stdout) as Array<{
    path: string
    messages: Array<{line?: number; column?: number; ruleId?: string; reason: string}>
  }>
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
    writeFileSync(
      path.join(root, 'docs/milestone-1-private-beta.md'),
      doc + '\nSee [the README](../README.md) and [outside](../../outside.md).\n'
    )
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

  it('never lints the template named as the README names it', () => {
    const root = makeProject({
      '.remarkrc.json': readmeBlock(
        '{"plugins": [["remark-lint-milestone", {"template": "./docs/milestone-template.md"}]]}'
      ),
      'docs/milestone-template.md': template
    })
    expect(lintFrom(root, 'docs')[path.join(root, 'docs/milestone-template.md')]).toEqual([])
  })

  it('skips a copy of the template named so, unless `include` names it', () => {
    const root = makeProject({'docs/milestone-template.md': template})
    const file = path.join(root, 'docs/milestone-template.md')
    expect(lintFrom(root, 'docs')[file]).toEqual([])
    writeFileSync(path.join(root, '.remarkrc.json'), config({include: ['docs/milestone-template.md']}))
    expect(lintFrom(root, 'docs')[file]!.length).toBeGreaterThan(100)
  })
})

describe('config files as the README writes them, in every kind of project', () => {
  const json = readmeBlock('{"plugins": [["remark-lint-milestone", {"exclude": ["docs/archive/**"]}]]}')
  const mjs = readmeBlock('// .remarkrc.mjs')
  const defective = readFileSync(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md'), 'utf8')
  const projects = [
    ['an ES module project', {type: 'module'}],
    ['a CommonJS project, as `npm init -y` writes it', {type: 'commonjs'}],
    ['a project without a `type`', {}]
  ] as const

  it.each(
    projects.flatMap(([kind, type]) => [
      ['.remarkrc.json', json, kind, type],
      ['.remarkrc.mjs', mjs, kind, type]
    ])
  )('%s in %s: milestone-lint and remark-cli apply it', (name, config, _, type) => {
    const root = makeProject({
      'package.json': JSON.stringify({name: 'docs', private: true, ...type}),
      [name]: config,
      'docs/archive/milestone-9-old.md': defective
    })
    const messages = lintFrom(root, 'docs')
    expect(messages[path.join(root, 'docs/archive/milestone-9-old.md')]).toEqual([])
    expect(messages[path.join(root, 'docs/milestone-2-public-launch.md')]).toHaveLength(20)

    const remark = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/remark-cli/cli.js'), 'docs', '--frail', '--quiet', '--no-color'],
      {
        cwd: root,
        encoding: 'utf8'
      }
    )
    expect(remark.status).toBe(1)
    expect(remark.stderr).toMatch(/^docs\/milestone-2-public-launch\.md$/m)
    expect(remark.stderr).not.toMatch(/archive|Cannot/)
    expect(remark.stderr).toMatch(/⚠ 20 warnings/)
  })
})

describe('config files with the package not installed (a global milestone-lint, pre-commit)', () => {
  /** A project with no `node_modules`: `remark-lint-milestone` is only the running copy. */
  const bare = (files: Record<string, string>) => {
    const root = makeProject(files)
    rmSync(path.join(root, 'node_modules'), {recursive: true})
    return root
  }
  const riskless = (root: string) =>
    lintFrom(root, 'docs/milestone-2-public-launch.md')[path.join(root, 'docs/milestone-2-public-launch.md')]

  it.each([
    ['.remarkrc.json', config({'milestone-risk-fields': false})],
    ['.remarkrc.yml', 'plugins:\n  lint-milestone:\n    milestone-risk-fields: false\n'],
    [
      '.remarkrc.mjs',
      "import preset from 'remark-lint-milestone'\nexport default {plugins: [[preset, {'milestone-risk-fields': false}]]}\n"
    ],
    [
      'package.json',
      JSON.stringify({
        name: 'docs',
        remarkConfig: {plugins: [['remark-lint-milestone', {'milestone-risk-fields': false}]]}
      })
    ]
  ])('takes the preset named in %s as the running copy, with its options', (name, text) => {
    const messages = riskless(bare({[name]: text}))
    expect(messages).toHaveLength(18)
    expect(messages!.some((message) => message.includes('milestone-risk-fields'))).toBe(false)
  })

  it('refuses options for the preset that are not an object, in one line', () => {
    const root = makeProject({'.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', 'x']]})})
    const {status, stderr} = milestoneLint(root, 'docs/milestone-2-public-launch.md')
    expect(status).toBe(2)
    expect(stderr.split('\n')[0]).toBe(
      'milestone-lint: Cannot parse file `.remarkrc.json`: remark-lint-milestone: unexpected options `"x"`, expected an object'
    )
  })

  it('says in one line which config names a plugin that cannot be found', () => {
    const root = bare({'.remarkrc.json': JSON.stringify({plugins: ['remark-nope', ['remark-lint-milestone', {}]]})})
    const {status, stderr} = milestoneLint(root, 'docs/milestone-2-public-launch.md')
    expect(status).toBe(2)
    expect(stderr).toBe(
      "milestone-lint: Cannot find module `remark-nope` (named in `.remarkrc.json`): Cannot find package 'remark-nope' imported from " +
        root +
        '/\nmilestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 problem\n'
    )
  })
})
