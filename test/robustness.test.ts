import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {lint} from './helpers.js'

const template = (body: string) => new VFile({path: 'milestone-1-odd.md', value: body})

const inputs: Record<string, string> = {
  'an empty file': '',
  'only front matter': '---\ntitle: x\n---\n',
  'NUL bytes': '\0\0\0# Milestone 1: A\0\n\0',
  'invalid UTF-8 (decoded)': Buffer.from([0xff, 0xfe, 0x23, 0x20, 0xc3, 0x28]).toString('utf8'),
  'unbalanced brackets': '# Milestone 1: A\n\n## Goal\n\n[[[[[ ]]] [x [y [z\n',
  'many brackets': '# Milestone 1: A\n\n## Goal\n\n' + 'word [x] '.repeat(2000) + '\n',
  'labels without values': '# Milestone 1: A\n\n## Risks & Mitigation\n\n### Risk: R\n\n**Impact**:\n**Probability**:\n**Mitigation**:\n',
  'empty headings and items': '#\n\n##\n\n###\n\n- \n-\n\n**Success Criteria**:\n- \n',
  'nested structures': '# Milestone 1: A\n\n' + '> '.repeat(50) + '[Name]\n\n' + '- a\n'.repeat(100),
  'headings at every level': '# Milestone 1: A\n' + ['## Goal', '###### Goal', '#### Phase 9: X', '### 0. Y'].join('\n\n'),
  'a link to a folder named like Markdown': '# Milestone 1: A\n\n## Goal\n\n[x](./fixtures#frag) [y](../main/#z) [z](%E0%A4%A.md)\n'
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
