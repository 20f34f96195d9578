/**
 * milestone-lint's own config files, for each doc: every one at or above
 * its folder gives it the preset's options, the nearer over the farther,
 * key by key as a `.remarkrc*`'s go over the preset's (`docs/.milestone-lint.json`
 * over the repository's). So a doc is linted alike from any folder and in the
 * editor. Their other keys (`files`, `reports`, …) are about a run: only the
 * run's config's apply, the first found from the working directory up.
 */
import {statSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Config} from './config-file.js'
import {configIn} from './config-read.js'
import {UsageError} from './flags.js'
import {mergeOptions} from './own-package.js'

/** The run config's preset options, and whether each doc's own config files apply (not when `--config` names one). */
export function presetsOf(given: {config?: string | undefined}, config: Config | undefined) {
  return {preset: config?.preset, nested: given.config === undefined}
}

/** Files with the preset's options they are linted with. */
export interface PresetGroup {
  preset: Record<string, unknown> | undefined
  files: VFile[]
  /** The own config files at or above the files' folder, nearest first. */
  configs: string[]
}

/**
 * The files, in groups by the own config files at or above each, with the
 * preset's options of those over the run's (`preset`, for a file out of its
 * config's folder; for one in it, that config is among its own).
 */
export async function presetGroups(
  files: readonly VFile[],
  cwd: string,
  preset: Record<string, unknown> | undefined
): Promise<PresetGroup[]> {
  const groups = new Map<string, {chain: string[]; files: VFile[]}>()
  // Looked up once a folder: a batch's files share a few.
  const chains = new Map<string, string[]>()
  for (const file of files) {
    const folder = path.dirname(path.resolve(cwd, file.path))
    const chain = chains.get(folder) ?? configsUp(folder)
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
      for (const file of [...chain].reverse()) options = mergeOptions(options ?? {}, await configPreset(file, cwd))
      return {preset: options, files, configs: chain}
    })
  )
}

/** The config files from a folder up to the file system's root, nearest first. */
function configsUp(folder: string): string[] {
  const chain: string[] = []
  for (let at = folder; ; at = path.dirname(at)) {
    const found = configIn(at)
    if (found) chain.push(found)
    if (path.dirname(at) === at) return chain
  }
}

/** Each config read once while unchanged, in this thread. */
const read = new Map<string, {stamp: string; preset: Promise<Record<string, unknown>>}>()

/**
 * A config file's preset options, its rules' options checked: a mistake in
 * them stops the run naming the file, as one in its other keys does (the
 * engine would say it for each doc, naming no file).
 */
export async function configPreset(file: string, cwd: string): Promise<Record<string, unknown>> {
  const stats = statSync(file)
  const stamp = `${stats.mtimeMs}:${stats.size}`
  let entry = read.get(file)
  if (entry?.stamp !== stamp) {
    // Loaded when a file has one: a run without any loads none of the config's checks.
    const loaded = import('./config-file.js').then(({loadConfig}) => loadConfig(cwd, file))
    entry = {stamp, preset: loaded.then(checked)}
    read.set(file, entry)
  }
  return entry.preset
}

async function checked(config: Config | undefined): Promise<Record<string, unknown>> {
  if (!config) return {}
  const {checkRuleOptions} = await import('../rules/index.js')
  try {
    checkRuleOptions(config.preset)
  } catch (error) {
    throw new UsageError(`${config.name}: ${(error as Error).message}`)
  }
  return config.preset
}
