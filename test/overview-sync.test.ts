/**
 * `milestone-overview-sync` beyond its fixtures (fixtures/overview-sync/):
 * ties read from templates, parents it cannot or may not read, a doc
 * without a path, and the parent read once while it is unchanged.
 */
import {mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {overviewSync} from '../src/rules/index.js'
import {deriveSchema} from '../src/schema/derive.js'
import {allSpecs} from '../src/schema/walk.js'
import {parentDoc} from '../src/project/parent.js'
import {defaultLimits} from '../src/model/limits.js'
import {lintWith, messages} from './helpers.js'
import {makeTemporary, removeProjects} from './project.js'

afterAll(removeProjects)

const folder = 'fixtures/overview-sync'

/** A schema's ties: section heading → tie. */
function tiesOf(template: string) {
  return Object.fromEntries(
    allSpecs(deriveSchema(template)).flatMap((spec) => (spec.tie ? [[spec.heading, spec.tie]] : []))
  )
}

describe('ties read from a template', () => {
  it('the bundled template ties Goal, the diagram, the phases, the metrics, the outcomes and Why, not the Executive Summary', () => {
    expect(tiesOf(readFileSync('templates/milestone-template.md', 'utf8'))).toEqual({
      Goal: {part: 'Goal', copies: 'content'},
      'High-Level System Diagram': {part: 'architecture diagram', copies: 'content'},
      'Phase 1: [Phase Name]': {part: 'phase', copies: 'names'},
      'Success Metrics': {part: 'success metrics', copies: 'content'},
      'Key Outcomes': {part: 'Key Outcomes', copies: 'content'},
      'Why [This Approach]?': {part: 'Why [X]?', copies: 'heading'}
    })
  })

  it('names the parent in any way (a file, the roadmap, the overview), never the architecture doc', () => {
    const template = [
      '# Milestone [Number]: [Name]',
      '',
      '## Goal',
      '',
      '[Copy the goal from the roadmap]',
      '',
      '## Outcomes',
      '',
      '[Expand from [slug]-roadmap.md with detail]',
      '',
      '## Risks',
      '',
      '[Copy the risks from the overview]',
      '',
      '## Decisions',
      '',
      '[Repeat for each major design decision from architecture doc]',
      '',
      '## Stack',
      '',
      '[Copy the stack from ./[name]-architecture.md]',
      '',
      '## Metrics',
      '',
      '[Target metric from overview]'
    ].join('\n')
    expect(tiesOf(template)).toEqual({
      Goal: {part: 'goal', copies: 'content'},
      Outcomes: {part: 'Outcomes', copies: 'content'},
      Risks: {part: 'risks', copies: 'content'}
    })
  })

  it('a template that copies nothing ties nothing', () => {
    expect(tiesOf(readFileSync(path.join(folder, 'templates/no-ties-template.md'), 'utf8'))).toEqual({})
  })
})

describe('milestone-overview-sync', () => {
  it('is silent with a template that ties nothing, on a doc it lints that drifted (as the bundled template shows)', async () => {
    const fixture = path.join(folder, 'no-ties.md')
    const options = {template: path.join(folder, 'templates/no-ties-template.md')}
    const untied = await lintWith(overviewSync, fixture, options)
    expect(untied.data.milestoneLint).toEqual({linted: true})
    expect(messages(untied)).toEqual([])
    expect(messages(await lintWith(overviewSync, fixture))).toHaveLength(4)
  })

  /** A project with an overview and a doc linking to it, as written. */
  function project(overview: string, parentUrl = './milestones.md') {
    const root = makeTemporary('overview-sync-')
    mkdirSync(path.join(root, '.git'))
    writeFileSync(path.join(root, 'milestones.md'), overview)
    const doc = path.join(root, 'milestone-2-ranking.md')
    const text = readFileSync(path.join(folder, 'milestone-2-ranking.md'), 'utf8')
    writeFileSync(doc, text.replace('(./milestones.md)', `(${parentUrl})`))
    return {root, doc}
  }

  const overview = readFileSync(path.join(folder, 'milestones.md'), 'utf8')

  it('says once that a parent over a parse limit is not read, on the parent link', async () => {
    const {doc} = project(overview)
    const file = await lintWith(overviewSync, doc, {limits: {lineLength: 150}})
    expect(messages(file)).toEqual([
      '4:22-4:57 milestone-overview-sync: Cannot check this doc against `./milestones.md`: that file is over a parse limit (line of 178 characters, over the limit of 150, on line 3), so it is not read; raise the preset option `limits.lineLength` to check it'
    ])
  })

  it('is silent when the parent is missing, a folder, not Markdown, out of the project, or not a local link', async () => {
    for (const url of ['./gone.md', './folder.md', './notes.txt', './outside.md', 'https://example.com/m.md']) {
      const {root, doc} = project(overview, url)
      mkdirSync(path.join(root, 'folder.md'))
      writeFileSync(path.join(root, 'notes.txt'), overview)
      symlinkSync(path.join(root, '..'), path.join(root, 'out'))
      writeFileSync(path.join(root, '..', path.basename(root) + '-outside.md'), overview)
      symlinkSync(path.join(root, '..', path.basename(root) + '-outside.md'), path.join(root, 'outside.md'))
      expect(messages(await lintWith(overviewSync, doc)), url).toEqual([])
    }
  })

  it('is silent on a parent with no entry it can read, and on a doc without a path (stdin)', async () => {
    const {doc} = project('# Notes\n\n## Milestone 2: Ranking\n\nSome text.\n')
    expect(messages(await lintWith(overviewSync, doc))).toEqual([])
    const text = readFileSync(path.join(folder, 'milestone-2-ranking.md'), 'utf8')
    expect(messages(await lintWith(overviewSync, new VFile({value: text})))).toEqual([])
  })

  it('looks up by name when two entries have the doc number, and says what it looked for when none is its', async () => {
    const twice = overview
      .replace('## Milestone 1: Index', '## Milestone 2: Index')
      .replace('./milestone-2-ranking.md', './elsewhere.md')
      .replace('## Milestone 2: Ranking', '## Milestone 2: Ranking v2')
    const {doc} = project(twice)
    expect(messages(await lintWith(overviewSync, doc))[0]).toBe(
      '1:1-1:23 milestone-overview-sync: Unexpected doc without an entry in `./milestones.md`, expected a section there with a link to `milestone-2-ranking.md`, the title `Milestone 2` or the name `Ranking`'
    )
  })

  it('reads the parent once while it is unchanged, and again when it changes', () => {
    const {root} = project(overview)
    const file = path.join(root, 'milestones.md')
    const first = parentDoc(file, defaultLimits)
    expect(parentDoc(file, defaultLimits)).toBe(first)
    writeFileSync(file, overview + '\n')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    expect(parentDoc(file, defaultLimits)).not.toBe(first)
  })
})

describe('milestone-overview-sync on real docs’ shapes', () => {
  /** A doc set of one overview entry (linking to the doc by `link`) and one doc, written as given. */
  function docSet(entry: string, doc: string, link = '**[Plan](./milestone-1-core.md)**') {
    const root = makeTemporary('overview-shapes-')
    mkdirSync(path.join(root, '.git'))
    writeFileSync(path.join(root, 'milestones.md'), `# Overview\n\n## Milestone 1: Core\n\n${link}\n\n${entry}\n`)
    const file = path.join(root, 'milestone-1-core.md')
    writeFileSync(
      file,
      `# Milestone 1: Core\n\n**Status**: Planning\n**Parent Document**: [Overview](./milestones.md)\n**Architecture Reference**: [A](./milestones.md)\n\n${doc}\n`
    )
    return file
  }

  it('reads a list item by item, not run together (`…searchableArchived`)', async () => {
    const file = docSet(
      '### Key Outcomes\n\n- Documents are searchable, archived and private',
      '## Key Outcomes\n\n✅ **Documents are**\n   - searchable\n   - archived\n   - private'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([])
  })

  it('finds an item turned into a sub-heading, and skips a label over a list', async () => {
    const file = docSet(
      '### Success Metrics\n\n**Library Independence**:\n- Installable in a clean environment',
      '## Success Metrics\n\n### Library Independence\n\n**Installable in a clean environment**:\n- Target: `uv add` succeeds'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([])
  })

  it('reads each line of a paragraph of ✅ lines, and names a shortened one as changed', async () => {
    const file = docSet(
      '### Key Outcomes\n\n✅ Portfolio fully managed as code, with no dashboard clicking\n✅ Pipeline proven on production data',
      '## Key Outcomes\n\n✅ **Portfolio fully managed as code**\n\n✅ **Pipeline proven on production data**'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '9:1-9:38 milestone-overview-sync: Unexpected `✅ Portfolio fully managed as code` in `## Key Outcomes`, expected `✅ Portfolio fully managed as code, with no dashboard clicking` as in `./milestones.md:9` (without `no`, `dashboard`, `clicking` here)'
    ])
  })

  it('takes a word by its stem (`synced` is `sync`), and never names a label over a list as the changed line', async () => {
    const file = docSet(
      '### Success Metrics\n\n- Config Sync: All 18 surfaces synced from one YAML template in < 2 minutes\n- Audit Accuracy: Detects every config mismatch between template and live',
      '## Success Metrics\n\n**Config Sync Accuracy**:\n- Target: all 18 surfaces sync from one YAML template\n\n**Sync Speed**:\n- Target: in < 3 minutes'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '7:1-7:19 milestone-overview-sync: Unexpected `## Success Metrics` without `Audit Accuracy: Detects every config mismatch between template and live`, an item of `### Success Metrics` in `./milestones.md:10`, expected it copied in',
      '10:3-10:54 milestone-overview-sync: Unexpected `Target: all 18 surfaces sync from one YAML template` in `## Success Metrics`, expected `Config Sync: All 18 surfaces synced from one YAML template in < 2 minutes` as in `./milestones.md:9` (without `2` here)'
    ])
  })

  it('reads an entry’s phase whose number alone is bold (`- **Phase 2**: Index`)', async () => {
    const file = docSet(
      '### What Gets Built\n\n- **Phase 1**: Storage\n- **Phase 2**: Index (2 weeks)',
      '## Implementation Phases\n\n### Phase 1: Storage\n\n### Phase 2: Indexing'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '11:14-11:22 milestone-overview-sync: Unexpected phase name `Indexing`, expected `Index` as in `./milestones.md:10`'
    ])
  })

  it('takes a diagram indented another way as copied: a line’s indent does not matter, its text does', async () => {
    const diagram = (indent: string, last: string) =>
      `\`\`\`mermaid\nflowchart LR\n${indent}A[Browser] --> B[API]\n${indent}B --> ${last}\n\`\`\``
    const file = docSet(
      `### Architecture Diagram\n\n${diagram('  ', 'C[DB]')}\n\n### Success Metrics\n\n${diagram('  ', 'C[DB]')}`,
      `## Architecture Overview\n\n### High-Level System Diagram\n\n${diagram('    ', 'C[DB]')}\n\n## Success Metrics\n\n${diagram('\t', 'D[Cache]')}`
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '19:1-23:4 milestone-overview-sync: Unexpected `## Success Metrics` without the code block of `### Success Metrics` in `./milestones.md:17`, expected it copied in'
    ])
  })

  it('takes a diagram quoted, in a list item or with a blank line added as copied', async () => {
    const diagram = '```\n[API] --> [DB]\n[API] --> [Queue]\n```'
    const file = docSet(
      `### Architecture Diagram\n\n${diagram}\n\n### Key Outcomes\n\n${diagram}\n\n### Success Metrics\n\n${diagram}`,
      `## Architecture Overview\n\n### High-Level System Diagram\n\n> ${diagram.replaceAll('\n', '\n> ')}\n\n` +
        `## Key Outcomes\n\n- The flow:\n\n  ${diagram.replaceAll('\n', '\n  ')}\n\n` +
        `## Success Metrics\n\n${diagram.replace('\n[API] --> [Queue]', '\n\n[API] --> [Queue]')}`
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([])
  })

  it('reads a phase name written in parentheses (`### Phase 1 (Storage)`) as the name, and renames inside them', async () => {
    const file = docSet(
      '### What Gets Built\n\n- Phase 1: Storage\n- Phase 2: Index',
      '## Implementation Phases\n\n### Phase 1 (Storage)\n\n### Phase 2 (Indexing)'
    )
    const linted = await lintWith(overviewSync, file)
    expect(messages(linted)).toEqual([
      '11:14-11:22 milestone-overview-sync: Unexpected phase name `Indexing`, expected `Index` as in `./milestones.md:10`'
    ])
  })

  it('takes a doc’s phase with no name (`### Phase 2`) as the entry’s item of its number', async () => {
    const file = docSet(
      '### What Gets Built\n\n- Phase 1: Storage\n- Phase 2: Index\n- Phase 3: Query',
      '## Implementation Phases\n\n### Phase 1\n\n### Phase 2: Indexing'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '11:1-11:22 milestone-overview-sync: Unexpected missing phase 3 `Query` of `./milestones.md:11`, expected a section for it after `### Phase 2: Indexing`',
      '11:14-11:22 milestone-overview-sync: Unexpected phase name `Indexing`, expected `Index` as in `./milestones.md:10`'
    ])
  })

  it('compares phase names without the marks that end them as sentences, on either side', async () => {
    const file = docSet(
      '### What Gets Built\n\n- Phase 1: Storage.\n- Phase 2: Index\n- Phase 3: Query (2 weeks).\n- Phase 4 (Rank).',
      '## Implementation Phases\n\n### Phase 1: Storage\n\n### Phase 2: Index!\n\n### Phase 3 (Query).\n\n### Phase 4: Rank (1 week).'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([])
    // A rename takes the name alone, the qualifier and the mark kept.
    const renamed = docSet(
      '### What Gets Built\n\n- Phase 1: Storage.',
      '## Implementation Phases\n\n### Phase 1: Store (2 weeks).'
    )
    const result = await lintWith(overviewSync, renamed)
    expect(messages(result)).toEqual([
      '9:14-9:19 milestone-overview-sync: Unexpected phase name `Store`, expected `Storage` as in `./milestones.md:9`'
    ])
  })

  it('matches phases by name before number: a skipped phase is missing, not a rename of the next', async () => {
    const file = docSet(
      '### What Gets Built\n\n**Phase 1: Storage**\n\n**Phase 2: Index**\n\n**Phase 3: Query**',
      '## Implementation Phases\n\n### Phase 1: Storage\n\n### Phase 3: Query'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '9:1-9:21 milestone-overview-sync: Unexpected missing phase 2 `Index` of `./milestones.md:11`, expected a section for it after `### Phase 1: Storage`'
    ])
  })

  it('reads a doc’s phases written without the word (`### 1. Storage`), not an entry’s numbered lines', async () => {
    const file = docSet(
      '### What Gets Built\n\n- Phase 1: Storage\n- Phase 2: Index\n- Phase 3: Query\n\n1. Rollout',
      '## Implementation Phases\n\n### 1. Storage\n\n### 2) Indexing'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '11:1-11:16 milestone-overview-sync: Unexpected missing phase 3 `Query` of `./milestones.md:11`, expected a section for it after `### 2) Indexing`',
      '11:8-11:16 milestone-overview-sync: Unexpected phase name `Indexing`, expected `Index` as in `./milestones.md:10`'
    ])
  })

  it('compares phase names without a qualifier in parentheses or a description after a colon or dash, on either side', async () => {
    const file = docSet(
      '**Phases**:\n- Phase 1: Storage (2 weeks)\n- Phase 2: Index: Terraform, CI/CD and sign-in\n- Phase 3: Query — ranking and filters\n\n#### Phase 4: Rollout (Weeks 7-8)',
      '## Implementation Phases\n\n### Phase 1: Storage (Weeks 1–2)\n\n### Phase 2: Index\n\n### Phase 3: Query (Complete)\n\n### Phase 4: Rollout — Weeks 7–8'
    )
    const linted = await lintWith(overviewSync, file)
    expect(messages(linted)).toEqual([])
  })

  it.each([
    // The doc's qualifier is kept, the overview's left out.
    ['Storage Layer (2 weeks): buckets and keys', 'Storage (Weeks 1–2)', '9:14-9:21', 'Storage', 'Storage Layer'],
    // A name with a dash in it is renamed whole: `Storage - Keys` is no `Storage` described.
    ['Storage & Keys', 'Storage - Keys', '9:14-9:28', 'Storage - Keys', 'Storage & Keys']
  ])(
    'renames a phase’s name (overview `%s`, doc `%s`), not its qualifier',
    async (theirs, mine, place, name, wanted) => {
      const file = docSet(
        `### What Gets Built\n\n- Phase 1: ${theirs}`,
        `## Implementation Phases\n\n### Phase 1: ${mine}`
      )
      const linted = await lintWith(overviewSync, file)
      expect(messages(linted)).toEqual([
        `${place} milestone-overview-sync: Unexpected phase name \`${name}\`, expected \`${wanted}\` as in \`./milestones.md:9\``
      ])
      expect(linted.messages[0]?.expected).toEqual([wanted])
    }
  )

  it('compares a status by the stems of its gist’s words: `Completed` is `✅ Complete (March 2026)`, `Planned` is `Planning`', async () => {
    const cases: Array<[string, string, number]> = [
      ['Completed', '✅ Complete (March 2026)', 0],
      ['✅ Complete', 'Completed', 0],
      ['Planning', 'Planned', 0],
      ['Planning', 'In Progress', 1],
      ['Complete', 'Done ✅', 1]
    ]
    for (const [mine, theirs, count] of cases) {
      const file = docSet(`**Status**: ${theirs}\n\n### Goal\n\nShip.`, '## Goal\n\nShip.')
      writeFileSync(file, readFileSync(file, 'utf8').replace('**Status**: Planning', `**Status**: ${mine}`))
      expect([mine, theirs, messages(await lintWith(overviewSync, file))]).toEqual([
        mine,
        theirs,
        count ? [expect.stringContaining(`Unexpected \`**Status**\` \`${mine}\``)] : []
      ])
    }
  })

  it.each([
    ['inline', 'Plan: <a href="./milestone-1-core.md">Milestone 1</a>'],
    [
      'a block, quoted once, its attributes in any order and case',
      "<p><A TITLE='Plan' HREF='milestone-1-core.md'>Plan</A></p>"
    ],
    ['unquoted, with a character reference', '<a href=milestone&#45;1-core.md>Plan</a>']
  ])('takes an entry’s HTML link to the doc as its link (%s)', async (_, link) => {
    const file = docSet('### Goal\n\nShip the search box.', '## Goal\n\nShip the chat bot.', link)
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '7:1-7:8 milestone-overview-sync: Unexpected `## Goal` without `Ship the search box.`, a sentence of `### Goal` in `./milestones.md:9`, expected it copied in'
    ])
  })

  it('compares a Why heading without its section number or end marks, and keeps the doc’s number when it renames', async () => {
    const same = docSet('### Goal\n\nShip.\n\n### Why Cloud-First?', '## 1. Goal\n\nShip.\n\n## 8. Why Cloud-First')
    expect(messages(await lintWith(overviewSync, same))).toEqual([])
    const renamed = docSet('### Goal\n\nShip.\n\n### 3. Why Cloud-First?', '## 1. Goal\n\nShip.\n\n## 8. Why Cloud?')
    const file = await lintWith(overviewSync, renamed)
    expect(messages(file)).toEqual([
      '11:7-11:17 milestone-overview-sync: Unexpected `## 8. Why Cloud?`, expected `## 8. Why Cloud-First?` as in `./milestones.md:11`'
    ])
    expect(file.messages[0]!.expected).toEqual(['Why Cloud-First?'])
  })

  it('finds the parent by a `**Parent Document**` written in HTML', async () => {
    const file = docSet('### Goal\n\nShip the search box.', '## Goal\n\nShip the chat bot.')
    const html = '**Parent Document**: <a href="./milestones.md">Overview</a>'
    writeFileSync(file, readFileSync(file, 'utf8').replace('**Parent Document**: [Overview](./milestones.md)', html))
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '7:1-7:8 milestone-overview-sync: Unexpected `## Goal` without `Ship the search box.`, a sentence of `### Goal` in `./milestones.md:9`, expected it copied in'
    ])
  })

  it('says where an entry’s HTML link to a missing file is, and takes none in a comment', async () => {
    const file = docSet(
      '### Goal\n\nShip the search box.',
      '## Goal\n\nShip the search box.',
      'Plan: <!-- <a href="./milestone-1-core.md">old</a> -->\n<a href="./milestone-1-draft.md">Plan</a>'
    )
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '1:1-1:20 milestone-overview-sync: Unexpected link `./milestone-1-draft.md` to a missing file in the entry `## Milestone 1: Core` of `./milestones.md:6`, expected a link to this doc (`./milestone-1-core.md`)'
    ])
    const [message] = (await lintWith(overviewSync, file)).messages
    expect(message?.cause).toMatchObject({place: {start: {line: 6, column: 10}, end: {line: 6, column: 32}}})
  })

  it('asks no link of an entry when the parent links the doc elsewhere (a table of milestones)', async () => {
    const file = docSet('### Goal\n\nShip the search box.', '## Goal\n\nShip the chat bot.', '')
    const overview = path.join(path.dirname(file), 'milestones.md')
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '1:1-1:20 milestone-overview-sync: Unexpected entry `## Milestone 1: Core` of `./milestones.md:3` without a link to this doc, expected one to `./milestone-1-core.md`',
      '7:1-7:8 milestone-overview-sync: Unexpected `## Goal` without `Ship the search box.`, a sentence of `### Goal` in `./milestones.md:9`, expected it copied in'
    ])
    const table = '| # | Milestone |\n| --- | --- |\n| 1 | [Core](./milestone-1-core.md) |\n\n'
    writeFileSync(overview, readFileSync(overview, 'utf8').replace('## Milestone 1', table + '## Milestone 1'))
    expect(messages(await lintWith(overviewSync, file))).toEqual([
      '7:1-7:8 milestone-overview-sync: Unexpected `## Goal` without `Ship the search box.`, a sentence of `### Goal` in `./milestones.md:13`, expected it copied in'
    ])
  })

  it('says nothing for a doc whose entry, found by its number, is another doc’s (a copy, a draft, an archived version)', async () => {
    const file = docSet('### Goal\n\nShip the search box.', '## Goal\n\nShip the chat bot.')
    const copy = path.join(path.dirname(file), 'milestone-1-core-old.md')
    writeFileSync(copy, readFileSync(file, 'utf8'))
    expect(messages(await lintWith(overviewSync, copy))).toEqual([])
    expect(messages(await lintWith(overviewSync, file))).toHaveLength(1)
  })
})

