/**
 * Behaviour at the edges that the per-feature tests do not reach: what a
 * template path names when it is no regular file or cannot be read,
 * severities given with the preset's shared options, a rule switched off,
 * reports of messages without a place or a rule, option values of every
 * kind, and the tree-depth limit.
 */
import {copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {remark} from 'remark'
import {VFile} from 'vfile'
import remarkLintMilestone, {type Options, riskFields} from '../src/index.js'
import {loadTemplate} from '../src/project/template.js'
import {githubAnnotations} from '../src/reporters/github.js'
import {sarifLog} from '../src/reporters/sarif.js'
import {lint, lintWith, messages, textFile} from './helpers.js'
import {makeTemporary, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const defective = path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md')

function templateProblem(location: string | URL): string {
  try {
    loadTemplate(location)
  } catch (error) {
    return (error as Error).message
  }
  return 'no problem'
}

describe('a template path that names no regular file', () => {
  it('says what it names instead: a folder, a character or block device, a socket', async () => {
    const folder = makeTemporary('template-kinds-')
    expect(templateProblem(folder)).toBe(
      `Cannot derive a schema from template \`${folder}\`: expected a regular file, found a folder`
    )
    expect(templateProblem(new URL('file:///dev/null'))).toBe(
      'Cannot derive a schema from template `/dev/null`: expected a regular file, found a character device'
    )
    expect(templateProblem('/dev/loop0')).toBe(
      'Cannot derive a schema from template `/dev/loop0`: expected a regular file, found a block device'
    )
    const socket = path.join(folder, 'template.md')
    const server = createServer().listen(socket)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      expect(templateProblem(socket)).toBe(
        `Cannot derive a schema from template \`${socket}\`: expected a regular file, found a socket`
      )
    } finally {
      server.close()
    }
  })
})

describe("a rule severity beside the preset's shared options", () => {
  const risks = (fatal: boolean) => [
    `${fatal} 109:13 Unexpected impact level \`Severe\`, expected \`High\`, \`Medium\` or \`Low\``,
    `${fatal} 118:68 Unexpected missing \`**Mitigation**:\` in \`### Risk: Support Load\`, expected \`**Mitigation**: <text or list>\``
  ]

  async function riskMessages(config: Options['milestone-risk-fields']) {
    // `exclude` is a shared option: each rule gets it under its own options.
    const file = await lint(defective, {exclude: ['archive/**'], 'milestone-risk-fields': config})
    return file.messages
      .filter((message) => message.ruleId === 'milestone-risk-fields')
      .map((message) => `${String(message.fatal)} ${message.line}:${message.column} ${message.reason}`)
  }

  it('keeps the severity, given alone or in an array without options', async () => {
    expect(await riskMessages('error')).toEqual(risks(true))
    expect(await riskMessages(2)).toEqual(risks(true))
    expect(await riskMessages([2])).toEqual(risks(true))
    expect(await riskMessages(true)).toEqual(risks(false))
  })

  it("keeps the rule's own options beside the shared ones", async () => {
    expect(await riskMessages(['error', {levels: ['High', 'Medium', 'Low', 'Severe']}])).toEqual(risks(true).slice(1))
  })
})

describe('option values', () => {
  const attach = (options: unknown) => () =>
    remark()
      .use(remarkLintMilestone, options as Options)
      .freeze()

  it('names the option and what it should be, for every kind of option', () => {
    expect(attach({'milestone-success-criteria': {marker: ''}})).toThrow(
      'milestone-success-criteria: unexpected value `""` for option `marker`, expected a non-empty string'
    )
    expect(attach({'milestone-section-fields': {required: ['']}})).toThrow(
      'milestone-section-fields: unexpected value `[""]` for option `required`, expected an array of non-empty strings'
    )
    expect(attach({template: new URL('https://example.com/template.md')})).toThrow(
      'remark-lint-milestone: unexpected value `"https://example.com/template.md"` for option `template`, expected a path or a `file:` URL'
    )
    expect(attach({template: Symbol('template.md')})).toThrow(
      'remark-lint-milestone: unexpected value `Symbol(template.md)` for option `template`, expected a path or a `file:` URL'
    )
    expect(attach({'milestone-risk-fields': 'loud'})).toThrow(
      "remark-lint-milestone: unexpected value `\"loud\"` for option `milestone-risk-fields`, expected a severity (`false`, `'warn'`, `'error'`…), options, or `[severity, options]`"
    )
    // A number first is a severity, even one remark-lint does not know: the options follow it.
    expect(attach({'milestone-risk-fields': [3, {levels: 'High'}]})).toThrow(
      'milestone-risk-fields: unexpected value `"High"` for option `levels`, expected a non-empty array of non-empty strings'
    )
  })
})

describe('a rule used alone', () => {
  it('reports nothing when switched off', async () => {
    const file = await lint(defective)
    expect(file.messages.some((message) => message.ruleId === 'milestone-risk-fields')).toBe(true)
    // `false` keeps unified from attaching it at all; `[0]` and `['off']` reach the rule. (A bare
    // `'off'` is options to a remark-lint rule used alone, as unified-lint-rule takes it.)
    for (const off of [[0], ['off']]) expect((await lintWith(riskFields, defective, off)).messages).toEqual([])
  })
})

describe('GitHub annotations', () => {
  it("come in order of place, messages without a place first, and a message without a rule under the command's name", () => {
    const file = new VFile({path: path.join(process.cwd(), 'docs/a.md'), value: '# A\n'})
    file.message('at 2:5', {place: {line: 2, column: 5}, ruleId: 'x'})
    file.message('at 2:1', {place: {line: 2, column: 1}, ruleId: 'x'})
    file.message('nowhere', {ruleId: 'x'})
    file.message('no rule', {place: {line: 1, column: 1}})
    expect(githubAnnotations([file]).split('\n')).toEqual([
      '::warning file=docs/a.md,title=x::nowhere',
      '::warning file=docs/a.md,line=1,col=1,title=milestone-lint::no rule',
      '::warning file=docs/a.md,line=2,col=1,title=x::at 2:1',
      '::warning file=docs/a.md,line=2,col=5,title=x::at 2:5'
    ])
  })

  it('name a file without a path by the working directory, as an empty path', () => {
    const file = new VFile({value: '# A\n'})
    file.message('here', {place: {line: 1, column: 1}, ruleId: 'x'})
    expect(githubAnnotations([file])).toBe('::warning file=,line=1,col=1,title=x::here')
  })
})

describe('the SARIF log', () => {
  it('describes a rule of another package by its source, with its help URI when the message has one', () => {
    const file = new VFile({path: 'docs/a.md', value: '# A\n'})
    const message = file.message('Unexpected thing', {
      place: {line: 1, column: 1},
      ruleId: 'no-thing',
      source: 'remark-lint'
    })
    message.url = 'https://example.com/no-thing'
    const log = JSON.parse(sarifLog([file])) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}}>}
    expect(log.runs[0]?.tool.driver.rules.filter((rule) => rule.id === 'no-thing')).toEqual([
      {id: 'no-thing', shortDescription: {text: 'remark-lint: no-thing'}, helpUri: 'https://example.com/no-thing'}
    ])
  })
})

