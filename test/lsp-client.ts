import {type ChildProcess, spawn} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  type CodeAction,
  CodeActionRequest,
  ConfigurationRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  type FileEvent,
  ExitNotification,
  InitializeRequest,
  type InitializeResult,
  InitializedNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type Registration,
  RegistrationRequest,
  ShutdownRequest,
  createProtocolConnection
} from 'vscode-languageserver-protocol/node'
import {repoRoot} from './project.js'

/** A diagnostic as tests compare it: the same format as the CLI and programmatic tests, 1-based. */
export function formatDiagnostic(diagnostic: Pick<Diagnostic, 'range' | 'code' | 'message'>): string {
  const {start, end} = diagnostic.range
  const where =
    start.line === end.line && start.character === end.character
      ? `${start.line + 1}:${start.character + 1}`
      : `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`
  return `${where} ${String(diagnostic.code)}: ${String(diagnostic.message)}`
}

interface Published {
  version: number | undefined
  diagnostics: Diagnostic[]
}

/**
 * A language client as an editor is one: it spawns the server over stdio,
 * answers its configuration requests, and collects published diagnostics.
 */
export class LspClient {
  readonly process: ChildProcess
  readonly connection: ProtocolConnection
  private readonly waiting = new Map<string, Array<(published: Published | Error) => boolean>>()
  /** The messages the server logged (`window/logMessage`), in order. */
  readonly logs: string[] = []
  /** The messages the server showed the user (`window/showMessage`), in order. */
  readonly shown: string[] = []
  /** The capabilities the server registered (`client/registerCapability`), in order. */
  readonly registrations: Registration[] = []

  /** Whether the client takes versioned edits (`workspaceEdit.documentChanges`), as VS Code and Helix do. */
  private readonly documentChanges: boolean
  /** Whether the client watches files for the server when asked (`didChangeWatchedFiles.dynamicRegistration`). */
  private readonly watchFiles: boolean

  /**
   * `registration: false` is a client that cannot register capabilities
   * (it answers "method not found"), as some minimal clients do; `settings`
   * is its answer when asked for the `milestoneLint` settings (`{}` unless given);
   * `documentChanges: true` a client that takes versioned edits; `watchFiles:
   * false` a client that does not watch files for the server (as Neovim 0.7),
   * where VS Code does.
   */
  constructor(
    readonly root: string,
    options: {registration?: boolean; settings?: unknown; documentChanges?: boolean; watchFiles?: boolean} = {}
  ) {
    this.documentChanges = options.documentChanges ?? false
    this.watchFiles = options.watchFiles ?? true
    this.process = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/language-server.js')], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit']
    })
    this.connection = createProtocolConnection(this.process.stdout!, this.process.stdin!)
    const settings = 'settings' in options ? options.settings : {}
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings))
    if (options.registration !== false) {
      this.connection.onRequest(RegistrationRequest.type, ({registrations}) => {
        this.registrations.push(...registrations)
      })
    }
    // A server that dies fails the test at once instead of letting it time out.
    this.process.once('exit', (code, signal) => {
      const error = new Error(`Language server exited (${code ?? signal})`)
      for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter(error)
      this.waiting.clear()
    })
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const published = {version: params.version, diagnostics: params.diagnostics}
      const waiters = this.waiting.get(params.uri) ?? []
      this.waiting.set(
        params.uri,
        waiters.filter((waiter) => !waiter(published))
      )
    })
    this.connection.onNotification('window/logMessage', (params: {message: string}) => {
      this.logs.push(params.message)
    })
    this.connection.onNotification('window/showMessage', (params: {message: string}) => {
      this.shown.push(params.message)
    })
    this.connection.listen()
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href
  }

  /** Initialize the server; its answer (its capabilities). */
  async initialize(): Promise<InitializeResult> {
    const rootUri = pathToFileURL(this.root).href
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      // The server also serves clients older than workspace folders.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      rootUri,
      workspaceFolders: [{uri: rootUri, name: 'project'}],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: {dynamicRegistration: true},
          didChangeWatchedFiles: {dynamicRegistration: this.watchFiles},
          workspaceEdit: {documentChanges: this.documentChanges}
        }
      }
    })
    await this.connection.sendNotification(InitializedNotification.type, {})
    return result
  }

  /** The diagnostics the server publishes for a document at a version. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(uri) ?? []
      waiters.push((published) => {
        if (published instanceof Error) return (reject(published), true)
        if (published.version !== version) return false
        resolve(published.diagnostics)
        return true
      })
      this.waiting.set(uri, waiters)
    })
  }

  /** Resolves once the server has logged a line that starts with `start`. */
  logged(start: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.logs.some((line) => line.startsWith(start))) {
          resolve()
          return
        }
        if (this.process.exitCode !== null) {
          reject(new Error('Language server exited'))
          return
        }
        setTimeout(check, 10)
      }
      check()
    })
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.diagnostics(uri, 1)
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text}
    })
    return published
  }

  async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const published = this.diagnostics(uri, version)
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: [{text}]
    })
    return published
  }

  /** Say that a document was saved, as an editor does after writing it. */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, {textDocument: {uri}})
  }

  /** Say that files changed on disk, as a client that watches them for the server does. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes})
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic]}
    })
    return (result ?? []) as CodeAction[]
  }

  /** The code actions of the kinds `only` for a whole document, as a fix-on-save asks for them. */
  async sourceActions(uri: string, only: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only}
    })
    return (result ?? []) as CodeAction[]
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve))
    await this.connection.sendRequest(ShutdownRequest.type)
    await this.connection.sendNotification(ExitNotification.type)
    await exited
    this.connection.dispose()
  }
}
