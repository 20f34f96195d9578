#!/usr/bin/env node
/**
 * `milestone-lint-language-server`: the milestone preset in any LSP client.
 * Open Markdown documents are linted as `milestone-lint` lints files (the same
 * engine, `.remarkrc*`, `package.json#remarkConfig` and `.remarkignore`, found
 * from the workspace folder, with the user's config under the preset). Messages
 * become diagnostics with the rule id as code and a link to the rule's docs;
 * messages with `expected` become quick fixes.
 */
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {
  CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type Position,
  TextDocumentSyncKind,
  TextDocuments,
  TextEdit,
  createConnection
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {type Message, cannotLint} from './lint-message.js'
import type {Job, Result} from './lint-worker.js'

// The LSP library reads its transport from the command line: default to stdio,
// which is what editors' generic clients speak.
if (!process.argv.slice(2).some((flag) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)\b/.test(flag))) {
  process.argv.push('--stdio')
}

// An editor session must outlive any one failed request: log it, keep serving.
process.on('unhandledRejection', (error) => {
  console.error('milestone-lint-language-server:', error)
})

/** The `milestoneLint` settings a client may give. */
interface Settings {
  /** Lint only files that a config file applies to. */
  requireConfig: boolean
  /** An ignore file to use instead of `.remarkignore`, relative to the workspace folder. */
  ignorePath: string | undefined
}

const defaults: Settings = {requireConfig: false, ignorePath: undefined}

/** The diagnostics last published for a document, and its version then. */
interface Published {
  version: number
  diagnostics: Diagnostic[]
}

const connection = createConnection()
const documents = new TextDocuments(TextDocument)
/** Workspace folders, as paths. */
const workspaces = new Set<string>()
const published = new Map<string, Published>()
const settingsByUri = new Map<string, Promise<Settings>>()
let canAskSettings = false
let foldersChange = false

/** Documents waiting to be linted, in order; one lint runs at a time, on the worker. */
const waiting = new Set<string>()
/** The lint in progress, and the worker it was given to. */
let running: {uri: string; version: number; id: number; worker?: Worker} | undefined
let jobs = 0
let worker: Worker | undefined
/**
 * A worker is replaced after this many lints: its caches and heap start
 * afresh, so memory stays bounded over a long session.
 */
const lintsPerWorker = 200
let lintsByWorker = 0

connection.onInitialize((params) => {
  const {capabilities, workspaceFolders} = params
  // Clients older than workspace folders (LSP 3.6) send only `rootUri`.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const rootUri = params.rootUri
  for (const folder of workspaceFolders ?? []) addWorkspace(folder.uri)
  if (workspaces.size === 0 && rootUri) addWorkspace(rootUri)
  canAskSettings = Boolean(capabilities.workspace?.configuration)
  foldersChange = Boolean(capabilities.workspace?.workspaceFolders)
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Full,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
      workspace: foldersChange ? {workspaceFolders: {supported: true, changeNotifications: true}} : undefined
    }
  }
})

connection.onInitialized(() => {
  // Some clients only say that settings changed once this is registered; one
  // that refuses it is still asked for them.
  if (canAskSettings) connection.client.register(DidChangeConfigurationNotification.type).catch(log)
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
  settingsByUri.delete(document.uri)
  connection.sendDiagnostics({uri: document.uri, diagnostics: []}).catch(log)
})

connection.onDidChangeConfiguration(() => {
  settingsByUri.clear()
  lintAll()
})

// A config or ignore file may have changed.
connection.onDidChangeWatchedFiles(lintAll)

connection.onCodeAction(({textDocument, context}) => {
  const document = documents.get(textDocument.uri)
  const last = published.get(textDocument.uri)
  // Fixes are only offered for text the diagnostics were computed on.
  if (!document || last?.version !== document.version) return []
  return context.diagnostics.flatMap((echoed) => {
    const diagnostic = publishedMatch(echoed, last.diagnostics)
    return diagnostic ? quickFixes(document, diagnostic) : []
  })
})

// Answered at once, even mid-lint: the lint runs on the worker, which goes.
connection.onShutdown(async () => {
  waiting.clear()
  running = undefined
  await worker?.terminate()
  worker = undefined
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
  const [uri] = waiting
  if (uri === undefined) return
  waiting.delete(uri)
  const document = documents.get(uri)
  const filePath = toPath(uri)
  if (!document || !filePath) {
    lintNextWaiting()
    return
  }
  const id = ++jobs
  running = {uri, version: document.version, id}
  const text = document.getText()
  const cwd = workspaceOf(filePath)
  settingsFor(uri)
    .then((settings) => {
      if (running?.id !== id) return
      const job: Job = {
        id,
        cwd,
        path: filePath,
        text,
        requireConfig: settings.requireConfig,
        ignorePath: settings.ignorePath ? path.resolve(cwd, settings.ignorePath) : undefined
      }
      running.worker = linter()
      running.worker.postMessage(job)
      connection.console.log(`linting ${uri} (version ${running.version})`)
    })
    .catch((error: unknown) => {
      log(error)
      publishLint(id, [cannotLint(error)])
    })
}

/** The worker, started when first needed (and again after it is replaced or dies). */
function linter(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('lint-worker.js', import.meta.url), {
    // A doc is at most 1 MB (the `limits` option): a lint that needs more
    // than this is a bug, reported on the doc, not a server that swaps.
    resourceLimits: {maxOldGenerationSizeMb: 512}
  })
  started.on('message', (result: Result) => {
    publishLint(result.id, result.messages)
  })
  started.on('error', log)
  started.on('exit', (code) => {
    if (worker === started) worker = undefined
    // Died mid-lint (out of memory, a crash): say so on the doc, go on with the next.
    if (running?.worker === started && code !== 0) {
      publishLint(running.id, [cannotLint(`the linter stopped with exit code ${code}, out of memory or on an error`)])
    }
  })
  lintsByWorker = 0
  worker = started
  return started
}

