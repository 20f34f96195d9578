import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {CodeAction, Diagnostic, TextEdit} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lint, messages} from './helpers.js'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {makeProject, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const defectivePath = 'docs/milestone-2-public-launch.md'
const docsUrl = 'https://github.com/remark-lint-milestone/remark-lint-milestone#'

function edits(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? []
}

describe('milestone-lint-language-server', () => {
  let root: string
  let client: LspClient
  let uri: string
  let text: string
  let diagnostics: Diagnostic[]

  beforeAll(async () => {
    root = makeProject()
    client = new LspClient(root)
    await client.initialize()
    uri = client.uri(defectivePath)
    text = readFileSync(path.join(root, defectivePath), 'utf8')
    diagnostics = await client.open(uri, text)
  }, 30_000)

  afterAll(async () => {
    await client?.stop()
  })

  it('publishes the same messages as the CLI and the preset, as warnings with rule id and docs link', async () => {
    const programmatic = messages(await lint(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md')))
    expect(diagnostics.map(formatDiagnostic).sort()).toEqual([...programmatic].sort())
    for (const diagnostic of diagnostics) {
      expect(diagnostic.severity).toBe(2)
      expect(diagnostic.source).toBe('remark-lint')
      expect(diagnostic.codeDescription?.href).toBe(docsUrl + String(diagnostic.code))
    }
    const risk = diagnostics.find((diagnostic) => String(diagnostic.message).startsWith('Unexpected impact level'))
    expect(risk).toMatchObject({
      code: 'milestone-risk-fields',
      range: {start: {line: 108, character: 12}, end: {line: 108, character: 18}}
    })
  })

  it('offers quick fixes whose ranges span exactly the text they replace', async () => {
    const titles: string[] = []
    for (const diagnostic of diagnostics) {
      for (const action of await client.codeActions(uri, diagnostic)) {
        titles.push(
          `${formatDiagnostic(diagnostic).split(' ')[0]} ${action.title}${action.isPreferred ? ' (preferred)' : ''}`
        )
      }
    }
    expect(titles.sort()).toEqual([
      '109:13-109:19 Replace `Severe` with `High`',
      '109:13-109:19 Replace `Severe` with `Low`',
      '109:13-109:19 Replace `Severe` with `Medium`',
      '118:68 Insert `**Mitigation**:` from the template (preferred)',
      '135:32 Insert `**After [Previous Section]**:` from the template (preferred)',
      '135:32 Insert `**Before Milestone Complete**:` from the template (preferred)',
      '15:1 Insert section `## Goal` from the template (preferred)',
      '27:1-27:3 Replace `##` with `###` (preferred)',
      '45:41 Insert `**Integration Points**:` from the template (preferred)',
      '45:41 Insert `**Technical Design**:` from the template (preferred)',
      '45:41 Insert `**User Flow**:` from the template (preferred)',
      '61:3-61:4 Replace `✔` with `✅` (preferred)',
      '62:3 Insert `✅` (preferred)',
      '63:3-63:6 Replace `[x]` with `✅` (preferred)',
      '65:11-65:12 Replace `3` with `2` (preferred)',
      '71:18 Insert `**Success Criteria**:` from the template (preferred)'
    ])
  })

  it('offers a "did you mean" as a quick fix of the URL alone, not preferred', async () => {
    const typoUri = client.uri('docs/milestone-1-private-beta.md')
    const typo = readFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), 'utf8').replace(
      '](./lumen-architecture.md)',
      '](./lumen-architecure.md)'
    )
    const [diagnostic, ...others] = await client.open(typoUri, typo)
    expect(others).toEqual([])
    expect(formatDiagnostic(diagnostic!)).toBe(
      '5:48-5:70 milestone-relative-links: Unexpected link to missing file `./lumen-architecure.md`, expected an existing file relative to this doc; did you mean `./lumen-architecture.md`?'
    )
    const actions = await client.codeActions(typoUri, diagnostic!)
    expect(actions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Replace `./lumen-architecure.md` with `./lumen-architecture.md`', undefined]
    ])
    const fixed = TextDocument.applyEdits(
      TextDocument.create(typoUri, 'markdown', 1, typo),
      edits(actions[0]!, typoUri)
    )
    expect(await client.change(typoUri, 2, fixed)).toEqual([])
  })

  it('fixes the text the server reported, whatever range the client echoes (Neovim 0.7 to 0.10 echo byte columns)', async () => {
    const mark = diagnostics.find((diagnostic) =>
      String(diagnostic.message).startsWith('Unexpected success criterion mark `✔`')
    )
    expect(mark?.range).toEqual({start: {line: 60, character: 2}, end: {line: 60, character: 3}})
    // `✔` is one UTF-16 code unit but three UTF-8 bytes: Neovim before 0.11
    // sends the diagnostic back with its byte columns (neovim/neovim#29500).
    const inBytes = {...mark!, range: {start: {line: 60, character: 2}, end: {line: 60, character: 5}}}
    const actions = await client.codeActions(uri, inBytes)
    expect(actions.map((action) => action.title)).toEqual(['Replace `✔` with `✅`'])
    expect(edits(actions[0]!, uri)).toEqual([{range: mark!.range, newText: '✅'}])
  })

  it('offers no fix while an edit is being linted (its ranges may be stale)', async () => {
    const other = new LspClient(makeProject())
    try {
      await other.initialize()
      const otherUri = other.uri(defectivePath)
      const mark = (await other.open(otherUri, text)).find((diagnostic) =>
        String(diagnostic.message).includes('mark `✔`')
      )
      expect(await other.codeActions(otherUri, mark!)).toHaveLength(1)
      const relinted = other.change(otherUri, 2, '\n' + text)
      expect(await other.codeActions(otherUri, mark!)).toEqual([])
      await relinted
    } finally {
      await other.stop()
    }
  }, 30_000)

  it('clears exactly the fixed messages when the quick fixes are applied', async () => {
    const document = TextDocument.create(uri, 'markdown', 1, text)
    const applied: TextEdit[] = []
    const fixed = new Set<string>()
    for (const diagnostic of diagnostics) {
      const actions = await client.codeActions(uri, diagnostic)
      const action = actions.find((candidate) => candidate.isPreferred) ?? actions[0]
      if (!action) continue
      applied.push(...edits(action, uri))
      fixed.add(String(diagnostic.message))
    }
    expect(fixed.size).toBe(14)

    const after = await client.change(uri, 2, TextDocument.applyEdits(document, applied))
    const remaining = after.map((diagnostic) => String(diagnostic.message)).sort()
    const expected = diagnostics
      .map((diagnostic) => String(diagnostic.message))
      .filter((message) => !fixed.has(message))
      // The renumbered phase is named by its new number.
      .map((message) => message.replace('Phase 3: Public Links', 'Phase 2: Public Links'))
    // The relevelled `### Technology Stack` is a template section now, so its
    // missing field comes to light (not its example categories: its
    // `**Backend**:` is one of its own). The inserted sections and fields
    // bring the template's placeholders, each reported for a person to fill.
    const revealed = [
      'Unexpected missing `**Cost Structure**:` in `### Technology Stack`, expected `**Cost Structure**: <list>`'
    ]
    const placeholder = (message: string) => message.includes('placeholder `[')
    expect(remaining.filter((message) => !placeholder(message))).toEqual(
      [...expected.filter((message) => !placeholder(message)), ...revealed].sort()
    )
    // The two the doc had, and 27 the inserted text brought.
    expect(remaining.filter(placeholder)).toHaveLength(29)
  })

  it('clears all diagnostics when the doc is made correct', async () => {
    // Milestone 1's doc, at milestone 2's path: correct, but for the overview's
    // entry of milestone 2, which links here and which it does not copy.
    const correct = readFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), 'utf8')
    const drifted = await client.change(uri, 3, correct)
    expect(new Set(drifted.map((diagnostic) => diagnostic.code))).toEqual(new Set(['milestone-overview-sync']))
    const unsynced = '<!--lint disable milestone-overview-sync-->\n\n' + correct
    expect(await client.change(uri, 4, unsynced)).toEqual([])
  })

  it('shows the overview’s part a drifted doc differs from as related information, and a duplicate’s first heading in the doc', async () => {
    const sync = path.join(repoRoot, 'fixtures/overview-sync')
    const project = makeProject({
      'docs/milestones.md': readFileSync(path.join(sync, 'milestones.md'), 'utf8'),
      'docs/milestone-2-ranking.md':
        readFileSync(path.join(sync, 'milestone-2-ranking.md'), 'utf8') + '\n## Goal\n\nTwice.\n'
    })
    const other = new LspClient(project)
    await other.initialize()
    const doc = other.uri('docs/milestone-2-ranking.md')
    const found = await other.open(doc, readFileSync(path.join(project, 'docs/milestone-2-ranking.md'), 'utf8'))
    const status = found.find((diagnostic) => String(diagnostic.message).startsWith('Unexpected `**Status**`'))
    expect(status?.relatedInformation).toEqual([
      {
        location: {
          uri: pathToFileURL(path.join(project, 'docs/milestones.md')).href,
          range: {start: {line: 46, character: 0}, end: {line: 46, character: 10}}
        },
        message: 'In `./milestones.md`'
      }
    ])
    const duplicate = found.find((diagnostic) => String(diagnostic.message).includes('duplicate'))
    expect(duplicate?.relatedInformation?.[0]?.location.uri).toBe(doc)
    expect(duplicate?.relatedInformation?.[0]?.message).toBe('First section with this heading')
    await other.stop()
  })

  it('applies the user’s config on top of the preset, as the CLI does', async () => {
    const configured = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {'milestone-relative-links': false}]]})
    })
    const other = new LspClient(configured)
    try {
      await other.initialize()
      const published = await other.open(other.uri(defectivePath), text)
      expect(published).toHaveLength(17)
      expect(published.some((diagnostic) => diagnostic.code === 'milestone-relative-links')).toBe(false)
    } finally {
      await other.stop()
    }
  }, 30_000)

  it.each([
    ['no settings (null)', null, 20],
    ['an empty list (a Lua `{}`)', [], 20],
    ['`requireConfig`, in a project without a config file', {requireConfig: true}, 0],
    ['`ignorePath`, naming an ignore file that lists the doc', {ignorePath: 'lint-ignore'}, 0]
  ])(
    'lints as the settings say, given %s',
    async (_, settings, count) => {
      const project = makeProject({'lint-ignore': 'docs/milestone-2-*\n'})
      const configured = new LspClient(project, {settings})
      try {
        await configured.initialize()
        expect(await configured.open(configured.uri(defectivePath), text)).toHaveLength(count)
      } finally {
        await configured.stop()
      }
    },
    30_000
  )

  it('gives a doc the same messages whichever folder is the workspace', async () => {
    const project = makeProject({
      'package.json': '{"name": "docs", "private": true}\n',
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {exclude: ['docs/milestone-2-*']}]]}),
      'docs/archive/milestone-0-alpha.md': readFileSync(
        path.join(repoRoot, 'fixtures/example/milestone-1-private-beta.md'),
        'utf8'
      ).replaceAll('](./', '](../')
    })
    for (const workspace of [project, path.join(project, 'docs'), path.join(project, 'docs/archive')]) {
      const client = new LspClient(workspace)
      try {
        await client.initialize()
        const open = (file: string) =>
          client.open(pathToFileURL(path.join(project, file)).href, readFileSync(path.join(project, file), 'utf8'))
        // Excluded by a glob written from the config file's folder; linked up out of its folder.
        expect(await open(defectivePath)).toEqual([])
        expect(await open('docs/archive/milestone-0-alpha.md')).toEqual([])
      } finally {
        await client.stop()
      }
    }
  }, 60_000)

  it('lints with `requireConfig` where a config file exists', async () => {
    const project = makeProject({'.remarkrc.json': JSON.stringify({plugins: ['remark-lint-milestone']})})
    const configured = new LspClient(project, {settings: {requireConfig: true}})
    try {
      await configured.initialize()
      expect(await configured.open(configured.uri(defectivePath), text)).toHaveLength(20)
    } finally {
      await configured.stop()
    }
  }, 30_000)

  it('keeps serving a client that refuses capability registration', async () => {
    const minimal = new LspClient(makeProject(), {registration: false})
    try {
      await minimal.initialize()
      expect(await minimal.open(minimal.uri(defectivePath), text)).toHaveLength(20)
    } finally {
      await minimal.stop()
    }
  }, 30_000)
})
