/**
 * The language server over an editing session: documents closed, settings
 * and workspace folders changed, documents it does not lint, and a client
 * that offers none of the optional capabilities.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  type Diagnostic,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification
} from 'vscode-languageserver-protocol/node'
import {jsonError} from './helpers.js'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {cliPath, makeProject, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const defectivePath = 'docs/milestone-2-public-launch.md'

/** Initialize the client and open the defective doc, with its 20 messages; its URI. */
async function openDefective(client: LspClient, root: string): Promise<string> {
  await client.initialize()
  const uri = client.uri(defectivePath)
  expect(await client.open(uri, readFileSync(path.join(root, defectivePath), 'utf8'))).toHaveLength(20)
  return uri
}

/** A client, stopped after `session` whatever happens. */
async function withClient(client: LspClient, session: (client: LspClient) => Promise<void>): Promise<void> {
  try {
    await session(client)
  } finally {
    await client.stop()
  }
}

describe('milestone-lint-language-server over a session', () => {
  it('clears the diagnostics of a document when it is closed', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      const uri = await openDefective(client, root)
      // Cleared without a version.
      const cleared = client.diagnostics(uri, undefined as unknown as number)
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri}})
      expect(await cleared).toEqual([])
    })
  }, 30_000)

  it('asks for the settings again when they change, and lints the open documents with them', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      const uri = await openDefective(client, root)
      // `requireConfig` in a project without a config file: nothing is linted.
      client.connection.onRequest(ConfigurationRequest.type, (params) =>
        params.items.map(() => ({requireConfig: true}))
      )
      const relinted = client.diagnostics(uri, 1)
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: null})
      expect(await relinted).toEqual([])
    })
  }, 30_000)

  it('takes an `ignorePath` setting relative to the workspace, and settings that are no object as the defaults', async () => {
    const root = makeProject({'.lintignore': 'docs/milestone-2-*\n'})
    const text = readFileSync(path.join(root, defectivePath), 'utf8')
    await withClient(new LspClient(root, {settings: {ignorePath: '.lintignore'}}), async (client) => {
      await client.initialize()
      expect(await client.open(client.uri(defectivePath), text)).toEqual([])
    })
    await withClient(new LspClient(root, {settings: null}), async (client) => {
      await client.initialize()
      expect(await client.open(client.uri(defectivePath), text)).toHaveLength(20)
    })
  }, 60_000)

  it('lints with the default settings when the client fails to give them', async () => {
    const root = makeProject()
    const client = new LspClient(root)
    client.connection.onRequest(ConfigurationRequest.type, () => {
      throw new Error('no settings here')
    })
    await withClient(client, async () => {
      await openDefective(client, root)
    })
  }, 30_000)

  it('lints the open documents again when workspace folders are added or removed', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      const uri = await openDefective(client, root)
      const relinted = client.diagnostics(uri, 1)
      const docs = {uri: pathToFileURL(path.join(root, 'docs')).href, name: 'docs'}
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
        event: {added: [docs], removed: [{uri: pathToFileURL(root).href, name: 'project'}]}
      })
      expect(await relinted).toHaveLength(20)
    })
  }, 30_000)

  it('serves a client without workspace folders or settings (LSP before 3.6), and skips documents that are no files', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      const result = await client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- what such a client sends
        rootUri: pathToFileURL(root).href,
        capabilities: {}
      })
      expect(result.capabilities.workspace).toBeUndefined()
      await client.connection.sendNotification(InitializedNotification.type, {})
      // Not saved yet, or on another host: no path to find a config or a template from.
      for (const other of ['untitled:Untitled-1', 'file://example.com/milestone-1-x.md']) {
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {uri: other, languageId: 'markdown', version: 1, text: '# Milestone 1: x\n'}
        })
      }
      const uri = client.uri(defectivePath)
      expect(await client.open(uri, readFileSync(path.join(root, defectivePath), 'utf8'))).toHaveLength(20)
      expect(client.logs.filter((line) => line.startsWith('linting '))).toEqual([`linting ${uri} (version 1)`])
    })
  }, 30_000)

  it('shows a config the engine cannot use as one error on the first line, with its cause', async () => {
    for (const [config, problem] of [
      [
        JSON.stringify({plugins: ['remark-nonexistent']}),
        "Cannot find module `remark-nonexistent`: Cannot find package 'remark-nonexistent' imported from <root>/"
      ],
      ['{', `Cannot parse file \`.remarkrc.json\`: ${jsonError('{')} while parsing "{" in <root>/.remarkrc.json `]
    ] as Array<[string, string]>) {
      const root = makeProject({'.remarkrc.json': config})
      await withClient(new LspClient(root), async (client) => {
        await client.initialize()
        const diagnostics = await client.open(
          client.uri(defectivePath),
          readFileSync(path.join(root, defectivePath), 'utf8')
        )
        // Each cause of the engine's error, as the command line says them.
        const shown = diagnostics.map((diagnostic) => [
          formatDiagnostic(diagnostic).replace(root, '<root>'),
          diagnostic.severity
        ])
        expect(shown).toEqual([[`1:1 undefined: Cannot process file: ${problem}`, 1]])
      })
    }
  }, 60_000)
})

