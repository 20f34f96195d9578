/**
 * Lint the files a run found, each once, in batches: in this thread, or
 * spread over linter threads (lint-files-worker.ts) that take the next
 * batch as they finish one, so that a slow doc does not idle the others.
 * Each file is kept as plain data once linted (plain-file.ts), its text
 * and tree dropped, and the files come back in the order given whatever
 * thread linted them: the reports are the same, byte for byte.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {Worker, type WorkerOptions} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {Cache} from './cache.js'
import {type ThreadOptions, lintBatch} from './lint-batch.js'
import {type NamedIn, registerOwnPackage} from './own-package.js'
import {type PlainFile, keptFile, plainFile, vfileOf} from './plain-file.js'

/** A batch of files for a linter thread. */
export interface Batch {
  index: number
  /** Its place in the batch it is part of (a batch linted again one file at a time). */
  part: number
  paths: string[]
}

/** A linter thread's answer for a batch: its files, and where the configs it read name plugins; or the engine's own error. */
export type BatchResult =
  {index: number; part: number; files: PlainFile[]; namedIn: Array<[string, string]>} | {error: string}

/** Most files in a batch: enough that starting the engine is a small part of a batch, few enough to share out. */
const maxBatch = 16

/**
 * Files per thread started by default: a thread takes about as long to
 * start as a dozen docs take to lint, so a small run (a pre-commit hook)
 * lints in this thread (measured: 3 docs took 1.5–2× as long on 2 threads).
 */
const filesPerThread = 16

/**
 * Batches a linter thread lints before it is replaced: its heap then starts
 * afresh, so a long run's memory stays flat; but a new thread loads and
 * compiles the linter again. Measured on 1,600 generated docs on one
 * thread: replaced after 8 batches, 95 s and 229 MB; after 32, 72 s and
 * 230 MB; never, 72 s and 277 MB.
 */
const batchesPerThread = 32

/**
 * A linter thread's heap: a small young generation (parsing makes much
 * short-lived garbage, which V8's default lets grow the heap), and room to
 * spare in the old one. Measured on 100 generated docs in one thread: 234 MB
 * and 9.2 s of CPU with V8's defaults; 202 MB and 9.1 s with these. A lower
 * old-generation limit (512 or 768 MB) saves 55–85 MB more (one thread, two)
 * but costs half again the CPU, as V8 collects far more often near it.
 */
const heapLimits = {maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 2048}

/**
 * Start a linter thread (this command line's, or the language server's),
 * with {@link heapLimits}. What it writes on stdout (a config file or a
 * plugin that logs) goes to stderr: stdout is the reports' and the diff's,
 * or the language server's protocol's.
 */
export function linterThread(url: URL, options: WorkerOptions = {}): Worker {
  const worker = new Worker(url, {...options, resourceLimits: heapLimits, stdout: true})
  worker.stdout.pipe(process.stderr, {end: false})
  return worker
}

/**
 * Threads for a run without `--concurrency`: one per core but one, and per
 * {@link filesPerThread} files. The core left is not idle: V8 collects each
 * thread's garbage on threads of its own. Measured on 2 cores (npm run
 * bench): 400 docs took 17.9 s and 215 MB on one thread, 17.1 s and 316 MB
 * on two; 1,600 docs 73.6 s and 229 MB, 62.0 s and 352 MB.
 */
export function defaultConcurrency(files: number): number {
  return Math.max(1, Math.min(availableParallelism() - 1, Math.ceil(files / filesPerThread)))
}

/**
 * Lint the files on `concurrency` threads (in this one for 1 and a run of
 * up to {@link filesPerThread} files); for the reporters, in order.
 */
export async function lintFiles(
  options: ThreadOptions,
  paths: readonly string[],
  cwd: string,
  namedIn: NamedIn,
  concurrency: number,
  cache?: Cache
): Promise<VFile[]> {
  const cached = paths.map((given) => cache?.hit(given))
  const strings = new Map<string, string>()
  const settle = (file: PlainFile) => keptFile(file, strings, cache)
  const uncached = paths.filter((_, index) => !cached[index])
  const linting = await lintAll(options, uncached, cwd, namedIn, concurrency, settle)
  // By path: a file an ignore file excludes (with --silently-ignore) has no lint.
  const linted = new Map(linting.map((file) => [path.resolve(cwd, file.path), file]))
  return paths
    .flatMap((given, index) => cached[index] ?? linted.get(path.resolve(cwd, given)) ?? [])
    .map((file) => vfileOf(file, cwd))
}

