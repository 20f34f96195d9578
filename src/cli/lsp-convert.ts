/**
 * The language server's words in LSP's terms, as plain functions: messages
 * as diagnostics, expected texts as quick fixes, the certain fixes as one
 * fix-all action, the diagnostic a client echoes back, a document's path
 * and its workspace folder.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  type Position,
  TextDocumentEdit,
  TextEdit
} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {TextEdit as Edit} from '../text/edits.js'
import type {Message} from './lint-message.js'
import {inLineBreaksOf} from '../text/edits.js'

/** The diagnostics last published for a document, and its version then. */
export interface Published {
  version: number
  diagnostics: Diagnostic[]
}

/** A lint message as an LSP diagnostic; its expected texts ride along for the quick fixes. */
export function toDiagnostic(message: Message, uri: string): Diagnostic {
  const {related} = message
  return {
    range: {start: toPosition(message.start), end: toPosition(message.end ?? message.start)},
    message:
      (message.note ? `${message.reason}\n${message.note}` : message.reason) +
      (message.baselined ? ' (baselined)' : ''),
    severity: message.baselined
      ? DiagnosticSeverity.Hint
      : message.fatal === true
        ? DiagnosticSeverity.Error
        : message.fatal === false
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    code: message.ruleId,
    source: message.source,
    codeDescription: message.url ? {href: message.url} : undefined,
    data: message.expected ? {expected: message.expected, suggestion: message.suggestion} : undefined,
    relatedInformation: related && [
      {
        location: {
          uri: related.file ? pathToFileURL(related.file).href : uri,
          range: {start: toPosition(related.start), end: toPosition(related.end ?? related.start)}
        },
        message: related.reason
      }
    ]
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
export function publishedMatch(echoed: Diagnostic, diagnostics: Diagnostic[]): Diagnostic | undefined {
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

/** The quick fixes of the diagnostics a client echoes back, for those it echoes of `published`. */
export function quickFixesFor(document: TextDocument, echoed: Diagnostic[], published: Diagnostic[]): CodeAction[] {
  return echoed.flatMap((one) => {
    const diagnostic = publishedMatch(one, published)
    return diagnostic ? quickFixes(document, diagnostic) : []
  })
}

/** One quick fix per expected text, each replacing exactly the reported range. */
export function quickFixes(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as {expected?: unknown; suggestion?: unknown} | undefined
  const expected = data?.expected
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
          ? insertTitle(replacement)
          : `Replace \`${menuText(actual)}\` with \`${menuText(replacement)}\``
      const action = CodeAction.create(
        title,
        // In the doc's own line breaks, as `--fix` and fix-all insert them.
        {changes: {[document.uri]: [TextEdit.replace(range, inLineBreaksOf(document.getText(), replacement))]}},
        CodeActionKind.QuickFix
      )
      if (expected.length === 1 && data?.suggestion !== true) action.isPreferred = true
      return action
    })
}

/** The kind of the fix-all action: what VS Code's `editor.codeActionsOnSave` names. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.milestoneLint`

/**
 * Whether a client's `only` asks for actions of a kind: a kind asks for
 * itself and those under it (`source` for `source.fixAll.milestoneLint`).
 * No `only` asks for all but source actions, which editors ask for by kind.
 */
export function asksFor(only: string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(`${CodeActionKind.Source}.`)
  return only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))
}

/**
 * The fix-all action: every certain fix of the document, as the edits that
 * make its fixed text (offsets in the text as it is); none when nothing is
 * to fix. `versioned` edits name the document's version, for clients that then
 * refuse them on a newer one.
 */
export function fixAll(document: TextDocument, edits: Edit[], versioned: boolean): CodeAction[] {
  if (edits.length === 0) return []
  const changes = edits.map((edit) =>
    TextEdit.replace({start: document.positionAt(edit.start), end: document.positionAt(edit.end)}, edit.insert)
  )
  const edit = versioned
    ? {documentChanges: [TextDocumentEdit.create({uri: document.uri, version: document.version}, changes)]}
    : {changes: {[document.uri]: changes}}
  return [CodeAction.create('Fix all: apply every certain fix', edit, fixAllKind)]
}

/**
 * What an insertion puts in: a section or a labelled field the template
 * has (`Insert section \`## Goal\` from the template`), else its text.
 */
function insertTitle(text: string): string {
  const shown = menuText(text)
  const first = shown.replace(/ …$/, '')
  if (/^#{1,6} /.test(first)) return `Insert section \`${first}\` from the template`
  const label = /^([*_]{1,2})[^*_]+?:?\1:?/.exec(first)?.[0]
  return label ? `Insert \`${label}\` from the template` : `Insert \`${shown}\``
}

/**
 * Text as an editor menu shows it: one line, its first non-blank one trimmed
 * (`## Open Questions`, not the heading and its blank lines, nor a `---` before it), `…` when more
 * follows or it is long.
 */
function menuText(text: string): string {
  // A `---` set before an inserted section says nothing of it.
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^(?:[-*_][ \t]*){3,}$/.test(line))
  const first = lines[0] ?? '⏎'
  const cut = first.length > 50 ? first.slice(0, 49) + '…' : first
  return lines.length > 1 && !cut.endsWith('…') ? cut + ' …' : cut
}

/** The workspace folder nearest a file, else the file's own folder. */
export function workspaceOf(workspaces: Iterable<string>, filePath: string): string {
  let best: string | undefined
  for (const folder of workspaces) {
    const inside = filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
    if (inside && (!best || folder.length > best.length)) best = folder
  }
  return best ?? path.dirname(filePath)
}

/** The path of a `file:` URI; other documents (unsaved, remote) are not linted. */
export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
  } catch {
    return undefined
  }
}
