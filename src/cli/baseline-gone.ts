/**
 * Which of a baseline's entries are of files gone from disk, so that their
 * messages are fixed, as a run that lints some files only can tell: a file
 * renamed beside its old path to a file the run does not name keeps its
 * entries. It is found by its content hash among the files of its old
 * folder (renamed into another folder, or renamed and edited, it is gone).
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {contentHash} from '../reporters/content-hash.js'

/** The entries, by path relative to `folder`, of files neither named by the run (`named`) nor on disk, nor renamed. */
export function goneEntries<Entry extends {hash?: string | undefined}>(
  entries: ReadonlyMap<string, Entry>,
  folder: string,
  named: ReadonlySet<string>
): Map<string, Entry> {
  const gone = new Map([...entries].filter(([name]) => !named.has(name) && !existsSync(path.resolve(folder, name))))
  // Each file read once, however many entries of its folder are gone.
  const hashes = new Map<string, string | undefined>()
  for (const [name, {hash}] of gone) if (hash !== undefined && renamedBeside(name, hash)) gone.delete(name)
  return gone

  /** Whether a file of its old folder and extension, named by neither the run nor the baseline, has its hash. */
  function renamedBeside(name: string, hash: string): boolean {
    const dir = path.posix.dirname(name)
    let siblings
    try {
      siblings = readdirSync(path.resolve(folder, dir), {withFileTypes: true})
    } catch {
      return false
    }
    return siblings.some((sibling) => {
      const other = path.posix.join(dir, sibling.name)
      // Regular files only: reading a FIFO would wait for ever.
      if (!sibling.isFile() || path.extname(other) !== path.extname(name) || named.has(other) || entries.has(other)) {
        return false
      }
      if (!hashes.has(other)) hashes.set(other, hashOf(path.resolve(folder, other)))
      return hashes.get(other) === hash
    })
  }
}

/** A file's content hash, as the baseline has it; none when it cannot be read. */
function hashOf(file: string): string | undefined {
  try {
    return contentHash(new VFile({value: readFileSync(file, 'utf8')}))
  } catch {
    return undefined
  }
}
