import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {remark} from 'remark'
import {removePosition} from 'unist-util-remove-position'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkLintMilestone, {type Options, rules} from '../src/index.js'
import noPlaceholders from '../src/rules/no-placeholders.js'
import type {Model} from '../src/model/model.js'
import {fileContext} from '../src/rules/file-context.js'
import {lint, messages} from './helpers.js'

const example = 'fixtures/example/'
const defective = example + 'milestone-2-public-launch.md'

const defectiveMessages = [
  '15:1 milestone-required-headings: Unexpected missing section `## Goal`, expected it between `## Executive Summary` and `## Architecture Overview`',
  '27:1-27:3 milestone-required-headings: Unexpected heading level 2 for `Technology Stack`, expected level 3 (`### Technology Stack`)',
  '41:1-41:45 milestone-relative-links: Unexpected link to missing file `./images/checkout-flow.png`, expected an existing file relative to this doc',
  '45:41 milestone-section-fields: Unexpected missing `**Integration Points**:` in `### 1. Billing Service`, expected `**Integration Points**: <list>`',
  '45:41 milestone-section-fields: Unexpected missing `**Technical Design**:` in `### 1. Billing Service`, expected `**Technical Design**: <list>`',
  '45:41 milestone-section-fields: Unexpected missing `**User Flow**:` in `### 1. Billing Service`, expected `**User Flow**: <code block>` or `**System Flow**: <code block>`',
  '61:3-61:4 milestone-success-criteria: Unexpected success criterion mark `✔`, expected `✅`',
  '62:3 milestone-success-criteria: Unexpected success criterion without `✅`, expected `✅ ` before it',
  '63:3-63:6 milestone-success-criteria: Unexpected success criterion mark `[x]`, expected `✅`',
  '65:11-65:12 milestone-required-headings: Unexpected number `3` in `### Phase 3: Public Links`, expected `2` (number them 1, 2, 3… without gaps)',
  '71:18 milestone-success-criteria: Unexpected missing `**Success Criteria**:` in `### Phase 3: Public Links`, expected a list of `✅` items',
  '84:1-84:19 milestone-required-headings: Unexpected section `## Why Self-Serve?` out of template order, expected it between `## Key Outcomes` and `## Design Decisions & Rationale`',
  '109:13-109:19 milestone-risk-fields: Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`',
  '118:68 milestone-risk-fields: Unexpected missing `**Mitigation**:` in `### Risk: Support Load`, expected `**Mitigation**: <text or list>`',
  '134:25-134:37 milestone-no-placeholders: Unexpected placeholder `[Owner Name]`, expected real content (escape the brackets, `\\[…\\]`, if they are meant)',
  '135:32 milestone-section-fields: Unexpected missing `**After …**:` in `## Next Steps`, expected `**After …**: <list>`',
  '135:32 milestone-section-fields: Unexpected missing `**Before Milestone Complete**:` in `## Next Steps`, expected `**Before Milestone Complete**: <list>`',
  '139:1-139:21 milestone-relative-links: Unexpected `## Related Documents` without a link to `./lumen-architecture.md` (the `**Architecture Reference**`), expected one',
  '142:3-142:55 milestone-relative-links: Unexpected link to missing heading `#milestone-3-scale` in `./milestones.md`, expected the slug of one of its headings',
  '147:17-147:29 milestone-no-placeholders: Unexpected unfilled template placeholder `[Month Year]`, expected the actual month year'
]

