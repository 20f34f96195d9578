/**
 * A linter thread of `milestone-lint` (see lint-files.ts): it lints each
 * batch of files it is sent as the command line's run does, and posts back
 * the files as plain data.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {type ThreadOptions, lintBatch} from './lint-batch.js'
import type {Batch, BatchResult} from './lint-files.js'
import {refuseExit, sayStrayErrors} from './exit-guard.js'
import {firstLine} from './lint-message.js'
import {type NamedIn, registerOwnPackage} from './own-package.js'

const {options, cwd} = workerData as {options: ThreadOptions; cwd: string}

// A config's `import … from 'remark-lint-milestone'` is this copy, on this thread too.
registerOwnPackage()
refuseExit()
// A plugin's error outside a lint fails the run, as one within it does.
sayStrayErrors((error) => {
  parentPort!.postMessage({error: firstLine(error)} satisfies BatchResult)
})

parentPort!.on('message', function (batch: Batch) {
  const namedIn: NamedIn = new Map()
  lintBatch(options, batch.paths, cwd, namedIn).then(
    (files) => {
      parentPort!.postMessage({
        index: batch.index,
        part: batch.part,
        files,
        namedIn: [...namedIn]
      } satisfies BatchResult)
    },
    (error: unknown) => {
      parentPort!.postMessage({error: firstLine(error)} satisfies BatchResult)
    }
  )
})
