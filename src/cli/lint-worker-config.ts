/**
 * What milestone-lint's own config files give the language server's lint
 * of a doc, as they give `milestone-lint`'s: the run config is the one
 * found from the workspace folder up (as the CLI finds it from its working
 * directory), and its `ignores` and `baseline` apply; each doc also gets
 * the preset's options of those at or above it (nested-configs.ts).
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {loadConfig} from './config-file.js'
import {enginePatterns} from './ignore-files.js'
import {type PresetGroup, presetGroups} from './nested-configs.js'

/** What the own config files give a doc's lint. */
export interface OwnConfig {
  /** The preset's options. */
  preset: Record<string, unknown> | undefined
  /** Whether an own config file applies to the doc (the run config, or one at or above it): `requireConfig` lints it. */
  configured: boolean
  /** The run config's `ignores`, as the engine takes them for the doc. */
  ignorePatterns: string[]
  /** The run config's `baseline`, as an absolute path. */
  baseline: string | undefined
}

/**
 * The own config files' say on a doc (an absolute path) linted from a
 * workspace folder; `template` (the setting) is under every config file's
 * options, as a default. Throws a config file's problem, in one line.
 */
export async function ownConfigOf(cwd: string, doc: string, template: string | undefined): Promise<OwnConfig> {
  const config = await loadConfig(cwd, undefined)
  const under = {...(template ? {template} : {}), ...config?.preset}
  const [{preset, configs}] = (await presetGroups([new VFile({path: doc})], cwd, under)) as [PresetGroup]
  const {ignorePatterns = [], ignoreBase, baseline} = config?.options ?? {}
  return {
    preset,
    configured: config !== undefined || configs.length > 0,
    ignorePatterns: enginePatterns({ignorePatterns, ignoreBase}, [doc], cwd),
    // Relative to the working directory, as the config's paths are read for a run.
    baseline: baseline === undefined ? undefined : path.resolve(cwd, baseline)
  }
}
