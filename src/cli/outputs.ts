/**
 * Refuse, before the run, an output that cannot be written (in a folder
 * that is not there, or a folder), or that would be written over a file the
 * run reads, or over another output: a report, the cache or the baseline
 * written over a doc, the config, the baseline or `package.json`. A typo in
 * a path must not cost a doc (milestone-lint writes docs only with --fix).
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {ignoreName, isMarkdown, ownConfigNames, rcNames} from '../project/file-names.js'
import {type LintOptions, defaultCacheLocation} from './argv.js'
import {cacheFile} from './cache.js'
import {UsageError} from './flags.js'
import {isSpecial, realPath, statOf} from './ignore-files.js'

/** A file the run would write, and the flag that names it (`--report sarif=results.sarif`). */
interface Output {
  flag: string
  file: string
  /** Its folder is made if it is not there (the cache's). */
  makesFolder?: boolean
  /** It is read before it is written (the cache, the baseline). */
  reads?: boolean
}

/** A file the run reads, and what it is to the user (`the baseline`). */
interface Input {
  what: string
  file: string
}

/** Refuse the run's first output written over a file it reads, a doc, or another output. */
export function checkRunOutputs(
  options: LintOptions,
  paths: readonly string[],
  config: string | undefined,
  cwd: string
) {
  checkOutputs(outputsOf(options, cwd), inputsOf(options, paths, config), cwd)
}

/** The files the run writes (with --fix, the docs, which are inputs too). */
function outputsOf(options: LintOptions, cwd: string): Output[] {
  const {baseline, updateBaseline, cache, cacheLocation = defaultCacheLocation, reports} = options
  return [
    ...(baseline !== undefined && updateBaseline
      ? [{flag: `--baseline ${baseline} --update-baseline`, file: baseline, reads: true}]
      : []),
    ...(cache
      ? [
          {
            flag: `--cache-location ${cacheLocation}`,
            file: cacheFile(cacheLocation, cwd),
            makesFolder: true,
            reads: true
          }
        ]
      : []),
    ...reports.flatMap(({name, file}) => (file === undefined ? [] : [{flag: `--report ${name}=${file}`, file}]))
  ]
}

/** The files the run reads that it names. */
function inputsOf(options: LintOptions, paths: readonly string[], config: string | undefined): Input[] {
  const {baseline, updateBaseline, rcPath, ignorePath} = options
  return [
    ...paths.map((file) => ({what: 'the linted file', file})),
    ...(baseline !== undefined && !updateBaseline ? [{what: 'the baseline', file: baseline}] : []),
    ...[config, rcPath].flatMap((file) => (file === undefined ? [] : [{what: 'the config', file}])),
    ...(ignorePath === undefined ? [] : [{what: 'the ignore file', file: ignorePath}])
  ]
}

/** Throw a {@link UsageError} for the first output written over an input, a doc, or an output before it. */
function checkOutputs(outputs: readonly Output[], inputs: readonly Input[], cwd: string): void {
  const shown = (file: string) => path.relative(cwd, path.resolve(cwd, file))
  const read = new Map(inputs.map(({what, file}) => [realPath(path.resolve(cwd, file)), `${what} \`${shown(file)}\``]))
  const written = new Map<string, string>()
  for (const {flag, file, makesFolder, reads} of outputs) {
    const absolute = path.resolve(cwd, file)
    // Said before the run, not once it is done.
    if (!makesFolder && statOf(path.dirname(absolute))?.isDirectory() !== true) {
      throw new UsageError(`\`${flag}\`: no folder \`${path.dirname(file)}\` to write it in`)
    }
    const stats = statOf(absolute)
    if (stats?.isDirectory() === true) throw new UsageError(`\`${flag}\`: \`${file}\` is a folder`)
    // The cache and the baseline are read first: a FIFO or a device would never end the read.
    if (reads && isSpecial(stats)) throw new UsageError(`\`${flag}\`: \`${file}\` is not a regular file`)
    const real = realPath(absolute)
    const what = read.get(real) ?? written.get(real) ?? (existsSync(real) ? readAnyway(real, shown(file)) : undefined)
    if (what) throw new UsageError(`\`${flag}\` would write over ${what}; name another file`)
    written.set(real, `\`${shown(file)}\`, which \`${flag}\` writes`)
  }
}

/** A file no run writes over, whatever its part in this one: a doc, or a config or ignore file. */
function readAnyway(file: string, given: string): string | undefined {
  const name = path.basename(file)
  if (isMarkdown(file)) return `the Markdown file \`${given}\``
  if (name === 'package.json' || ownConfigNames.includes(name) || rcNames.has(name)) return `the config \`${given}\``
  if (name === ignoreName) return `the ignore file \`${given}\``
  return undefined
}
