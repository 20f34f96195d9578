#!/usr/bin/env node
/**
 * `npm run bench`: how fast the milestone preset lints, next to remark-cli
 * without plugins (the parse floor), remark-cli with only the syntax
 * extensions the preset installs (front matter, footnotes, task lists: the
 * preset's `milestoneSyntax`), the same with remark-lint but no rule (its
 * comment control, which every remark-lint preset pays), remark-cli with all of GFM and front matter
 * (what the preset installed before, to show what GFM costs), and
 * markdownlint-cli2 with required-headings (MD043, configured from the
 * template) and markdownlint-rule-relative-links.
 *
 * Every tool runs as a whole process (`node <cli> …`), on the same generated
 * files, in the same run, interleaved, several times; the table shows the
 * median wall time, throughput, peak memory (RSS, from GNU time) and ratios.
 * Nothing here imports src/: the preset is the built dist/.
 *
 * The settings (BENCH_* variables or --name=value arguments) are described
 * in settings.mjs; the results are described in docs/benchmark.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {generateDocsRepo, generateMilestoneCorpus, generateSingle} from './corpus.mjs'
import {gitState, machine, versions} from './machine.mjs'
import {hasGnuTime, measureCorpus, measureSingle} from './measure.mjs'
import {printCorpus, printScaling, printSingle, printTargets} from './report.mjs'
import {sanityCheck} from './sanity.mjs'
import {generateSharedOverview, measureSharedOverview, printSharedOverview} from './shared-overview.mjs'
import {readSettings} from './settings.mjs'
import {scaling, targets} from './targets.mjs'
import {checkInstalled, commandLine, makeTools, selectTools} from './tools.mjs'

const settings = readSettings(process.argv.slice(2), process.env)
checkInstalled()
const haveTime = hasGnuTime()
if (!haveTime) console.error('bench: /usr/bin/time (GNU time) not found: peak memory is not measured')

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'milestone-bench-'))
const configDir = path.join(work, 'config')
fs.mkdirSync(configDir)
const {all, configs} = makeTools(configDir)
const tools = selectTools(all, settings.tools)
const bench = {settings, tools, work, haveTime}

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  versions: versions(),
  git: gitState(),
  settings: {...settings, tools: tools.map((tool) => tool.id)},
  tools: tools.map((tool) => ({id: tool.id, label: tool.label, command: commandLine(tool)})),
  markdownlintHeadings: configs.headings,
  corpora: [],
  scaling: [],
  singleFile: undefined,
  sharedOverview: undefined
}

function printHeader() {
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  console.log(`milestone-lint benchmark: Node ${process.version}, ${os.cpus().length} cores, load ${load}`)
  console.log(`corpus and configs in ${work}${settings.keep ? ' (kept)' : ' (removed at the end)'}`)
  if (results.git)
    console.log(
      `measuring dist/ built from ${results.git.head}${results.git.changedInSrc ? ` with ${results.git.changedInSrc} changed file(s) in src/` : ''}`
    )
  console.log(
    `runs per tool: ${settings.runs ?? '3 (1 on corpora over 20 MB)'}, median, interleaved; wall time; cpu = user + sys; peak RSS from GNU time\n`
  )
}

/** Each corpus, generated, measured, printed and (unless kept) removed; then scaling, one file and the targets. */
function measureAll() {
  for (const size of settings.sizes) {
    const corpus =
      size === 'docs' ? generateDocsRepo(work, settings.seed) : generateMilestoneCorpus(work, size, settings.seed)
    const measured = measureCorpus(bench, corpus)
    results.corpora.push(measured)
    printCorpus(measured)
    if (!settings.keep) fs.rmSync(corpus.dir, {recursive: true, force: true})
  }
  results.scaling = scaling(results.corpora)
  if (results.scaling.length > 0) printScaling(results.scaling)
  if (settings.singleRuns > 0) {
    results.singleFile = measureSingle(bench, generateSingle(work, settings.seed))
    printSingle(results.singleFile)
  }
  if (settings.shared > 0 && tools.some((tool) => tool.id === 'milestone-lint')) {
    results.sharedOverview = measureSharedOverview(bench, generateSharedOverview(work, settings.seed, settings.shared))
    printSharedOverview(results.sharedOverview)
  }
  results.targets = targets(results)
  printTargets(results.targets)
}

function main() {
  const started = performance.now()
  printHeader()
  try {
    results.sanity = sanityCheck(bench)
    measureAll()
  } finally {
    if (!settings.keep) fs.rmSync(work, {recursive: true, force: true})
  }
  results.seconds = Math.round((performance.now() - started) / 1000)
  console.log(`\nwhole benchmark: ${results.seconds} s`)
  if (settings.out) {
    fs.writeFileSync(settings.out, JSON.stringify(results, null, 2) + '\n')
    console.log(`results written to ${settings.out}`)
  }
}

main()