async function lintAll(
  options: ThreadOptions,
  paths: readonly string[],
  cwd: string,
  namedIn: NamedIn,
  concurrency: number,
  settle: (file: PlainFile) => PlainFile
): Promise<PlainFile[]> {
  // Every file from the cache: no engine, no module hooks.
  if (paths.length === 0) return []
  const size = Math.max(1, Math.min(maxBatch, Math.ceil(paths.length / (concurrency * 4))))
  const batches: Batch[] = []
  for (let start = 0; start < paths.length; start += size) {
    batches.push({index: batches.length, part: 0, paths: paths.slice(start, start + size)})
  }
  const threads = Math.min(concurrency, batches.length)
  const linted: PlainFile[][] = []
  // A longer run lints on a thread even for `--concurrency 1`: a thread's heap is bounded.
  if (threads <= 1 && paths.length <= filesPerThread) {
    registerOwnPackage()
    for (const batch of batches) linted.push((await lintBatch(options, batch.paths, cwd, namedIn)).map(settle))
  } else linted.push(...(await onThreads(options, batches, cwd, namedIn, threads, settle)))
  return linted.flat()
}

/**
 * The batches on linter threads, each answer in its batch's place. A thread
 * that dies (out of memory, a crash) is replaced: its batch's files are
 * linted again one by one, and a file that kills a thread alone gets one
 * fatal message. The engine's own error (as in one thread) fails the run.
 */
function onThreads(
  options: ThreadOptions,
  batches: Batch[],
  cwd: string,
  namedIn: NamedIn,
  threads: number,
  settle: (file: PlainFile) => PlainFile
): Promise<PlainFile[][]> {
  const queue = [...batches]
  // By batch, by part (a batch linted again file by file has one part a file).
  const results: PlainFile[][][] = batches.map(() => [])
  const workers = new Set<Worker>()
  let failed = false

  return new Promise((resolve, reject) => {
    function start(): void {
      // A doc is at most 1 MB (the `limits` option): a thread that needs more is a bug, said on the file.
      const worker = linterThread(new URL('lint-files-worker.js', import.meta.url), {workerData: {options, cwd}})
      workers.add(worker)
      let batch: Batch | undefined
      let taken = 0
      // Once it has linted its share, it ends, and another takes its place.
      const take = () => {
        batch = taken++ < batchesPerThread ? queue.shift() : undefined
        if (batch) worker.postMessage(batch)
        else void worker.terminate()
      }
      worker.on('message', (result: BatchResult) => {
        if ('error' in result) {
          failed = true
          for (const each of workers) void each.terminate()
          reject(new Error(result.error))
          return
        }
        for (const [name, config] of result.namedIn) namedIn.set(name, config)
        results[result.index]![result.part] = result.files.map(settle)
        take()
      })
      // Its exit says it: a thread that throws also exits.
      worker.on('error', () => undefined)
      worker.on('exit', (code) => {
        workers.delete(worker)
        if (failed) return
        if (batch) {
          const {index, paths} = batch
          if (paths.length === 1) results[index]![batch.part] = [crashed(paths[0]!, code)]
          else queue.unshift(...paths.map((given, part) => ({index, part, paths: [given]})))
        }
        if (queue.length > 0) start()
        else if (workers.size === 0) resolve(results.map((parts) => parts.flat()))
      })
      take()
    }

    for (let count = 0; count < threads; count++) start()
  })
}

/** The one message of a file that a linter thread died on. */
function crashed(given: string, code: number): PlainFile {
  const file = new VFile({path: given})
  // An error as its cause: a crash, which fails the run (exit 2).
  const cause = new Error(`the linter thread stopped with exit code ${code}, out of memory or on an error`)
  const message = file.message('Cannot lint this file; please report this bug', {source: 'milestone-lint', cause})
  message.fatal = true
  return plainFile(file)
}
