/**
 * The language server under load and under a careless client: a doc with
 * a thousand messages gets all of them; quick edits are coalesced into one
 * lint of the latest text, and requests are answered while a lint runs (it
 * runs on a worker thread); a code action only ever fixes the text its
 * diagnostic reported, whatever range the client sends; and the server
 * offers no formatting, which would rewrite the doc.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {DocumentFormattingRequest, ErrorCodes} from 'vscode-languageserver-protocol'
import {LspClient} from './lsp-client.js'
import {makeProject, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

/** A milestone doc with `count` unfilled placeholders, one per line. */
function placeholders(count: number): string {
  const items = Array.from({length: count}, (_, index) => `- [Owner ${index + 1}]`)
  return `# Milestone 1: Load\n\n## Goal\n\n${items.join('\n')}\n`
}

/** A long, realistic doc (about 800 KB): the example doc's sections, repeated; its lint takes seconds here. */
const long = (() => {
  const doc = readFileSync(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md'), 'utf8')
  const body = doc.slice(doc.indexOf('## Executive Summary'))
  return doc + Array.from({length: 110}, () => body.replaceAll('## ', '### ')).join('\n')
})()

describe('milestone-lint-language-server under load', () => {
  let client: LspClient
  let capabilities: Awaited<ReturnType<LspClient['initialize']>>['capabilities']

  beforeAll(async () => {
    client = new LspClient(makeProject())
    capabilities = (await client.initialize()).capabilities
  }, 30_000)

  afterAll(async () => {
    await client?.stop()
  })

  it('publishes every diagnostic of a doc with a thousand messages', async () => {
    const uri = client.uri('docs/milestone-1-load.md')
    const diagnostics = await client.open(uri, placeholders(1000))
    const found = diagnostics.filter((diagnostic) => diagnostic.code === 'milestone-no-placeholders')
    expect(found).toHaveLength(1000)
    expect(found.at(-1)?.range.start.line).toBe(1003)
  }, 60_000)

  it('lints a burst of edits once, at the latest version, not once per edit', async () => {
    const uri = client.uri('docs/milestone-3-burst.md')
    await client.open(uri, long)
    const before = client.logs.length
    const last = 31
    const published = client.diagnostics(uri, last)
    for (let version = 2; version <= last; version++) {
      // Superseded versions are never published: their promises never settle.
      void client.change(uri, version, long.replace('# Milestone 2', `# Milestone ${version}`)).catch(() => undefined)
    }
    const diagnostics = await published
    expect(diagnostics.length).toBeGreaterThan(100)
    const runs = client.logs.slice(before).filter((line) => line.startsWith(`linted ${uri} `))
    // The lint under way when the burst began, then the latest version.
    expect(runs.length).toBeLessThanOrEqual(2)
    expect(runs.at(-1)).toMatch(new RegExp(`\\(version ${last}\\): \\d+ messages$`))
  }, 120_000)

  it('answers requests while a lint runs', async () => {
    const uri = client.uri('docs/milestone-4-slow.md')
    const order: string[] = []
    const published = client.open(uri, long).then(() => order.push('published'))
    // Once the lint is under way (on the server's own thread it would take the thread for seconds).
    await client.logged(`linting ${uri} `)
    const other = client.uri('docs/milestone-1-load.md')
    const actions = await client.codeActions(other, {
      range: {start: {line: 4, character: 2}, end: {line: 4, character: 11}},
      message: 'x',
      code: 'milestone-no-placeholders'
    })
    order.push('answered')
    await published
    expect(actions).toEqual([])
    expect(order).toEqual(['answered', 'published'])
  }, 120_000)

  it('fixes only the text its diagnostic reported, whatever range the client sends', async () => {
    const uri = client.uri('docs/milestone-2-public-launch.md')
    const text = readFileSync(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md'), 'utf8')
    const diagnostics = await client.open(uri, text)
    const mark = diagnostics.find((diagnostic) =>
      String(diagnostic.message).startsWith('Unexpected success criterion mark `✔`')
    )!
    const {start, end} = mark.range
    // Before the doc, and reversed: no published diagnostic is there, so nothing is fixed.
    expect(
      await client.codeActions(uri, {...mark, range: {start: {line: -1, character: 0}, end: {line: 49, character: 0}}})
    ).toEqual([])
    // Reversed on its own line, or a whole block: the fix replaces the reported mark, and only it.
    for (const range of [
      {start: end, end: start},
      {start: {line: start.line, character: 0}, end: {line: start.line + 40, character: 0}}
    ]) {
      const [action] = await client.codeActions(uri, {...mark, range})
      expect(action?.edit?.changes?.[uri]).toEqual([{range: mark.range, newText: '✅'}])
    }
  }, 60_000)

  it('offers no formatting, and refuses a request for it', async () => {
    expect(capabilities.documentFormattingProvider).toBeUndefined()
    const uri = client.uri('docs/milestone-2-public-launch.md')
    await expect(
      client.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: {uri},
        options: {tabSize: 2, insertSpaces: true}
      })
    ).rejects.toMatchObject({code: ErrorCodes.MethodNotFound})
  })
})

describe('milestone-lint-language-server stopping', () => {
  it('answers `shutdown` at once while a lint runs', async () => {
    const client = new LspClient(makeProject())
    await client.initialize()
    const order: string[] = []
    const uri = client.uri('docs/milestone-5-slow.md')
    void client.open(uri, long).then(
      () => order.push('published'),
      () => undefined
    )
    await client.logged(`linting ${uri} `)
    await client.stop()
    order.push('stopped')
    expect(order).toEqual(['stopped'])
  }, 60_000)
})
