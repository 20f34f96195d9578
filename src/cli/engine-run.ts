/**
 * One run of unified-engine as `milestone-lint` makes it: remark-cli's
 * config and ignore files, the preset loaded as an engine plugin, nothing
 * written, each tree dropped once linted. Linting, `--fix`'s rounds and
 * `milestone-lint new` (which reads the config a path gets) all run it.
 */
import markdownExtensions from 'markdown-extensions'
import {remark} from 'remark'
import type {Plugin, PluggableList} from 'unified'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import remarkLintMilestone from '../index.js'
import type {LintOptions} from './argv.js'
import {type NamedIn, ownPlugins} from './own-package.js'
import {recordHeadings} from '../reporters/stable-key.js'
import releaseTrees from './release-trees.js'

/** The extensions of Markdown files, with their dot. */
export const extensions = markdownExtensions.map((extension) => '.' + extension)

/** remark-cli's ignore file. */
export const ignoreName = '.remarkignore'

/** What a run takes from the command line. */
export type RunOptions = Pick<LintOptions, 'rcPath' | 'ignorePath' | 'ignorePatterns' | 'silentlyIgnore' | 'use'> & {
  /** Apply ignore files (the default); `milestone-lint new` reads a path's config whether or not it is ignored. */
  ignore?: boolean
  /** Plugins to use after the preset and `--use`'s. */
  plugins?: PluggableList
}

/** Run the engine; the files it would report (those given, not ignored), with their messages. */
export function run(options: RunOptions, files: VFile[], cwd: string, namedIn: NamedIn): Promise<VFile[]> {
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
        ignorePatterns: ignore ? options.ignorePatterns : [],
        silentlyIgnore: options.silentlyIgnore,
        pluginPrefix: 'remark',
        // The preset as an engine plugin: config files still apply on top of
        // it (`{}` keeps the options they give it), and it gets the file set.
        // Nothing is written, so each tree is dropped once linted (its
        // section headings are kept, for messages' stable keys).
        // A config's `remark-lint-milestone` is this copy, installed or not.
        configTransform: ownPlugins(remarkLintMilestone, namedIn, cwd),
        plugins: [
          [remarkLintMilestone as Plugin, {}],
          [recordHeadings as Plugin, {}],
          [releaseTrees, {}],
          ...options.use,
          ...(options.plugins ?? [])
        ],
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
