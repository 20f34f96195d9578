#!/usr/bin/env node
/**
 * `milestone-lint-language-server`: the milestone preset in any LSP client.
 * Open Markdown documents are linted as `milestone-lint` lints files (the same
 * engine, `.remarkrc*`, `package.json#remarkConfig` and `.remarkignore`, found
 * from the workspace folder, with the user's config under the preset, and
 * milestone-lint's own config file, found from the workspace folder up). Messages
 * become diagnostics with the rule id as code and a link to the rule's docs;
 * messages with `expected` become quick fixes, and the certain ones are
 * applied at once by the `source.fixAll.milestoneLint` action. A file saved
 * or changed on disk lints the other open docs again (lsp-files.ts). Its
 * commands show a doc's schema and write a new doc (lsp-commands.ts).
 */
import process from 'node:process'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {type Message, cannotLint} from './lint-message.js'
import {lintThread} from './lint-thread.js'
import type {Job, Result} from './lint-worker.js'
import {answerCommands, commands} from './lsp-commands.js'
import {namedFileWatcher, relintOnChanges, watchers} from './lsp-files.js'
import {SettingsCache, jobSettings} from './lsp-settings.js'
import {
  type Published,
  asksFor,
  fixAll,
  fixAllKind,
  quickFixesFor,
  toDiagnostic,
  toPath,
  workspaceOf
} from './lsp-convert.js'

// The LSP library reads its transport from the command line: default to stdio,
// which is what editors' generic clients speak.
if (!process.argv.slice(2).some((flag) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)\b/.test(flag))) {
  process.argv.push('--stdio')
}

// An editor session must outlive any one failed request: log it, keep serving.
process.on('unhandledRejection', (error) => {
  console.error('milestone-lint-language-server:', error)
})

const connection = createConnection()
const documents = new TextDocuments(TextDocument)
/** Workspace folders, as paths. */
const workspaces = new Set<string>()
const published = new Map<string, Published>()
const settings = new SettingsCache(connection)
let foldersChange = false
let versionedEdits = false // edits for a document's version (`documentChanges`), refused once it changed
let watchFiles = false

/** Documents waiting to be linted, in order; one lint runs at a time, on the linter thread. */
const waiting = new Set<string>()
/** Fix-all requests waiting for the linter, in order: they go first, as someone waits for them (a save, maybe). */
const fixes: Array<{uri: string; version: number; done: (result?: Result) => void}> = []
/** The lint in progress, and the fix-all request it is for, if it is one. */
let running: {uri: string; version: number; id: number; fix?: (result?: Result) => void} | undefined
let jobs = 0
const linter = lintThread(finishJob, log)
const watchNamed = namedFileWatcher(connection, log)

connection.onInitialize((params) => {
  const {capabilities, workspaceFolders} = params
  // Clients older than workspace folders (LSP 3.6) send only `rootUri`.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- old clients send only this
  const rootUri = params.rootUri
  for (const folder of workspaceFolders ?? []) addWorkspace(folder.uri)
  if (workspaces.size === 0 && rootUri) addWorkspace(rootUri)
  settings.canAsk = Boolean(capabilities.workspace?.configuration)
  foldersChange = Boolean(capabilities.workspace?.workspaceFolders)
  versionedEdits = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges)
  watchFiles = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
  return {
    capabilities: {
      textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Full, save: {includeText: false}},
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind]},
      executeCommandProvider: {commands},
      workspace: foldersChange ? {workspaceFolders: {supported: true, changeNotifications: true}} : undefined
    }
  }
})

connection.onInitialized(() => {
  // Some clients only say that settings changed once this is registered; one
  // that refuses it is still asked for them.
  if (settings.canAsk) connection.client.register(DidChangeConfigurationNotification.type).catch(log)
  // Files changed by other programs; a client that cannot watch them still says when it saves.
  if (watchFiles) connection.client.register(DidChangeWatchedFilesNotification.type, {watchers}).catch(log)
  if (foldersChange) {
    connection.workspace.onDidChangeWorkspaceFolders(({added, removed}) => {
      for (const folder of removed) workspaces.delete(toPath(folder.uri) ?? '')
      for (const folder of added) addWorkspace(folder.uri)
      lintAll()
    })
  }
})

documents.onDidChangeContent(({document}) => {
  lint(document)
})

documents.onDidClose(({document}) => {
  waiting.delete(document.uri)
  published.delete(document.uri)
  settings.forget(document.uri)
  connection.sendDiagnostics({uri: document.uri, diagnostics: []}).catch(log)
})

