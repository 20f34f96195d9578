/**
 * The language server and files on disk: a doc's lint reads the files it
 * links to (and its config) from disk, so a file saved in the editor or
 * changed on disk re-lints the other open docs, once per change; the saved
 * doc itself is not linted again. The server asks a client that can watch
 * files to watch the Markdown, config and ignore files; one that cannot
 * tells it of saves.
 */
import {readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {DidOpenTextDocumentNotification, FileChangeType, type FileEvent} from 'vscode-languageserver-protocol/node'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {makeProject, removeProjects} from './project.js'

afterAll(removeProjects)

/** A correct doc, which links to `./milestones.md#milestone-2-public-launch` twice. */
const docPath = 'docs/milestone-1-private-beta.md'
const overviewPath = 'docs/milestones.md'
const heading = '## Milestone 2: Public Launch'
const renamedHeading = '## Milestone 2: Launch'
const broken = [
  '15:35-15:91 milestone-relative-links: Unexpected link to missing heading `#milestone-2-public-launch` in `./milestones.md`, expected the slug of one of its headings',
  '500:3-500:68 milestone-relative-links: Unexpected link to missing heading `#milestone-2-public-launch` in `./milestones.md`, expected the slug of one of its headings'
]
/** A doc with 20 messages, 3 of them from milestone-relative-links. */
const defectivePath = 'docs/milestone-2-public-launch.md'

/** A client, stopped after `session` whatever happens. */
async function withClient(client: LspClient, session: (client: LspClient) => Promise<void>): Promise<void> {
  try {
    await session(client)
  } finally {
    await client.stop()
  }
}

/** How many times the server started a lint of `uri`. */
function lintsOf(client: LspClient, uri: string): number {
  return client.logs.filter((line) => line.startsWith(`linting ${uri} `)).length
}

describe('milestone-lint-language-server and files on disk', () => {
  it('lints the other open docs again when a doc is saved, and not the saved doc', async () => {
    const root = makeProject()
    const overviewFile = path.join(root, overviewPath)
    const original = readFileSync(overviewFile, 'utf8')
    const renamed = original.replace(heading, renamedHeading)
    expect(renamed).not.toBe(original)
    await withClient(new LspClient(root, {watchFiles: false}), async (client) => {
      await client.initialize()
      const doc = client.uri(docPath)
      const overview = client.uri(overviewPath)
      const before = (await client.open(doc, readFileSync(path.join(root, docPath), 'utf8'))).map(formatDiagnostic)
      expect(before).toEqual([])
      await client.open(overview, original)

      // Renamed in the editor: the doc's link is checked against the file on disk, not yet renamed.
      await client.change(overview, 2, renamed)
      expect(lintsOf(client, doc)).toBe(1)
      // Saved: the doc is linted again, without an edit.
      writeFileSync(overviewFile, renamed)
      const relinted = client.diagnostics(doc, 1)
      await client.save(overview)
      expect((await relinted).map(formatDiagnostic).sort()).toEqual([...before, ...broken].sort())

      // The saved doc's text has not changed since its lint: not linted again.
      const back = client.diagnostics(doc, 1)
      writeFileSync(overviewFile, original)
      await client.change(overview, 3, original)
      await client.save(overview)
      expect((await back).map(formatDiagnostic).sort()).toEqual([...before].sort())
      expect(client.logs.filter((line) => line.startsWith(`linting ${overview} `))).toEqual([
        `linting ${overview} (version 1)`,
        `linting ${overview} (version 2)`,
        `linting ${overview} (version 3)`
      ])
      expect(lintsOf(client, doc)).toBe(3)
    })
  }, 60_000)

  it('lints the open docs again when a watched file changes on disk, once for a change told twice', async () => {
    const root = makeProject()
    const overviewFile = path.join(root, overviewPath)
    const original = readFileSync(overviewFile, 'utf8')
    await withClient(new LspClient(root), async (client) => {
      await client.initialize()
      const doc = client.uri(docPath)
      const overview = client.uri(overviewPath)
      const before = (await client.open(doc, readFileSync(path.join(root, docPath), 'utf8'))).map(formatDiagnostic)
      await client.open(overview, original)

      // Changed by another program (a checkout, another editor): the client's watcher says so.
      writeFileSync(overviewFile, original.replace(heading, renamedHeading))
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: overview, type: FileChangeType.Changed}])
      expect((await relinted).map(formatDiagnostic).sort()).toEqual([...before, ...broken].sort())
      expect(lintsOf(client, doc)).toBe(2)

      // Told again of the same change (a client that sends both a save and its watcher's event):
      // not linted again. Another doc's lint, queued after, shows that nothing was.
      await client.save(overview)
      await client.filesChanged([{uri: overview, type: FileChangeType.Changed}])
      await client.open(client.uri('docs/milestone-9-other.md'), '# Milestone 9: Other\n')
      expect(lintsOf(client, doc)).toBe(2)

      // Deleted, then put back.
      const gone = client.diagnostics(doc, 1)
      rmSync(overviewFile)
      await client.filesChanged([{uri: overview, type: FileChangeType.Deleted}])
      const missing = (place: string, url: string) =>
        `${place} milestone-relative-links: Unexpected link to missing file \`${url}\`, expected an existing file relative to this doc`
      expect((await gone).map(formatDiagnostic)).toEqual([
        missing('4:22-4:60', './milestones.md'),
        missing('15:35-15:91', './milestones.md#milestone-2-public-launch'),
        missing('498:3-498:41', './milestones.md'),
        missing('500:3-500:68', './milestones.md#milestone-2-public-launch')
      ])
      const back = client.diagnostics(doc, 1)
      writeFileSync(overviewFile, original)
      await client.filesChanged([{uri: overview, type: FileChangeType.Created}])
      expect((await back).map(formatDiagnostic).sort()).toEqual([...before].sort())
    })
  }, 60_000)

  it('lints every open doc again when a config file changes on disk', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      await client.initialize()
      const doc = client.uri(defectivePath)
      expect(await client.open(doc, readFileSync(path.join(root, defectivePath), 'utf8'))).toHaveLength(20)
      writeFileSync(
        path.join(root, '.remarkrc.json'),
        JSON.stringify({plugins: [['remark-lint-milestone', {'milestone-relative-links': false}]]})
      )
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: client.uri('.remarkrc.json'), type: FileChangeType.Created}])
      expect(await relinted).toHaveLength(17)
    })
  }, 60_000)

  it('ignores a save of a document that is no file, and lints none when a file changes', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      await client.initialize()
      const doc = client.uri(docPath)
      await client.open(doc, readFileSync(path.join(root, docPath), 'utf8'))
      const untitled = 'untitled:Untitled-1'
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: {uri: untitled, languageId: 'markdown', version: 1, text: '# Milestone 1: x\n'}
      })
      await client.save(untitled)
      await client.open(client.uri('docs/milestone-9-other.md'), '# Milestone 9: Other\n')
      expect(lintsOf(client, doc)).toBe(1)
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: client.uri(overviewPath), type: FileChangeType.Changed}])
      expect(await relinted).toEqual([])
      expect(client.logs.filter((line) => line.includes(untitled))).toEqual([])
    })
  }, 30_000)

  it('handles the rest of a batch of changes when a path in it cannot be stat’ed (a symlink loop)', async () => {
    const root = makeProject()
    symlinkSync('loop.md', path.join(root, 'docs/loop.md'))
    await withClient(new LspClient(root), async (client) => {
      await client.initialize()
      const doc = client.uri(docPath)
      await client.open(doc, readFileSync(path.join(root, docPath), 'utf8'))
      const overviewFile = path.join(root, overviewPath)
      writeFileSync(overviewFile, readFileSync(overviewFile, 'utf8').replace(heading, renamedHeading))
      const relinted = client.diagnostics(doc, 1)
      await client.filesChanged([
        {uri: client.uri('docs/loop.md'), type: FileChangeType.Changed},
        {uri: client.uri(overviewPath), type: FileChangeType.Changed}
      ])
      // Another doc's lint, queued after, shows whether the batch linted the doc again.
      await client.open(client.uri('docs/milestone-9-other.md'), '# Milestone 9: Other\n')
      expect(client.logs.filter((line) => line.includes('failed'))).toEqual([])
      expect(lintsOf(client, doc)).toBe(2)
      expect((await relinted).map(formatDiagnostic)).toEqual(broken)
    })
  }, 30_000)

  it('remembers the changes of at most 4,096 files: after more, a change seen before lints again', async () => {
    const root = makeProject()
    await withClient(new LspClient(root), async (client) => {
      await client.initialize()
      const doc = client.uri(docPath)
      await client.open(doc, readFileSync(path.join(root, docPath), 'utf8'))
      const overview: FileEvent = {uri: client.uri(overviewPath), type: FileChangeType.Changed}
      const others = Array.from({length: 4095}, (_, index): FileEvent => ({
        uri: client.uri(`docs/gone-${index}.md`),
        type: FileChangeType.Deleted
      }))
      const first = client.diagnostics(doc, 1)
      await client.filesChanged([overview, ...others])
      await first
      // Seen: no lint (another doc's lint, queued after, shows it).
      await client.filesChanged([overview])
      await client.open(client.uri('docs/milestone-9-other.md'), '# Milestone 9: Other\n')
      expect(lintsOf(client, doc)).toBe(2)
      // One more file, and the overview's change is forgotten.
      const more = client.diagnostics(doc, 1)
      await client.filesChanged([{uri: client.uri('docs/gone-4095.md'), type: FileChangeType.Deleted}])
      await more
      const again = client.diagnostics(doc, 1)
      await client.filesChanged([overview])
      await again
      expect(lintsOf(client, doc)).toBe(4)
    })
  }, 30_000)

  it.each([
    ['asks a client that can watch files to watch the Markdown, config and ignore files', true],
    ['asks a client that cannot watch files for nothing more, and relies on its saves', false]
  ])(
    '%s',
    async (_, watchFiles) => {
      const root = makeProject()
      await withClient(new LspClient(root, {watchFiles}), async (client) => {
        const {capabilities} = await client.initialize()
        expect(capabilities.textDocumentSync).toMatchObject({openClose: true, change: 1, save: {includeText: false}})
        // Registered once initialized, before the first lint is published.
        await client.open(client.uri(docPath), readFileSync(path.join(root, docPath), 'utf8'))
        const watchers = client.registrations.filter(
          (registration) => registration.method === 'workspace/didChangeWatchedFiles'
        )
        expect(watchers.map((registration) => registration.registerOptions as unknown)).toEqual(
          watchFiles
            ? [
                {
                  watchers: [
                    '**/*.{md,markdown,mdown,mkd,mkdn,mdx}',
                    '**/.remarkrc',
                    '**/.remarkrc.json',
                    '**/.remarkrc.cjs',
                    '**/.remarkrc.mjs',
                    '**/.remarkrc.js',
                    '**/.remarkrc.yaml',
                    '**/.remarkrc.yml',
                    '**/.milestone-lint.json',
                    '**/.milestone-lint.jsonc',
                    '**/.milestone-lint.mjs',
                    '**/package.json',
                    '**/.remarkignore'
                  ].map((globPattern) => ({globPattern}))
                }
              ]
            : []
        )
      })
    },
    30_000
  )
})