describe('where a `template` option points', () => {
  const text = readFileSync(defective, 'utf8')
  const fileIn = (folder: string) =>
    new VFile({cwd: folder, path: path.join(folder, 'docs/milestone-2-public-launch.md'), value: text})

  it('says in one fatal message why a URL or a looping link cannot be read', async () => {
    const project = makeTemporary('template-where-')
    mkdirSync(path.join(project, '.git'))
    symlinkSync('loop.md', path.join(project, 'loop.md'))
    for (const [template, problem] of [
      [new URL('file://example.com/template.md'), 'File URL host must be "localhost" or empty on linux'],
      ['loop.md', 'ELOOP']
    ] as const) {
      const file = await lint(fileIn(project), {template})
      expect(messages(file)).toEqual([
        `? template: Cannot derive a schema from template \`${String(template)}\`: cannot read it (${problem})`
      ])
      expect(file.messages[0]?.fatal).toBe(true)
    }
  })

  it('takes a relative path from the working directory for a file in no project', async () => {
    const loose = makeTemporary('template-loose-')
    copyFileSync(path.join(repoRoot, 'templates/milestone-template.md'), path.join(loose, 'template.md'))
    const file = await lint(fileIn(loose), {template: 'template.md'})
    expect(messages(file).filter((message) => message.includes(' template: '))).toEqual([])
    expect(messages(file)).toEqual(messages(await lint(fileIn(loose))))
    expect(file.messages).toHaveLength(22)
  })

  it('takes a package.json that does not parse as one without config', async () => {
    const broken = makeTemporary('template-package-')
    writeFileSync(path.join(broken, 'package.json'), '{')
    const loose = makeTemporary('template-loose-')
    expect(messages(await lint(fileIn(broken)))).toEqual(messages(await lint(fileIn(loose))))
  })
})

describe('the tree-depth limit', () => {
  // Emphasis in emphasis: the pre-pass counts no block nesting here, the parsed tree is deep.
  const deep = '# Milestone 1: Deep\n\n*a _b *c _d *e _f *g _h text_ i* j_ k* l_ m* n_ o*\n'
  const over =
    '3:1 limits: Unexpected tree 4 levels deep (emphasis, links, lists and block quotes in one another), ' +
    'over the limit of 3 (3 × 1), so this file is not linted; raise the preset option `limits.nesting` to lint it'

  it('stops a doc whose parsed tree is deeper than 3 × `nesting`, in one message', async () => {
    expect(messages(await lint(textFile(deep), {limits: {nesting: 1}, include: ['**']}))).toEqual([over])
  })

  it('says so beside a template that cannot be used', async () => {
    expect(messages(await lint(textFile(deep), {limits: {nesting: 1}, template: 'nope.md', include: ['**']}))).toEqual([
      '? template: Cannot derive a schema from template `nope.md`: no such file in the project, looked for `nope.md`',
      over
    ])
  })
})
