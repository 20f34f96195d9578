import {describe, expect, it} from 'vitest'
import successCriteria from '../src/rules/success-criteria.js'
import {applyFixes, lintWith, messages, sorted, textFile} from './helpers.js'

const rule = successCriteria
const dir = 'fixtures/success-criteria/'
const id = 'milestone-success-criteria'

describe('milestone-success-criteria', () => {
  it('accepts `✅` items after the label in any of its forms (emoji-decorated too), or under a heading', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('reports each item without `✅` on its own line, with a quick fix', async () => {
    const file = await lintWith(rule, dir + 'invalid.md')
    expect(messages(file)).toEqual([
      `8:3-8:4 ${id}: Unexpected success criterion mark \`✔\`, expected \`✅\``,
      `9:3-9:5 ${id}: Unexpected success criterion mark \`☑️\`, expected \`✅\``,
      `10:3-10:6 ${id}: Unexpected success criterion mark \`[x]\`, expected \`✅\``,
      `11:3-11:6 ${id}: Unexpected success criterion mark \`[ ]\`, expected \`✅\``,
      `12:3-12:21 ${id}: Unexpected success criterion mark \`:white_check_mark:\`, expected \`✅\``,
      `13:3 ${id}: Unexpected success criterion without \`✅\`, expected \`✅ \` before it`,
      `14:3-14:4 ${id}: Unexpected empty success criterion, expected text after \`✅\``,
      `15:1-15:2 ${id}: Unexpected empty success criterion, expected \`✅ <criterion>\``,
      `19:1-19:21 ${id}: Unexpected \`**Success Criteria**:\` without a list, expected a list whose items start with \`✅\``,
      `21:1-21:20 ${id}: Unexpected missing \`**Success Criteria**:\` in \`### Phase 3: Digest\`, expected a list of \`✅\` items`
    ])
    expect(sorted(file.messages).map((message) => message.expected)).toEqual([
      ['✅'],
      ['✅'],
      ['✅'],
      ['✅'],
      ['✅'],
      ['✅ '],
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })

  it('removes a mark before the marker rather than doubling it', async () => {
    const value =
      '# Milestone 1: A\n\n## Implementation Phases\n\n### Phase 1: B\n\n**Success Criteria**:\n' +
      '- [x] ✅ Done\n- ✔ ✅ Shipped\n- :white_check_mark:  ✅ Out\n'
    const file = await lintWith(rule, textFile(value))
    expect(messages(file)).toEqual([
      `8:3-8:7 ${id}: Unexpected success criterion mark \`[x]\` before \`✅\`, expected \`✅\` alone`,
      `9:3-9:5 ${id}: Unexpected success criterion mark \`✔\` before \`✅\`, expected \`✅\` alone`,
      `10:3-10:23 ${id}: Unexpected success criterion mark \`:white_check_mark:\` before \`✅\`, expected \`✅\` alone`
    ])
    const fixed = applyFixes(value, file.messages)
    expect(fixed.endsWith('- ✅ Done\n- ✅ Shipped\n- ✅ Out\n')).toBe(true)
    expect(messages(await lintWith(rule, textFile(fixed)))).toEqual([])
  })

  it('takes another marker with `marker`', async () => {
    const file = textFile(
      '# Milestone 1: A\n\n## Implementation Phases\n\n### Phase 1: B\n\n**Success Criteria**:\n- ✔ Done\n- ✅ Not this one\n'
    )
    expect(messages(await lintWith(rule, file, {marker: '✔'}))).toEqual([
      `9:3-9:4 ${id}: Unexpected success criterion mark \`✅\`, expected \`✔\``
    ])
  })
})
