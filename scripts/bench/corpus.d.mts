// Types of corpus.mjs, for the editor benchmark (test/speed/), which is TypeScript.

/** A generated corpus: its folder, and what it holds. */
export interface Corpus {
  dir: string
  name: string
  kind: 'milestone' | 'docs-repo'
  /** Milestone docs. */
  docs: number
  /** Markdown files, and their bytes. */
  files: number
  bytes: number
  /** Bytes of the milestone docs. */
  docBytes: number
}

export function generateMilestoneCorpus(work: string, count: number, seed: number): Corpus
export function generateDocsRepo(work: string, seed: number): Corpus
export function generateSingle(work: string, seed: number, size?: number): {cwd: string; file: string}
export function generateSanity(dir: string, seed: number): void
