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
import {Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {remark} from 'remark'
import type {Plugin} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
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
import remarkLintMilestone from '../index.js'

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

connection.onInitialize(({capabilities, workspaceFolders, rootUri}) => {
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
  lint(document).catch(log)
})

documents.onDidClose(({document}) => {
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
    const diagnostic = ours(echoed, last.diagnostics)
    return diagnostic ? quickFixes(document, diagnostic) : []
  })
})

documents.listen(connection)
connection.listen()

function lintAll(): void {
  for (const document of documents.all()) lint(document).catch(log)
}

async function lint(document: TextDocument): Promise<void> {
  const {uri, version} = document
  const filePath = toPath(uri)
  if (!filePath) return
  const settings = await settingsFor(uri)
  const cwd = workspaceOf(filePath)
  const file = new VFile({cwd, path: filePath, value: document.getText()})
  await run(file, settings)
  // The document changed meanwhile: the lint of its new text publishes instead.
  if (documents.get(uri)?.version !== version) return
  const diagnostics = file.messages.map(toDiagnostic)
  published.set(uri, {version, diagnostics})
  await connection.sendDiagnostics({uri, version, diagnostics})
}

/** Run the engine on one file, as `milestone-lint` would; its messages end up on the file. */
function run(file: VFile, settings: Settings): Promise<void> {
  return new Promise((resolve) => {
    engine(
      {
        processor: remark,
        files: [file],
        cwd: file.cwd,
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        ignorePath: settings.ignorePath ? path.resolve(file.cwd, settings.ignorePath) : undefined,
        ignoreUnconfigured: settings.requireConfig,
        silentlyIgnore: true,
        pluginPrefix: 'remark',
        // Given plugins come after the user's config: `{}` keeps the options the
        // user's config gives the preset (unified-engine merges the two).
        plugins: [[remarkLintMilestone as Plugin<unknown[]>, {}]],
        out: false,
        // The messages are the file's; no report is written. The engine waits
        // for each write to its streams to finish, so a stream nobody reads
        // (a PassThrough fills at 16 KiB) would stall a doc with many messages
        // forever: these discard what they are given.
        reporter: () => '',
        streamError: sink(),
        streamOut: sink()
      },
      (error) => {
        // Plugins' failures are messages already; this is the engine's own.
        if (error) file.message(error).fatal = true
        resolve()
      }
    )
  })
}

/** A stream that takes anything and keeps nothing. */
function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done()
    }
  })
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

function toDiagnostic(message: VFileMessage): Diagnostic {
  const place = message.place
  const start = place ? ('start' in place ? place.start : place) : undefined
  const end = place && 'end' in place ? place.end : start
  let text = message.reason
  // The cause's first line, not its stack: an editor shows a diagnostic whole.
  const cause = message.cause instanceof Error ? message.cause.message.split('\n')[0] : undefined
  if (cause && !text.includes(cause)) text += ': ' + cause
  if (message.note) text += '\n' + message.note
  return {
    range: {start: toPosition(start), end: toPosition(end)},
    message: text,
    severity:
      message.fatal === true
        ? DiagnosticSeverity.Error
        : message.fatal === false
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    code: message.ruleId ?? undefined,
    source: message.source ?? undefined,
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
function ours(echoed: Diagnostic, diagnostics: Diagnostic[]): Diagnostic | undefined {
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
        ? `Remove \`${oneLine(actual)}\``
        : empty
          ? `Insert \`${oneLine(replacement)}\``
          : `Replace \`${oneLine(actual)}\` with \`${oneLine(replacement)}\``
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
function oneLine(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean)
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
