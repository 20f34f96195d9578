/**
 * A plugin for runs that write nothing (used by `milestone-lint` unless an
 * output flag is given): once the plugins have run on a file, keep its
 * messages but not its tree. unified-engine holds every file until all are
 * done, as plugins may add files to the set, so without this a run holds
 * every file's tree at once: over a gigabyte for 1,000 docs.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {treelessMark} from '../rules/marks.js'

type Done = (error?: Error, tree?: Node, file?: VFile) => undefined
type Run = (tree: Node, file?: unknown, done?: unknown) => unknown

/** Replace each file's tree with an empty root once its plugins have run. */
export default function releaseTrees(this: Processor): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the processor as `this`
  const run = this.run as unknown as Run
  // Wrapped here, not in a transformer, so that it acts after every plugin
  // whatever their order. unified-engine calls `run(tree, file, done)`.
  Object.assign(this, {
    run(this: Processor, tree: Node, file?: unknown, done?: unknown) {
      if (typeof done !== 'function') return run.call(this, tree, file, done)
      return run.call(this, tree, file, function (error?: Error, _tree?: Node, ranFile?: VFile) {
        const released: Root = {type: 'root', children: []}
        ;(done as Done)(error, released, ranFile)
      })
    }
  })
}

Object.defineProperty(releaseTrees, treelessMark, {value: true})
