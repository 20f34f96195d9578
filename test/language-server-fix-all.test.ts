/**
 * The language server's fix-all (`source.fixAll.milestoneLint`), through a
 * real LSP client: asked for by kind, it gives the edits that make the text
 * `milestone-lint --fix` writes, as few and as small as they can be, in the
 * document's own line endings; what is left needs a person.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {CodeAction, TextDocumentEdit, TextEdit} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {asksFor, quickFixes} from '../src/cli/lsp-convert.js'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {makeProject, milestoneLint, removeProjects} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const defectivePath = 'docs/milestone-2-public-launch.md'
const fixAllKind = 'source.fixAll.milestoneLint'

/** A client on a new project (with `files`), stopped after `session` whatever happens. */
async function withClient(
  options: {files?: Record<string, string>; documentChanges?: boolean},
  session: (client: LspClient, root: string) => Promise<void>
): Promise<void> {
  const root = makeProject(options.files)
  const client = new LspClient(root, {documentChanges: options.documentChanges})
  try {
    await client.initialize()
    await session(client, root)
  } finally {
    await client.stop()
  }
}

/** The text `milestone-lint --fix` writes for `text` as the defective doc of a new project. */
function fixedByCli(text: string): string {
  const root = makeProject()
  writeFileSync(path.join(root, defectivePath), text)
  milestoneLint(root, '--fix', defectivePath)
  return readFileSync(path.join(root, defectivePath), 'utf8')
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? []
}

