import {describe, expect, it} from 'vitest'
import requiredHeadings from '../src/rules/required-headings.js'
import {lintWith, messages, sorted} from './helpers.js'

const rule = requiredHeadings
const dir = 'fixtures/required-headings/'

describe('milestone-required-headings', () => {
  it('accepts every template heading, matched ignoring case, spacing, colons and `&`/`and`', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('reports each missing section where it belongs, naming its neighbours', async () => {
    expect(messages(await lintWith(rule, dir + 'missing.md'))).toEqual([
      '7:1 milestone-required-headings: Unexpected missing section `## Goal`, expected it between `## Executive Summary` and `## Architecture Overview`',
      '9:1 milestone-required-headings: Unexpected missing section `### High-Level System Diagram`, expected it under `## Architecture Overview`, before `### Technology Stack`',
      '17:1 milestone-required-headings: Unexpected missing `### 1. …` section, expected at least one under `## Core Components Design`',
      '43:1 milestone-required-headings: Unexpected missing section `## Open Questions`, expected it between `## Risks & Mitigation` and `## Next Steps`',
      '46:1 milestone-required-headings: Unexpected missing section `## Related Documents`, expected it after `## Next Steps`'
    ])
  })

  it('offers the heading to insert as a quick fix', async () => {
    const file = await lintWith(rule, dir + 'missing.md')
    expect(sorted(file.messages).map((message) => message.expected)).toEqual([
      ['## Goal\n\n'],
      ['### High-Level System Diagram\n\n'],
      ['### 1. [Component Name]\n\n'],
      ['## Open Questions\n\n'],
      ['\n## Related Documents\n']
    ])
  })

  it('reports wrong level, wrong parent, order, numbering and duplicates', async () => {
    const file = await lintWith(rule, dir + 'disorder.md')
    expect(messages(file)).toEqual([
      '7:1-7:4 milestone-required-headings: Unexpected heading level 3 for `Goal`, expected level 2 (`## Goal`)',
      '23:1-23:21 milestone-required-headings: Unexpected section `### Technology Stack` under `## Core Components Design`, expected it under `## Architecture Overview`',
      '33:11-33:12 milestone-required-headings: Unexpected number `3` in `### Phase 3: Invoices`, expected `2` (number them 1, 2, 3… without gaps)',
      '41:1-41:16 milestone-required-headings: Unexpected section `## Key Outcomes` out of template order, expected it between `## Success Metrics` and `## Why …?`',
      '69:1-69:14 milestone-required-headings: Unexpected duplicate section `## Next Steps`, expected it once (first at line 65)'
    ])
    const [level, , number, , duplicate] = sorted(file.messages)
    expect(level?.expected).toEqual(['##'])
    expect(number?.expected).toEqual(['2'])
    expect(duplicate?.cause).toMatchObject({place: {start: {line: 65, column: 1}}})
  })

  it('reports a missing title after front matter', async () => {
    const file = await lintWith(rule, dir + 'no-title.md')
    expect(messages(file)).toEqual([
      '5:1 milestone-required-headings: Unexpected missing title, expected a `# Milestone …: …` heading at the top'
    ])
    expect(file.messages[0]?.expected).toEqual(['# Milestone [Number]: [Name]\n\n'])
  })

  it('reports a title at the wrong level', async () => {
    const file = await lintWith(rule, dir + 'title-level.md')
    expect(messages(file)).toEqual([
      '1:1-1:3 milestone-required-headings: Unexpected heading level 2 for `Milestone 7: Exports`, expected level 1 (`# Milestone …: …`)'
    ])
    expect(file.messages[0]?.expected).toEqual(['#'])
  })
})
