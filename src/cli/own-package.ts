/**
 * The name `remark-lint-milestone` in any config `milestone-lint` reads is
 * the running copy. Under pre-commit (or a global install) the user's
 * repository has no `node_modules`: without this, a `.remarkrc.json` naming
 * the preset, or a `.remarkrc.mjs` importing it, cannot be loaded (or
 * loads some other copy without its dependencies).
 *
 * - In JSON and YAML configs (and JS ones that name plugins by string),
 *   unified-engine's `configTransform` swaps the name for the preset itself.
 * - A JS config's `import … from 'remark-lint-milestone'` is resolved by a
 *   module resolve hook (see own-package-hooks.ts) to this package.
 */
import {register} from 'node:module'
import path from 'node:path'
import type {Plugin} from 'unified'
import type {Options} from 'unified-engine'

type ConfigTransform = NonNullable<Options['configTransform']>
type Preset = ReturnType<ConfigTransform>

/** How a config's plugins are named: `remark-lint-milestone`, or `lint-milestone` with remark's prefix. */
const ownNames = new Set(['remark-lint-milestone', 'lint-milestone'])

/** Where each plugin a config names by string comes from, for messages about one that cannot be found. */
export type NamedIn = Map<string, string>

/**
 * unified-engine's `configTransform`: plugins named `remark-lint-milestone`
 * become the running preset; other names are noted with their config file.
 */
export function ownPlugins(preset: Plugin, namedIn: NamedIn, cwd: string): ConfigTransform {
  // unified-engine types the config it passes as `any`.
  return function (config: {plugins?: unknown} | undefined, filePath: string): Preset {
    const plugins = config?.plugins
    if (!plugins) return config as Preset
    const swap = (entry: unknown): unknown => {
      const [name, ...rest]: unknown[] = Array.isArray(entry) ? (entry as unknown[]) : [entry]
      if (typeof name !== 'string') return entry
      if (ownNames.has(name)) {
        checkValue(rest[0])
        return Array.isArray(entry) ? [preset, ...rest] : preset
      }
      namedIn.set(name, path.relative(cwd, filePath) || filePath)
      return entry
    }
    const list = Array.isArray(plugins)
      ? plugins.map(swap)
      : typeof plugins === 'object'
        ? Object.entries(plugins).map(([name, value]) => swap([name, value]))
        : plugins
    return {...config, plugins: list} as Preset
  }
}

/** Resolve `import … from 'remark-lint-milestone'` in JS configs to this package (Node 20.6 and later). */
export function registerOwnPackage(): void {
  register('./own-package-hooks.js', import.meta.url, {data: {self: import.meta.url}})
}

/** A problem about a plugin that cannot be found, with the config file that names it. */
export function whereNamed(problem: string, namedIn: NamedIn): string {
  return problem.replace(/^(Cannot find module `([^`]+)`)/, (whole, _, name: string) =>
    namedIn.has(name) ? `${whole} (named in \`${namedIn.get(name)}\`)` : whole
  )
}

/**
 * The preset's options in a config must be an object (or `true`/`false`,
 * on or off): unified-engine would silently drop anything else when the
 * command line's own `{}` is merged over it.
 */
function checkValue(value: unknown): void {
  const plain = typeof value === 'object' && value !== null && !Array.isArray(value)
  if (value === undefined || value === null || typeof value === 'boolean' || plain) return
  throw new TypeError(`remark-lint-milestone: unexpected options \`${JSON.stringify(value)}\`, expected an object`)
}