/** Edits as tests compare them: 1-based range, and the new text. */
function formatEdit({range: {start, end}, newText}: TextEdit): string {
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${JSON.stringify(newText)}`
}

/** Apply edits as a client does, after checking that they are in order and do not overlap. */
function apply(text: string, edits: TextEdit[]): string {
  const document = TextDocument.create('file:///x.md', 'markdown', 1, text)
  for (const [index, edit] of edits.entries()) {
    const previous = edits[index - 1]
    if (previous) expect(document.offsetAt(previous.range.end)).toBeLessThan(document.offsetAt(edit.range.start))
  }
  return TextDocument.applyEdits(document, edits)
}

describe('fix-all in the language server', () => {
  it('is declared beside quick fixes, and given when `only` asks for its kind or one above it', async () => {
    const root = makeProject()
    const client = new LspClient(root)
    try {
      const {capabilities} = await client.initialize()
      expect(capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix', 'source.fixAll', fixAllKind]})
      const uri = client.uri(defectivePath)
      await client.open(uri, readFileSync(path.join(root, defectivePath), 'utf8'))
      for (const only of [['source'], ['source.fixAll'], [fixAllKind], ['quickfix', 'source.fixAll']]) {
        const actions = await client.sourceActions(uri, only)
        expect(actions.map((action) => [action.title, action.kind])).toEqual([
          ['Fix all: apply every certain fix', fixAllKind]
        ])
      }
      for (const only of [['quickfix'], ['source.fixAll.eslint'], ['source.organizeImports'], ['refactor']]) {
        expect(await client.sourceActions(uri, only)).toEqual([])
      }
    } finally {
      await client.stop()
    }
  }, 30_000)

  it('makes the text `milestone-lint --fix` writes, one small edit per fix; what is left needs a person', async () => {
    await withClient({}, async (client, root) => {
      const uri = client.uri(defectivePath)
      const text = readFileSync(path.join(root, defectivePath), 'utf8')
      await client.open(uri, text)
      const [action, ...others] = await client.sourceActions(uri, ['source.fixAll'])
      expect(others).toEqual([])
      const edits = editsOf(action!, uri)
      // One edit per fix, at its place (shown by the first line each inserts): nothing else moves.
      expect(edits.map((edit) => formatEdit({...edit, newText: edit.newText.split('\n')[0]!}))).toEqual([
        '17:1-17:1 "## Goal"',
        '27:3-27:3 "#"',
        '33:1-33:1 "**Cost Structure**:"',
        '47:1-47:1 "**User Flow**:"',
        '61:3-61:4 "✅"',
        '62:3-62:3 "✅ "',
        '63:3-63:6 "✅"',
        '65:11-65:12 "2"',
        '73:1-73:1 "**Success Criteria**:"',
        '120:1-120:1 "**Mitigation**:"',
        '137:1-137:1 "**After [Previous Section]**:"'
      ])
      const fixed = apply(text, edits)
      expect(fixed).toBe(fixedByCli(text))

      // A choice of risk level, a section to move, links to mend, and the
      // placeholders the inserted text brought: what a person decides.
      const left = (await client.change(uri, 2, fixed)).map(formatDiagnostic)
      expect(left.filter((message) => !message.includes('milestone-no-placeholders')).sort()).toEqual([
        '129:1-129:19 milestone-required-headings: Unexpected section `## Why Self-Serve?` out of template order, expected it between `## Key Outcomes` and `## Design Decisions & Rationale`',
        '154:13-154:19 milestone-risk-fields: Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`',
        '198:1-198:21 milestone-relative-links: Unexpected `## Related Documents` without a link to `./lumen-architecture.md` (the `**Architecture Reference**`), expected one',
        '201:3-201:55 milestone-relative-links: Unexpected link to missing heading `#milestone-3-scale` in `./milestones.md`, expected the slug of one of its headings',
        '62:1-62:45 milestone-relative-links: Unexpected link to missing file `./images/checkout-flow.png`, expected an existing file relative to this doc'
      ])
      // Fixed already: nothing more to do.
      expect(await client.sourceActions(uri, ['source.fixAll'])).toEqual([])
    })
  }, 60_000)

  it('fixes in rounds: two missing sections that go at one place both come back, as `--fix` puts them', async () => {
    await withClient({}, async (client, root) => {
      const uri = client.uri(defectivePath)
      // Without `## Architecture Overview` (line 17), which `## Goal` comes before.
      const lines = readFileSync(path.join(root, defectivePath), 'utf8').split('\n')
      expect(lines.splice(16, 1)).toEqual(['## Architecture Overview'])
      const text = lines.join('\n')
      await client.open(uri, text)
      const [action] = await client.sourceActions(uri, ['source.fixAll'])
      const edits = editsOf(action!, uri)
      const inserted = edits.map((edit) => edit.newText)
      expect(inserted.some((insert) => insert.startsWith('## Goal\n'))).toBe(true)
      expect(inserted.some((insert) => insert.includes('## Architecture Overview\n'))).toBe(true)
      expect(apply(text, edits)).toBe(fixedByCli(text))
    })
  }, 60_000)

  it('gives no action for a doc with nothing certain to fix', async () => {
    await withClient({}, async (client, root) => {
      const file = 'docs/milestone-1-private-beta.md'
      const uri = client.uri(file)
      expect(await client.open(uri, readFileSync(path.join(root, file), 'utf8'))).toEqual([])
      expect(await client.sourceActions(uri, ['source.fixAll'])).toEqual([])
    })
  }, 30_000)

  it('keeps CRLF line endings in what it inserts', async () => {
    await withClient({}, async (client, root) => {
      const uri = client.uri(defectivePath)
      const text = readFileSync(path.join(root, defectivePath), 'utf8').replace(/\n/g, '\r\n')
      await client.open(uri, text)
      const [action] = await client.sourceActions(uri, ['source.fixAll'])
      const edits = editsOf(action!, uri)
      expect(edits[0]?.newText).toMatch(/^## Goal\r\n\r\n\[Copy the Goal/)
      expect(edits[0]?.newText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const fixed = apply(text, edits)
      expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      expect(fixed).toBe(fixedByCli(text))
    })
  }, 60_000)

  it('names the document version for a client that takes versioned edits; gives nothing for text changed meanwhile', async () => {
    await withClient({documentChanges: true}, async (client, root) => {
      const uri = client.uri(defectivePath)
      const text = readFileSync(path.join(root, defectivePath), 'utf8')
      await client.open(uri, text)
      const [action] = await client.sourceActions(uri, ['source.fixAll'])
      const [change, ...others] = (action?.edit?.documentChanges ?? []) as TextDocumentEdit[]
      expect(others).toEqual([])
      expect(change?.textDocument).toEqual({uri, version: 1})
      expect(apply(text, change!.edits as TextEdit[])).toBe(fixedByCli(text))
      // An edit that arrives while the fix is being made: its edits would be for an older text.
      const asked = client.sourceActions(uri, ['source.fixAll'])
      const relinted = client.change(uri, 2, '\n' + text)
      expect(await asked).toEqual([])
      await relinted
    })
  }, 60_000)
})

