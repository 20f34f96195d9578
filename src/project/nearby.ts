/**
 * Docs found near a folder by a file name from the template: the overview
 * and architecture docs a new milestone doc links to (`milestones.md`,
 * `[name]-architecture.md`), looked for in the doc's folder, then in each
 * folder above it up to its project's root. Only regular files inside the
 * project count, as for links (a symbolic link out of it is not followed).
 */
import path from 'node:path'
import {placeholder} from '../schema/pattern.js'
import {wildcardMatch} from '../text/text.js'
import {isInside, targetOf} from './targets.js'
import {entriesOf} from './project.js'
import {noteRead} from './reads.js'

/** What a name found: one file (the nearest folder's), or the several files of the nearest folder with any. */
export type Found = {file: string} | {several: string[]} | {none: true}

/**
 * The file nearest to `folder` whose name is `name` (ignoring case), a
 * placeholder standing for any text of at least one character. The nearest
 * folder with a match decides: two matches there are a choice for a person.
 */
export function findNearby(folder: string, root: string, name: string): Found {
  const pieces = name.toLowerCase().split(placeholder)
  for (let current = folder; isInside(root, current); current = path.dirname(current)) {
    noteRead(current, 'listing')
    const files = [...entriesOf(current)]
      .filter((entry) => wildcardMatch(pieces, entry.toLowerCase(), 1))
      .sort()
      .map((entry) => path.join(current, entry))
      .filter((file) => targetOf(file, root).kind === 'file')
    if (files.length === 1) return {file: files[0]!}
    if (files.length > 1) return {several: files}
    if (current === root) break
  }
  return {none: true}
}
