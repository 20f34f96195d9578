/**
 * One engine run on a batch of files, in this thread or a linter thread
 * (lint-files.ts), each file as plain data with what its lint read (for
 * `--cache`): the files its plugins read or looked for, and the user's
 * own modules loaded (its configs and plugins among them).
 */
import type {Node} from 'unist'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import {startReads, stopReads} from '../project/reads.js'
import {type RunOptions, runEngine} from './engine-run.js'
import {type NamedIn, importedFiles} from './own-package.js'
import {type PlainFile, plainFile} from './plain-file.js'

/** What a batch's run takes from the command line (plain data, for the threads). */
export type ThreadOptions = Pick<
  RunOptions,
  'rcPath' | 'ignorePath' | 'ignorePatterns' | 'ignoreBase' | 'silentlyIgnore' | 'use' | 'preset' | 'nested' | 'config'
>

/** One engine run on some files; each file as plain data. */
export async function lintBatch(
  options: ThreadOptions,
  paths: readonly string[],
  cwd: string,
  namedIn: NamedIn
): Promise<PlainFile[]> {
  const attaching = startReads('run')
  try {
    const files = await runEngine(
      {...options, plugins: [[recordReads, {}]]},
      paths.map((given) => new VFile({path: given, cwd})),
      cwd,
      namedIn
    )
    // The user's modules this thread loaded so far: this batch's configs and plugins among them.
    const modules = importedFiles().map((file) => 'content:' + file)
    return files.map((file) => {
      const reads = readsOf.get(file)
      return {...plainFile(file), reads: reads && [...new Set([...reads, ...attaching, ...modules])]}
    })
  } finally {
    stopReads(attaching)
  }
}

/** The files each file's lint read, as {@link recordReads} noted them. */
const readsOf = new WeakMap<VFile, Set<string>>()

type Done = (error?: Error, tree?: Node, file?: VFile) => undefined
type Run = (tree: Node, file?: unknown, done?: unknown) => unknown

/** Note what each file's plugins read while they run (wrapped as release-trees.ts wraps it: around all of them). */
function recordReads(this: Processor): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the processor as `this`
  const run = this.run as unknown as Run
  Object.assign(this, {
    run(this: Processor, tree: Node, file?: unknown, done?: unknown) {
      if (typeof done !== 'function' || !(file instanceof VFile)) return run.call(this, tree, file, done)
      const reads = startReads('file')
      readsOf.set(file, reads)
      return run.call(this, tree, file, function (error?: Error, ranTree?: Node, ranFile?: VFile) {
        stopReads(reads)
        ;(done as Done)(error, ranTree, ranFile)
      })
    }
  })
}
