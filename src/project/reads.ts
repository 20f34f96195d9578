/**
 * The other files a lint looks at (link targets, the overview, the
 * template, folders listed for suggestions), noted by the helpers that read
 * or stat them, so that `milestone-lint --cache` knows what a file's
 * messages depend on. Nothing is noted unless a caller records.
 */

/** The files being linted's sets, and the runs' (for what is read while none is: attaching the preset). */
const files = new Set<Set<string>>()
const runs = new Set<Set<string>>()

/** How a path was looked at: its content read, its names listed (a folder), or whether it is there, and what it is. */
export type How = 'content' | 'listing' | 'exists'

/** Note that a path was read, listed or checked for (noted as `how:path`). */
export function noteRead(path: string, how: How): void {
  for (const reads of files.size > 0 ? files : runs) reads.add(`${how}:${path}`)
}

/** Start noting the paths read for a file being linted, or for a whole run; until {@link stopReads}. */
export function startReads(scope: 'file' | 'run'): Set<string> {
  const reads = new Set<string>()
  ;(scope === 'file' ? files : runs).add(reads)
  return reads
}

/** Stop noting into a set. */
export function stopReads(reads: Set<string>): void {
  files.delete(reads)
  runs.delete(reads)
}
