/**
 * The tools compared. Each runs as a whole process (`node <cli> …`) in the
 * corpus folder, on a target (`.` or one file). Nothing here imports src/:
 * the preset is the built dist/.
 */
import {availableParallelism} from 'node:os'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {writeConfigs} from './configs.mjs'
import {fail} from './settings.mjs'

export const root = fileURLToPath(new URL('../..', import.meta.url))

export const paths = {
  node: process.execPath,
  remarkCli: path.join(root, 'node_modules/remark-cli/cli.js'),
  milestoneLint: path.join(root, 'dist/cli/milestone-lint.js'),
  preset: path.join(root, 'dist/index.js'),
  syntax: path.join(root, 'dist/model/syntax.js'),
  markdownlintCli2: path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
  // rumdl's native binary (its npm package's wrapper would add a Node start-up to each run).
  rumdl: rumdlBinary(),
  relativeLinksRule: fileURLToPath(import.meta.resolve('markdownlint-rule-relative-links')),
  remarkGfm: import.meta.resolve('remark-gfm'),
  remarkLint: import.meta.resolve('remark-lint'),
  remarkFrontmatter: import.meta.resolve('remark-frontmatter'),
  template: path.join(root, 'templates/milestone-template.md')
}

/** Stop early when a tool is not installed or dist/ is not built. */
export function checkInstalled() {
  for (const file of [paths.remarkCli, paths.milestoneLint, paths.preset, paths.markdownlintCli2]) {
    if (!fs.existsSync(file)) fail(`Missing ${path.relative(root, file)} (run \`npm install\` and \`npm run build\`)`)
  }
}

/**
 * One tool: its id, label, command (`args` with the target last, as
 * `target` writes it; run by Node unless `command` says otherwise), and the
 * exit codes a timed run may end with.
 */
function tool(id, label, args, {target = (name) => name, exits = [0], command = paths.node} = {}) {
  return {id, label, command, args: (name) => [...args, target(name)], exits}
}

/** The binary of `@rumdl/cli-<platform>`, the package the `rumdl` wrapper runs. */
function rumdlBinary() {
  const arch = process.arch === 'x64' ? 'x64' : process.arch
  const name = `@rumdl/cli-${process.platform}-${arch}`
  const dir = path.join(root, 'node_modules', name)
  return path.join(dir, process.platform === 'win32' ? 'rumdl.exe' : 'rumdl')
}

/** remark-cli with one config (none: `--no-config`), reporting nothing but warnings. */
function remark(id, label, config) {
  const use = config ? ['--rc-path', config] : ['--no-config']
  return tool(id, label, [paths.remarkCli, ...use, '--no-stdout', '--quiet', '--no-color'])
}

/** Every tool, with its configs written into `dir`. */
export function makeTools(dir) {
  const configs = writeConfigs(dir, paths)
  const all = [
    remark('remark', 'remark (no plugins)'),
    remark('remark-syntax', 'remark + preset syntax', configs.syntax),
    remark('remark-gfm', 'remark + gfm + frontmatter', configs.gfm),
    remark('remark-lint', 'remark + syntax + remark-lint', configs.lint),
    remark('remark-preset', 'remark + preset', configs.preset),
    tool('milestone-lint', 'milestone-lint --no-frail', [paths.milestoneLint, '--no-frail', '--quiet', '--no-color']),
    // The default leaves a core to V8's garbage collection; this takes every core.
    tool('milestone-lint-all', `milestone-lint, a thread per core (${availableParallelism()})`, [
      paths.milestoneLint,
      '--no-frail',
      '--quiet',
      '--no-color',
      '--concurrency',
      String(availableParallelism())
    ]),
    // Warm: its cache is written by an untimed run first, and nothing changes after.
    {
      ...tool('milestone-lint-cached', 'milestone-lint --cache, warm', [
        paths.milestoneLint,
        '--no-frail',
        '--quiet',
        '--no-color',
        '--cache',
        '--cache-location',
        '.milestone-lint-cache/'
      ]),
      warm: true
    },
    // markdownlint-cli2 exits 1 when it finds anything; remark exits 0, as warnings are not fatal without --frail.
    tool(
      'markdownlint-cli2',
      'markdownlint-cli2 (MD043+links)',
      [paths.markdownlintCli2, '--config', configs.markdownlint],
      {
        target: (name) => (name === '.' ? '**/*.md' : ':' + name),
        exits: [0, 1]
      }
    ),
    // A native peer: rumdl, MD043 from the template and its link rules (MD051 fragments, MD057 relative links), no cache.
    // Not a dev dependency (npm ci refuses a lockfile without its other platforms' binaries, which this registry lacks):
    // `npm install --no-save rumdl@0.2.75` to compare with it.
    tool('rumdl', 'rumdl (MD043+MD051+MD057)', ['check', '--no-cache', '--config', configs.rumdl, '--color', 'never'], {
      command: paths.rumdl,
      exits: [0, 1]
    })
  ]
  if (!fs.existsSync(paths.rumdl)) {
    console.error('bench: rumdl is not installed (`npm install --no-save rumdl@0.2.75`): its row is left out')
  }
  return {all: all.filter((entry) => entry.id !== 'rumdl' || fs.existsSync(paths.rumdl)), configs}
}

/** The tools `ids` names (all when undefined). */
export function selectTools(all, ids) {
  const tools = ids ? all.filter((entry) => ids.includes(entry.id)) : all
  if (tools.length === 0) fail(`BENCH_TOOLS names no tool; tools: ${all.map((entry) => entry.id).join(', ')}`)
  return tools
}

/** The tool's command on the whole corpus, with paths relative to the repo. */
export function commandLine(entry) {
  const command = entry.command === paths.node ? 'node' : entry.command
  return [command, ...entry.args('.')].map((arg) => (arg.startsWith(root) ? path.relative(root, arg) : arg)).join(' ')
}

/** The environment tools run in: no colours. */
export function childEnv() {
  const env = {...process.env, NO_COLOR: '1'}
  delete env.FORCE_COLOR
  return env
}
