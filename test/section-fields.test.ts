import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import sectionFields from '../src/rules/section-fields.js'
import {lint, lintWith, messages, sorted, textFile} from './helpers.js'

const rule = sectionFields
const dir = 'fixtures/section-fields/'
const id = 'milestone-section-fields'

/** A milestone doc with the given body and the closing lines. */
const doc = (body: string) =>
  textFile(`# Milestone 1: A\n\n${body}\n---\n\n*Document Status*: Draft\n*Last Updated*: May 2026\n`)

describe('milestone-section-fields', () => {
  it('accepts every way real docs write a field and its value', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('keeps the whole preset silent on the complete doc', async () => {
    expect(messages(await lint(dir + 'valid.md'))).toEqual([])
  })

  it('reports missing fields at the section, empty ones at the label, a missing closing line at the end', async () => {
    const file = await lintWith(rule, dir + 'invalid.md')
    expect(messages(file)).toEqual([
      `9:1-9:21 ${id}: Unexpected missing \`**Key Principle**:\` in \`## Executive Summary\`, expected \`**Key Principle**: <text>\``,
      `15:1-15:8 ${id}: Unexpected missing \`**What This Milestone Does NOT Include**:\` in \`## Goal\`, expected \`**What This Milestone Does NOT Include**: <list>\``,
      `43:1-43:19 ${id}: Unexpected empty \`### Cost Structure\`, expected a list below it`,
      `49:1-49:23 ${id}: Unexpected missing \`**Purpose**:\` in \`### 1. Comment Service\`, expected \`**Purpose**: <text>\``,
      `74:1-74:16 ${id}: Unexpected empty \`**System Flow**:\`, expected a code block after it`,
      `88:1-88:14 ${id}: Unexpected empty \`**Objective**:\`, expected text after it`,
      `93:1-93:12 ${id}: Unexpected empty \`**Testing**:\`, expected a list after it`,
      `106:1-106:15 ${id}: Unexpected empty \`**Reply Rate**:\`, expected text or a list after it`,
      `154:1-154:14 ${id}: Unexpected missing \`**Before Milestone Complete**:\` in \`## Next Steps\`, expected \`**Before Milestone Complete**: <list>\``,
      `172:1 ${id}: Unexpected missing \`*Last Updated*:\` at the end of the doc, expected \`*Last Updated*: <text>\``
    ])
    // Only the closing line can be inserted: its place and text are known.
    expect(sorted(file.messages).map((message) => message.expected)).toEqual([
      ...Array.from({length: 9}, () => undefined),
      ['*Last Updated*: \n']
    ])
  })

  it('names a field and its alternatives, with placeholders shown as `…`', async () => {
    const file = doc(
      '## Core Components Design\n\n### 1. B\n\n**Purpose**: x\n\n## Next Steps\n\n**Immediate**:\n1. y\n'
    )
    expect(messages(await lintWith(rule, file))).toEqual([
      `5:1-5:9 ${id}: Unexpected missing \`**Features**:\` in \`### 1. B\`, expected \`**Features**: <list>\``,
      `5:1-5:9 ${id}: Unexpected missing \`**Integration Points**:\` in \`### 1. B\`, expected \`**Integration Points**: <list>\``,
      `5:1-5:9 ${id}: Unexpected missing \`**Technical Design**:\` in \`### 1. B\`, expected \`**Technical Design**: <list>\``,
      `5:1-5:9 ${id}: Unexpected missing \`**User Flow**:\` in \`### 1. B\`, expected \`**User Flow**: <code block>\` or \`**System Flow**: <code block>\``,
      `9:1-9:14 ${id}: Unexpected missing \`**After …**:\` in \`## Next Steps\`, expected \`**After …**: <list>\``,
      `9:1-9:14 ${id}: Unexpected missing \`**Before Milestone Complete**:\` in \`## Next Steps\`, expected \`**Before Milestone Complete**: <list>\``
    ])
  })

  it('finds fields in sub-sections the template does not name, and `[…]` labels with any text', async () => {
    const file = doc(
      '## Implementation Phases\n\n### Phase 1: B\n\n#### Scope\n\n**Objective**: x\n\n**Deliverables**:\n- y\n\n' +
        '## Next Steps\n\n**Immediate**:\n1. a\n\n**After Launch**:\n1. b\n\n**Before Milestone Complete**:\n1. c\n'
    )
    expect(messages(await lintWith(rule, file))).toEqual([])
  })

  it('finds a field in a blockquote or under a decorated heading, and a label that introduces sub-sections', async () => {
    const fields = '**Features**:\n- a\n\n**User Flow**:\n```\nb\n```\n\n**Integration Points**:\n- c\n\n'
    const file = doc(
      '## Executive Summary\n\n> **Key Principle**: x\n\n## Core Components Design\n\n' +
        `### 1. B\n\n${fields}**Technical Design**: e\n\n#### 🎯 Purpose\n\nx\n\n` +
        `### 2. C\n\n**Purpose**: y\n\n${fields}**Technical Design**:\n\n#### Storage\n\nd\n\n#### Queues\n\nf\n`
    )
    expect(messages(await lintWith(rule, file))).toEqual([])
    // Not when the sub-section is a sibling.
    const sibling = doc('## Success Metrics\n\n### Adoption\n\n**Signups**:\n\n### Retention\n\n**Churn**: low\n')
    expect(messages(await lintWith(rule, sibling))).toEqual([
      `7:1-7:12 ${id}: Unexpected empty \`**Signups**:\`, expected text or a list after it`
    ])
  })

  it('takes a heading after the section as its field only right after it', async () => {
    const stack =
      '## Architecture Overview\n\n### Technology Stack\n\n**Frontend**: a\n**Backend**: b\n**Infrastructure**: c\n\n'
    expect(messages(await lintWith(rule, doc(stack + '### Cost Structure\n\n- d\n')))).toEqual([])
    // Its value can be in sub-sections.
    expect(messages(await lintWith(rule, doc(stack + '### Cost Structure\n\n#### Credits\n\n- d\n')))).toEqual([])
    expect(messages(await lintWith(rule, doc(stack + '### Notes\n\nn\n\n### Cost Structure\n\n- d\n')))).toEqual([
      `5:1-5:21 ${id}: Unexpected missing \`**Cost Structure**:\` in \`### Technology Stack\`, expected \`**Cost Structure**: <list>\``
    ])
    // A heading one level up is not a field of the section.
    expect(messages(await lintWith(rule, doc(stack + '## Cost Structure\n\n- d\n')))).toEqual([
      `5:1-5:21 ${id}: Unexpected missing \`**Cost Structure**:\` in \`### Technology Stack\`, expected \`**Cost Structure**: <list>\``
    ])
  })

  it('skips HTML comments between a label and its value, and does not take one for a value', async () => {
    const goal = '## Goal\n\n**What This Milestone Proves**:\n\n<!-- lint ignore -->\n\n- a\n\n'
    expect(
      messages(await lintWith(rule, doc(goal + '**What This Milestone Does NOT Include**:\n\n<!-- TODO -->\n')))
    ).toEqual([
      `11:1-11:41 ${id}: Unexpected empty \`**What This Milestone Does NOT Include**:\`, expected a list after it`
    ])
  })

  it('takes the Technology Stack’s categories as examples: the doc names its own, at least one, each with a value', async () => {
    const stack = (body: string) =>
      doc(`## Architecture Overview\n\n### Technology Stack\n\n${body}**Cost Structure**:\n- none\n`)
    const own = stack('**Interfaces**:\n- clap: arguments\n\n#### Core Engine\n\n- Rust\n\n**Runtime**:\n\n')
    expect(messages(await lintWith(rule, own))).toEqual([
      `14:1-14:12 ${id}: Unexpected empty \`**Runtime**:\`, expected a list after it`
    ])
    expect(messages(await lintWith(rule, stack('A Rust binary, nothing else.\n\n')))).toEqual([
      `5:1-5:21 ${id}: Unexpected \`### Technology Stack\` without a labelled list, expected categories of your own such as \`**Frontend**: <list>\`, \`**Backend**: <list>\` or \`**Infrastructure**: <list>\``
    ])
    // The Cost Structure is a field of its own, not a category.
    expect(
      messages(
        await lintWith(rule, doc('## Architecture Overview\n\n### Technology Stack\n\n**Interfaces**:\n- clap\n'))
      )
    ).toEqual([
      `5:1-5:21 ${id}: Unexpected missing \`**Cost Structure**:\` in \`### Technology Stack\`, expected \`**Cost Structure**: <list>\``
    ])
  })

  it('requires or relaxes template fields named in `required` and `optional`', async () => {
    const file = () => doc('## Architecture Overview\n\n### Technology Stack\n\n**Interfaces**:\n- clap\n')
    const options = {required: ['Technology Stack > Frontend', 'backend'], optional: ['Cost Structure']}
    expect(messages(await lintWith(rule, file(), options))).toEqual([
      `5:1-5:21 ${id}: Unexpected missing \`**Backend**:\` in \`### Technology Stack\`, expected \`**Backend**: <list>\``,
      `5:1-5:21 ${id}: Unexpected missing \`**Frontend**:\` in \`### Technology Stack\`, expected \`**Frontend**: <list>\``
    ])
    expect(messages(await lintWith(rule, file(), {optional: ['cost structure']}))).toEqual([])
  })

  it('leaves success criteria and risks to their rules', async () => {
    const file = doc(
      '## Implementation Phases\n\n### Phase 1: B\n\n**Objective**: x\n\n**Deliverables**:\n- y\n\n**Success Criteria**:\n\n' +
        '## Risks & Mitigation\n\n### Risk: C\n\n**Impact**:\n**Mitigation**:\n'
    )
    expect(messages(await lintWith(rule, file))).toEqual([])
  })

  it('accepts closing lines emphasised whole, colon inside', async () => {
    const file = textFile(
      '# Milestone 1: A\n\n## Key Outcomes\n\n---\n\n*Document Status: Draft*  \n_Last updated: May 2026_\n'
    )
    expect(messages(await lintWith(rule, file))).toEqual([])
    const bare = textFile('# Milestone 1: A\n\n## Key Outcomes\n\n---\n\nDocument Status: Draft\n')
    expect(messages(await lintWith(rule, bare)).map((line) => line.split(': ').slice(1).join(': '))).toEqual([
      'Unexpected missing `*Document Status*:` at the end of the doc, expected `*Document Status*: <text>`',
      'Unexpected missing `*Last Updated*:` at the end of the doc, expected `*Last Updated*: <text>`'
    ])
  })

  it('reports an empty closing line at its label', async () => {
    const file = textFile(
      '# Milestone 1: A\n\n## Key Outcomes\n\n---\n\n*Document Status*:\n*Last Updated*: May 2026\n'
    )
    expect(messages(await lintWith(rule, file))).toEqual([
      `7:1-7:18 ${id}: Unexpected empty \`*Document Status*:\`, expected text after it`
    ])
  })

  it.each([
    ['after the closing paragraph', '*Document Status*: Draft\n', '*Last Updated*: \n'],
    ['after the closing paragraph, without a final newline', '*Document Status*: Draft', '\n*Last Updated*: '],
    ['after a list', '*Document Status*: Draft\n\n- a\n', '\n*Last Updated*: \n'],
    ['after a list and blank lines', '*Document Status*: Draft\n\n- a\n\n\n', '*Last Updated*: \n'],
    ['after a table, without a final newline', '*Document Status*: Draft\n\n| a |\n| - |', '\n\n*Last Updated*: ']
  ])('inserts a missing closing line where it belongs: %s', async (_, end, insert) => {
    const value = '# Milestone 1: A\n\n## Key Outcomes\n\n' + end
    const [message, ...rest] = (await lintWith(rule, textFile(value))).messages
    expect(rest).toEqual([])
    expect(message?.reason).toBe(
      `Unexpected missing \`*Last Updated*:\` at the end of the doc, expected \`*Last Updated*: <text>\``
    )
    expect(message?.expected).toEqual([insert])
    // Applied, the fix leaves only the value to write.
    const fixed = apply(value, message!)
    expect(messages(await lintWith(rule, textFile(fixed)))).toEqual([
      expect.stringMatching(/Unexpected empty `\*Last Updated\*:`, expected text after it$/)
    ])
  })

  it('offers no insertion after an HTML or code block, which could swallow it', async () => {
    for (const end of ['<details>\nx\n</details>\n', '```\ncode\n']) {
      const file = await lintWith(
        rule,
        textFile('# Milestone 1: A\n\n## Key Outcomes\n\n*Document Status*: Draft\n\n' + end)
      )
      expect(file.messages.map((message) => [message.reason.slice(0, 35), message.expected])).toEqual([
        ['Unexpected missing `*Last Updated*:', undefined]
      ])
    }
  })
})

/** Insert a message's fix at its point. */
function apply(text: string, message: VFileMessage): string {
  const offset = message.place && 'offset' in message.place ? message.place.offset : undefined
  if (offset === undefined) throw new Error('no offset')
  return text.slice(0, offset) + message.expected![0]! + text.slice(offset)
}
