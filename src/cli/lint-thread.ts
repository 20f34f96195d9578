/**
 * The language server's side of its linter thread (lint-worker.ts): one
 * worker, started when first needed and again after it is replaced or
 * dies. A worker is replaced after {@link lintsPerWorker} lints, so that its
 * caches and heap start afresh and memory stays bounded over a long session,
 * and stopped when a lint takes longer than its time limit, so that a config
 * file or plugin that never returns costs one doc's lint, not the session's.
 */
import type {Worker} from 'node:worker_threads'
import {linterThread} from './lint-files.js'
import {type Message, cannotLint} from './lint-message.js'
import type {Job, Result} from './lint-worker.js'

const lintsPerWorker = 200

/** The linter thread, as the server drives it. */
interface LintThread {
  /** Lint a job on the worker, for up to `seconds`; its result comes to the `done` callback, as does a crash's. */
  run(job: Job, seconds: number): void
  /** Stop the worker (and any lint on it) at once. */
  stop(): Promise<void>
}

/** A linter thread that hands each job's result to `done`, and logs the worker's errors. */
export function lintThread(done: (result: Result) => void, log: (error: unknown) => void): LintThread {
  let worker: Worker | undefined
  /** The job on the worker, until its result comes back. */
  let pending: {id: number; worker: Worker; timer: NodeJS.Timeout} | undefined
  let lints = 0

  function finish(result: Result): void {
    clearTimeout(pending?.timer)
    pending = undefined
    if (++lints >= lintsPerWorker && worker) retire(worker)
    done(result)
  }

  /** Stop a worker: the next job starts another. */
  function retire(which: Worker): void {
    if (worker === which) worker = undefined
    void which.terminate()
  }

  function start(): Worker {
    // The command line's threads' heap (a lower limit doubled a re-lint's time: median 116
    // against 60 ms in npm run bench:editor). A doc is at most 1 MB (the `limits` option):
    // a lint that needs more is a bug, reported on the doc.
    const started = linterThread(new URL('lint-worker.js', import.meta.url))
    started.on('message', finish)
    started.on('error', log)
    started.on('exit', (code) => {
      if (worker === started) worker = undefined
      // Died mid-lint (out of memory, a crash): say so on the doc, go on with the next.
      /* v8 ignore start -- a crash of the worker: no input within the limits makes one */
      if (pending?.worker === started) {
        const messages = [cannotLint(`the linter stopped with exit code ${code}, out of memory or on an error`)]
        finish({id: pending.id, messages})
      }
      /* v8 ignore stop */
    })
    lints = 0
    return started
  }

  return {
    run(job, seconds) {
      const running = (worker ??= start())
      const stop = () => {
        if (pending?.id !== job.id) return
        retire(running)
        finish({id: job.id, messages: [tooLong(seconds)]})
      }
      const timer = setTimeout(stop, Math.min(seconds * 1000, maxTimeout))
      pending = {id: job.id, worker: running, timer}
      running.postMessage(job)
    },
    async stop() {
      clearTimeout(pending?.timer)
      pending = undefined
      await worker?.terminate()
      worker = undefined
    }
  }
}

/** The longest a timer waits (a longer one would fire at once). */
const maxTimeout = 2 ** 31 - 1

/** The one message of a doc whose lint was stopped at its time limit. */
function tooLong(seconds: number): Message {
  return {
    reason: `Cannot lint this file: its lint took over ${seconds} s and was stopped (a config file or plugin may never return); the \`milestoneLint.timeLimit\` setting sets the limit`,
    fatal: true,
    ruleId: 'time-limit',
    source: 'milestone-lint-language-server'
  }
}
