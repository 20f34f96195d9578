/**
 * The doc set: a folder of milestone docs tied to one large overview
 * (their entries, then 500 KB of notes), linted by milestone-lint with
 * `milestone-overview-sync` and without it, and how often the overview is
 * read in a run: once, however many docs point at it.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {projectNamed, writeProject} from './corpus/milestone.mjs'
import {rng, sentence} from './corpus/random.mjs'
import {measureTools} from './measure.mjs'
import {printTable} from './report.mjs'
import {childEnv, paths} from './tools.mjs'

/** `count` docs (15–40 KB) and their overview, grown to about `overviewBytes`. */
export function generateSharedOverview(work, seed, count = 100, overviewBytes = 500_000) {
  const random = rng(seed * 1000 + 11)
  const dir = path.join(work, 'shared-overview')
  writeProject(
    dir,
    projectNamed(3),
    Array.from({length: count}, (_, index) => ({number: index + 1})),
    random
  )
  const overview = path.join(dir, 'milestones.md')
  const notes = ['', '## Notes', '']
  let size = fs.statSync(overview).size
  while (size < overviewBytes) {
    const paragraph = sentence(random, 60)
    notes.push(paragraph, '')
    size += paragraph.length + 2
  }
  fs.appendFileSync(overview, notes.join('\n'))
  return {dir, docs: count, overviewBytes: fs.statSync(overview).size}
}

/** milestone-lint with and without the sync rule on the folder, and the overview's reads in one run. */
export function measureSharedOverview(bench, corpus) {
  const noSync = path.join(bench.work, 'config', 'no-sync.remarkrc.json')
  fs.writeFileSync(noSync, JSON.stringify({plugins: [[paths.preset, {'milestone-overview-sync': false}]]}) + '\n')
  const lint = [paths.milestoneLint, '--no-frail', '--quiet', '--no-color']
  const tools = [
    {id: 'sync', label: 'milestone-lint', args: (target) => [...lint, target], exits: [0]},
    {
      id: 'no-sync',
      label: 'milestone-lint, overview-sync off',
      args: (target) => [...lint, '--rc-path', noSync, target],
      exits: [0]
    }
  ]
  process.stdout.write(
    `\nmeasuring ${corpus.docs} docs tied to one overview of ${(corpus.overviewBytes / 1000).toFixed(0)} KB … `
  )
  const begin = performance.now()
  const rows = measureTools({...bench, tools}, corpus.dir, '.', bench.settings.runs ?? 3)
  console.log(`${Math.round((performance.now() - begin) / 1000)} s`)
  return {...corpus, rows, overviewReads: readsOfOverview(bench, corpus, lint)}
}

/** How often one run of milestone-lint reads the overview. */
function readsOfOverview(bench, corpus, lint) {
  const out = path.join(bench.work, 'reads.txt')
  const env = {...childEnv(), BENCH_COUNT_READS: `${path.sep}milestones.md`, BENCH_COUNT_OUT: out}
  const preload = new URL('count-reads.mjs', import.meta.url).href
  spawnSync(paths.node, ['--import', preload, ...lint, '.'], {cwd: corpus.dir, stdio: 'ignore', env})
  return Number(fs.readFileSync(out, 'utf8'))
}

/** The table of the measurement. */
export function printSharedOverview(shared) {
  console.log(
    `${shared.docs} docs tied to one ${(shared.overviewBytes / 1000).toFixed(0)} KB overview: read ${shared.overviewReads} time(s) in a run`
  )
  const [sync] = shared.rows
  printTable(
    ['tool', 'median s', 'peak RSS MB', '× with the rule', 'runs (s)'],
    shared.rows.map((row) => [
      row.label,
      row.seconds.toFixed(2),
      row.rssMB?.toFixed(0) ?? '-',
      (row.seconds / sync.seconds).toFixed(2),
      row.runs.join(' ')
    ])
  )
}
