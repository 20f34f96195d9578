/**
 * Putting back a missing metadata link line (`**Architecture Reference**:
 * [Architecture Doc](./lumen-architecture.md)`): only when the file the
 * template's link means is there, next to the doc, and is the only one.
 */
import path from 'node:path'
import type {Model} from '../model/model.js'
import type {Target} from '../project/targets.js'
import {findNearby} from '../project/nearby.js'
import {placeholder} from '../schema/pattern.js'
import type {MetadataSpec, Schema} from '../schema/types.js'
import {fieldInsertion} from './field-insertion.js'
import {bold} from './field-text.js'
import type {Insertion} from './insertion.js'

/**
 * The line a missing metadata link is put back as, the template's with the
 * file its link means (`[Architecture Doc](./lumen-architecture.md)`), when
 * that file is certain.
 */
export function metadataLine(
  model: Model,
  spec: MetadataSpec,
  resolveTarget: (url: string) => string | undefined,
  lookUpTarget: (target: string) => Target
): string | undefined {
  const example = /^\[([^\]]*)\]\(([^)\s]+)\)$/.exec(spec.example ?? '')
  if (!example) return undefined
  const [, text, url] = example as unknown as [string, string, string]
  const found = foundUrl(url, resolveTarget, lookUpTarget)
  return found === undefined ? undefined : `${bold(spec.label, model)} [${text}](${found})`
}

/** The line's ({@link metadataLine}) insertion among the metadata lines present, in template order. */
export function metadataInsertion(
  model: Model,
  schema: Schema,
  spec: MetadataSpec,
  line: string
): Insertion | undefined {
  const title = model.title
  if (!title) return undefined
  const skeleton = {text: line, bullets: [], strong: [0, spec.label.length + 2], emphasis: []}
  // Only the link lines are required here: a plain `Status:` is no label this rule makes bold.
  const fields = schema.metadata.map((metadata) => ({
    label: metadata.label,
    kind: 'text' as const,
    optional: !metadata.link
  }))
  const index = schema.metadata.indexOf(spec)
  const lines = {heading: title.text, depth: 1, fields}
  fields[index] = {...fields[index]!, skeleton} as (typeof fields)[number]
  return fieldInsertion(model, title, lines, fields[index], model.metadata)
}

/**
 * The URL of the one file the template's URL means: itself, or for a
 * placeholder name (`./[name]-architecture.md`), the one file of that folder
 * that fits it.
 */
function foundUrl(
  url: string,
  resolveTarget: (url: string) => string | undefined,
  lookUpTarget: (target: string) => Target
): string | undefined {
  const target = resolveTarget(url)
  if (!target) return undefined
  if (!hasPlaceholder(url)) return lookUpTarget(target).kind === 'file' ? url : undefined
  const folder = path.dirname(target)
  const name = path.basename(url)
  if (hasPlaceholder(path.dirname(url)) || lookUpTarget(folder).kind !== 'directory') return undefined
  // The doc's folder only (its own root for the search): a file farther up is no certain target.
  const found = findNearby(folder, folder, name)
  return 'file' in found ? url.slice(0, url.length - name.length) + path.basename(found.file) : undefined
}

function hasPlaceholder(text: string): boolean {
  return text.replace(placeholder, '') !== text
}
