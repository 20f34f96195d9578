/**
 * The parent doc (the overview or roadmap a doc's `**Parent Document**`
 * links to), read and parsed once while it is unchanged, however many docs
 * point at it.
 */
import {fromMarkdown} from 'mdast-util-from-markdown'
import {VFile} from 'vfile'
import {type Limits, excessText} from '../model/limits.js'
import {type Model, buildModel} from '../model/model.js'
import {parseWithin} from '../model/parse.js'
import {syntax} from '../model/syntax.js'
import {firstLine} from '../text/text.js'
import {type Cached, type Readout, peekCached, readCached} from './read.js'

/** The parent's model, or why it could not be read. */
export type Parent = Readout<{model: Model}>

const parents = new Map<string, Cached<Parent>>()

/** The model of a parent doc; callers check that it is inside the project first. */
export function parentDoc(file: string, limits: Limits): Parent {
  return readCached(parents, file, limits, (text) => {
    const parsed = parseWithin(text, limits, (value) => fromMarkdown(value, syntax))
    if ('error' in parsed) return {problem: firstLine(parsed.error)}
    if ('excess' in parsed) return {excess: excessText(parsed.excess, limits, true), limit: parsed.excess.limit}
    return {model: buildModel(parsed.tree, new VFile({path: file, value: text}))}
  })
}

/** A parent doc's model if it has been read and is unchanged (its anchors serve links into it). */
export function readParent(file: string, limits: Limits): Parent | undefined {
  return peekCached(parents, file, limits)
}
