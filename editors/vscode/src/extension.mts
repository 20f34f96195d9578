/**
 * The Milestone Lint extension: starts `milestone-lint-language-server` for
 * Markdown files, from the workspace's `remark-lint-milestone` when it has
 * one (the version the project pins), else the copy bundled in the
 * extension; says which in its output channel. Its commands ask the server
 * (`workspace/executeCommand`), so they too use that copy.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import * as vscode from 'vscode'
import {ExecuteCommandRequest, LanguageClient, TransportKind} from 'vscode-languageclient/node'

const fixAllKind = 'source.fixAll.milestoneLint'
let client: LanguageClient | undefined
let output: vscode.LogOutputChannel
let extensionPath: string

/** VS Code calls it when a Markdown file opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Milestone Lint', {log: true})
  extensionPath = context.extensionPath
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('milestoneLint.showSchema', showSchema),
    vscode.commands.registerCommand('milestoneLint.newDoc', newDoc),
    vscode.commands.registerCommand('milestoneLint.restart', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('milestoneLint.enable')) void restart()
    }),
    vscode.workspace.onWillSaveTextDocument(fixOnSave)
  )
  await start()
}

/** VS Code calls it on shutting the extension down. */
export async function deactivate(): Promise<void> {
  await client?.stop()
}

async function start(): Promise<void> {
  if (!vscode.workspace.getConfiguration('milestoneLint').get<boolean>('enable', true)) {
    output.info('Milestone Lint: disabled (milestoneLint.enable)')
    return
  }
  const server = serverToRun()
  output.info(`Milestone Lint: running ${server.from}: ${server.module}`)
  client = new LanguageClient(
    'milestoneLint',
    'Milestone Lint',
    {module: server.module, transport: TransportKind.ipc, options: {cwd: server.cwd}},
    {
      documentSelector: [{scheme: 'file', language: 'markdown'}],
      outputChannel: output
    }
  )
  await client.start()
}

async function restart(): Promise<void> {
  const running = client
  client = undefined
  await running?.stop()
  await start()
}

/** The workspace's own server (the first folder that has the package installed), else the bundled one. */
function serverToRun(): {module: string; from: string; cwd: string | undefined} {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue
    const cwd = folder.uri.fsPath
    try {
      const manifest = createRequire(path.join(cwd, 'package.json')).resolve('remark-lint-milestone/package.json')
      const pack = JSON.parse(readFileSync(manifest, 'utf8')) as {version?: string; bin?: Record<string, string>}
      const bin = pack.bin?.['milestone-lint-language-server']
      if (bin) {
        const from = `the workspace's remark-lint-milestone ${pack.version ?? '(no version)'}`
        return {module: path.resolve(path.dirname(manifest), bin), from, cwd}
      }
    } catch {
      // Not installed there (or unreadable): the next folder, or the bundled copy.
    }
  }
  const own = JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {version: string}
  return {
    module: path.join(extensionPath, 'server', 'dist', 'cli', 'language-server.js'),
    from: `the bundled remark-lint-milestone ${own.version}`,
    cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath
  }
}

/** Ask the server to run one of its commands; undefined (and an error shown) when it cannot. */
async function ask<T>(command: string, file: string): Promise<T | undefined> {
  if (!client) {
    void vscode.window.showErrorMessage('Milestone Lint: the language server is not running (milestoneLint.enable)')
    return undefined
  }
  try {
    return (await client.sendRequest(ExecuteCommandRequest.type, {command, arguments: [file]})) as T
  } catch (error) {
    void vscode.window.showErrorMessage(`Milestone Lint: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}

/** "Show derived schema": the schema of the active doc's template, as JSON in a new editor. */
async function showSchema(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document
  if (document?.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Milestone Lint: open a milestone doc to see the schema of its template')
    return
  }
  const result = await ask<{template: string; schema: unknown}>('milestone-lint.schema', document.uri.toString())
  if (!result) return
  output.info(`Schema of ${result.template}, the template of ${document.uri.fsPath}`)
  const json = await vscode.workspace.openTextDocument({
    language: 'json',
    content: JSON.stringify(result.schema, null, 2) + '\n'
  })
  await vscode.window.showTextDocument(json, {preview: false})
}

/** "New milestone doc": asks for a file name, writes it as `milestone-lint new` does, opens it. */
async function newDoc(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0]
  if (folder?.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Milestone Lint: open a folder to write a new milestone doc in')
    return
  }
  const name = await vscode.window.showInputBox({
    title: 'New milestone doc',
    prompt: `A Markdown file to write, relative to ${folder.name}`,
    placeHolder: 'docs/milestone-3-scale.md'
  })
  if (!name) return
  const file = path.resolve(folder.uri.fsPath, name)
  const lines = await ask<string[]>('milestone-lint.new', file)
  if (!lines) return
  for (const line of lines) output.info(line)
  await vscode.window.showTextDocument(vscode.Uri.file(file))
  void vscode.window.showInformationMessage(lines.at(-1)?.trim() ?? `Wrote ${name}`)
}

/** `milestoneLint.fixOnSave`: the fix-all action's edits, made before the file is written. */
function fixOnSave(event: vscode.TextDocumentWillSaveEvent): void {
  const {document} = event
  if (!client || document.languageId !== 'markdown' || document.uri.scheme !== 'file') return
  if (!vscode.workspace.getConfiguration('milestoneLint', document).get<boolean>('fixOnSave', false)) return
  event.waitUntil(fixAllEdits(document))
}

async function fixAllEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    new vscode.Range(0, 0, 0, 0),
    fixAllKind
  )
  const fixAll = actions?.find((action) => action.kind?.value === fixAllKind)
  return fixAll?.edit?.get(document.uri) ?? []
}
