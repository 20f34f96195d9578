import {describe, expect, it} from 'vitest'
import riskFields, {meantLevel} from '../src/rules/risk-fields.js'
import {lintWith, messages, sorted, textFile} from './helpers.js'

const rule = riskFields
const dir = 'fixtures/risk-fields/'
const id = 'milestone-risk-fields'

describe('milestone-risk-fields', () => {
  it('accepts levels in any case and decorated, explanations after any dash or colon, a comma or in parentheses, the colon inside the bold, labels with emoji, in lists and in quotes', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('reports bad levels on the word, missing fields at the risk, empty fields at the label', async () => {
    const file = await lintWith(rule, dir + 'invalid.md')
    expect(messages(file)).toEqual([
      `7:13-7:19 ${id}: Unexpected impact level \`Severe\`, expected \`High\`, \`Medium\` or \`Low\``,
      `8:18-8:24 ${id}: Unexpected probability level \`Likely\`, expected \`High\`, \`Medium\` or \`Low\``,
      `12:1-12:26 ${id}: Unexpected missing \`**Probability**:\` in \`### Risk: Provider Outage\`, expected \`**Probability**: High|Medium|Low - <explanation>\``,
      `14:13-14:17 ${id}: Unexpected impact \`High\` without an explanation, expected \`High - <explanation>\``,
      `15:1-15:15 ${id}: Unexpected empty \`**Mitigation**:\`, expected at least one list item or sentence`,
      `19:1-19:11 ${id}: Unexpected empty \`**Impact**:\`, expected a level (\`High\`, \`Medium\` or \`Low\`) and an explanation`,
      `25:13-25:17 ${id}: Unexpected impact level \`Hgih\`, expected \`High\`, \`Medium\` or \`Low\` (did you mean \`High\`?)`,
      `26:18-26:21 ${id}: Unexpected probability level \`Med\`, expected \`High\`, \`Medium\` or \`Low\` (did you mean \`Medium\`?)`,
      `31:13-31:36 ${id}: Unexpected impact \`Users cannot pay (High)\` with its level not first, expected \`High - <explanation>\``,
      `32:21-32:27 ${id}: Unexpected probability \`Medium\` without an explanation, expected \`Medium - <explanation>\``
    ])
    // Each level is a quick fix, unless one is the likely spelling.
    expect(sorted(file.messages).map((message) => message.expected)).toEqual([
      ['High', 'Medium', 'Low'],
      ['High', 'Medium', 'Low'],
      undefined,
      undefined,
      undefined,
      undefined,
      ['High'],
      ['Medium'],
      undefined,
      undefined
    ])
  })

  it('reports a risks section without `### Risk:` sections', async () => {
    expect(messages(await lintWith(rule, dir + 'no-risks.md'))).toEqual([
      `3:1-3:22 ${id}: Unexpected \`## Risks & Mitigation\` without risks, expected at least one \`### Risk: …\` section`
    ])
  })

  it('takes other levels with `levels`', async () => {
    const file = textFile(
      '# Milestone 1: A\n\n## Risks & Mitigation\n\n### Risk: B\n\n**Impact**: HIGH - x\n**Probability**: Medium - y\n**Mitigation**: z\n'
    )
    expect(messages(await lintWith(rule, file, {levels: ['HIGH', 'MED', 'LOW']}))).toEqual([
      `8:18-8:24 ${id}: Unexpected probability level \`Medium\`, expected \`HIGH\`, \`MED\` or \`LOW\` (did you mean \`MED\`?)`
    ])
  })

  it('guesses the meant level only when exactly one is close', () => {
    const levels = ['High', 'Medium', 'Low']
    expect(meantLevel('Hgih', levels)).toBe('High')
    expect(meantLevel('med', levels)).toBe('Medium')
    expect(meantLevel('Lwo', levels)).toBeUndefined()
    expect(meantLevel('Severe', levels)).toBeUndefined()
    expect(meantLevel('Likely', levels)).toBeUndefined()
    expect(meantLevel('Medium', ['HIGH', 'MED', 'LOW'])).toBe('MED')
    expect(meantLevel('Critical', ['Critical-High', 'Critical-Low'])).toBeUndefined()
  })
})
