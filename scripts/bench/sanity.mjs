/**
 * Sanity check: each tool, on a small folder with one defect of each kind,
 * finds what it should, so a misconfigured tool is not timed doing nothing.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {generateSanity} from './corpus.mjs'
import {pad} from './report.mjs'
import {fail} from './settings.mjs'
import {childEnv} from './tools.mjs'

/** Run each tool on the sanity folder; stop the benchmark if one misses or invents a problem. */
export function sanityCheck(bench) {
  const dir = path.join(bench.work, 'sanity')
  generateSanity(dir, bench.settings.seed)
  console.log('sanity check (one folder: a clean doc, then one doc per defect):')
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('milestone-'))
    .sort()
  const counts = {}
  for (const tool of bench.tools) {
    const child = spawnSync(tool.command, tool.args('.'), {cwd: dir, encoding: 'utf8', env: childEnv()})
    const output = child.stdout + child.stderr
    counts[tool.id] = files.map((file) => messagesFor(tool.id, output, file))
    checkTool(tool.id, child.status, counts[tool.id], output)
  }
  console.log('')
  return {files, counts}
}

/** remark without the preset finds nothing, by design; every other tool must find each defect it checks. */
function checkTool(id, status, counts, output) {
  const expectedStatus = id === 'markdownlint-cli2' || id === 'rumdl' ? [1] : [0]
  const problem = !expectedStatus.includes(status)
    ? `exit ${status}`
    : counts.every((count) => count === 0) && !id.startsWith('remark')
      ? 'found nothing'
      : undefined
  console.log(
    `  ${pad(id, 18)} messages per doc ${counts.join(' ')}${problem ? `  PROBLEM: ${problem}\n${output.slice(0, 2000)}` : ''}`
  )
  if (problem && !id.startsWith('remark')) fail(`${id} did not work on the sanity folder`)
  if (id === 'remark-preset' || id.startsWith('milestone-lint')) {
    if (counts[0] !== 0) fail(`${id}: the clean generated doc has messages:\n${output.slice(0, 3000)}`)
    if (counts.slice(1).some((count) => count === 0)) fail(`${id} misses an injected defect:\n${output.slice(0, 3000)}`)
  }
  if ((id === 'markdownlint-cli2' || id === 'rumdl') && counts[0] !== 0) {
    fail(`${id}: the clean generated doc has messages (MD043 headings wrong?):\n${output.slice(0, 3000)}`)
  }
}

/** Count a tool's messages on one file from its default report. */
function messagesFor(id, output, file) {
  const lines = output.split('\n')
  if (id === 'markdownlint-cli2') return lines.filter((line) => line.startsWith(file + ':')).length
  // rumdl: `path:line:column: [MDxxx] …`, the path relative to where it found the config.
  if (id === 'rumdl')
    return lines.filter((line) => line.startsWith(file + ':') || line.includes('/' + file + ':')).length
  // vfile-reporter: the file's name on its own line, then its messages, one a line, then a blank line.
  let count = 0
  let inFile = false
  for (const line of lines) {
    if (line.trim() === '') inFile = false
    else if (inFile) count++
    else inFile = line.trim() === file
  }
  return count
}
