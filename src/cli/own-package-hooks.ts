/**
 * Module resolve hooks (registered by own-package.ts, run on Node's loader
 * thread): `remark-lint-milestone` and its subpaths, imported from anywhere
 * (a user's `.remarkrc.mjs`), resolve as if imported from this package
 * itself, through its own `exports`: the running copy. And each module
 * resolved is told to the thread that registered the hooks, for `--cache`
 * (own-package.ts `importedFiles`).
 */
import type {MessagePort} from 'node:worker_threads'

interface Context {
  parentURL?: string | undefined
}

type Next = (specifier: string, context: Context) => Promise<unknown>

let self: string | undefined
let imported: MessagePort | undefined

/** Node calls it on registering the hooks, with the URL of the running copy and where to tell imports (own-package.ts). */
export function initialize(data: {self: string; imported?: MessagePort}): void {
  self = data.self
  imported = data.imported
}

/** Node calls it for every import: our package resolves from the running copy, anything else as usual. */
export async function resolve(specifier: string, context: Context, next: Next): Promise<unknown> {
  const own = specifier === 'remark-lint-milestone' || specifier.startsWith('remark-lint-milestone/')
  const resolved = (await next(specifier, own && self ? {...context, parentURL: self} : context)) as {url?: unknown}
  // Told before the import goes on: the thread has it by the time the import is done.
  if (typeof resolved.url === 'string' && resolved.url.startsWith('file:')) imported?.postMessage(resolved.url)
  return resolved
}
