/**
 * The language server's commands (`workspace/executeCommand`), which the VS
 * Code extension runs: `milestone-lint.schema` answers what
 * `milestone-lint-schema` prints for the doc's template (its config's
 * `template`, else the bundled one), `milestone-lint.new` writes what
 * `milestone-lint new` writes; what cannot be done is one error line.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ExecuteCommandRequest} from 'vscode-languageserver-protocol/node'
import {LspClient} from './lsp-client.js'
import {cliPath, makeProject, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const schemaCli = path.join(repoRoot, 'dist/cli/schema.js')

/** Run a command with a client on a new project; the server's answer, or its error's message. */
async function execute(root: string, command: string, args: unknown[], settings: unknown = {}): Promise<unknown> {
  const client = new LspClient(root, {settings})
  try {
    const {capabilities} = await client.initialize()
    expect(capabilities.executeCommandProvider).toEqual({commands: ['milestone-lint.schema', 'milestone-lint.new']})
    return await client.connection
      .sendRequest(ExecuteCommandRequest.type, {command, arguments: args})
      .catch((error: unknown) => (error instanceof Error ? `error: ${error.message}` : error))
  } finally {
    await client.stop()
  }
}

describe('milestone-lint-language-server commands', () => {
  it("answers the schema of a doc's template: the bundled one, or its config's", async () => {
    const bundled = makeProject()
    const schema = JSON.parse(execFileSync(process.execPath, [schemaCli], {encoding: 'utf8'})) as unknown
    const doc = new LspClient(bundled).uri('docs/milestone-2-public-launch.md')
    expect(await execute(bundled, 'milestone-lint.schema', [doc])).toEqual({template: 'the bundled template', schema})

    const template = readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')
    const own = makeProject({
      'docs/template.md': template,
      '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: 'docs/template.md'}]]})
    })
    const ownSchema = JSON.parse(
      execFileSync(process.execPath, [schemaCli, 'docs/template.md'], {cwd: own, encoding: 'utf8'})
    ) as unknown
    expect(ownSchema).not.toEqual(schema)
    const answer = await execute(own, 'milestone-lint.schema', [path.join(own, 'docs/milestone-2-public-launch.md')])
    expect(answer).toEqual({template: path.join('docs', 'template.md'), schema: ownSchema})
  })

  it('takes the template from milestone-lint’s own config file, else from the `template` setting', async () => {
    const template = readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')
    const configured = makeProject({
      'docs/template.md': template,
      '.milestone-lint.json': JSON.stringify({template: 'docs/template.md'})
    })
    const ownSchema = JSON.parse(
      execFileSync(process.execPath, [schemaCli, 'docs/template.md'], {cwd: configured, encoding: 'utf8'})
    ) as unknown
    const doc = (root: string) => path.join(root, 'docs/milestone-2-public-launch.md')
    expect(await execute(configured, 'milestone-lint.schema', [doc(configured)])).toEqual({
      template: path.join('docs', 'template.md'),
      schema: ownSchema
    })
    const set = makeProject({'docs/template.md': template})
    // The setting is resolved from the workspace folder, and named so in the schema.
    expect(await execute(set, 'milestone-lint.schema', [doc(set)], {template: 'docs/template.md'})).toEqual({
      template: path.join('docs', 'template.md'),
      schema: {...(ownSchema as object), template: path.join(set, 'docs/template.md')}
    })
    // The config file's wins over the setting.
    expect(
      await execute(configured, 'milestone-lint.schema', [doc(configured)], {template: 'docs/missing.md'})
    ).toMatchObject({schema: ownSchema})
  })

  it('writes a new doc as `milestone-lint new` does, and refuses to overwrite one', async () => {
    const root = makeProject()
    const cli = makeProject()
    execFileSync(process.execPath, [cliPath, 'new', 'docs/milestone-3-scale.md'], {cwd: cli, stdio: 'pipe'})
    const file = path.join(root, 'docs/milestone-3-scale.md')
    const lines = await execute(root, 'milestone-lint.new', [file])
    expect(lines).toEqual([
      'milestone-lint: wrote docs/milestone-3-scale.md from the bundled template',
      '  # Milestone 3: Scale',
      '  **Parent Document**: ./milestones.md',
      '  **Architecture Reference**: ./lumen-architecture.md',
      '  133 placeholders to fill, and 1 other message: `milestone-lint docs/milestone-3-scale.md` lists them'
    ])
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(cli, 'docs/milestone-3-scale.md'), 'utf8'))
    expect(await execute(root, 'milestone-lint.new', [file])).toBe(
      'error: `docs/milestone-3-scale.md` exists: not overwritten'
    )
  })

  it('refuses an unknown command, or one without a file, in one line', async () => {
    const root = makeProject()
    expect(await execute(root, 'milestone-lint.other', ['x.md'])).toBe(
      'error: milestone-lint: unknown command `milestone-lint.other`, expected milestone-lint.schema or milestone-lint.new'
    )
    expect(await execute(root, 'milestone-lint.schema', [])).toBe(
      'error: milestone-lint: `milestone-lint.schema` expects a file (a path or a `file:` URI)'
    )
  })
})
