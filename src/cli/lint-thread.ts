/**
 * The language server's side of its linter thread (lint-worker.ts): one
 * worker, started when first needed and again after it is replaced or
 * dies. A worker is replaced after {@link lintsPerWorker} lints, so that its
 * caches and heap start afresh and memory stays bounded over a long session.
 */
import type {Worker} from 'node:worker_threads'
import {linterThread} from './lint-files.js'
import {cannotLint} from './lint-message.js'
import type {Job, Result} from './lint-worker.js'

const lintsPerWorker = 200

/** The linter thread, as the server drives it. */
interface LintThread {
  /** Lint a job on the worker; its result comes to the `done` callback, as does a crash's. */
  run(job: Job): void
  /** Stop the worker (and any lint on it) at once. */
  stop(): Promise<void>
}

/** A linter thread that hands each job's result to `done`, and logs the worker's errors. */
export function lintThread(done: (result: Result) => void, log: (error: unknown) => void): LintThread {
  let worker: Worker | undefined
  /** The job on the worker, until its result comes back. */
  let pending: {id: number; worker: Worker} | undefined
  let lints = 0

  function finish(result: Result): void {
    pending = undefined
    if (++lints >= lintsPerWorker && worker) {
      void worker.terminate()
      worker = undefined
    }
    done(result)
  }

  function start(): Worker {
    // The command line's linter threads' heap (a lower limit doubled the time
    // of a re-lint: median 116 against 60 ms in npm run bench:editor). A doc
    // is at most 1 MB (the `limits` option): a lint that needs more is a
    // bug, reported on the doc.
    const started = linterThread(new URL('lint-worker.js', import.meta.url))
    started.on('message', finish)
    started.on('error', log)
    started.on('exit', (code) => {
      if (worker === started) worker = undefined
      // Died mid-lint (out of memory, a crash): say so on the doc, go on with the next.
      /* v8 ignore start -- a crash of the worker: no input within the limits makes one */
      if (pending?.worker === started && code !== 0) {
        const messages = [cannotLint(`the linter stopped with exit code ${code}, out of memory or on an error`)]
        finish({id: pending.id, messages})
      }
      /* v8 ignore stop */
    })
    lints = 0
    return started
  }

  return {
    run(job) {
      worker ??= start()
      pending = {id: job.id, worker}
      worker.postMessage(job)
    },
    async stop() {
      pending = undefined
      await worker?.terminate()
      worker = undefined
    }
  }
}
