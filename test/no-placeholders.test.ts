import {describe, expect, it} from 'vitest'
import noPlaceholders from '../src/rules/no-placeholders.js'
import {lintWith, messages, textFile} from './helpers.js'

const rule = noPlaceholders
const dir = 'fixtures/no-placeholders/'
const id = 'milestone-no-placeholders'
const escape = 'expected real content (escape the brackets, `\\[…\\]`, if they are meant)'

describe('milestone-no-placeholders', () => {
  it('accepts links, references, footnotes, task boxes, escapes, code, HTML, diagrams, ticket ids, wiki links, alerts and math', async () => {
    expect(messages(await lintWith(rule, dir + 'valid.md'))).toEqual([])
  })

  it('reports placeholders in headings, text, lists, tables, emphasis, link text, URLs, definitions and code', async () => {
    expect(messages(await lintWith(rule, dir + 'invalid.md'))).toEqual([
      `1:13-1:21 ${id}: Unexpected unfilled template placeholder \`[Number]\`, expected the actual number`,
      `3:13-3:21 ${id}: Unexpected placeholder \`[Status]\`, ${escape}`,
      `4:50-4:56 ${id}: Unexpected unfilled template placeholder \`[name]\` in URL \`./[name]-architecture.md\`, expected the actual name`,
      `8:1-8:202 ${id}: Unexpected unfilled template placeholder \`[2-3 paragraphs describing what this mil…]\`, expected what the template asks for: 2-3 paragraphs describing what this milestone accomplishes, why it's important, and how it fits into the overall roadmap. Pull from the Goal section in milestones-overview.md and expand with context.`,
      `10:33-10:38 ${id}: Unexpected placeholder \`[TBD]\`, ${escape}`,
      `14:4-14:66 ${id}: Unexpected unfilled template placeholder \`[Proof point 1 - what capability or assu…]\`, expected what the template asks for: Proof point 1 - what capability or assumption gets validated`,
      `15:12-15:24 ${id}: Unexpected placeholder \`[Owner Name]\`, ${escape}`,
      `16:8-16:14 ${id}: Unexpected unfilled template placeholder \`[Name]\`, expected the actual name`,
      `18:3-19:9 ${id}: Unexpected placeholder \`[across two lines]\`, ${escape}`,
      `23:3-23:14 ${id}: Unexpected unfilled template placeholder \`[Service 1]\`, expected the actual service 1`,
      `26:3-26:17 ${id}: Unexpected unfilled template placeholder \`[Technology 1]\`, expected the actual technology 1`,
      `26:19-26:28 ${id}: Unexpected unfilled template placeholder \`[Purpose]\`, expected the actual purpose`,
      `33:1-33:60 ${id}: Unexpected unfilled template placeholder \`[Copy the architecture diagram from mile…]\`, expected what the template asks for: Copy the architecture diagram from milestones-overview.md`,
      `38:1-38:40 ${id}: Unexpected unfilled template placeholder \`[Describe the user flow or system flow]\`, expected what the template asks for: Describe the user flow or system flow`,
      `45:1-45:32 ${id}: Unexpected placeholder \`[Add the sequence diagram here]\`, ${escape}`,
      `48:17-48:29 ${id}: Unexpected unfilled template placeholder \`[Month Year]\`, expected the actual month year`,
      // Between prices, not math: `$5 … $10` (a closing `$` is not followed by a digit).
      `50:19-50:30 ${id}: Unexpected placeholder \`[Plan Name]\`, ${escape}`,
      `50:54-50:62 ${id}: Unexpected placeholder \`[Ticket]\`, ${escape}`
    ])
  })

  it('accepts bracketed texts listed in `allow`, ignoring case', async () => {
    const file = textFile('# Milestone 1: A\n\n## Goal\n\nAs quoted [sic], owner [tbd], and [Owner].\n')
    expect(messages(await lintWith(rule, file, {allow: ['SIC', 'TBD']}))).toEqual([
      `5:35-5:42 ${id}: Unexpected placeholder \`[Owner]\`, ${escape}`
    ])
  })

  it('takes patterns in `allow`, `*` standing for any text', async () => {
    const file = textFile(
      '# Milestone 1: A\n\n## Goal\n\nSee [RFC 9110], [rfc 2119 section 3], [Draft: auth], [Owner] and [RFC].\n'
    )
    expect(messages(await lintWith(rule, file, {allow: ['RFC *', 'draft*']}))).toEqual([
      `5:54-5:61 ${id}: Unexpected placeholder \`[Owner]\`, ${escape}`,
      `5:66-5:71 ${id}: Unexpected placeholder \`[RFC]\`, ${escape}`
    ])
    // Stars are matched by a scan, not a regex: a pattern that would make a
    // backtracking regex take exponential time is one more comparison.
    const hostile = () => textFile(`# Milestone 1: A\n\n## Goal\n\n[${'a'.repeat(5000)}b]\n`)
    expect(messages(await lintWith(rule, hostile(), {allow: ['*a*a*a*a*a*a*a*a*a*a*c']}))).toHaveLength(1)
    expect(messages(await lintWith(rule, hostile(), {allow: ['*a*a*a*a*a*a*a*a*a*a*b']}))).toEqual([])
  })

  it('reports a reference to a placeholder definition', async () => {
    const file = textFile('# Milestone 1: A\n\n## Goal\n\nUse [Service 1] here.\n\n[Service 1]: [Purpose]\n')
    expect(messages(await lintWith(rule, file))).toEqual([
      `5:5-5:16 ${id}: Unexpected unfilled template placeholder \`[Service 1]\`, expected the actual service 1`,
      `7:1-7:12 ${id}: Unexpected unfilled template placeholder \`[Service 1]\`, expected the actual service 1`,
      `7:14-7:23 ${id}: Unexpected unfilled template placeholder \`[Purpose]\`, expected the actual purpose`
    ])
  })
})
