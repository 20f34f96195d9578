/** What was measured, on what: the machine, the tools' versions and the commit dist/ was built from. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {root} from './tools.mjs'

export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 1e9),
    loadAverage: os.loadavg()
  }
}

const packages = [
  'remark-cli',
  'remark',
  'remark-lint',
  'remark-gfm',
  'remark-frontmatter',
  'unified-engine',
  'markdownlint-cli2',
  'markdownlint',
  'markdownlint-rule-relative-links'
]

/** The installed version of each package the tools run. */
export function versions() {
  const version = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version
    } catch {
      return undefined
    }
  }
  return Object.fromEntries(packages.map((name) => [name, version(name)]))
}

/** The commit measured, and whether src/ had changes on top of it (dist/ is built from the working tree). */
export function gitState() {
  const git = (...args) => spawnSync('git', args, {cwd: root, encoding: 'utf8'})
  const head = git('rev-parse', '--short', 'HEAD')
  if (head.status !== 0) return undefined
  const changed = git('status', '--porcelain', '--', 'src').stdout.split('\n').filter(Boolean).length
  return {head: head.stdout.trim(), changedInSrc: changed}
}
