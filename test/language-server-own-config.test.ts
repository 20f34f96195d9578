/**
 * The language server and milestone-lint's own config files, as the CLI
 * takes them: a nested one counts for `requireConfig`, and the run config's
 * `baseline` and `ignores` apply in the editor too.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {type Diagnostic, FileChangeType} from 'vscode-languageserver-protocol/node'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {makeProject, milestoneLint, removeProjects} from './project.js'

afterAll(removeProjects)

/** A doc with 20 messages, 5 of them from milestone-section-fields. */
const defectivePath = 'docs/milestone-2-public-launch.md'

/** The diagnostics of the defective doc, opened in a client with these settings (and this workspace folder). */
async function diagnosticsIn(root: string, settings: unknown = {}, workspace = root): Promise<Diagnostic[]> {
  const client = new LspClient(workspace, {settings})
  const file = path.join(root, defectivePath)
  try {
    await client.initialize()
    return await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'))
  } finally {
    await client.stop()
  }
}

/** How many messages `milestone-lint docs` reports (all the defective doc's), run from the project's root. */
function cliMessages(root: string): number {
  const files = JSON.parse(milestoneLint(root, 'docs', '--report', 'json').stdout) as Array<{messages: unknown[]}>
  return files.reduce((count, file) => count + file.messages.length, 0)
}

describe('milestone-lint-language-server and milestone-lint’s own config files', () => {
  it.each([
    ['docs/.milestone-lint.json', '{"milestone-section-fields": false}', 15],
    ['docs/.milestone-lint.jsonc', '{}', 20],
    ['docs/package.json', '{"milestoneLint": {}}', 20]
  ])(
    'lints with `requireConfig` where a nested own config file (%s) applies',
    async (file, text, count) => {
      const root = makeProject({[file]: text})
      expect(cliMessages(root)).toBe(count)
      expect(await diagnosticsIn(root, {requireConfig: true})).toHaveLength(count)
    },
    30_000
  )

  it('skips a doc the config’s `ignores` match (relative to its folder), as the CLI does', async () => {
    const root = makeProject({'.milestone-lint.json': '{"ignores": ["docs/milestone-2-*.md"]}'})
    expect(cliMessages(root)).toBe(0)
    expect(await diagnosticsIn(root)).toEqual([])
    // From the workspace folder docs/, the config found up is the root's, and its glob is relative to the root.
    expect(await diagnosticsIn(root, {}, path.join(root, 'docs'))).toEqual([])
    // Nor is a baseline that cannot be used said on it.
    const unwritten = makeProject({
      '.milestone-lint.json': '{"ignores": ["docs/milestone-2-*.md"], "baseline": "docs/bl.json"}'
    })
    expect(await diagnosticsIn(unwritten)).toEqual([])
    // Not ignored: linted as without the config.
    const other = makeProject({'.milestone-lint.json': '{"ignores": ["docs/milestone-3-*.md"]}'})
    expect(cliMessages(other)).toBe(20)
    expect(await diagnosticsIn(other)).toHaveLength(20)
  }, 30_000)
})

describe('milestone-lint-language-server and the config’s `baseline`', () => {
  const config = {'.milestone-lint.json': '{"baseline": "docs/bl.json"}'}

  /** Write the config's baseline as `milestone-lint --update-baseline` does, from the project's root. */
  function updateBaseline(root: string): void {
    expect(milestoneLint(root, 'docs', '--update-baseline', '--quiet').status).toBe(0)
  }

  it('hides the messages of the config’s baseline when the `baseline` setting is not set', async () => {
    const root = makeProject(config)
    updateBaseline(root)
    expect(cliMessages(root)).toBe(0)
    expect(await diagnosticsIn(root)).toEqual([])
    // From the workspace folder docs/: the config found up is the root's, its baseline relative to the root.
    expect(await diagnosticsIn(root, {}, path.join(root, 'docs'))).toEqual([])
    expect(await diagnosticsIn(root, {baselined: 'hint'})).toHaveLength(20)
  }, 30_000)

  it('uses the `baseline` setting’s file over the config’s', async () => {
    const root = makeProject(config)
    updateBaseline(root)
    const diagnostics = (await diagnosticsIn(root, {baseline: 'other.json'})).map(formatDiagnostic)
    expect(diagnostics).toHaveLength(21)
    expect(diagnostics).toContain(
      '1:1 baseline: Cannot use the baseline: cannot read baseline `other.json`: no such file; write it with --update-baseline'
    )
  }, 30_000)

  it('watches the config’s baseline file, and lints again when it is written', async () => {
    const root = makeProject(config)
    const client = new LspClient(root)
    try {
      await client.initialize()
      const doc = client.uri(defectivePath)
      const before = await client.open(doc, readFileSync(path.join(root, defectivePath), 'utf8'))
      expect(before.map(formatDiagnostic)).toContain(
        '1:1 baseline: Cannot use the baseline: cannot read baseline `docs/bl.json`: no such file; write it with --update-baseline'
      )
      expect(before).toHaveLength(21)
      await client.logged(`linted ${doc} `)
      expect(client.registrations.map((registration) => registration.registerOptions as unknown)).toContainEqual({
        watchers: [{globPattern: '**/bl.json'}]
      })
      updateBaseline(root)
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: client.uri('docs/bl.json'), type: FileChangeType.Created}])
      expect(await relinted).toEqual([])
    } finally {
      await client.stop()
    }
  }, 30_000)
})
