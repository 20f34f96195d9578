/**
 * milestone-lint's own config files below the run's (a
 * `docs/.milestone-lint.json` under a repository's): each gives the preset's
 * options for the files at or below its folder, over those of the configs
 * above it, as nested `.remarkrc*` files do. So a doc is linted alike from
 * any folder. Their other keys (`files`, `reports`, …) are about a run, and
 * apply only to one they are the config of.
 */
import {statSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Config} from './config-file.js'
import {configIn} from './config-read.js'
import {mergeOptions} from './own-package.js'

/** Where the lookup stops: the folder of the run's config (its preset is the run's), or none (at the root). */
export interface Nested {
  above: string | undefined
}

/** The run config's preset options, and the own configs below it that apply to their files (none with `--config`). */
export function presetsOf(given: {config?: string | undefined}, config: Config | undefined) {
  return {preset: config?.preset, nested: given.config === undefined ? {above: config?.folder} : undefined}
}

/** Files with the preset's options they are linted with. */
export interface PresetGroup {
  preset: Record<string, unknown> | undefined
  files: VFile[]
}

/** The files, in groups by the own config files between each and the run's config: one group when none has any. */
export async function presetGroups(
  files: readonly VFile[],
  cwd: string,
  preset: Record<string, unknown> | undefined,
  nested: Nested
): Promise<PresetGroup[]> {
  const groups = new Map<string, {chain: string[]; files: VFile[]}>()
  // Looked up once a folder: a batch's files share a few.
  const chains = new Map<string, string[]>()
  for (const file of files) {
    const folder = path.dirname(path.resolve(cwd, file.path))
    const chain = chains.get(folder) ?? configsBetween(folder, nested.above)
    chains.set(folder, chain)
    const key = chain.join('\0')
    const group = groups.get(key) ?? {chain, files: []}
    group.files.push(file)
    groups.set(key, group)
  }
  return Promise.all(
    [...groups.values()].map(async ({chain, files}) => {
      let options = preset
      // The outermost first: the nearest one's options win.
      for (const file of [...chain].reverse()) options = mergeOptions(options ?? {}, await nestedPreset(file, cwd))
      return {preset: options, files}
    })
  )
}

/** The config files from a folder up to `stop` (not its own), nearest first. */
function configsBetween(folder: string, stop: string | undefined): string[] {
  const chain: string[] = []
  for (let at = folder; at !== stop; at = path.dirname(at)) {
    const found = configIn(at)
    if (found) chain.push(found)
    if (path.dirname(at) === at) break
  }
  return chain
}

/** Each config read once while unchanged, in this thread. */
const read = new Map<string, {stamp: string; preset: Promise<Record<string, unknown>>}>()

async function nestedPreset(file: string, cwd: string): Promise<Record<string, unknown>> {
  const stats = statSync(file)
  const stamp = `${stats.mtimeMs}:${stats.size}`
  let entry = read.get(file)
  if (entry?.stamp !== stamp) {
    // Loaded when a file has one: a run without any loads none of the config's checks.
    const loaded = import('./config-file.js').then(({loadConfig}) => loadConfig(cwd, file))
    entry = {stamp, preset: loaded.then((config) => config?.preset ?? {})}
    read.set(file, entry)
  }
  return entry.preset
}
