/**
 * The `kinds` option: other templated docs linted by the same rules against
 * their own template. The docs of `fixtures/kinds/docs/` are linted with the
 * kinds below and compared with their golden files (`<name>.expected`, as
 * in test/golden.ts; also with CRLF line endings and a byte order mark);
 * `UPDATE_GOLDEN=1` writes them. Then: which kind each file is, that nothing
 * changes without `kinds`, bad options, unusable templates, and the README's
 * example, run with `milestone-lint`.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {remark} from 'remark'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import remarkLintMilestone, {type Options} from '../src/index.js'
import {outcomeOf, summaryLine} from '../src/cli/outcome.js'
import {golden, goldenOf} from './golden.js'
import {lint, messages} from './helpers.js'
import {makeProject, milestoneLint, removeProjects} from './project.js'
import {readmeBlock, readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const update = process.env.UPDATE_GOLDEN === '1'
const folder = 'fixtures/kinds/docs'
const templates = 'fixtures/kinds/templates/'
const example = 'fixtures/example/'

const adr = {name: 'adr', template: templates + 'adr-template.md', include: folder + '/decisions/*.md'}
const overview = {name: 'overview', template: templates + 'overview-template.md'}
const architecture = {name: 'architecture', template: templates + 'architecture-template.md'}
const kinds = [adr, overview, architecture]

/** The Markdown files below a folder, relative to it. */
function docsIn(root: string): string[] {
  return readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
}

async function lintText(value: string, at: string, options?: Options): Promise<VFile> {
  return lint(new VFile({path: at, value}), options)
}

describe.each(docsIn(folder))('kinds: %s', (name) => {
  const fixture = path.join(folder, name)
  const text = readFileSync(fixture, 'utf8')

  it('gives the messages of its golden file, with CRLF and a byte order mark too', async () => {
    const found = golden(await lint(fixture, {kinds}))
    if (update) writeFileSync(goldenOf(fixture), found)
    else if (!existsSync(goldenOf(fixture))) expect.fail(`${goldenOf(fixture)} is missing: run with UPDATE_GOLDEN=1`)
    expect(found).toBe(readFileSync(goldenOf(fixture), 'utf8'))
    // With CRLF, an `expected` text has CRLF too: `\r\n` in the golden text's JSON.
    const crlf = golden(await lintText(text.replace(/\n/g, '\r\n'), fixture, {kinds}))
    expect(crlf.replaceAll('\\r\\n', '\\n')).toBe(found)
    expect(golden(await lintText('\uFEFF' + text, fixture, {kinds}))).toBe(found)
  })

  it('is no milestone doc without `kinds`: no message', async () => {
    const file = await lint(fixture)
    expect(messages(file)).toEqual([])
    expect(file.data.milestoneLint?.linted).toBe(false)
  })
})

describe('which kind a file is', () => {
  it.each([
    ['adr-7-queue.md', 'adr', 'by its title, `# ADR 7: …`'],
    ['adr-8-defects.md', 'adr', 'by its title, with sections missing'],
    ['decisions/storage.md', 'adr', 'by the kind’s `include`: its title is not the template’s'],
    ['roadmap-defects.md', 'overview', 'by its title, `# Atlas Milestones`'],
    ['lumen-architecture.md', 'architecture', 'by its title, `# Lumen Architecture`']
  ])('%s is of kind %s (%s)', async (name, kind) => {
    expect((await lint(path.join(folder, name), {kinds})).data.milestoneLint).toEqual({linted: true, kind})
  })

  it('lints the example’s overview and architecture doc as their kinds, with no message', async () => {
    for (const [name, kind] of [
      ['milestones.md', 'overview'],
      ['lumen-architecture.md', 'architecture']
    ] as const) {
      const file = await lint(example + name, {kinds})
      expect(messages(file)).toEqual([])
      expect(file.data.milestoneLint).toEqual({linted: true, kind})
    }
  })

  it('never lints a template: the `template` option’s or a kind’s', async () => {
    for (const kind of kinds) {
      const file = await lint(kind.template, {kinds, include: '**'})
      expect(messages(file)).toEqual([])
      expect(file.data.milestoneLint).toEqual({
        linted: false,
        reason: `it is the template of kind \`${kind.name}\` in the \`kinds\` option`
      })
    }
  })

  it('gives a file two kinds match to the first in the list, by glob and by template', async () => {
    const doc = example + 'lumen-architecture.md'
    const system = {...architecture, name: 'system'}
    const kind = async (list: Options['kinds']) => (await lint(doc, {kinds: list})).data.milestoneLint?.kind
    expect(await kind([system, architecture])).toBe('system')
    expect(await kind([architecture, system])).toBe('architecture')
    const globbed = (entry: typeof architecture) => ({...entry, include: example + '*.md'})
    expect(await kind([globbed(overview), globbed(architecture)])).toBe('overview')
    expect(await kind([globbed(architecture), globbed(overview)])).toBe('architecture')
  })

  it('takes a milestone doc first, unless a kind’s `include` names the file; `exclude` and `detect: false` hold for every kind', async () => {
    const adrDoc = readFileSync(path.join(folder, 'adr-7-queue.md'), 'utf8').replace(
      '**Architecture**:',
      '**Architecture Reference**:'
    )
    const doc =
      adrDoc.replace('**Status**:', '**Parent Document**: [Overview](./milestones.md)\n**Status**:') +
      '\n## Open Questions\n\nNone.\n'
    const at = path.join(folder, 'adr-9.md')
    const kind = async (options: Options, value = doc) => (await lintText(value, at, options)).data.milestoneLint
    // `**Parent Document**` and `**Architecture Reference**`, the milestone template's metadata lines that link, and one of its sections.
    expect(await kind({kinds})).toEqual({linted: true})
    // The two lines alone are the ADR's.
    expect(await kind({kinds}, adrDoc)).toEqual({linted: true, kind: 'adr'})
    expect(await kind({kinds: [{...adr, include: '**/adr-*.md'}], include: '**'})).toEqual({linted: true, kind: 'adr'})
    expect(await kind({kinds: [{...adr, include: '**/adr-*.md'}], exclude: '**/adr-9.md'})).toMatchObject({
      linted: false
    })
    expect(await kind({kinds, detect: false})).toEqual({
      linted: false,
      reason:
        "not in the `include` option, and `detect` is `false`; add it to the `include` option (or a kind's) to lint it anyway"
    })
  })

  it('says why a file is of no kind', async () => {
    expect((await lint(example + 'README.md', {kinds})).data.milestoneLint).toEqual({
      linted: false,
      reason:
        "not recognised as a milestone doc or a doc of a kind; add it to the `include` option (or a kind's) to lint it anyway"
    })
  })
})

