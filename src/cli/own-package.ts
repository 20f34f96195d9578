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
import {createRequire, register} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {MessageChannel, type MessagePort, receiveMessageOnPort} from 'node:worker_threads'
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
 * The preset's options from milestone-lint's own config (`own`) go under
 * the config's: a key it gives the preset is its own.
 */
export function ownPlugins(
  preset: Plugin,
  namedIn: NamedIn,
  cwd: string,
  own: Record<string, unknown> = {}
): ConfigTransform {
  // unified-engine types the config it passes as `any`.
  return function (config: {plugins?: unknown} | undefined, filePath: string): Preset {
    const plugins = config?.plugins ?? []
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
    return presetUnder(preset, own)({...config, plugins: list}, filePath)
  }
}

/**
 * unified-engine's `configTransform` (the language server's, which leaves
 * plugin names alone): the preset's options from milestone-lint's own
 * config go under a config's, merged into its preset entry (the preset or
 * its name), or as a new entry first.
 */
export function presetUnder(preset: Plugin, own: Record<string, unknown> = {}): ConfigTransform {
  return function (config: {plugins?: unknown} | undefined): Preset {
    const plugins = config?.plugins ?? []
    const list = Array.isArray(plugins) ? plugins : isPlain(plugins) ? Object.entries(plugins) : undefined
    return {...config, plugins: list ? underConfig(list, preset, own) : plugins} as Preset
  }
}

function underConfig(list: unknown[], preset: Plugin, own: Record<string, unknown>): unknown[] {
  const at = list.findIndex((entry) => {
    const plugin: unknown = Array.isArray(entry) ? entry[0] : entry
    return plugin === preset || (typeof plugin === 'string' && ownNames.has(plugin))
  })
  if (at === -1) return [[preset, own], ...list]
  const [plugin, value, ...rest] = Array.isArray(list[at]) ? (list[at] as unknown[]) : [list[at]]
  // `false` turns the preset off; `true` or no value turns it on.
  if (value === false) return list
  const merged = [...list]
  merged[at] = [plugin, mergeOptions(own, isPlain(value) ? value : {}), ...rest]
  return merged
}

/** Options over others: objects merged key by key, anything else (arrays too) replaced. */
export function mergeOptions(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged = {...under}
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key]
    merged[key] = isPlain(below) && isPlain(value) ? mergeOptions(below, value) : value
  }
  return merged
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

let registered = false
/** Where the hooks tell the user's modules imported, and those told so far. */
let told: MessagePort | undefined
const imported = new Set<string>()

/**
 * Resolve `import … from 'remark-lint-milestone'` in JS configs to this
 * package (Node 20.6 and later). The command line does, before it imports a
 * JS config or runs the engine: hooks run on a thread of their own, which
 * takes time to start, so a run that lints nothing registers none.
 */
export function registerOwnPackage(): void {
  // Not from the TypeScript sources (in-process tests): Node cannot load their hooks module.
  if (registered || import.meta.url.endsWith('.ts')) return
  registered = true
  const {port1, port2} = new MessageChannel()
  port1.unref()
  told = port1
  register('./own-package-hooks.js', import.meta.url, {
    data: {self: import.meta.url, imported: port2},
    transferList: [port2]
  })
}

/**
 * The files of the user's own modules this thread loaded: JS configs,
 * plugins named by their file, and what they import (as the hooks tell
 * it) or require (in CommonJS's cache); not a package's (in `node_modules`)
 * nor this one's. For `--cache`, which lints again when one changes.
 */
export function importedFiles(): string[] {
  let message: {message: unknown} | undefined
  while (told && (message = receiveMessageOnPort(told))) imported.add(fileURLToPath(message.message as string))
  const required = Object.keys(createRequire(import.meta.url).cache)
  return [...new Set([...imported, ...required])].filter(
    (file) => !file.split(path.sep).includes('node_modules') && !file.startsWith(built)
  )
}

/** This package's own modules (`dist/`, or `src/` in the tests). */
const built = fileURLToPath(new URL('..', import.meta.url))

/** A problem about a plugin that cannot be found, with the config file that names it. */
export function whereNamed(problem: string, namedIn: NamedIn): string {
  return problem.replace(/^(Cannot find module `([^`]+)`)/, (whole, _, name: string) =>
    namedIn.has(name) ? `${whole} (named in \`${namedIn.get(name)}\`)` : whole
  )
}

/**
 * The preset's options in a config must be an object (or `true`/`false`,
 * on or off): anything else is a mistake to name, not to lint with.
 */
function checkValue(value: unknown): void {
  const plain = typeof value === 'object' && value !== null && !Array.isArray(value)
  if (value === undefined || value === null || typeof value === 'boolean' || plain) return
  throw new TypeError(`remark-lint-milestone: unexpected options \`${JSON.stringify(value)}\`, expected an object`)
}
