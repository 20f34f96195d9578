#!/usr/bin/env node
/**
 * `milestone-lint [options] [path | glob ...]`: remark-cli with the
 * milestone preset loaded as an engine plugin, failing on any message.
 * Everything else (config files, ignore files, flags) is remark-cli's.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import markdownExtensions from 'markdown-extensions'
import {remark} from 'remark'
import {args} from 'unified-args'
import {milestoneArgs} from './argv.js'

const pack = readJson(new URL('../../package.json', import.meta.url))
const remarkPack = readJson(new URL('package.json', import.meta.resolve('remark')))

process.argv = [
  ...process.argv.slice(0, 2),
  ...milestoneArgs(process.argv.slice(2), {
    preset: specifier(new URL('../index.js', import.meta.url)),
    releaseTrees: specifier(new URL('release-trees.js', import.meta.url)),
    reporter: (name) => specifier(new URL(`../reporters/${name}.js`, import.meta.url)),
    color: colorByDefault()
  })
]

args({
  name: 'milestone-lint',
  description:
    'Lint milestone design docs: required sections, placeholders, success criteria, risks and links.\n' +
    '  Fails on any message (--no-frail: only on errors). Reports: --report json, github or sarif (on stdout).',
  version: `milestone-lint: ${pack.version}, remark: ${remarkPack.version}`,
  processor: remark,
  extensions: markdownExtensions,
  // The same config and ignore files as remark-cli, so both agree.
  rcName: '.remarkrc',
  packageField: 'remarkConfig',
  ignoreName: '.remarkignore',
  pluginPrefix: 'remark'
})

function readJson(url: URL): {version: string} {
  return JSON.parse(readFileSync(url, 'utf8')) as {version: string}
}

/** Colour the report in a terminal, unless `NO_COLOR` is set; `FORCE_COLOR` forces it. */
function colorByDefault(): boolean {
  const force = process.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
}

/**
 * A module as unified-engine loads plugins and reporters: a path relative to
 * the working directory (a file URL or absolute path would get the plugin
 * prefix prepended).
 */
function specifier(url: URL): string {
  const relative = path.relative(process.cwd(), fileURLToPath(url)).split(path.sep).join('/')
  return relative.startsWith('.') ? relative : './' + relative
}
