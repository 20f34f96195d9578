/**
 * Settings (environment variables, or `--name=value` arguments):
 *
 *   BENCH_SIZES        corpora to run, comma-separated: numbers of milestone
 *                      docs, and `docs` for the docs-repo corpus (2,000 files,
 *                      50 of them milestone docs); default `100,400,1600,docs`
 *   BENCH_RUNS         timed runs per tool per corpus (median); default 3,
 *                      and 1 on corpora over 20 MB (1,600 docs), whose single
 *                      run lasts minutes per tool
 *   BENCH_SINGLE_RUNS  runs per tool on one ~27 KB doc (a pre-commit hook's
 *                      cost); default 10, 0 to skip
 *   BENCH_SHARED       docs tied to one 500 KB overview, linted with and
 *                      without milestone-overview-sync (and how often the
 *                      overview is read); default 100, 0 to skip
 *   BENCH_TOOLS        subset of tools (ids in tools.mjs), comma-separated
 *   BENCH_OUT          also write the results as JSON to this file
 *   BENCH_KEEP         keep the generated corpus (its folder is printed)
 *   BENCH_VERBOSE      print each run as it ends
 *   BENCH_SEED         seed of the corpus generator; default 1
 *
 * Example: `BENCH_SIZES=100 BENCH_RUNS=1 npm run bench` (a quick run).
 */
import path from 'node:path'
import process from 'node:process'

/** The settings from `--name=value` arguments, else `BENCH_NAME` variables. */
export function readSettings(args, env) {
  const argv = Object.fromEntries(args.map(argument))
  const get = (name) => argv[name] ?? env['BENCH_' + name]
  const integer = (name, fallback) => {
    const value = get(name)
    if (value === undefined || value === '') return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < 0) fail(`Bad BENCH_${name}: ${value}`)
    return number
  }
  const flag = (name) => Boolean(get(name)) && get(name) !== '0'
  const corpora = sizes(get('SIZES') ?? '100,400,1600,docs')
  const runs = integer('RUNS', undefined)
  if (runs === 0) fail('BENCH_RUNS must be at least 1')
  return {
    sizes: corpora,
    runs,
    singleRuns: integer('SINGLE_RUNS', 10),
    shared: integer('SHARED', 100),
    tools: get('TOOLS')
      ? get('TOOLS')
          .split(',')
          .map((value) => value.trim())
      : undefined,
    out: get('OUT') ? path.resolve(get('OUT')) : undefined,
    keep: flag('KEEP'),
    verbose: flag('VERBOSE'),
    seed: integer('SEED', 1)
  }
}

/** `--single-runs=10` as `['SINGLE_RUNS', '10']`; a bare `--keep` is `1`. */
function argument(arg) {
  const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg)
  if (!match)
    fail(`Unknown argument ${arg}; use --sizes=100,400 --runs=3 --single-runs=10 --tools=… --out=file --keep --seed=1`)
  return [match[1].replaceAll('-', '_').toUpperCase(), match[2] ?? '1']
}

function sizes(list) {
  return list
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => {
      if (value === 'docs') return 'docs'
      const number = Number(value.replaceAll('_', ''))
      if (!Number.isInteger(number) || number < 1) fail(`Bad size ${value} (numbers of docs, or \`docs\`)`)
      return number
    })
}

/** Stop the benchmark with one line that names the problem. */
export function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(1)
}
