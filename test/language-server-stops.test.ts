/**
 * The language server's work stays bounded whatever a config file does: a
 * `process.exit()` in one is said on the doc, naming it; a lint that never
 * returns is stopped at the `timeLimit` setting; and a setting of the wrong
 * kind is said once, with its default used.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {DidChangeConfigurationNotification, FileChangeType} from 'vscode-languageserver-protocol/node'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {defaults} from '../src/cli/lsp-settings.js'
import {makeProject, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const defectivePath = 'docs/milestone-2-public-launch.md'

/** A client with these settings, opened on the defective doc (20 messages), stopped after `session` whatever happens. */
async function session(
  root: string,
  settings: unknown,
  run: (client: LspClient, opened: string[], uri: string) => Promise<void> | void
): Promise<void> {
  const client = new LspClient(root, {settings})
  try {
    await client.initialize()
    const uri = client.uri(defectivePath)
    const opened = await client.open(uri, readFileSync(path.join(root, defectivePath), 'utf8'))
    await run(client, opened.map(formatDiagnostic), uri)
  } finally {
    await client.stop()
  }
}

/** Write the config file anew and say so, as a watching client does; the doc's diagnostics after it. */
async function configChanged(client: LspClient, uri: string, name: string, text: string): Promise<string[]> {
  writeFileSync(path.join(client.root, name), text)
  const relinted = client.diagnostics(uri, 1)
  await client.filesChanged([{uri: client.uri(name), type: FileChangeType.Changed}])
  return (await relinted).map(formatDiagnostic)
}

describe('milestone-lint-language-server and a config file that would stop it', () => {
  it.each(['process.exit()', 'process.exit(1)'])(
    'says a config file’s `%s` on the doc, naming the file, and lints once it is mended',
    async (call) => {
      const root = makeProject({'.milestone-lint.mjs': `${call}\nexport default {}\n`})
      await session(root, {}, async (client, opened, uri) => {
        expect(opened).toEqual([
          `1:1 config: Cannot use the config file: .milestone-lint.mjs: \`${call}\` was called: a config file or plugin cannot end the linter`
        ])
        expect(await configChanged(client, uri, '.milestone-lint.mjs', 'export default {}\n')).toHaveLength(20)
      })
    },
    30_000
  )

  it('says why a `.remarkrc.mjs` cannot be used, cause and all, as the command line does', async () => {
    const root = makeProject({'.remarkrc.mjs': 'throw new Error("boom in rc")\n'})
    await session(root, {}, (_client, opened) => {
      expect(opened).toEqual([
        '1:1 undefined: Cannot process file: Cannot parse file `.remarkrc.mjs`: Cannot import `.remarkrc.mjs`: boom in rc'
      ])
    })
  }, 30_000)

  it('says a config file’s `process.kill()` of the server on the doc, and keeps serving', async () => {
    const root = makeProject({'.milestone-lint.mjs': 'process.kill(process.pid)\nexport default {}\n'})
    await session(root, {}, async (client, opened, uri) => {
      expect(opened.map((line) => line.replace(/process\.kill\(\d+\)/, 'process.kill(pid)'))).toEqual([
        '1:1 config: Cannot use the config file: .milestone-lint.mjs: `process.kill(pid)` was called: a config file or plugin cannot end the linter'
      ])
      expect(await configChanged(client, uri, '.milestone-lint.mjs', 'export default {}\n')).toHaveLength(20)
    })
  }, 30_000)

  it('says a plugin’s `process.exit()` from a timer on the doc, once, and keeps its messages', async () => {
    const root = makeProject({
      '.remarkrc.mjs':
        'export default {plugins: [() => () => new Promise((done) => setTimeout(() => { done(); process.exit(0) }))]}\n'
    })
    await session(root, {}, (_client, opened) => {
      expect(opened.filter((line) => !line.includes(' milestone-'))).toEqual([
        '1:1 plugin: A config file or plugin failed outside a lint: `process.exit(0)` was called: a config file or plugin cannot end the linter'
      ])
      expect(opened).toHaveLength(21)
    })
  }, 30_000)

  it('stops a lint that never returns at the `timeLimit` setting, fix-all too, and lints once the config is mended', async () => {
    const root = makeProject({'.milestone-lint.mjs': 'while (true) {}\nexport default {}\n'})
    // Not 1 s: the lint after the mend starts a new worker, which a loaded machine (CI) took over 1 s to start.
    await session(root, {timeLimit: 5}, async (client, opened, uri) => {
      const stopped =
        '1:1 time-limit: Cannot lint this file: its lint took over 5 s and was stopped (a config file or plugin may never return); the `milestoneLint.timeLimit` setting sets the limit'
      expect(opened).toEqual([stopped])
      // A fix-all asked for meanwhile gets no edit, and no wait beyond the limit.
      expect(await client.sourceActions(uri, ['source.fixAll.milestoneLint'])).toEqual([])
      expect(await configChanged(client, uri, '.milestone-lint.mjs', 'export default {}\n')).toHaveLength(20)
    })
  }, 30_000)
})

describe('milestone-lint-language-server and settings of the wrong kind', () => {
  it('says each once, in a notification and the log, and uses its default', async () => {
    const root = makeProject()
    const settings = {
      requireConfig: 'yes',
      baseline: 3,
      baselined: 'HINT',
      template: '',
      timeLimit: -1,
      ignorePath: null
    }
    await session(root, settings, async (client, opened) => {
      // `requireConfig` is false (the doc is linted without a config), `baseline` none.
      expect(opened).toHaveLength(20)
      const said = [
        '`milestoneLint.requireConfig`: "yes" is not `true` or `false`; using false',
        '`milestoneLint.baseline`: 3 is not a file name; using none',
        '`milestoneLint.baselined`: "HINT" is not `"hide"` or `"hint"`; using "hide"',
        '`milestoneLint.timeLimit`: -1 is not a number of seconds over 0; using 60'
      ]
      expect(client.shown).toEqual(said.map((problem) => `Milestone Lint: ${problem}`))
      expect(client.logs.filter((line) => line.includes('`milestoneLint.'))).toEqual(
        said.map((problem) => `milestone-lint-language-server: ${problem}`)
      )
      // Another doc, and the settings changed (as some clients say on any change): said nothing again.
      const other = client.uri('docs/milestone-1-private-beta.md')
      await client.open(other, readFileSync(path.join(root, 'docs/milestone-1-private-beta.md'), 'utf8'))
      const relinted = client.diagnostics(other, 1)
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: null})
      await relinted
      expect(client.shown).toHaveLength(4)
    })
  }, 30_000)

  it('are those the VS Code extension declares, with the same defaults (`enable` and `fixOnSave` are its own)', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'editors/vscode/package.json'), 'utf8')) as {
      contributes: {configuration: {properties: Record<string, {default: unknown}>}}
    }
    const declared = Object.entries(manifest.contributes.configuration.properties).map(([name, {default: given}]) => [
      name,
      given
    ])
    const served = Object.entries(defaults).map(([name, given]) => [`milestoneLint.${name}`, given ?? null])
    expect(Object.fromEntries(declared)).toEqual({
      ...Object.fromEntries(served),
      'milestoneLint.enable': true,
      'milestoneLint.fixOnSave': false
    })
  })
})
