/**
 * The language server and files on disk. A doc's lint reads other files
 * (link targets, an overview, the template, config and ignore files), so
 * when one is saved in the editor or changes on disk, the open docs are
 * linted again: for a Markdown file, the others (its own text, not its
 * file, is what is linted, and has not changed); for any other file, all.
 */
import path from 'node:path'
import {type Connection, DidChangeWatchedFilesNotification, type TextDocuments} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {isMarkdown, markdownExtensions, ownConfigNames, rcNames} from '../project/file-names.js'
import {statOf} from './ignore-files.js'
import {toPath} from './lsp-convert.js'

/** The files a client that can watch files is asked to watch for the server. */
export const watchers = [
  `*.{${markdownExtensions.join(',')}}`,
  ...rcNames,
  ...ownConfigNames,
  'package.json',
  '.remarkignore'
].map((name) => ({globPattern: `**/${name}`}))

const maxStamps = 4096

/**
 * Watch the files a setting names (a baseline, an ignore file) by their
 * name, each name once: `--update-baseline` run in a terminal then lints the
 * open docs again, as a changed config file does.
 */
export function namedFileWatcher(connection: Connection, log: (error: unknown) => void): (file: string) => void {
  const watched = new Set<string>()
  return function (file) {
    const name = path.basename(file)
    if (watched.has(name)) return
    watched.add(name)
    const watcher = {globPattern: `**/${name}`}
    connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: [watcher]}).catch(log)
  }
}

/**
 * Lint open docs again on a save (`textDocument/didSave`) or a change on
 * disk (`workspace/didChangeWatchedFiles`). A change already seen (a save
 * that the client's watcher reports too) lints none: each file's
 * modification time and size are kept from when it was last seen changed.
 */
export function relintOnChanges(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  lint: (document: TextDocument) => void
): void {
  const stamps = new Map<string, string>()

  function isNews(file: string): boolean {
    // One that cannot be stat'ed (gone, a symlink loop, no access) is gone: the rest of the batch counts.
    const stats = statOf(file)
    const stamp = stats ? `${stats.mtimeMs}:${stats.size}` : 'missing'
    if (stamps.get(file) === stamp) return false
    if (stamps.size >= maxStamps) stamps.clear()
    stamps.set(file, stamp)
    return true
  }

  function changed(uris: string[]): void {
    const files = uris
      .map(toPath)
      .filter((file) => file !== undefined)
      .filter(isNews)
    if (files.length === 0) return
    const saved = new Set(files.every(isMarkdown) ? files : [])
    for (const document of documents.all()) {
      if (!saved.has(toPath(document.uri) ?? '')) lint(document)
    }
  }

  documents.onDidSave(({document}) => {
    changed([document.uri])
  })
  connection.onDidChangeWatchedFiles(({changes}) => {
    changed(changes.map((change) => change.uri))
  })
}