connection.onDidChangeConfiguration(() => {
  settings.forget()
  lintAll()
})

relintOnChanges(connection, documents, lint)

connection.onCodeAction(async ({textDocument, context}) => {
  const document = documents.get(textDocument.uri)
  if (!document) return []
  const last = published.get(textDocument.uri)
  // Quick fixes are only offered for text the diagnostics were computed on.
  const current = asksFor(context.only, CodeActionKind.QuickFix) && last?.version === document.version
  const actions = current ? quickFixesFor(document, context.diagnostics, last.diagnostics) : []
  // Fix-all lints the text again (in rounds), so it is only made when asked
  // for by kind; its edits are for the text as the client has it, or none.
  if (asksFor(context.only, fixAllKind)) {
    const version = document.version
    const result = await new Promise<Result | undefined>((done) => {
      fixes.push({uri: document.uri, version, done})
      lintNextWaiting()
    })
    if (result?.edits && document.version === version) actions.push(...fixAll(document, result.edits, versionedEdits))
  }
  return actions
})

answerCommands(connection, settings, (file) => workspaceOf(workspaces, file))

// Answered at once, even mid-lint: the lint runs on the worker, which goes.
connection.onShutdown(async () => {
  waiting.clear()
  running?.fix?.()
  running = undefined
  for (const fix of fixes.splice(0)) fix.done()
  await linter.stop()
})

documents.listen(connection)
connection.listen()

function lintAll(): void {
  for (const document of documents.all()) lint(document)
}

/**
 * Lint a document, soon. Edits are coalesced: a document waits for its turn
 * with only its latest version, so a burst of keystrokes makes one lint of
 * the text as it is by then, not one per keystroke; and a result for a
 * version that has changed meanwhile is dropped (the newer one follows).
 */
function lint(document: TextDocument): void {
  waiting.add(document.uri)
  lintNextWaiting()
}

function lintNextWaiting(): void {
  if (running) return
  const fix = fixes.shift()
  const [next] = waiting
  const uri = fix ? fix.uri : next
  if (uri === undefined) return
  if (!fix) waiting.delete(uri)
  const document = documents.get(uri)
  const filePath = toPath(uri)
  // A fix-all is for the version it was asked on.
  if (!document || !filePath || (fix && fix.version !== document.version)) {
    fix?.done()
    lintNextWaiting()
    return
  }
  const id = ++jobs
  running = {uri, version: document.version, id, fix: fix?.done}
  const text = document.getText()
  const cwd = workspaceOf(workspaces, filePath)
  settings
    .get(uri)
    .then((given) => {
      if (running?.id !== id) return
      const job: Job = {id, cwd, path: filePath, text, ...jobSettings(given, cwd), fix: Boolean(fix)}
      if (watchFiles) for (const file of [job.ignorePath, job.baseline, job.template]) if (file) watchNamed(file)
      linter.run(job, given.timeLimit)
      connection.console.log(`${fix ? 'fixing' : 'linting'} ${uri} (version ${running.version})`)
    })
    .catch((error: unknown) => {
      /* v8 ignore start -- settings.get never rejects: only a worker that cannot start gets here */
      log(error)
      finishJob({id, messages: [cannotLint(error)]})
      /* v8 ignore stop */
    })
}

function finishJob(result: Result): void {
  const done = running
  if (done?.id !== result.id) return
  running = undefined
  // The config's baseline is known once read: watched as the setting's is.
  if (watchFiles && result.baseline) watchNamed(result.baseline)
  if (done.fix) done.fix(result)
  else publish(done, result.messages)
  lintNextWaiting()
}

function publish(done: {uri: string; version: number}, messages: Message[]): void {
  // The document changed meanwhile: its latest version is waiting, and publishes instead.
  const current = documents.get(done.uri)?.version === done.version
  // Said in the client's log (an editor's output panel): what was linted, and when.
  connection.console.log(
    `linted ${done.uri} (version ${done.version}): ${current ? `${messages.length} messages` : 'superseded by an edit'}`
  )
  if (current) {
    const diagnostics = messages.map((message) => toDiagnostic(message, done.uri))
    published.set(done.uri, {version: done.version, diagnostics})
    connection.sendDiagnostics({uri: done.uri, version: done.version, diagnostics}).catch(log)
  }
}

function addWorkspace(uri: string): void {
  const folder = toPath(uri)
  if (folder) workspaces.add(folder)
}

function log(error: unknown): void {
  connection.console.error(`milestone-lint-language-server: ${error instanceof Error ? error.stack : String(error)}`)
}
