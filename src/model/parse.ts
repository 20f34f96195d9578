/**
 * A guard around the parser. Some input makes remark's parser slow, or
 * makes it (or the tools that walk its tree) throw; one such file must not
 * crash or stall a run over many files. So a document is parsed only
 * within the limits (`limits.ts`), a doc over one gets one message, and any
 * parser exception becomes a message on that file. Templates and link
 * targets are parsed the same way (`parseWithin`).
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {firstLine} from '../text/text.js'
import {type Excess, type Limits, depthOver, exceededLimit, excessText, treeDepthFactor} from './limits.js'

/** What the guard asks of a file before parsing it (decided in rules/triage.ts, which can read the rules' options). */
export interface Triage {
  /** Whether a file over a limit deserves a message: it looks like a milestone doc. */
  worthReporting: (document: string, file: VFile) => boolean
  /** Whether a file within the limits is parsed at all: not one that no plugin needs the tree of. */
  worthParsing: (document: string, file: VFile) => boolean
}

/** Wrap a processor's parser with the guard. */
export function guardParser(processor: Processor<Root>, limits: Limits, triage: Triage): void {
  const parse = processor.parser
  if (!parse || (parse as {guarded?: boolean}).guarded) return

  function guarded(text: string, file: VFile): Root {
    const document = decoded(text, file)
    const excess = exceededLimit(document, limits)
    if (!excess && !triage.worthParsing(document, file)) return unparsed(document)
    const parsed = excess ? {excess} : parseChecked(document, limits, (value) => parse!(value, file))
    if ('tree' in parsed) return parsed.tree
    if ('error' in parsed) {
      const message = file.message(`Cannot parse this file (${firstLine(parsed.error)}), so it is not linted`, {
        ruleId: 'parse',
        source: 'remark-lint-milestone'
      })
      message.fatal = true
    } else if (triage.worthReporting(document, file)) {
      // Only a milestone doc is worth failing a run for: other huge files are skipped.
      reportExcess(file, parsed.excess, limits)
    }
    return unparsed(document)
  }

  processor.parser = Object.assign(guarded, {guarded: true})
}

/** A parse's outcome: the tree, the limit the document exceeds, or the error the parser threw. */
type Parsed = {tree: Root} | {excess: Excess} | {error: unknown}

/** Parse a document within limits, checked before parsing and (the tree's depth) after. */
export function parseWithin(document: string, limits: Limits, parse: (document: string) => Root): Parsed {
  const excess = exceededLimit(document, limits)
  return excess ? {excess} : parseChecked(document, limits, parse)
}

/** Parse a document within the limits before parsing: the tree unless too deep, or the error. */
function parseChecked(document: string, limits: Limits, parse: (document: string) => Root): Parsed {
  try {
    const tree = parse(document)
    // Inline nesting (emphasis in emphasis…) is not counted before parsing:
    // a tree too deep for the tools that walk it is caught here.
    const deep = depthOver(tree, treeDepthFactor * limits.nesting)
    return deep ? {excess: {limit: 'nesting', found: deep.depth, line: deep.line, tree: true}} : {tree}
  } catch (error) {
    return {error}
  }
}

function reportExcess(file: VFile, excess: Excess, limits: Limits): void {
  const message = file.message(
    `Unexpected ${excessText(excess, limits)}, so this file is not linted; ` +
      `raise the preset option \`limits.${excess.limit}\` to lint it`,
    {
      place: excess.line ? {line: excess.line, column: 1} : undefined,
      ruleId: 'limits',
      source: 'remark-lint-milestone'
    }
  )
  message.fatal = true
}

/**
 * The tree of a file that is not parsed (over a limit, or not worth it): its
 * text as one raw node, so rules find nothing and a processor that writes
 * output would write it unchanged.
 */
function unparsed(document: string): Root {
  return {type: 'root', children: document ? [{type: 'html', value: document}] : []}
}

/**
 * The text of a file saved as UTF-16 (Windows' “Unicode”), which starts
 * with a byte order mark: unified reads every file as UTF-8, which makes
 * such a file a string of NULs, silently clean. The file's value becomes
 * the decoded text, so that every rule reads the same.
 */
function decoded(text: string, file: VFile): string {
  const bytes = file.value
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) return text
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined
  if (!encoding) return text
  file.value = new TextDecoder(encoding).decode(bytes)
  return file.value
}
