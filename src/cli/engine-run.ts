/**
 * One run of unified-engine as `milestone-lint` makes it: remark-cli's
 * config and ignore files, the preset loaded as an engine plugin, nothing
 * written, each tree dropped once linted. Linting, `--fix`'s rounds and
 * `milestone-lint new` (which reads the config a path gets) all run it.
 */
import path from 'node:path'
import type {Plugin, PluggableList} from 'unified'
import type {VFile} from 'vfile'
import type {LintOptions} from './argv.js'
import {type NamedIn, ownPlugins} from './own-package.js'
import releaseTrees from './release-trees.js'
import {enginePatterns} from './ignore-files.js'
import {ignoreName} from '../project/file-names.js'
import {extensions} from './files.js'
import {configPreset, presetGroups} from './nested-configs.js'

/** What a run takes from the command line. */
export type RunOptions = Pick<
  LintOptions,
  'rcPath' | 'ignorePath' | 'ignorePatterns' | 'ignoreBase' | 'silentlyIgnore' | 'use'
> & {
  /** The config file `--config` names, if any. */
  config?: string | undefined
  /** The preset's options from milestone-lint's own config file: a `.remarkrc*`'s apply over them. */
  preset?: Record<string, unknown> | undefined
  /** Apply ignore files (the default); `milestone-lint new` reads a path's config whether or not it is ignored. */
  ignore?: boolean
  /** Plugins to use after the preset and `--use`'s. */
  plugins?: PluggableList
  /** Give each file the preset's options of its own config files (nested-configs.ts), not only the run's. */
  nested?: boolean | undefined
}

/**
 * Run the engine; the files it would report (those given, not ignored),
 * with their messages. The engine, remark and the preset are loaded on the
 * first run: a run that takes every file from the cache, or lints them all
 * on threads, does without them. The command line registers its module
 * hooks first (registerOwnPackage); the language server has none.
 */
export async function runEngine(options: RunOptions, files: VFile[], cwd: string, namedIn: NamedIn): Promise<VFile[]> {
  if (!options.nested) {
    // The one `--config` names: its rules' options checked, as each doc's own config files are.
    if (options.config !== undefined) await configPreset(path.resolve(cwd, options.config), cwd)
    return runOnce(options, files, cwd, namedIn)
  }
  const groups = await presetGroups(files, cwd, options.preset)
  const linted: VFile[] = []
  for (const {preset, files} of groups) linted.push(...(await runOnce({...options, preset}, files, cwd, namedIn)))
  // In the order given, whatever config each file had.
  const order = new Map(files.map((file, index) => [file, index]))
  return linted.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
}

/** One engine run, all files with one preset's options. */
async function runOnce(options: RunOptions, files: VFile[], cwd: string, namedIn: NamedIn): Promise<VFile[]> {
  const [{remark}, {engine}, {default: remarkLintMilestone}, {recordHeadings}] = await Promise.all([
    import('remark'),
    import('unified-engine'),
    import('../index.js'),
    import('../reporters/stable-key.js')
  ])
  const ignore = options.ignore !== false
  return new Promise(function (resolve, reject) {
    let given: VFile[] = []
    engine(
      {
        processor: remark,
        cwd,
        files,
        extensions,
        // The same config and ignore files as remark-cli, so both agree.
        rcName: '.remarkrc',
        rcPath: options.rcPath,
        packageField: 'remarkConfig',
        ignoreName: ignore ? ignoreName : undefined,
        ignorePath: ignore ? options.ignorePath : undefined,
        ignorePatterns: ignore
          ? enginePatterns(
              options,
              files.map((file) => path.resolve(cwd, file.path)),
              cwd
            )
          : [],
        silentlyIgnore: options.silentlyIgnore,
        pluginPrefix: 'remark',
        // The preset comes from the config: a config file's (its
        // `remark-lint-milestone` is this copy, installed or not; the own
        // config's preset options are under its own, and `false` turns it
        // off), or, where there is none, the default one.
        configTransform: ownPlugins(remarkLintMilestone, namedIn, cwd, options.preset),
        defaultConfig: {plugins: [[remarkLintMilestone as Plugin, options.preset ?? {}]]},
        // Nothing is written, so each tree is dropped once linted (its
        // section headings are kept, for messages' stable keys).
        plugins: [[recordHeadings as Plugin, {}], [releaseTrees, {}], ...options.use, ...(options.plugins ?? [])],
        out: false,
        // Reported by the caller, once problems are sorted out.
        reporter(files: VFile[]) {
          given = files
          return ''
        }
      },
      function (error) {
        if (error) reject(error)
        else resolve(given)
      }
    )
  })
}