function publishLint(id: number, messages: Message[]): void {
  const done = running
  if (done?.id !== id) return
  running = undefined
  if (++lintsByWorker >= lintsPerWorker && worker) {
    void worker.terminate()
    worker = undefined
  }
  // The document changed meanwhile: its latest version is waiting, and publishes instead.
  const current = documents.get(done.uri)?.version === done.version
  // Said in the client's log (an editor's output panel): what was linted, and when.
  connection.console.log(
    `linted ${done.uri} (version ${done.version}): ${current ? `${messages.length} messages` : 'superseded by an edit'}`
  )
  if (current) {
    const diagnostics = messages.map(toDiagnostic)
    published.set(done.uri, {version: done.version, diagnostics})
    connection.sendDiagnostics({uri: done.uri, version: done.version, diagnostics}).catch(log)
  }
  lintNextWaiting()
}

function settingsFor(uri: string): Promise<Settings> {
  if (!canAskSettings) return Promise.resolve(defaults)
  let settings = settingsByUri.get(uri)
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({scopeUri: uri, section: 'milestoneLint'})
      .then(toSettings, () => defaults)
    settingsByUri.set(uri, settings)
  }
  return settings
}

/** Anything but an object (`null`, or `[]` from a Lua `{}`) means the defaults. */
function toSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return defaults
  const {requireConfig, ignorePath} = raw as Record<string, unknown>
  return {requireConfig: Boolean(requireConfig), ignorePath: typeof ignorePath === 'string' ? ignorePath : undefined}
}

function toDiagnostic(message: Message): Diagnostic {
  return {
    range: {start: toPosition(message.start), end: toPosition(message.end ?? message.start)},
    message: message.note ? `${message.reason}\n${message.note}` : message.reason,
    severity:
      message.fatal === true
        ? DiagnosticSeverity.Error
        : message.fatal === false
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    code: message.ruleId,
    source: message.source,
    codeDescription: message.url ? {href: message.url} : undefined,
    data: message.expected ? {expected: message.expected} : undefined
  }
}

/** A 1-based vfile point as a 0-based LSP position (both count UTF-16 code units). */
function toPosition(point: {line?: number; column?: number} | undefined): Position {
  return {line: Math.max((point?.line ?? 1) - 1, 0), character: Math.max((point?.column ?? 1) - 1, 0)}
}

/**
 * The published diagnostic a client sends back. Its range is not trusted:
 * Neovim 0.7 to 0.10 send byte columns where LSP has UTF-16 code units
 * (neovim/neovim#29500), which would move the edit on any line with non-ASCII
 * text. The code, message and line pick it; an exact range only breaks a tie.
 */
function publishedMatch(echoed: Diagnostic, diagnostics: Diagnostic[]): Diagnostic | undefined {
  const candidates = diagnostics.filter(
    (diagnostic) =>
      diagnostic.code === echoed.code &&
      diagnostic.message === echoed.message &&
      diagnostic.range.start.line === echoed.range.start.line
  )
  const exact = candidates.find(
    (diagnostic) =>
      diagnostic.range.start.character === echoed.range.start.character &&
      diagnostic.range.end.line === echoed.range.end.line &&
      diagnostic.range.end.character === echoed.range.end.character
  )
  return exact ?? (candidates.length === 1 ? candidates[0] : undefined)
}

/** One quick fix per expected text, each replacing exactly the reported range. */
function quickFixes(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const expected = (diagnostic.data as {expected?: unknown} | undefined)?.expected
  if (!Array.isArray(expected)) return []
  const {range} = diagnostic
  const actual = document.getText(range)
  const empty = range.start.line === range.end.line && range.start.character === range.end.character
  return expected
    .filter((replacement): replacement is string => typeof replacement === 'string')
    .map((replacement) => {
      const title = !replacement
        ? `Remove \`${menuText(actual)}\``
        : empty
          ? `Insert \`${menuText(replacement)}\``
          : `Replace \`${menuText(actual)}\` with \`${menuText(replacement)}\``
      const action = CodeAction.create(
        title,
        {changes: {[document.uri]: [TextEdit.replace(range, replacement)]}},
        CodeActionKind.QuickFix
      )
      if (expected.length === 1) action.isPreferred = true
      return action
    })
}

/**
 * Text as an editor menu shows it: one line, its first non-blank one trimmed
 * (`## Open Questions`, not the heading and its blank lines), `…` when more
 * follows or it is long.
 */
function menuText(text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const first = lines[0] ?? '⏎'
  const cut = first.length > 50 ? first.slice(0, 49) + '…' : first
  return lines.length > 1 && !cut.endsWith('…') ? cut + ' …' : cut
}

function addWorkspace(uri: string): void {
  const folder = toPath(uri)
  if (folder) workspaces.add(folder)
}

/** The workspace folder nearest the file, else the file's own folder. */
function workspaceOf(filePath: string): string {
  let best: string | undefined
  for (const folder of workspaces) {
    const inside = filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
    if (inside && (!best || folder.length > best.length)) best = folder
  }
  return best ?? path.dirname(filePath)
}

/** The path of a `file:` URI; other documents (unsaved, remote) are not linted. */
function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
  } catch {
    return undefined
  }
}

function log(error: unknown): void {
  connection.console.error(`milestone-lint-language-server: ${error instanceof Error ? error.stack : String(error)}`)
}
