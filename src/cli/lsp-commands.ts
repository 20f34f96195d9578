/**
 * The language server's commands (`workspace/executeCommand`), so an editor
 * extension runs them with the copy of the package the server is: the
 * workspace's own when it has one.
 *
 * - `milestone-lint.schema` [uri]: the schema of the template a doc is
 *   checked against (as `milestone-lint-schema` prints it), and its name.
 * - `milestone-lint.new` [path]: write a new doc there (as `milestone-lint
 *   new`); the lines that say what was written.
 *
 * A command that cannot be done answers with an error that says why, in one line.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {type Connection, ResponseError} from 'vscode-languageserver/node'
import {firstLine} from './lint-message.js'
import {toPath} from './lsp-convert.js'
import type {SettingsCache} from './lsp-settings.js'

/** The commands, as the server advertises them. */
export const commands = ['milestone-lint.schema', 'milestone-lint.new']

/** Answer the commands, for files in the workspace folders, with the `template` setting of each. */
export function answerCommands(
  connection: Connection,
  settings: SettingsCache,
  workspaceOf: (file: string) => string
): void {
  connection.onExecuteCommand(({command, arguments: args}) =>
    executeCommand(command, args ?? [], workspaceOf, async (file, cwd) => {
      const {template} = await settings.get(pathToFileURL(file).href)
      return template && path.resolve(cwd, template)
    })
  )
}

/** Run a command for a workspace folder's file; rejects with a {@link ResponseError} saying why it cannot. */
export async function executeCommand(
  command: string,
  args: unknown[],
  workspaceOf: (file: string) => string,
  templateOf: (file: string, cwd: string) => Promise<string | undefined>
): Promise<unknown> {
  const [first] = args
  const file = typeof first === 'string' ? (first.startsWith('file:') ? toPath(first) : first) : undefined
  if (!commands.includes(command)) {
    throw new ResponseError(-32602, `milestone-lint: unknown command \`${command}\`, expected ${commands.join(' or ')}`)
  }
  if (!file)
    throw new ResponseError(-32602, `milestone-lint: \`${command}\` expects a file (a path or a \`file:\` URI)`)
  const cwd = workspaceOf(file)
  // Loaded when first asked for: the server's own thread stays light.
  const {newDoc, templateFor} = await import('./new-doc.js')
  const {loadConfig} = await import('./config-file.js')
  try {
    // milestone-lint's own config file, as the linter thread reads it (its `template`).
    // The template setting under it, as the linter thread has it.
    const template = await templateOf(file, cwd)
    const config = await loadConfig(cwd, undefined)
    const preset = {...(template ? {template} : {}), ...config?.preset}
    // And the own configs at and above the file's folder (`nested`).
    const run = {rcPath: undefined, preset, nested: true}
    if (command === 'milestone-lint.new')
      return await newDoc({...run, file, title: undefined, config: undefined}, cwd, new Map())
    const {name, schema} = await templateFor(file, cwd, run, new Map())
    return {template: name, schema}
  } catch (error) {
    throw new ResponseError(-32603, firstLine(error))
  }
}