describe('without `kinds`', () => {
  it('lints milestone docs as before: the same messages, with no kind named', async () => {
    for (const name of ['milestone-1-private-beta.md', 'milestone-2-public-launch.md']) {
      const without = await lint(example + name)
      expect(messages(await lint(example + name, {kinds}))).toEqual(messages(without))
      expect(messages(without).join('\n')).not.toMatch(/\(kind `/)
      expect(without.data.milestoneLint).toEqual({linted: true})
    }
  })

  it('skips the overview and architecture doc, as before', async () => {
    for (const name of ['milestones.md', 'lumen-architecture.md']) {
      const file = await lint(example + name)
      expect(file.data.milestoneLint).toEqual({
        linted: false,
        reason: 'not recognised as a milestone doc; add it to the `include` option to lint it anyway'
      })
    }
  })
})

describe('the `kinds` option', () => {
  const attach = (value: unknown) => () =>
    remark()
      .use(remarkLintMilestone, {kinds: value} as never)
      .freeze()
  const owner = 'remark-lint-milestone: '

  it.each([
    [
      'overview',
      'unexpected value `"overview"` for option `kinds`, expected an array of kinds, `{name, template, include?}`'
    ],
    [
      ['overview'],
      'unexpected value `"overview"` in option `kinds`, expected an array of kinds, `{name, template, include?}`'
    ],
    [[{template: 'a.md'}], 'missing `name` of a kind in option `kinds`, expected a non-empty string'],
    [
      [{name: '', template: 'a.md'}],
      'unexpected value `""` for `name` of a kind in option `kinds`, expected a non-empty string'
    ],
    [[{name: 'adr'}], 'missing `template` of kind `adr` in option `kinds`, expected a path or a `file:` URL'],
    [
      [{name: 'adr', template: 'a.md', include: [1]}],
      'unexpected value `[1]` for `include` of kind `adr` in option `kinds`, expected a glob or an array of globs'
    ],
    [
      [{name: 'adr', template: 'a.md', includes: 'x'}],
      'unknown key `includes` of kind `adr` in option `kinds`, expected one of: `name`, `template`, `include`'
    ],
    [
      [{name: 'milestone', template: 'a.md'}],
      'unexpected name `milestone` in option `kinds`, expected another: it is the kind of the docs of the `template` option'
    ],
    [
      [
        {name: 'adr', template: 'a.md'},
        {name: 'adr', template: 'b.md'}
      ],
      'unexpected second kind `adr` in option `kinds`, expected each name once'
    ]
  ])('rejects %j with one error naming it', (value, error) => {
    expect(attach(value)).toThrow(owner + error)
  })

  it('takes a rule’s own `kinds`, checked as the preset’s', () => {
    expect(() =>
      remark()
        .use(remarkLintMilestone, {'milestone-no-placeholders': {kinds: [{name: 'x'}]}} as never)
        .freeze()
    ).toThrow('milestone-no-placeholders: missing `template` of kind `x` in option `kinds`')
  })

  it('fails when attached on a kind’s template that cannot be read as one', () => {
    expect(attach([{name: 'notes', template: example + 'lumen-architecture.md'}])).not.toThrow()
    expect(attach([{name: 'bad', template: 'fixtures/relative-links/assets'}])).toThrow(
      'Cannot derive a schema from template `fixtures/relative-links/assets`: expected a regular file, found a folder'
    )
  })

  it('says a kind’s template that is not found once per file, as a bad `template`', async () => {
    const file = await lint(example + 'milestone-1-private-beta.md', {
      kinds: [{name: 'adr', template: 'fixtures/kinds/templates/nope.md'}]
    })
    expect(messages(file)).toEqual([
      '? template: Cannot derive a schema from template `fixtures/kinds/templates/nope.md`: no such file in the project, looked for `fixtures/kinds/templates/nope.md`'
    ])
    expect(file.messages[0]?.fatal).toBe(true)
  })
})

describe('milestone-lint with `kinds`', () => {
  const project = () =>
    makeProject({
      '.remarkrc.json': readmeBlockAfter('Name each kind, its template', 'json'),
      'templates/overview-template.md': readFileSync(overview.template, 'utf8'),
      'templates/architecture-template.md': readFileSync(architecture.template, 'utf8')
    })

  it('runs the README’s example as written', () => {
    const root = project()
    const command =
      '$ npx milestone-lint --verbose docs/milestones.md docs/lumen-architecture.md docs/README.md templates'
    const [line, ...expected] = readmeBlock(command).split('\n')
    const words = line!.replace('$ npx milestone-lint ', '').split(' ')
    const {status, stdout, stderr} = milestoneLint(root, ...words)
    expect(status).toBe(0)
    expect(stdout + stderr).toBe(expected.join('\n'))
  })

  it('counts the docs of each kind in the summary, and names the kind and template in each message', () => {
    const root = project()
    writeFileSync(
      path.join(root, 'docs/milestones.md'),
      readFileSync(example + 'milestones.md', 'utf8').replace('## Why Cloud-First?', '## Cloud-First')
    )
    const {status, stderr} = milestoneLint(root, 'docs')
    expect(status).toBe(1)
    expect(stderr).toContain(
      'Unexpected missing section `## Why …?`, expected it after `## Milestone 1: …` (kind `overview`, template `templates/overview-template.md`)'
    )
    expect(stderr).toMatch(
      /\nmilestone-lint: 5 files, 4 docs linted \(2 milestone, 1 architecture, 1 overview\), 1 skipped \(of no kind\); 21 warnings\n$/
    )
  })

  it('says a kind’s missing template once, in one line, with exit 2', () => {
    const root = makeProject({
      '.remarkrc.json': JSON.stringify({
        plugins: [['remark-lint-milestone', {kinds: [{name: 'adr', template: 'adr.md'}]}]]
      })
    })
    expect(milestoneLint(root, 'docs')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'milestone-lint: Cannot derive a schema from template `adr.md`: no such file in the project, looked for `adr.md`\n' +
        'milestone-lint: 5 files, 0 milestone docs linted, 5 not linted; 1 problem\n'
    })
  })
})

describe('what is parsed', () => {
  /** Whether the preset parsed a file (else its tree is its text, as one raw node). */
  function parses(value: string, at: string, options?: Options): boolean {
    const tree = remark()
      .use(remarkLintMilestone, options)
      .parse(new VFile({value, path: at}))
    return !(tree.children.length === 1 && tree.children[0]!.type === 'html')
  }

  it('parses a doc of a kind only when `kinds` has it: by its template or its `include`', () => {
    const at = path.join(folder, 'lumen-architecture.md')
    const doc = readFileSync(at, 'utf8')
    expect(parses(doc, at)).toBe(false)
    expect(parses(doc, at, {kinds})).toBe(true)
    expect(parses('# Notes\n', 'notes.md', {kinds: [{...adr, include: '*.md'}]})).toBe(true)
    expect(parses('# Notes\n', 'notes.md', {kinds: [{...adr, include: '*.md'}], exclude: '*.md'})).toBe(false)
    expect(parses('# Notes\n', 'notes.md', {kinds})).toBe(false)
  })

  it('reports a doc of a kind over a limit, known by its template’s title or `include`', async () => {
    const huge = 'x\n'.repeat(600_000)
    const over = async (value: string, options?: Options) => messages(await lintText(value + huge, 'notes.md', options))
    const message = [
      expect.stringMatching(
        /^\? limits: Unexpected file of \d+ characters, over the limit of 1000000, so this file is not linted;/
      )
    ]
    const overview = '# Atlas Milestones\n\n## Milestone 1: Core\n\n'
    expect(await over(overview)).toEqual([])
    expect(await over(overview, {kinds})).toEqual(message)
    // A title alone, as a parsed doc's, is not enough.
    expect(await over('# Atlas Milestones\n\n', {kinds})).toEqual([])
    expect(await over('# Notes\n\n', {kinds})).toEqual([])
    expect(await over('# Notes\n\n', {kinds: [{...adr, include: 'notes.md'}]})).toEqual(message)
  })
})

describe('the summary', () => {
  it('names only the kinds linted', () => {
    const doc = (kind?: string) => {
      const file = new VFile({path: 'a.md'})
      file.data.milestoneLint = kind ? {linted: true, kind} : {linted: false, reason: 'no'}
      return file
    }
    expect(summaryLine(outcomeOf([doc('overview'), doc()]))).toBe(
      'milestone-lint: 2 files, 1 doc linted (1 overview), 1 skipped (of no kind); no messages'
    )
  })
})
