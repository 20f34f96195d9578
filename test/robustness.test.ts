import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {lint, messages} from './helpers.js'

const template = (body: string) => new VFile({path: 'milestone-1-odd.md', value: body})

const inputs: Record<string, string> = {
  'an empty file': '',
  'only front matter': '---\ntitle: x\n---\n',
  'NUL bytes': '\0\0\0# Milestone 1: A\0\n\0',
  'invalid UTF-8 (decoded)': Buffer.from([0xff, 0xfe, 0x23, 0x20, 0xc3, 0x28]).toString('utf8'),
  'unbalanced brackets': '# Milestone 1: A\n\n## Goal\n\n[[[[[ ]]] [x [y [z\n',
  'many brackets': '# Milestone 1: A\n\n## Goal\n\n' + 'word [x] '.repeat(450) + '\n',
  'labels without values':
    '# Milestone 1: A\n\n## Risks & Mitigation\n\n### Risk: R\n\n**Impact**:\n**Probability**:\n**Mitigation**:\n',
  'empty headings and items': '#\n\n##\n\n###\n\n- \n-\n\n**Success Criteria**:\n- \n',
  'nested structures': '# Milestone 1: A\n\n' + '> '.repeat(50) + '[Name]\n\n' + '- a\n'.repeat(100),
  'headings at every level':
    '# Milestone 1: A\n' + ['## Goal', '###### Goal', '#### Phase 9: X', '### 0. Y'].join('\n\n'),
  'a link to a folder named like Markdown':
    '# Milestone 1: A\n\n## Goal\n\n[x](./fixtures#frag) [y](../main/#z) [z](%E0%A4%A.md)\n'
}

describe('odd input', () => {
  it.each(Object.entries(inputs))('does not throw on %s', async (_, value) => {
    const file = await lint(template(value))
    for (const message of file.messages) {
      expect(message.ruleId).toMatch(/^milestone-/)
      expect(message.reason).not.toMatch(/Cannot check/)
    }
  })
})

describe('a file read as bytes', () => {
  // Found by the fuzz tests: positions were counted on `String(file.value)`,
  // which reads a Uint8Array as `35,32,77,…` (the run then failed in
  // remark-lint's comment control) and keeps a byte order mark that
  // decoding drops (every place on the first line, and the end, one off).
  const text = '# Milestone 1: A\n\n## Goal\n\nSome [Name] here.\n'

  it.each([
    ['a Uint8Array', new TextEncoder().encode(text)],
    ['a Buffer starting with two byte order marks', Buffer.from('\ufeff\ufeff' + text)]
  ])('places messages in %s as in its text', async (_, value) => {
    const expected = messages(await lint(template(text)))
    expect(expected).toContain(
      '5:6-5:12 milestone-no-placeholders: Unexpected unfilled template placeholder `[Name]`, expected the actual name'
    )
    expect(messages(await lint(new VFile({path: 'milestone-1-odd.md', value})))).toEqual(expected)
  })
})

describe('CR line endings', () => {
  // Found by the fuzz tests: a lone `\r` ends a line (CommonMark), but
  // labels were only seen at the start of a line after `\n` (so
  // `**Parent Document**` after `**Status**: …\r` went missing), and code
  // blocks were split into lines at `\n` only.
  const cases: Record<string, [string, string]> = {
    'metadata lines': [
      '# Milestone 2: Launch\n\n**Status**: Planning\n**Parent Document**: [Overview](./milestones.md)\n**Architecture Reference**: [Architecture](./lumen-architecture.md)\n\n\n\n',
      '`**Parent Document**:`'
    ],
    'a code block that is still the template': [
      '# Milestone 1: A\n\n## Goal\n\n```\n[Copy the architecture diagram from milestones-overview.md]\nStep 1\n```\n',
      '[Copy the architecture diagram'
    ]
  }

  it.each(Object.entries(cases))('read %s as with LF line endings', async (_, [text, mention]) => {
    const file = (value: string) => new VFile({path: 'fixtures/example/milestone-9-fuzz.md', value})
    const expected = messages(await lint(file(text)))
    const mentioned = expected.some((message) => message.includes(mention))
    // Metadata is complete (nothing about it); the code block is a placeholder (reported).
    expect(mentioned).toBe(mention.startsWith('['))
    expect(messages(await lint(file(text.replace(/\n/g, '\r'))))).toEqual(expected)
    expect(messages(await lint(file(text.replace(/\n/g, '\r\n'))))).toEqual(expected)
  })
})

describe('files saved as UTF-16', () => {
  const defective = 'fixtures/example/milestone-2-public-launch.md'

  it.each([
    ['UTF-16 LE', 'utf16le'],
    ['UTF-16 BE', 'utf16be']
  ] as const)('reads %s with a byte order mark as its text: the same messages as in UTF-8', async (_, encoding) => {
    const text = '\uFEFF' + readFileSync(defective, 'utf8')
    const little = Buffer.from(text, 'utf16le')
    const bytes = encoding === 'utf16le' ? little : little.swap16()
    const file = await lint(new VFile({path: path.resolve(defective), value: new Uint8Array(bytes)}))
    expect(messages(file)).toEqual(messages(await lint(defective)))
    expect(messages(file)).toHaveLength(20)
  })
})
