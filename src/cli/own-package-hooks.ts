/**
 * Module resolve hooks (registered by own-package.ts, run on Node's loader
 * thread): `remark-lint-milestone` and its subpaths, imported from anywhere
 * (a user's `.remarkrc.mjs`), resolve as if imported from this package
 * itself, through its own `exports`: the running copy.
 */
interface Context {
  parentURL?: string | undefined
}

type Next = (specifier: string, context: Context) => Promise<unknown>

let self: string | undefined

/** Node calls it on registering the hooks, with the URL of the running copy (own-package.ts). */
export function initialize(data: {self: string}): void {
  self = data.self
}

/** Node calls it for every import: our package resolves from the running copy, anything else as usual. */
export async function resolve(specifier: string, context: Context, next: Next): Promise<unknown> {
  const own = specifier === 'remark-lint-milestone' || specifier.startsWith('remark-lint-milestone/')
  return next(specifier, own && self ? {...context, parentURL: self} : context)
}
