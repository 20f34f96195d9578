/**
 * milestone-relative-links on every link, image, definition and HTML link of a doc:
 * its target is a file or folder inside the project, readable, and holds
 * the heading its `#fragment` names (relative-links.ts checks the
 * metadata links, and declares the rule).
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {hasPlaceholder} from '../text/brackets.js'
import {truncate} from '../text/text.js'
import type {Limits} from '../model/limits.js'
import type {LinkNode, Model} from '../model/model.js'
import type {HtmlLink} from '../model/html-links.js'
import {isMarkdown} from '../project/file-names.js'
import {anchorsOfFile, localUrl} from '../project/links.js'
import type {Target} from '../project/targets.js'
import {type LookUps, meantFile, meantHeading, reportBroken} from './link-suggestions.js'
import {report} from './report.js'

/** Check one link, image, definition or HTML link whose URL is local. */
export function checkLink(
  model: Model,
  file: VFile,
  node: LinkNode | HtmlLink,
  folder: string | undefined,
  look: LookUps,
  /** How targets are read for their anchors; none: fragments are not checked. */
  anchorLimits: Limits | undefined
): void {
  const url = node.url
  const local = localUrl(url)
  if (!local || hasPlaceholder(url)) return
  if (local.fragment && namesSourceLines(url, local.fragment)) local.fragment = undefined

  if (local.path === '') {
    if (anchorLimits && local.fragment && !model.anchors().has(local.fragment.toLowerCase())) {
      reportBroken(
        file,
        model,
        node,
        `Unexpected link to missing heading \`#${truncate(local.fragment)}\` in this file, expected the slug of one of its headings`,
        meantHeading(url, local.fragment, model.anchors())
      )
    }
    return
  }

  if (!folder) return // A file without a path (stdin, an editor buffer): nothing to resolve against.
  const target = path.resolve(folder, local.path)
  const found = look.target(target)
  if (found.kind === 'missing') {
    reportBroken(
      file,
      model,
      node,
      `Unexpected link to missing file \`${truncate(url)}\`, expected an existing file relative to this doc`,
      meantFile(url, local.path, folder, look)
    )
    return
  }
  if (!isReadableFile(file, node, target, found)) return
  if (anchorLimits && local.fragment && isMarkdown(target)) {
    checkFragment(file, model, node, target, {path: local.path, fragment: local.fragment}, anchorLimits)
  }
}

/**
 * Whether a fragment names lines of a file's source, not a heading: GitHub
 * shows a Markdown file's source for `?plain=1`, with `#L5` and `#L5-L9`
 * as anchors of its lines.
 */
function namesSourceLines(url: string, fragment: string): boolean {
  const beforeHash = url.slice(0, url.indexOf('#'))
  const query = beforeHash.indexOf('?')
  return (
    query !== -1 &&
    beforeHash
      .slice(query + 1)
      .split('&')
      .includes('plain=1') &&
    /^L\d+(?:-L\d+)?$/.test(fragment)
  )
}

/** Whether a link's target (not missing) is a file to read; if not, say why (out of the project, unreadable, a folder). */
function isReadableFile(
  file: VFile,
  node: LinkNode | HtmlLink,
  target: string,
  found: Exclude<Target, {kind: 'missing'}>
): boolean {
  const shown = truncate(node.url)
  switch (found.kind) {
    case 'outside':
      report(
        file,
        `Unexpected link \`${shown}\` out of the project, expected a file inside it (links are not followed out)`,
        node.position
      )
      return false
    case 'unreadable':
      report(
        file,
        `Unexpected link to \`${shown}\`, which cannot be read (${describe(found.code)}), expected a readable file`,
        node.position
      )
      return false
    case 'directory':
      if (isMarkdown(target)) {
        report(file, `Unexpected link to folder \`${shown}\`, expected a Markdown file`, node.position)
      }
      return false
    case 'file':
      return true
  }
}

/** A `#fragment` in a Markdown file that exists: one of its anchors, if it can be read within the limits. */
function checkFragment(
  file: VFile,
  model: Model,
  node: LinkNode | HtmlLink,
  target: string,
  local: {path: string; fragment: string},
  anchorLimits: Limits
): void {
  const shown = truncate(node.url)
  const result = anchorsOfFile(target, anchorLimits)
  if ('excess' in result) {
    report(
      file,
      `Cannot check the link to \`#${truncate(local.fragment)}\` in \`${truncate(local.path)}\`: that file is over a parse limit (${result.excess}), so it is not read; raise the preset option \`limits.${result.limit}\` to check it`,
      node.position
    )
  } else if ('problem' in result) {
    report(
      file,
      `Unexpected link \`${shown}\` to a heading in a file that cannot be read (${describe(result.problem)}), expected a readable Markdown file`,
      node.position
    )
  } else if (!result.anchors.has(local.fragment.toLowerCase())) {
    reportBroken(
      file,
      model,
      node,
      `Unexpected link to missing heading \`#${truncate(local.fragment)}\` in \`${truncate(local.path)}\`, expected the slug of one of its headings`,
      meantHeading(node.url, local.fragment, result.anchors)
    )
  }
}

/** An error code as words. */
function describe(code: string): string {
  if (code === 'ELOOP') return 'a loop of symbolic links'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return code
}