describe('the README’s fix-on-save settings', () => {
  // VS Code and Helix are not run here: their settings name the kind the server declares.
  it('name the fix-all kind for VS Code and Helix', () => {
    const vscode = JSON.parse(readmeBlockAfter('**VS Code**: with [the extension]', 'json')) as unknown
    expect(vscode).toEqual({'editor.codeActionsOnSave': {[fixAllKind]: 'explicit'}})
    expect(readmeBlockAfter('**Helix**: no release has code actions on save', 'toml')).toContain(
      `code-actions-on-save = ["${fixAllKind}"]`
    )
  })
})

describe('code action kinds and preferred quick fixes (lsp-convert)', () => {
  it('asks for a kind by itself or a kind above it; without `only`, for all but source actions', () => {
    expect(asksFor(['source'], fixAllKind)).toBe(true)
    expect(asksFor(['source.fixAll'], fixAllKind)).toBe(true)
    expect(asksFor([fixAllKind], fixAllKind)).toBe(true)
    expect(asksFor(['source.fix'], fixAllKind)).toBe(false)
    expect(asksFor(['source.fixAll.milestoneLint.more'], fixAllKind)).toBe(false)
    expect(asksFor(['quickfix'], fixAllKind)).toBe(false)
    expect(asksFor(undefined, fixAllKind)).toBe(false)
    expect(asksFor(undefined, 'quickfix')).toBe(true)
    expect(asksFor(['source'], 'quickfix')).toBe(false)
  })

  it('prefers the fix of a message with one expected text, unless it is only a suggestion', () => {
    const document = TextDocument.create('file:///x.md', 'markdown', 1, 'See [a](./harbor-architecure.md)\n')
    const range = {start: {line: 0, character: 8}, end: {line: 0, character: 31}}
    const preferred = (data: unknown) =>
      quickFixes(document, {range, message: 'm', data}).map((action) => [action.title, action.isPreferred])
    expect(preferred({expected: ['./harbor-architecture.md']})).toEqual([
      ['Replace `./harbor-architecure.md` with `./harbor-architecture.md`', true]
    ])
    expect(preferred({expected: ['./harbor-architecture.md'], suggestion: true})).toEqual([
      ['Replace `./harbor-architecure.md` with `./harbor-architecture.md`', undefined]
    ])
    expect(preferred({expected: ['a', 'b']}).map(([, isPreferred]) => isPreferred)).toEqual([undefined, undefined])
  })

  it('titles a fix by what it does, in one line of the menu', () => {
    const document = TextDocument.create('file:///x.md', 'markdown', 1, '- [x] Done\n')
    const title = (start: number, end: number, expected: string) =>
      quickFixes(document, {
        range: {start: {line: 0, character: start}, end: {line: 0, character: end}},
        message: 'm',
        data: {expected: [expected]}
      })[0]?.title
    expect(title(2, 6, '')).toBe('Remove `[x]`')
    expect(title(2, 5, 'y'.repeat(60))).toBe(`Replace \`[x]\` with \`${'y'.repeat(49)}…\``)
    expect(title(0, 0, '\n')).toBe('Insert `⏎`')
    expect(title(0, 0, '- ✅ [Criterion]\n- ✅ [Another]\n')).toBe('Insert `- ✅ [Criterion] …`')
  })

  it('inserts a quick fix in the line breaks of the doc (CRLF, CR), as --fix does', () => {
    const range = {start: {line: 2, character: 0}, end: {line: 2, character: 0}}
    for (const eol of ['\r\n', '\r']) {
      const document = TextDocument.create('file:///x.md', 'markdown', 1, `# A${eol}${eol}## C${eol}`)
      const [action] = quickFixes(document, {range, message: 'm', data: {expected: ['## B\n\nText.\n\n']}})
      expect(action?.edit?.changes?.['file:///x.md']?.[0]?.newText).toBe(`## B${eol}${eol}Text.${eol}${eol}`)
    }
  })
})