describe('the preset on the example docs', () => {
  it('finds nothing in a complete, correct milestone doc', async () => {
    expect(messages(await lint(example + 'milestone-1-private-beta.md'))).toEqual([])
  })

  it.each(['milestones.md', 'lumen-architecture.md', 'README.md'])(
    'stays silent on %s, which is not a milestone doc',
    async (name) => {
      expect(messages(await lint(example + name))).toEqual([])
    }
  )

  it('finds every defect of the defective doc, on its line', async () => {
    expect(messages(await lint(defective))).toEqual(defectiveMessages)
  })

  it('stamps messages as remark-lint does', async () => {
    const [message] = (await lint(defective)).messages
    expect(message).toMatchObject({
      source: 'remark-lint',
      fatal: false,
      url: expect.stringMatching(/#milestone-[a-z-]+$/)
    })
    expect(message?.url).toContain(message?.ruleId)
  })

  it('gives the same messages with CRLF line endings and a byte order mark', async () => {
    const text = readFileSync(defective, 'utf8')
    const file = new VFile({path: defective, value: '\uFEFF' + text.replace(/\n/g, '\r\n')})
    expect(messages(await lint(file))).toEqual(defectiveMessages)
  })

  it('gives the same messages, three lines down, after YAML front matter', async () => {
    const text = readFileSync(defective, 'utf8')
    const file = new VFile({path: defective, value: '---\nowner: growth\n---\n' + text})
    const shifted = defectiveMessages.map((line) =>
      line.replace(
        /^(\d+):(\d+)(?:-(\d+):(\d+))?/,
        (_, l1, c1, l2, c2) => `${Number(l1) + 3}:${c1}` + (l2 ? `-${Number(l2) + 3}:${c2}` : '')
      )
    )
    expect(messages(await lint(file))).toEqual(shifted)
  })

  it('reports nothing on a tree without positions', async () => {
    const file = new VFile({path: defective, value: readFileSync(defective)})
    const processor = remark().use(remarkLintMilestone)
    const tree = processor.parse(file)
    removePosition(tree, {force: true})
    await processor.run(tree, file)
    expect(messages(file)).toEqual([])
  })
})

describe('turning rules off', () => {
  const placeholder = (line: string) => line.includes('milestone-no-placeholders')

  it('with a `<!--lint disable …-->` comment', async () => {
    const text = readFileSync(defective, 'utf8')
    const file = new VFile({path: defective, value: '<!--lint disable milestone-no-placeholders-->\n\n' + text})
    const found = messages(await lint(file))
    expect(found.filter(placeholder)).toEqual([])
    expect(found).toHaveLength(defectiveMessages.length - 2)
  })

  it('with the preset option named after the rule', async () => {
    const found = messages(await lint(defective, {'milestone-no-placeholders': false}))
    expect(found.filter(placeholder)).toEqual([])
    expect(found).toHaveLength(defectiveMessages.length - 2)
  })

  it('with `.use(rule, false)`, before or after the preset', async () => {
    for (const processor of [
      remark().use(remarkLintMilestone).use(noPlaceholders, false),
      remark().use(noPlaceholders, false).use(remarkLintMilestone)
    ]) {
      const file = new VFile({path: defective, value: readFileSync(defective)})
      await processor.run(processor.parse(file), file)
      expect(messages(file).filter(placeholder)).toEqual([])
      expect(messages(file)).toHaveLength(defectiveMessages.length - 2)
    }
  })

  it('passes rule options and severity through the preset', async () => {
    const file = await lint(defective, {'milestone-no-placeholders': ['error', {allow: ['owner name']}]})
    const found = file.messages.filter((message) => message.ruleId === 'milestone-no-placeholders')
    expect(found.map((message) => [message.reason.slice(0, 40), message.fatal])).toEqual([
      ['Unexpected unfilled template placeholder', true]
    ])
  })

  it.each([['error'], [2], ['warn'], [1], ['on']])(
    'takes a bare severity (%j) as the rule’s severity, not as its options',
    async (severity) => {
      const file = await lint(defective, {'milestone-risk-fields': severity as 'error'})
      const found = file.messages.filter((message) => message.ruleId === 'milestone-risk-fields')
      expect(found).toHaveLength(2)
      expect(found.every((message) => message.fatal === (severity === 'error' || severity === 2))).toBe(true)
      // With shared options too (they go under the rule's).
      const shared = await lint(defective, {'milestone-risk-fields': severity as 'error', detect: true})
      expect(shared.messages.filter((message) => message.ruleId === 'milestone-risk-fields')).toEqual(found)
    }
  )

  it('attaches once when two copies of the package meet; the first listed keeps its options', async () => {
    // The built copy (dist/) and the source (src/) are two module instances,
    // as a global CLI and a project's own install are.
    const built = new URL('../dist/index.js', import.meta.url).href
    const {default: otherCopy} = (await import(built)) as {default: typeof remarkLintMilestone}
    expect(otherCopy).not.toBe(remarkLintMilestone)
    for (const [processor, expected] of [
      [
        remark().use(remarkLintMilestone, {'milestone-no-placeholders': false}).use(otherCopy),
        defectiveMessages.length - 2
      ],
      [remark().use(otherCopy).use(remarkLintMilestone, {'milestone-no-placeholders': false}), defectiveMessages.length]
    ] as const) {
      const file = new VFile({path: defective, value: readFileSync(defective)})
      await processor.run(processor.parse(file), file)
      expect(messages(file)).toHaveLength(expected)
    }
  })

  it('skips files matched by `exclude`', async () => {
    expect(messages(await lint(defective, {exclude: 'fixtures/example/**'}))).toEqual([])
  })
})

describe('memory', () => {
  it('drops a file’s model (its shared context) once every rule has run, as remark-cli keeps every tree', async () => {
    let during: Model | undefined
    const file = new VFile({path: defective, value: readFileSync(defective)})
    const processor = remark()
      .use(() => (tree: Root, ranFile: VFile) => {
        during = fileContext(ranFile).model(tree)
      })
      .use(remarkLintMilestone)
    const tree = processor.parse(file)
    await processor.run(tree, file)
    // The rules shared the model built first (they found the defects)…
    expect(file.messages.length).toBe(defectiveMessages.length)
    expect(during).toBeDefined()
    // …and it is gone: asking again builds a new one.
    expect(fileContext(file).model(tree)).not.toBe(during)
  })
})

describe('options', () => {
  const attach = (options: unknown) => () =>
    remark()
      .use(remarkLintMilestone, options as never)
      .freeze()

  it('exports every rule by id, each under its own id', () => {
    expect(Object.keys(rules)).toContain('milestone-required-headings')
    for (const [id, rule] of Object.entries(rules)) expect(rule.ruleId).toBe(id)
  })

  it('rejects an unknown option, naming it', () => {
    expect(attach({exlude: 'x'})).toThrow(
      'remark-lint-milestone: unknown option `exlude`, expected one of: `include`, `exclude`, `detect`, `template`, `limits`, `kinds`, `milestone-required-headings`'
    )
  })

  it('rejects a key every object has (`toString`, `constructor`) as an unknown option', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      expect(attach({[name]: 1})).toThrow(`remark-lint-milestone: unknown option \`${name}\`, expected one of:`)
    }
  })

  it('rejects a wrong type, naming the option and what it takes', () => {
    expect(attach({detect: 'yes'})).toThrow(
      'remark-lint-milestone: unexpected value `"yes"` for option `detect`, expected `true` or `false`'
    )
    expect(attach({include: [1]})).toThrow('for option `include`, expected a glob or an array of globs')
  })

  it('rejects a bad rule option, naming the rule and the option', () => {
    expect(attach({'milestone-risk-fields': {levels: 'High'}})).toThrow(
      'milestone-risk-fields: unexpected value `"High"` for option `levels`, expected a non-empty array of non-empty strings'
    )
    expect(attach({'milestone-success-criteria': ['warn', {mark: '✔'}]})).toThrow(
      'milestone-success-criteria: unknown option `mark`'
    )
    expect(attach({'milestone-risk-fields': {levels: []}})).toThrow(
      'milestone-risk-fields: unexpected value `[]` for option `levels`, expected a non-empty array of non-empty strings'
    )
    expect(attach({'milestone-section-fields': {optional: ['Technology Stack > Frontnd']}})).toThrow(
      'milestone-section-fields: unexpected `Technology Stack > Frontnd` in option `optional`, expected a field of the template (`Label` or `Section > Label`, e.g. `Technology Stack > Frontend`)'
    )
    expect(attach({'milestone-no-placeholders': {allow: ['TBD', ' * ']}})).toThrow(
      'milestone-no-placeholders: unexpected value `["TBD"," * "]` for option `allow`, expected an array of texts, where `*` stands for any text (not `*` alone: turn the rule off instead)'
    )
  })

  it('rejects options that are not an object', () => {
    expect(attach('strict')).toThrow('remark-lint-milestone: unexpected options `"strict"`, expected an object')
  })
})