describe('milestone-lint-language-server with a `template` setting', () => {
  it('lints with the template the setting names, as the CLI does with that template in a config file', async () => {
    const template = readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')
    const root = makeProject({'docs/template.md': template})
    const text = readFileSync(path.join(root, defectivePath), 'utf8')
    let diagnostics: Diagnostic[] = []
    await withClient(new LspClient(root, {settings: {template: 'docs/template.md'}}), async (client) => {
      await client.initialize()
      diagnostics = await client.open(client.uri(defectivePath), text)
    })
    writeFileSync(path.join(root, '.milestone-lint.json'), JSON.stringify({template: 'docs/template.md'}))
    const cli = spawnSync(process.execPath, [cliPath, defectivePath, '--report', 'json'], {cwd: root, encoding: 'utf8'})
    const [{messages}] = JSON.parse(cli.stdout) as [{messages: Array<{reason: string}>}]
    expect(diagnostics.map((diagnostic) => diagnostic.message).sort()).toEqual(
      messages.map((message) => message.reason).sort()
    )
    // Not the bundled template's: this one has other sections.
    expect(messages.length).not.toBe(20)
  }, 30_000)
})

describe('milestone-lint-language-server with a baseline', () => {
  const baseline = 'milestone-lint-baseline.json'

  /** The diagnostics of the defective doc given these settings, in a project whose baseline has its messages but one. */
  async function diagnosticsWith(settings: unknown, baselineText?: string) {
    const root = makeProject()
    const written = spawnSync(
      process.execPath,
      [cliPath, 'docs', '--baseline', baseline, '--update-baseline', '--quiet'],
      {cwd: root, encoding: 'utf8'}
    )
    expect(written.status).toBe(0)
    if (baselineText !== undefined) writeFileSync(path.join(root, baseline), baselineText)
    const text = readFileSync(path.join(root, defectivePath), 'utf8').replace(
      '**Impact**: Medium',
      '**Impact**: Severe'
    )
    let diagnostics: Diagnostic[] = []
    await withClient(new LspClient(root, {settings}), async (client) => {
      await client.initialize()
      diagnostics = await client.open(client.uri(defectivePath), text)
    })
    return diagnostics
  }

  it('hides the messages the `baseline` setting’s file has, by default', async () => {
    expect((await diagnosticsWith({baseline})).map(formatDiagnostic)).toEqual([
      '117:13-117:19 milestone-risk-fields: Unexpected impact level `Severe`, expected `High`, `Medium` or `Low`'
    ])
  }, 30_000)

  it('shows them as hints with `baselined: "hint"`', async () => {
    const diagnostics = await diagnosticsWith({baseline, baselined: 'hint'})
    expect(diagnostics).toHaveLength(21)
    const hints = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Hint)
    expect(hints).toHaveLength(20)
    expect(hints.every((diagnostic) => String(diagnostic.message).endsWith(' (baselined)'))).toBe(true)
    expect(hints.map((diagnostic) => diagnostic.range.start.line + 1)).toContain(109)
  }, 30_000)

  it('watches the baseline file, and lints again when it is written (as by --update-baseline in a terminal)', async () => {
    const root = makeProject()
    await withClient(new LspClient(root, {settings: {baseline}, watchFiles: true}), async (client) => {
      await client.initialize()
      const doc = client.uri(defectivePath)
      const before = await client.open(doc, readFileSync(path.join(root, defectivePath), 'utf8'))
      // Its 20 messages, and one that there is no baseline yet.
      expect(before.map(formatDiagnostic)).toContain(
        '1:1 baseline: Cannot use the baseline: cannot read baseline `milestone-lint-baseline.json`: no such file; write it with --update-baseline'
      )
      expect(before).toHaveLength(21)
      expect(client.registrations.map((registration) => registration.registerOptions as unknown)).toContainEqual({
        watchers: [{globPattern: '**/milestone-lint-baseline.json'}]
      })
      const written = spawnSync(process.execPath, [cliPath, 'docs', '--baseline', baseline, '--update-baseline'], {
        cwd: root,
        encoding: 'utf8'
      })
      expect(written.status).toBe(0)
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: client.uri(baseline), type: FileChangeType.Created}])
      expect(await relinted).toEqual([])
    })
  }, 30_000)

  it('says on the doc when the baseline cannot be used', async () => {
    const diagnostics = (await diagnosticsWith({baseline}, '[]')).map(formatDiagnostic)
    expect(diagnostics).toHaveLength(22)
    expect(diagnostics).toContain(
      '1:1 baseline: Cannot use the baseline: `milestone-lint-baseline.json` is not a milestone-lint baseline (expected {"tool": "milestone-lint", "version": 1, "files": {…}}, as --update-baseline writes)'
    )
  }, 30_000)
})
