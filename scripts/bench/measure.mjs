/**
 * Timing: each tool runs as a whole process, several times, interleaved
 * with the others; a row holds the median wall and CPU time and the peak
 * memory (RSS, from GNU time) of its runs.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {mb} from './report.mjs'
import {childEnv, paths} from './tools.mjs'

const time = '/usr/bin/time'

/** Whether GNU time is there to measure peak memory and CPU time. */
export function hasGnuTime() {
  return spawnSync(time, ['-f', '%M', 'true'], {encoding: 'utf8'}).status === 0
}

/** Run one tool once as a whole process; stdout and stderr go to /dev/null. */
function runOnce(bench, tool, cwd, target) {
  const args = tool.args(target)
  const timeFile = path.join(bench.work, 'time.txt')
  const command = bench.haveTime ? time : tool.command
  const argv = bench.haveTime ? ['-f', '%e %M %U %S', '-o', timeFile, tool.command, ...args] : args
  const start = performance.now()
  const child = spawnSync(command, argv, {cwd, stdio: 'ignore', env: childEnv()})
  const seconds = (performance.now() - start) / 1000
  let rssMB
  let cpuSeconds
  if (bench.haveTime) {
    // GNU time writes "Command exited with non-zero status N" before its line.
    const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? ''
    const [, maxKB, user, system] = line.split(' ').map(Number)
    rssMB = Number.isFinite(maxKB) ? maxKB / 1024 : undefined
    cpuSeconds = Number.isFinite(user) ? user + system : undefined
  }
  return {seconds, cpuSeconds, rssMB, status: child.status, signal: child.signal}
}

/** Run each tool `runs` times on `target`, interleaved (one run of each, then again), rotating the order. */
export function measureTools(bench, cwd, target, runs) {
  const {tools} = bench
  const byTool = new Map(tools.map((tool) => [tool.id, []]))
  for (const tool of tools) if (tool.warm) runOnce(bench, tool, cwd, target)
  for (let run = 0; run < runs; run++) {
    for (let index = 0; index < tools.length; index++) {
      const tool = tools[(index + run) % tools.length]
      const result = runOnce(bench, tool, cwd, target)
      byTool.get(tool.id).push(result)
      if (bench.settings.verbose) {
        console.log(
          `  run ${run + 1} ${tool.id}: ${result.seconds.toFixed(2)} s, ${result.rssMB?.toFixed(0)} MB, exit ${result.status ?? result.signal}`
        )
      }
    }
  }
  return tools.map((tool) => summarize(tool, byTool.get(tool.id)))
}

function summarize(tool, runs) {
  const failed = runs.filter((run) => !tool.exits.includes(run.status))
  // A crashed run (out of memory, say) says nothing about speed: the median is over the others, if any.
  const good = failed.length < runs.length ? runs.filter((run) => tool.exits.includes(run.status)) : runs
  return {
    tool: tool.id,
    label: tool.label,
    seconds: median(good.map((run) => run.seconds)),
    cpuSeconds: median(good.map((run) => run.cpuSeconds)),
    rssMB: max(runs.map((run) => run.rssMB)),
    runs: runs.map((run) => round(run.seconds, 3)),
    exit: [...new Set(runs.map((run) => run.status ?? run.signal))],
    failed: failed.length
  }
}

/** Every tool on a whole corpus, with each row's throughput and ratios to bare remark and to remark + syntax. */
export function measureCorpus(bench, corpus) {
  process.stdout.write(
    `measuring ${corpus.name}: ${corpus.files} files, ${mb(corpus.bytes)} MB, load ${os.loadavg()[0].toFixed(2)} … `
  )
  const begin = performance.now()
  const runs = bench.settings.runs ?? (corpus.bytes > 20e6 ? 1 : 3)
  const rows = measureTools(bench, corpus.dir, '.', runs)
  console.log(`${Math.round((performance.now() - begin) / 1000)} s`)
  const bare = rows.find((row) => row.tool === 'remark')
  const syntax = rows.find((row) => row.tool === 'remark-syntax')
  for (const row of rows) {
    row.mbPerSecond = corpus.bytes / 1e6 / row.seconds
    row.toBare = bare ? row.seconds / bare.seconds : undefined
    row.toSyntax = syntax ? row.seconds / syntax.seconds : undefined
    row.cpuToBare = bare?.cpuSeconds && row.cpuSeconds ? row.cpuSeconds / bare.cpuSeconds : undefined
    row.cpuToSyntax = syntax?.cpuSeconds && row.cpuSeconds ? row.cpuSeconds / syntax.cpuSeconds : undefined
  }
  const {name, kind, docs, files, bytes, docBytes} = corpus
  return {name, kind, runs, loadAverage: os.loadavg()[0], docs, files, bytes, docBytes, rows}
}

/** Every tool on one file, as a pre-commit hook runs it, next to Node's own start-up. */
export function measureSingle(bench, doc) {
  const runs = bench.settings.singleRuns
  const bytes = fs.statSync(doc.file).size
  const target = path.relative(doc.cwd, doc.file)
  process.stdout.write(
    `\nmeasuring one file (${target}, ${(bytes / 1024).toFixed(1)} KB), ${runs} run${runs === 1 ? '' : 's'} per tool … `
  )
  const begin = performance.now()
  const rows = measureTools(bench, doc.cwd, target, runs)
  console.log(`${Math.round((performance.now() - begin) / 1000)} s`)
  const bare = rows.find((row) => row.tool === 'remark')
  for (const row of rows) row.toBare = bare ? row.seconds / bare.seconds : undefined
  // Node alone, the floor under any of these.
  const nodeRuns = []
  for (let run = 0; run < Math.min(runs, 5); run++) {
    const start = performance.now()
    spawnSync(paths.node, ['-e', '0'], {stdio: 'ignore'})
    nodeRuns.push((performance.now() - start) / 1000)
  }
  return {file: target, bytes, rows, nodeStartSeconds: median(nodeRuns)}
}

function median(values) {
  const list = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b)
  if (list.length === 0) return undefined
  const middle = Math.floor(list.length / 2)
  return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2
}

function max(values) {
  const list = values.filter((value) => typeof value === 'number' && Number.isFinite(value))
  return list.length === 0 ? undefined : Math.max(...list)
}

function round(value, digits) {
  return Number(value.toFixed(digits))
}