describe('what the rules decided, on file.data.milestoneLint', () => {
  const notRecognised = 'not recognised as a milestone doc; add it to the `include` option to lint it anyway'
  const excluded = 'excluded by the `exclude` option; take it out of `exclude` to lint it'
  const undetected =
    'not in the `include` option, and `detect` is `false`; add it to the `include` option to lint it anyway'

  it('says a milestone doc is linted, and why another file is not, with how to lint it anyway', async () => {
    expect((await lint(defective)).data.milestoneLint).toEqual({linted: true})
    expect((await lint(example + 'README.md')).data.milestoneLint).toEqual({linted: false, reason: notRecognised})
  })

  it('says a file the options leave out is left out, and a file one rule includes is linted', async () => {
    expect((await lint(defective, {exclude: [defective]})).data.milestoneLint).toEqual({
      linted: false,
      reason: excluded
    })
    expect((await lint(defective, {detect: false})).data.milestoneLint).toEqual({linted: false, reason: undetected})
    const template = await lint('templates/milestone-template.md', {template: 'templates/milestone-template.md'})
    expect(template.data.milestoneLint).toEqual({
      linted: false,
      reason: 'it is the template the `template` option names'
    })
    const readme = example + 'README.md'
    const file = await lint(readme, {'milestone-no-placeholders': {include: [readme]}})
    expect(file.data.milestoneLint).toEqual({linted: true})
  })
})

describe('the preset’s options type, from the rule registry', () => {
  it('types each rule’s options from its declaration (checked by `tsc --noEmit` in `npm test`)', () => {
    const options: Options = {
      exclude: 'drafts/**',
      'milestone-risk-fields': ['warn', {levels: ['High', 'Low']}],
      'milestone-relative-links': {fragments: false},
      'milestone-section-fields': [2, {required: ['Technology Stack > Frontend']}],
      'milestone-required-headings': 'error'
    }
    // @ts-expect-error: `levels` is a list of levels, not one.
    const wrongKind: Options = {'milestone-risk-fields': {levels: 'High'}}
    // @ts-expect-error: `fragment` is no option of milestone-relative-links.
    const unknownOption: Options = {'milestone-relative-links': {fragment: false}}
    // @ts-expect-error: no rule has this id.
    const unknownRule: Options = {'milestone-risk-field': 'warn'}
    expect([options, wrongKind, unknownOption, unknownRule]).toHaveLength(4)
  })
})