describe('milestone-overview-sync on an overview written unlike the fixtures', () => {
  it('gives the same messages when the overview has CRLF, front matter, emoji headings, an alert and a table in its entry', async () => {
    const root = makeTemporary('overview-styles-')
    mkdirSync(path.join(root, '.git'))
    const overview = readFileSync(path.join(folder, 'milestones.md'), 'utf8')
      .replace('### Goal\n\nRank', '### 🎯 Goal\n\n> [!NOTE]\n> Sharpened in March.\n\nRank')
      .replace(
        '### Key Outcomes\n\n- Results',
        '### ✅ Key Outcomes\n\n| owner | team |\n| --- | --- |\n| Search | Core |\n\n- Results'
      )
    writeFileSync(path.join(root, 'milestones.md'), ('---\ntitle: Atlas\n---\n\n' + overview).replace(/\n/g, '\r\n'))
    const doc = readFileSync(path.join(folder, 'milestone-2-ranking.md'), 'utf8')
    writeFileSync(path.join(root, 'milestone-2-ranking.md'), doc)
    const plain = (file: Awaited<ReturnType<typeof lintWith>>) =>
      messages(file).map((message) => message.replace(/milestones\.md:\d+/, 'milestones.md:N'))
    expect(plain(await lintWith(overviewSync, path.join(root, 'milestone-2-ranking.md')))).toEqual(
      plain(await lintWith(overviewSync, path.join(folder, 'milestone-2-ranking.md')))
    )
  })

  it('gives the same messages when its entries are H3s under one `## Milestones`, not the phases of all of them', async () => {
    const root = makeTemporary('overview-nested-')
    mkdirSync(path.join(root, '.git'))
    const overview = readFileSync(path.join(folder, 'milestones.md'), 'utf8')
      .replace(/^(#{2,3}) /gm, '#$1 ')
      .replace('### Milestone 1', '## Milestones\n\n### Milestone 1')
    writeFileSync(path.join(root, 'milestones.md'), overview)
    for (const name of ['milestone-1-index.md', 'milestone-2-ranking.md']) {
      writeFileSync(path.join(root, name), readFileSync(path.join(folder, name), 'utf8'))
      // Its headings are a level down: the same messages name them so.
      const plain = (file: Awaited<ReturnType<typeof lintWith>>) =>
        messages(file).map((message) =>
          message
            .replace(/milestones\.md:\d+/, 'milestones.md:N')
            .replace(/`#+ (?=[^`]*` (?:of|in) `\.\/milestones)/g, '`# ')
        )
      expect(plain(await lintWith(overviewSync, path.join(root, name)))).toEqual(
        plain(await lintWith(overviewSync, path.join(folder, name)))
      )
    }
  })
})
