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
 *   BENCH_TOOLS        subset of tools (ids below), comma-separated
 *   BENCH_OUT          also write the results as JSON to this file
 *   BENCH_KEEP         keep the generated corpus (its folder is printed)
 *   BENCH_SEED         seed of the corpus generator; default 1
 *
 * Example: `BENCH_SIZES=100 BENCH_RUNS=1 npm run bench` (a quick run).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const settings = readSettings()

const paths = {
  node: process.execPath,
  remarkCli: path.join(root, 'node_modules/remark-cli/cli.js'),
  milestoneLint: path.join(root, 'dist/cli/milestone-lint.js'),
  preset: path.join(root, 'dist/index.js'),
  syntax: path.join(root, 'dist/model/syntax.js'),
  markdownlintCli2: path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
  relativeLinksRule: fileURLToPath(import.meta.resolve('markdownlint-rule-relative-links')),
  remarkGfm: import.meta.resolve('remark-gfm'),
  remarkLint: import.meta.resolve('remark-lint'),
  remarkFrontmatter: import.meta.resolve('remark-frontmatter'),
  template: path.join(root, 'templates/milestone-template.md'),
  example: path.join(root, 'fixtures/example/milestone-1-private-beta.md'),
  exampleArchitecture: path.join(root, 'fixtures/example/lumen-architecture.md'),
  time: '/usr/bin/time'
}

for (const file of [paths.remarkCli, paths.milestoneLint, paths.preset, paths.markdownlintCli2]) {
  if (!fs.existsSync(file)) fail(`Missing ${path.relative(root, file)} (run \`npm install\` and \`npm run build\`)`)
}
const haveTime = spawnSync(paths.time, ['-f', '%M', 'true'], {encoding: 'utf8'}).status === 0
if (!haveTime) console.error('bench: /usr/bin/time (GNU time) not found: peak memory is not measured')

// ---------------------------------------------------------------------------
// Tools

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'milestone-bench-'))
const configDir = path.join(work, 'config')
fs.mkdirSync(configDir)
const configs = writeConfigs(configDir)

/** Each tool: its id, label, and its command on a target (`.` or a file), run in the corpus folder. */
const allTools = [
  {
    id: 'remark',
    label: 'remark (no plugins)',
    args: (target) => [paths.remarkCli, '--no-config', '--no-stdout', '--quiet', '--no-color', target]
  },
  {
    id: 'remark-syntax',
    label: 'remark + preset syntax',
    args: (target) => [paths.remarkCli, '--rc-path', configs.syntax, '--no-stdout', '--quiet', '--no-color', target]
  },
  {
    id: 'remark-gfm',
    label: 'remark + gfm + frontmatter',
    args: (target) => [paths.remarkCli, '--rc-path', configs.gfm, '--no-stdout', '--quiet', '--no-color', target]
  },
  {
    id: 'remark-lint',
    label: 'remark + syntax + remark-lint',
    args: (target) => [paths.remarkCli, '--rc-path', configs.lint, '--no-stdout', '--quiet', '--no-color', target]
  },
  {
    id: 'remark-preset',
    label: 'remark + preset',
    args: (target) => [paths.remarkCli, '--rc-path', configs.preset, '--no-stdout', '--quiet', '--no-color', target]
  },
  {
    id: 'milestone-lint',
    label: 'milestone-lint --no-frail',
    args: (target) => [paths.milestoneLint, '--no-frail', '--quiet', '--no-color', target]
  },
  {
    id: 'markdownlint-cli2',
    label: 'markdownlint-cli2 (MD043+links)',
    args: (target) => [
      paths.markdownlintCli2,
      '--config',
      configs.markdownlint,
      target === '.' ? '**/*.md' : ':' + target
    ]
  }
]
const tools = settings.tools ? allTools.filter((tool) => settings.tools.includes(tool.id)) : allTools
if (tools.length === 0) fail(`BENCH_TOOLS names no tool; tools: ${allTools.map((tool) => tool.id).join(', ')}`)

// ---------------------------------------------------------------------------
// Run

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 1e9),
    loadAverage: os.loadavg()
  },
  versions: versions(),
  git: gitState(),
  settings: {...settings, tools: tools.map((tool) => tool.id)},
  tools: tools.map(({id, label}) => ({id, label, command: commandLine(id)})),
  markdownlintHeadings: configs.headings,
  corpora: [],
  scaling: [],
  singleFile: undefined
}

// ---------------------------------------------------------------------------
// Measuring

/** Run one tool once as a whole process; stdout and stderr go to /dev/null. */
function runOnce(tool, cwd, target) {
  const args = tool.args(target)
  const timeFile = path.join(work, 'time.txt')
  const command = haveTime ? paths.time : paths.node
  const argv = haveTime ? ['-f', '%e %M %U %S', '-o', timeFile, paths.node, ...args] : args
  const start = performance.now()
  const child = spawnSync(command, argv, {cwd, stdio: 'ignore', env: childEnv()})
  const seconds = (performance.now() - start) / 1000
  let rssMB
  let cpuSeconds
  if (haveTime) {
    // GNU time writes "Command exited with non-zero status N" before its line.
    const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? ''
    const [, maxKB, user, system] = line.split(' ').map(Number)
    rssMB = Number.isFinite(maxKB) ? maxKB / 1024 : undefined
    cpuSeconds = Number.isFinite(user) ? user + system : undefined
  }
  return {seconds, cpuSeconds, rssMB, status: child.status, signal: child.signal}
}

/** Run each tool `runs` times on `target`, interleaved (one run of each, then again), rotating the order. */
function measureTools(cwd, target, runs, expectedStatus) {
  const byTool = new Map(tools.map((tool) => [tool.id, []]))
  for (let run = 0; run < runs; run++) {
    for (let index = 0; index < tools.length; index++) {
      const tool = tools[(index + run) % tools.length]
      const result = runOnce(tool, cwd, target)
      byTool.get(tool.id).push(result)
      if (settings.verbose) {
        console.log(
          `  run ${run + 1} ${tool.id}: ${result.seconds.toFixed(2)} s, ${result.rssMB?.toFixed(0)} MB, exit ${result.status ?? result.signal}`
        )
      }
    }
  }
  return tools.map((tool) => summarize(tool, byTool.get(tool.id), expectedStatus(tool)))
}

function summarize(tool, runs, expected) {
  const failed = runs.filter((run) => !expected.includes(run.status))
  // A crashed run (out of memory, say) says nothing about speed: the median is over the others, if any.
  const good = failed.length < runs.length ? runs.filter((run) => expected.includes(run.status)) : runs
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

function measureCorpus(corpus) {
  process.stdout.write(
    `measuring ${corpus.name}: ${corpus.files} files, ${mb(corpus.bytes)} MB, load ${os.loadavg()[0].toFixed(2)} … `
  )
  const begin = performance.now()
  // remark exits 0 (warnings are not fatal without --frail); markdownlint-cli2 exits 1 when it finds anything.
  const runs = settings.runs ?? (corpus.bytes > 20e6 ? 1 : 3)
  const rows = measureTools(corpus.dir, '.', runs, (tool) => (tool.id === 'markdownlint-cli2' ? [0, 1] : [0]))
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
  return {
    name: corpus.name,
    kind: corpus.kind,
    runs,
    loadAverage: os.loadavg()[0],
    docs: corpus.docs,
    files: corpus.files,
    bytes: corpus.bytes,
    docBytes: corpus.docBytes,
    rows
  }
}

function measureSingle(doc) {
  const bytes = fs.statSync(doc.file).size
  const target = path.relative(doc.cwd, doc.file)
  process.stdout.write(
    `\nmeasuring one file (${target}, ${(bytes / 1024).toFixed(1)} KB), ${settings.singleRuns} run${settings.singleRuns === 1 ? '' : 's'} per tool … `
  )
  const begin = performance.now()
  const rows = measureTools(doc.cwd, target, settings.singleRuns, (tool) =>
    tool.id === 'markdownlint-cli2' ? [0, 1] : [0]
  )
  console.log(`${Math.round((performance.now() - begin) / 1000)} s`)
  const bare = rows.find((row) => row.tool === 'remark')
  for (const row of rows) row.toBare = bare ? row.seconds / bare.seconds : undefined
  // Node alone, the floor under any of these.
  const nodeRuns = []
  for (let run = 0; run < Math.min(settings.singleRuns, 5); run++) {
    const start = performance.now()
    spawnSync(paths.node, ['-e', '0'], {stdio: 'ignore'})
    nodeRuns.push((performance.now() - start) / 1000)
  }
  return {file: target, bytes, rows, nodeStartSeconds: median(nodeRuns)}
}

function scaling(corpora) {
  const list = []
  const milestone = corpora.filter((corpus) => corpus.kind === 'milestone')
  for (const small of milestone) {
    const large = milestone.find((corpus) => corpus.docs === small.docs * 4)
    if (!large) continue
    for (const row of small.rows) {
      const other = large.rows.find((candidate) => candidate.tool === row.tool)
      list.push({
        tool: row.tool,
        label: row.label,
        from: small.docs,
        to: large.docs,
        bytesRatio: large.bytes / small.bytes,
        timeRatio: other.seconds / row.seconds,
        cpuRatio: other.cpuSeconds && row.cpuSeconds ? other.cpuSeconds / row.cpuSeconds : undefined,
        rssRatio: other.rssMB && row.rssMB ? other.rssMB / row.rssMB : undefined
      })
    }
  }
  return list
}

function targets(all) {
  const list = []
  const milestone = all.corpora.filter((corpus) => corpus.kind === 'milestone')
  const docsRepo = all.corpora.find((corpus) => corpus.kind === 'docs-repo')
  const row = (corpus, id) => corpus.rows.find((candidate) => candidate.tool === id)
  /** `ours` against `theirs`: wall-time ratio, with the CPU-time ratio alongside. */
  const versus = (name, ours, theirs, limit) => {
    if (!ours || !theirs) return
    const cpu = ours.cpuSeconds && theirs.cpuSeconds ? ours.cpuSeconds / theirs.cpuSeconds : undefined
    list.push(target(name + failedNote(ours, theirs), ours.seconds / theirs.seconds, limit, cpu))
  }
  const memory = (name, ours, theirs, limit = 1) => {
    if (ours?.rssMB && theirs?.rssMB)
      list.push(target(name + failedNote(ours, theirs), ours.rssMB / theirs.rssMB, limit))
  }
  for (const corpus of milestone) {
    for (const id of ['remark-preset', 'milestone-lint']) {
      versus(`${corpus.name}: ${id} ≤ 1.10× remark + preset syntax`, row(corpus, id), row(corpus, 'remark-syntax'), 1.1)
      versus(
        `${corpus.name}: ${id} faster than markdownlint-cli2`,
        row(corpus, id),
        row(corpus, 'markdownlint-cli2'),
        1
      )
    }
    memory(
      `${corpus.name}: milestone-lint peak RSS ≤ markdownlint-cli2's`,
      row(corpus, 'milestone-lint'),
      row(corpus, 'markdownlint-cli2')
    )
    memory(
      `${corpus.name}: remark + preset peak RSS ≤ 1.10× bare remark's`,
      row(corpus, 'remark-preset'),
      row(corpus, 'remark'),
      1.1
    )
  }
  if (docsRepo) {
    versus(
      `${docsRepo.name}: milestone-lint faster than bare remark`,
      row(docsRepo, 'milestone-lint'),
      row(docsRepo, 'remark'),
      1
    )
    versus(
      `${docsRepo.name}: milestone-lint faster than markdownlint-cli2`,
      row(docsRepo, 'milestone-lint'),
      row(docsRepo, 'markdownlint-cli2'),
      1
    )
    memory(
      `${docsRepo.name}: milestone-lint peak RSS ≤ markdownlint-cli2's`,
      row(docsRepo, 'milestone-lint'),
      row(docsRepo, 'markdownlint-cli2')
    )
  }
  if (all.singleFile) {
    const single = (id) => all.singleFile.rows.find((candidate) => candidate.tool === id)
    versus('one file: milestone-lint ≤ 1.10× bare remark', single('milestone-lint'), single('remark'), 1.1)
  }
  for (const entry of all.scaling) {
    if (entry.tool === 'milestone-lint' || entry.tool === 'remark-preset') {
      list.push(
        target(`${entry.tool}: ${entry.to} docs ≤ 4.4× the time of ${entry.from}`, entry.timeRatio, 4.4, entry.cpuRatio)
      )
    }
  }
  return list
}

function target(name, value, limit, cpu) {
  return {name, value, limit, cpu, met: value <= limit}
}

/** Targets that involve a tool whose runs failed are marked so. */
function failedNote(...rows) {
  const failed = rows.filter((row) => row?.failed)
  return failed.length > 0 ? ` (${failed.map((row) => `${row.tool} failed ${row.failed}×`).join(', ')})` : ''
}

// ---------------------------------------------------------------------------
// Sanity check: each tool, on a small folder with one defect of each kind,
// finds what it should, so a misconfigured tool is not timed doing nothing.

function sanityCheck() {
  const dir = path.join(work, 'sanity')
  const project = {name: 'Lumen', slug: 'lumen'}
  const defects = [undefined, 'missing-section', 'check-mark', 'broken-link', 'placeholder']
  writeProject(
    dir,
    project,
    defects.map((defect, index) => ({number: index + 1, defect})),
    rng(settings.seed + 7)
  )
  console.log('sanity check (one folder: a clean doc, then one doc per defect):')
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('milestone-'))
    .sort()
  const counts = {}
  for (const tool of tools) {
    const child = spawnSync(paths.node, tool.args('.'), {cwd: dir, encoding: 'utf8', env: childEnv()})
    const output = child.stdout + child.stderr
    counts[tool.id] = files.map((file) => messagesFor(tool.id, output, file))
    const expectedStatus = tool.id === 'markdownlint-cli2' ? [1] : [0]
    const problem = !expectedStatus.includes(child.status)
      ? `exit ${child.status}`
      : counts[tool.id].every((count) => count === 0) && !tool.id.startsWith('remark')
        ? 'found nothing'
        : undefined
    console.log(
      `  ${pad(tool.id, 18)} messages per doc ${counts[tool.id].join(' ')}${problem ? `  PROBLEM: ${problem}\n${output.slice(0, 2000)}` : ''}`
    )
    if (problem && !tool.id.startsWith('remark')) fail(`${tool.id} did not work on the sanity folder`)
    if (tool.id === 'remark-preset' || tool.id === 'milestone-lint') {
      if (counts[tool.id][0] !== 0) fail(`${tool.id}: the clean generated doc has messages:\n${output.slice(0, 3000)}`)
      if (counts[tool.id].slice(1).some((count) => count === 0))
        fail(`${tool.id} misses an injected defect:\n${output.slice(0, 3000)}`)
    }
    if (tool.id === 'markdownlint-cli2' && counts[tool.id][0] !== 0) {
      fail(`markdownlint-cli2: the clean generated doc has messages (MD043 headings wrong?):\n${output.slice(0, 3000)}`)
    }
  }
  results.sanity = {files, counts}
  console.log('')
}

/** Count a tool's messages on one file from its default report. */
function messagesFor(id, output, file) {
  const lines = output.split('\n')
  if (id === 'markdownlint-cli2') return lines.filter((line) => line.startsWith(file + ':')).length
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

// ---------------------------------------------------------------------------
// Configs

function writeConfigs(dir) {
  const syntax = path.join(dir, 'syntax.remarkrc.mjs')
  fs.writeFileSync(
    syntax,
    `import milestoneSyntax from ${JSON.stringify(pathToFileURL(paths.syntax).href)}\n\n` +
      'export default {plugins: [milestoneSyntax]}\n'
  )
  const gfm = path.join(dir, 'gfm.remarkrc.mjs')
  fs.writeFileSync(
    gfm,
    `import remarkFrontmatter from ${JSON.stringify(paths.remarkFrontmatter)}\n` +
      `import remarkGfm from ${JSON.stringify(paths.remarkGfm)}\n\n` +
      'export default {plugins: [remarkFrontmatter, remarkGfm]}\n'
  )
  // remark-lint with no rules: its comment control, which every remark-lint preset pays.
  const lint = path.join(dir, 'lint.remarkrc.mjs')
  fs.writeFileSync(
    lint,
    `import milestoneSyntax from ${JSON.stringify(pathToFileURL(paths.syntax).href)}\n` +
      `import remarkLint from ${JSON.stringify(paths.remarkLint)}\n\n` +
      'export default {plugins: [milestoneSyntax, remarkLint]}\n'
  )
  const preset = path.join(dir, 'preset.remarkrc.mjs')
  fs.writeFileSync(
    preset,
    `import remarkLintMilestone from ${JSON.stringify(pathToFileURL(paths.preset).href)}\n\n` +
      'export default {plugins: [remarkLintMilestone]}\n'
  )
  const headings = markdownlintHeadings(fs.readFileSync(paths.template, 'utf8'))
  const markdownlint = path.join(dir, 'bench.markdownlint-cli2.jsonc')
  const config = {
    config: {
      default: false,
      'required-headings': {headings},
      'relative-links': true
    },
    customRules: [paths.relativeLinksRule],
    noBanner: true,
    noProgress: true
  }
  fs.writeFileSync(markdownlint, JSON.stringify(config, null, 2) + '\n')
  return {syntax, gfm, lint, preset, markdownlint, headings}
}

/**
 * MD043's `headings` from the template: its ATX headings outside code, in
 * order; a heading with a `[placeholder]` is a variable part: `?` (exactly
 * one) when it stands alone, `+` (one or more) for a run of them, as the
 * template repeats those (components, phases, risks…).
 */
function markdownlintHeadings(template) {
  const list = []
  let fence
  let run = 0
  const flush = () => {
    if (run === 1) list.push('?')
    if (run > 1) list.push('+')
    run = 0
  }
  for (const line of template.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (marker) {
      if (!fence) fence = marker[1]
      else if (marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = undefined
      continue
    }
    if (fence) continue
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    if (/\[[^\]]*\]/.test(heading[2])) {
      run++
    } else {
      flush()
      list.push(`${heading[1]} ${heading[2]}`)
    }
  }
  flush()
  return list
}

// ---------------------------------------------------------------------------
// Corpora

/**
 * A corpus of `count` milestone docs, in project folders of 3–8 docs, each
 * folder with its `milestones.md` overview and `<name>-architecture.md`.
 */
function generateMilestoneCorpus(count, seed) {
  const random = rng(seed * 1000 + count)
  const dir = path.join(work, `corpus-${count}`)
  fs.mkdirSync(dir)
  let written = 0
  let projectIndex = 0
  while (written < count) {
    const size = Math.min(count - written, 3 + Math.floor(random() * 6))
    const project = projectNamed(projectIndex++)
    const docs = []
    for (let number = 1; number <= size; number++) docs.push({number, defect: pickDefect(random)})
    writeProject(path.join(dir, `${String(projectIndex).padStart(3, '0')}-${project.slug}`), project, docs, random)
    written += size
  }
  return describeCorpus(dir, `${count} milestone docs`, 'milestone', count)
}

/**
 * A docs repo: 2,000 Markdown files, 50 of them milestone docs (10 project
 * folders of 5, each with its overview and architecture doc), the rest
 * READMEs, notes, guides, ADRs and changelogs of a few KB.
 */
function generateDocsRepo(seed) {
  const random = rng(seed * 1000 + 7)
  const dir = path.join(work, 'corpus-docs-repo')
  fs.mkdirSync(dir)
  const total = 2000
  let files = 0
  for (let index = 0; index < 10; index++) {
    const project = projectNamed(index + 40)
    const docs = []
    for (let number = 1; number <= 5; number++) docs.push({number, defect: pickDefect(random)})
    writeProject(path.join(dir, 'design', project.slug), project, docs, random)
    files += 7
  }
  fs.writeFileSync(path.join(dir, 'README.md'), ordinaryDoc(random, 'readme', 'Platform docs', []))
  files++
  const packages = 120
  for (let index = 0; index < packages && files < total; index++) {
    const name = `${pick(random, words)}-${pick(random, nouns)}-${index}`
    const folder = path.join(dir, 'packages', name)
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(path.join(folder, 'README.md'), ordinaryDoc(random, 'readme', name, ['./CHANGELOG.md']))
    fs.writeFileSync(path.join(folder, 'CHANGELOG.md'), changelog(random, name))
    files += 2
  }
  const kinds = ['notes', 'guides', 'adr', 'runbooks', 'meetings']
  let index = 0
  while (files < total) {
    const kind = kinds[index % kinds.length]
    const folder = path.join(dir, 'docs', kind, `part-${Math.floor(index / 100)}`)
    fs.mkdirSync(folder, {recursive: true})
    const name =
      kind === 'adr'
        ? `${String(index).padStart(4, '0')}-${pick(random, words)}-${pick(random, nouns)}.md`
        : `${pick(random, words)}-${pick(random, nouns)}-${index}.md`
    const siblings = fs
      .readdirSync(folder)
      .slice(-3)
      .map((file) => './' + file)
    fs.writeFileSync(
      path.join(folder, name),
      ordinaryDoc(random, kind, titleCase(`${pick(random, words)} ${pick(random, nouns)}`), siblings)
    )
    files++
    index++
  }
  return describeCorpus(dir, 'docs repo (2,000 files, 50 milestone docs)', 'docs-repo', 50)
}

function describeCorpus(dir, name, kind, docs) {
  let files = 0
  let bytes = 0
  let docBytes = 0
  for (const file of walk(dir)) {
    if (!file.endsWith('.md')) continue
    const size = fs.statSync(file).size
    files++
    bytes += size
    if (/\/milestone-\d/.test(file)) docBytes += size
  }
  return {dir, name, kind, docs, files, bytes, docBytes}
}

/** One project folder whose first doc is a clean ~27 KB doc: what a pre-commit hook is given. */
function generateSingle(seed) {
  const dir = path.join(work, 'single')
  const project = projectNamed(3)
  writeProject(
    dir,
    project,
    [1, 2, 3, 4].map((number) => ({number, goal: number === 1 ? 27_000 : undefined})),
    rng(seed * 1000 + 3)
  )
  const file = fs.readdirSync(dir).find((name) => name.startsWith('milestone-1-'))
  return {cwd: work, file: path.join(dir, file)}
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

// ---------------------------------------------------------------------------
// Milestone docs, built from fixtures/example/milestone-1-private-beta.md

const example = parseExample(fs.readFileSync(paths.example, 'utf8'))
const exampleArchitecture = fs.readFileSync(paths.exampleArchitecture, 'utf8')

/** The example doc as its H2 sections, each with its H3 parts (blank lines and `---` around them trimmed). */
function parseExample(text) {
  const sections = []
  const head = []
  let current
  let sub
  let fence = false
  for (const line of text.split('\n')) {
    if (/^```/.test(line)) fence = !fence
    if (!fence && line.startsWith('## ')) {
      current = {heading: line.slice(3), intro: [], parts: []}
      sub = undefined
      sections.push(current)
      continue
    }
    if (!fence && line.startsWith('### ') && current) {
      sub = {heading: line.slice(4), lines: []}
      current.parts.push(sub)
      continue
    }
    if (!current) head.push(line)
    else if (sub) sub.lines.push(line)
    else current.intro.push(line)
  }
  const byName = Object.fromEntries(sections.map((section) => [section.heading, section]))
  return {
    head: trimBlock(head),
    order: sections.map((section) => section.heading),
    body: (name) => trimBlock(byName[name].intro),
    parts: (name) => byName[name].parts.map((part) => ({heading: part.heading, body: trimBlock(part.lines)}))
  }
}

function trimBlock(lines) {
  let start = 0
  let end = lines.length
  while (start < end && (lines[start].trim() === '' || lines[start].trim() === '---')) start++
  while (end > start && (lines[end - 1].trim() === '' || lines[end - 1].trim() === '---')) end--
  return lines.slice(start, end).join('\n')
}

const projectNames = [
  'Lumen',
  'Orbit',
  'Quill',
  'Harbor',
  'Cedar',
  'Nimbus',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Drift',
  'Ember',
  'Fjord',
  'Garnet',
  'Helix',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lattice',
  'Meridian',
  'Nova',
  'Onyx',
  'Pylon',
  'Quartz',
  'Raven',
  'Sable',
  'Tundra',
  'Umber',
  'Vesper',
  'Willow',
  'Zephyr'
]
const milestoneNames = [
  'Private Beta',
  'Public Launch',
  'Team Workspaces',
  'Mobile Apps',
  'Enterprise Controls',
  'Self-Serve Billing',
  'Offline Sync',
  'Search and Discovery',
  'Partner API',
  'Global Regions',
  'Audit and Compliance',
  'Scale to 10k Teams'
]
const componentNames = [
  'Upload Service',
  'Album Service',
  'Sharing Service',
  'Billing Service',
  'Search Indexer',
  'Notification Service',
  'Audit Log',
  'Export Service',
  'Admin Console',
  'Sync Engine',
  'Rate Limiter',
  'Metrics Pipeline',
  'Webhook Dispatcher',
  'Identity Bridge',
  'Media Transcoder'
]
const phaseNames = [
  'Foundation & Auth',
  'Upload Pipeline',
  'Albums & Sharing',
  'Billing & Plans',
  'Search',
  'Notifications',
  'Admin Tools',
  'Data Export',
  'Mobile Web',
  'Observability',
  'Security Review',
  'Hardening & Launch'
]
const categoryNames = ['Adoption', 'Performance', 'Reliability', 'Cost', 'Engagement', 'Quality', 'Support', 'Revenue']
const decisionNames = [
  'Cloud Run',
  'Postgres',
  'Direct-to-Storage Uploads',
  'an Invite-Only Beta',
  'Pub/Sub',
  'Terraform',
  'a Monorepo',
  'Feature Flags',
  'Signed URLs',
  'a Single Region'
]
const riskNames = [
  'Upload Failures on Poor Connections',
  'Accidental Exposure of Private Photos',
  'Cloud Cost Overrun',
  'Vendor Lock-In',
  'Key Engineer Unavailable',
  'Slow Onboarding',
  'Abuse of Public Links',
  'Database Saturation',
  'Third-Party Outage',
  'Scope Creep'
]
const approachNames = ['Cloud-First', 'Invite-Only', 'Managed Services', 'a Small Team', 'Web-First']

function projectNamed(index) {
  const base = projectNames[index % projectNames.length]
  const name = index < projectNames.length ? base : `${base} ${Math.floor(index / projectNames.length) + 1}`
  return {name, slug: slugify(name)}
}

function pickDefect(random) {
  const roll = random()
  if (roll < 0.04) return 'missing-section'
  if (roll < 0.08) return 'check-mark'
  if (roll < 0.12) return 'broken-link'
  if (roll < 0.16) return 'placeholder'
  return undefined
}

/** One project folder: its overview, architecture doc and milestone docs. */
function writeProject(dir, project, docs, random) {
  fs.mkdirSync(dir, {recursive: true})
  const offset = Math.floor(random() * milestoneNames.length)
  const titles = docs.map((doc) => milestoneNames[(offset + doc.number - 1) % milestoneNames.length])
  // One more milestone in the overview than has a doc: the next one, planned.
  const overviewTitles = [...titles, milestoneNames[(offset + docs.length) % milestoneNames.length]]
  fs.writeFileSync(path.join(dir, 'milestones.md'), overview(project, overviewTitles, random))
  fs.writeFileSync(path.join(dir, `${project.slug}-architecture.md`), rename(exampleArchitecture, project))
  for (const [index, doc] of docs.entries()) {
    const title = titles[index]
    const next = `milestone-${doc.number + 1}-${slugify(overviewTitles[index + 1])}`
    const text = milestoneDoc(project, doc.number, title, next, doc.defect, doc.goal, random)
    const name = `milestone-${doc.number}-${slugify(title)}${doc.defect ? '-x-' + doc.defect : ''}.md`
    fs.writeFileSync(path.join(dir, name), text)
  }
}

function overview(project, titles, random) {
  const lines = [
    `# ${project.name} Milestones`,
    '',
    `${project.name} is a photo-sharing web app for small teams. This document lays out the milestones that take ${project.name} from an invite-only beta to a self-serve product.`,
    '',
    `The technical architecture is described in [${project.name} Architecture](./${project.slug}-architecture.md).`,
    ''
  ]
  for (const [index, title] of titles.entries()) {
    lines.push(`## Milestone ${index + 1}: ${title}`, '', `**Goal**: ${sentence(random, 18)}`, '', '**Phases**:')
    for (let phase = 1; phase <= 4; phase++) lines.push(`- Phase ${phase}: ${sentence(random, 8)}`)
    lines.push('', '**Success Metrics**:', `- ${sentence(random, 10)}`, `- ${sentence(random, 9)}`, '')
  }
  return lines.join('\n')
}

/** A milestone doc of 15–40 KB: the example's sections, with components, phases, metrics, decisions and risks repeated. */
function milestoneDoc(project, number, title, next, defect, size, random) {
  const vary = (text) => varyNumbers(rename(text, project), random)
  const goal = size ?? 15_000 + Math.floor(random() * 24_000)
  const counts = {components: 2, phases: 2, categories: 2, decisions: 2, risks: 1, questions: 1}
  const maxima = {components: 12, phases: 12, categories: 8, decisions: 10, risks: 10, questions: 3}
  const approach = pick(random, approachNames)
  const names = {
    components: shuffled(random, componentNames),
    phases: shuffled(random, phaseNames),
    categories: shuffled(random, categoryNames),
    decisions: shuffled(random, decisionNames),
    risks: shuffled(random, riskNames)
  }

  const render = () => {
    const sections = [vary(example.head.replace(/^# Milestone 1: Private Beta/m, `# Milestone ${number}: ${title}`))]
    for (const section of example.order) {
      if (defect === 'missing-section' && section === 'Key Outcomes') continue
      const heading = section === 'Why Cloud-First?' ? `Why ${approach}?` : section
      const blocks = [`## ${heading}`]
      const parts = example.parts(section)
      if (section === 'Core Components Design') {
        for (let index = 0; index < counts.components; index++) {
          const name =
            names.components[index % names.components.length] + (index >= names.components.length ? ` ${index}` : '')
          blocks.push(`### ${index + 1}. ${name}`, vary(parts[index % parts.length].body))
        }
      } else if (section === 'Implementation Phases') {
        const table = ['| Phase | Focus | Duration |', '| ----- | ----- | -------- |']
        for (let index = 0; index < counts.phases; index++)
          table.push(`| ${index + 1} | ${names.phases[index]} | ${2 + Math.floor(random() * 3)} weeks |`)
        blocks.push(
          `The beta runs for ${6 + Math.floor(random() * 10)} weeks after the ${counts.phases} build phases below.`,
          table.join('\n')
        )
        for (let index = 0; index < counts.phases; index++) {
          // The example's last phase (with its Production Launch) closes the list.
          const part = index === counts.phases - 1 ? parts[3] : parts[index % 3]
          let body = vary(part.body)
          if (defect === 'check-mark' && index === 0) body = body.replace('- ✅ ', '- ✔ ')
          blocks.push(`### Phase ${index + 1}: ${names.phases[index]}`, body)
        }
      } else if (
        section === 'Success Metrics' ||
        section === 'Design Decisions & Rationale' ||
        section === 'Risks & Mitigation'
      ) {
        const key =
          section === 'Success Metrics' ? 'categories' : section === 'Risks & Mitigation' ? 'risks' : 'decisions'
        const intro = example.body(section)
        if (intro) blocks.push(vary(intro))
        for (let index = 0; index < counts[key]; index++) {
          const name = names[key][index]
          const title = key === 'risks' ? `Risk: ${name}` : key === 'decisions' ? `Why ${name}?` : name
          blocks.push(`### ${title}`, vary(parts[index % parts.length].body))
        }
      } else if (section === 'Open Questions') {
        for (let index = 0; index < counts.questions; index++)
          blocks.push(`### ${parts[index].heading}`, vary(parts[index].body))
      } else {
        let body = vary(example.body(section))
        if (section === 'Related Documents' && defect === 'broken-link') {
          body = body.replace(`./${project.slug}-architecture.md`, `./${project.slug}-architecture-v2.md`)
        }
        if (section === 'Related Documents' && defect === 'placeholder') {
          body = body.replace('*Last Updated*: November 2026', '*Last Updated*: [Month Year]')
        }
        blocks.push(body)
        for (const part of parts) blocks.push(`### ${part.heading}`, vary(part.body))
      }
      sections.push(blocks.join('\n\n'))
    }
    return (sections.join('\n\n---\n\n') + '\n')
      .replaceAll('milestone-2-public-launch', next)
      .replaceAll('Milestone 2 overview', `Milestone ${number + 1} overview`)
  }

  // Grow the doc until it reaches its size, one repeated part at a time.
  let text = render()
  const keys = Object.keys(counts)
  while (Buffer.byteLength(text) < goal) {
    const open = keys.filter((key) => counts[key] < maxima[key])
    if (open.length === 0) break
    counts[pick(random, open)]++
    text = render()
  }
  return text
}

/** Put the project's name where the example has Lumen's. */
function rename(text, project) {
  return text.replaceAll('lumen-', `${project.slug}-`).replaceAll('Lumen', project.name)
}

/** Vary numbers of two or more digits in prose (not in headings, links or code spans). */
function varyNumbers(text, random) {
  return text
    .split('\n')
    .map((line) => {
      if (/^#/.test(line) || line.includes('](') || line.includes('`')) return line
      return line.replace(/\b\d{2,3}\b/g, (digits) => {
        const low = 10 ** (digits.length - 1)
        return String(low + Math.floor(random() * (9 * low)))
      })
    })
    .join('\n')
}

// ---------------------------------------------------------------------------
// Ordinary Markdown files (the docs repo)

const words = [
  'api',
  'auth',
  'build',
  'cache',
  'cli',
  'config',
  'data',
  'deploy',
  'edge',
  'event',
  'gateway',
  'import',
  'index',
  'job',
  'log',
  'mail',
  'media',
  'metrics',
  'queue',
  'search',
  'session',
  'storage',
  'sync',
  'web'
]
const nouns = [
  'adapter',
  'client',
  'core',
  'engine',
  'handler',
  'kit',
  'loader',
  'manager',
  'plugin',
  'proxy',
  'runner',
  'schema',
  'server',
  'service',
  'store',
  'utils',
  'worker'
]
const prose =
  'the service reads its configuration at start up and keeps a small cache of recent results so that repeated requests are cheap while a background job refreshes entries that expire and reports failures to the log with enough context to retry them later without losing data or blocking other work in the queue when a deploy rolls out we drain connections first then switch traffic gradually and watch error rates before finishing'.split(
    ' '
  )

function sentence(random, length) {
  const out = []
  let at = Math.floor(random() * prose.length)
  for (let index = 0; index < length; index++) out.push(prose[at++ % prose.length])
  const text = out.join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

function paragraph(random) {
  const out = []
  const count = 2 + Math.floor(random() * 4)
  for (let index = 0; index < count; index++) {
    let text = sentence(random, 8 + Math.floor(random() * 14))
    const roll = random()
    if (roll < 0.15) text = text.replace(/ (\w+) (\w+)/, ' **$1 $2**')
    else if (roll < 0.3) text = text.replace(/ (\w+)\./, ' `$1`.')
    else if (roll < 0.4) text += ` See [the docs](https://example.com/${pick(random, words)}).`
    out.push(text)
  }
  return out.join(' ')
}

function ordinaryDoc(random, kind, title, links) {
  const goal = 1_500 + Math.floor(random() * 4_500)
  const out = [`# ${titleCase(title)}`, '']
  if (kind === 'adr')
    out.push(
      '**Status**: Accepted',
      '',
      `**Date**: 2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      ''
    )
  if (kind === 'meetings')
    out.push(
      '---',
      `date: 2026-0${1 + Math.floor(random() * 9)}-2${Math.floor(random() * 8)}`,
      'attendees: 5',
      '---',
      ''
    )
  out.push(paragraph(random), '')
  const sections =
    kind === 'adr'
      ? ['Context', 'Decision', 'Consequences']
      : kind === 'readme'
        ? ['Install', 'Usage', 'Configuration', 'API', 'Contributing']
        : ['Summary', 'Details', 'Steps', 'Follow-ups', 'References']
  let section = 0
  while (Buffer.byteLength(out.join('\n')) < goal) {
    const heading =
      section < sections.length ? sections[section] : titleCase(`${pick(random, words)} ${pick(random, nouns)}`)
    section++
    out.push(`## ${heading}`, '', paragraph(random), '')
    const roll = random()
    if (roll < 0.3) {
      for (let index = 0; index < 3 + Math.floor(random() * 4); index++)
        out.push(`- ${sentence(random, 5 + Math.floor(random() * 8))}`)
      out.push('')
    } else if (roll < 0.45) {
      out.push(
        '```sh',
        `npm install ${pick(random, words)}-${pick(random, nouns)}`,
        `npx ${pick(random, words)} --${pick(random, nouns)} ./config.json`,
        '```',
        ''
      )
    } else if (roll < 0.55) {
      out.push('| Option | Default | Meaning |', '| --- | --- | --- |')
      for (let index = 0; index < 3 + Math.floor(random() * 4); index++)
        out.push(`| \`${pick(random, words)}\` | \`${Math.floor(random() * 100)}\` | ${sentence(random, 6)} |`)
      out.push('')
    } else if (roll < 0.65) {
      for (let index = 0; index < 3; index++) out.push(`- [${random() < 0.5 ? 'x' : ' '}] ${sentence(random, 6)}`)
      out.push('')
    } else if (roll < 0.72) {
      out.push(`> ${sentence(random, 14)}`, '')
    }
    if (links.length > 0 && random() < 0.3) out.push(`Related: [${pick(random, nouns)}](${pick(random, links)}).`, '')
  }
  return out.join('\n')
}

function changelog(random, name) {
  const out = [`# Changelog`, '', `All notable changes to \`${name}\` are documented in this file.`, '']
  const goal = 1_500 + Math.floor(random() * 4_000)
  let major = 1 + Math.floor(random() * 3)
  let minor = 9
  const versions = []
  while (Buffer.byteLength(out.join('\n')) < goal && minor > 0) {
    const version = `${major}.${minor}.0`
    versions.push(version)
    out.push(
      `## [${version}] - 2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-1${Math.floor(random() * 10)}`,
      ''
    )
    for (const kind of ['Added', 'Changed', 'Fixed']) {
      if (random() < 0.3) continue
      out.push(`### ${kind}`, '')
      for (let index = 0; index < 1 + Math.floor(random() * 4); index++)
        out.push(`- ${sentence(random, 6 + Math.floor(random() * 8))} (#${100 + Math.floor(random() * 900)})`)
      out.push('')
    }
    minor--
  }
  for (const version of versions) out.push(`[${version}]: https://example.com/${name}/releases/v${version}`)
  out.push('')
  return out.join('\n')
}

// ---------------------------------------------------------------------------
// Printing

function printCorpus(corpus) {
  console.log(
    `\n${corpus.name}: ${corpus.files} files, ${mb(corpus.bytes)} MB (milestone docs: ${corpus.docs}, ${mb(corpus.docBytes)} MB); ${corpus.runs} run${corpus.runs === 1 ? '' : 's'} per tool`
  )
  const header = ['tool', 'median s', 'cpu s', 'MB/s', 'peak RSS MB', '× bare', '× syntax', 'cpu × bare', 'runs (s)']
  const rows = corpus.rows.map((row) => [
    row.label,
    row.seconds.toFixed(2),
    row.cpuSeconds?.toFixed(2) ?? '-',
    row.mbPerSecond.toFixed(2),
    row.rssMB?.toFixed(0) ?? '-',
    row.toBare?.toFixed(2) ?? '-',
    row.toSyntax?.toFixed(2) ?? '-',
    row.cpuToBare?.toFixed(2) ?? '-',
    row.runs.map((value) => value.toFixed(2)).join(' ') +
      (row.failed ? `  FAILED ${row.failed}× (exit ${row.exit.join(',')})` : '')
  ])
  printTable(header, rows)
  const syntax = corpus.rows.find((row) => row.tool === 'remark-syntax')
  if (syntax) {
    const ours = corpus.rows.filter((row) => ['remark-lint', 'remark-preset', 'milestone-lint'].includes(row.tool))
    if (ours.length > 0) {
      console.log(
        `÷ (remark + preset syntax): ${ours.map((row) => `${row.tool} ${row.toSyntax.toFixed(2)}× (cpu ${row.cpuToSyntax?.toFixed(2) ?? '-'}×)`).join(', ')}`
      )
    }
  }
}

function printScaling(list) {
  console.log('\nscaling (4× the docs):')
  printTable(
    ['tool', 'docs', 'bytes ×', 'time ×', 'cpu ×', 'peak RSS ×'],
    list.map((entry) => [
      entry.label,
      `${entry.from} → ${entry.to}`,
      entry.bytesRatio.toFixed(2),
      entry.timeRatio.toFixed(2),
      entry.cpuRatio?.toFixed(2) ?? '-',
      entry.rssRatio?.toFixed(2) ?? '-'
    ])
  )
}

function printSingle(single) {
  console.log(
    `one file, ${single.file} (${(single.bytes / 1024).toFixed(1)} KB), as a pre-commit hook runs it; \`node -e 0\` alone: ${single.nodeStartSeconds.toFixed(3)} s`
  )
  printTable(
    ['tool', 'median s', 'cpu s', 'peak RSS MB', '× bare', 'runs (s)'],
    single.rows.map((row) => [
      row.label,
      row.seconds.toFixed(3),
      row.cpuSeconds?.toFixed(2) ?? '-',
      row.rssMB?.toFixed(0) ?? '-',
      row.toBare?.toFixed(2) ?? '-',
      row.runs.map((value) => value.toFixed(2)).join(' ') +
        (row.failed ? `  FAILED ${row.failed}× (exit ${row.exit.join(',')})` : '')
    ])
  )
}

function printTargets(list) {
  if (list.length === 0) return
  console.log('\ntargets (from the issue):')
  for (const entry of list) {
    const cpu = entry.cpu === undefined ? '' : `, cpu ${entry.cpu.toFixed(2)}×`
    console.log(
      `  ${entry.met ? 'met   ' : 'MISSED'} ${entry.name}: ${entry.value.toFixed(2)}× (limit ${entry.limit}×${cpu})`
    )
  }
}

function printTable(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)))
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 || column === cells.length - 1 ? pad(cell, widths[column]) : String(cell).padStart(widths[column])
      )
      .join('  ')
      .trimEnd()
  console.log(line(header))
  for (const row of rows) console.log(line(row))
}

// ---------------------------------------------------------------------------
// Helpers

function readSettings() {
  const argv = Object.fromEntries(
    process.argv.slice(2).map((arg) => {
      const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg)
      if (!match)
        fail(
          `Unknown argument ${arg}; use --sizes=100,400 --runs=3 --single-runs=10 --tools=… --out=file --keep --seed=1`
        )
      return [match[1].replaceAll('-', '_').toUpperCase(), match[2] ?? '1']
    })
  )
  const get = (name) => argv[name] ?? process.env['BENCH_' + name]
  const sizes = (get('SIZES') ?? '100,400,1600,docs')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => {
      if (value === 'docs') return 'docs'
      const number = Number(value.replaceAll('_', ''))
      if (!Number.isInteger(number) || number < 1) fail(`Bad size ${value} (numbers of docs, or \`docs\`)`)
      return number
    })
  const integer = (name, fallback) => {
    const value = get(name)
    if (value === undefined || value === '') return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < 0) fail(`Bad BENCH_${name}: ${value}`)
    return number
  }
  const runs = integer('RUNS', undefined)
  if (runs === 0) fail('BENCH_RUNS must be at least 1')
  return {
    sizes,
    runs,
    singleRuns: integer('SINGLE_RUNS', 10),
    tools: get('TOOLS')
      ? get('TOOLS')
          .split(',')
          .map((value) => value.trim())
      : undefined,
    out: get('OUT') ? path.resolve(get('OUT')) : undefined,
    keep: Boolean(get('KEEP')) && get('KEEP') !== '0',
    verbose: Boolean(get('VERBOSE')) && get('VERBOSE') !== '0',
    seed: integer('SEED', 1)
  }
}

function childEnv() {
  const env = {...process.env, NO_COLOR: '1'}
  delete env.FORCE_COLOR
  return env
}

function commandLine(id) {
  const tool = allTools.find((candidate) => candidate.id === id)
  return ['node', ...tool.args('.')].map((arg) => (arg.startsWith(root) ? path.relative(root, arg) : arg)).join(' ')
}

/** The commit measured, and whether src/ had changes on top of it (dist/ is built from the working tree). */
function gitState() {
  const git = (...args) => spawnSync('git', args, {cwd: root, encoding: 'utf8'})
  const head = git('rev-parse', '--short', 'HEAD')
  if (head.status !== 0) return undefined
  const changed = git('status', '--porcelain', '--', 'src').stdout.split('\n').filter(Boolean).length
  return {head: head.stdout.trim(), changedInSrc: changed}
}

function versions() {
  const version = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version
    } catch {
      return undefined
    }
  }
  return Object.fromEntries(
    [
      'remark-cli',
      'remark',
      'remark-lint',
      'remark-gfm',
      'remark-frontmatter',
      'unified-engine',
      'markdownlint-cli2',
      'markdownlint',
      'markdownlint-rule-relative-links'
    ].map((name) => [name, version(name)])
  )
}

/** A small seeded PRNG (mulberry32), so the corpus is the same every run. */
function rng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)]
}

function shuffled(random, list) {
  const copy = [...list]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other], copy[index]]
  }
  return copy
}

function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function titleCase(text) {
  return text.replace(/\b\w/g, (char) => char.toUpperCase())
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

function mb(bytes) {
  return (bytes / 1e6).toFixed(1)
}

function pad(value, width) {
  return String(value).padEnd(width)
}

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(1)
}

// ---------------------------------------------------------------------------

function main() {
  const started = performance.now()
  console.log(
    `milestone-lint benchmark: Node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`
  )
  console.log(`corpus and configs in ${work}${settings.keep ? ' (kept)' : ' (removed at the end)'}`)
  if (results.git)
    console.log(
      `measuring dist/ built from ${results.git.head}${results.git.changedInSrc ? ` with ${results.git.changedInSrc} changed file(s) in src/` : ''}`
    )
  console.log(
    `runs per tool: ${settings.runs ?? '3 (1 on corpora over 20 MB)'}, median, interleaved; wall time; cpu = user + sys; peak RSS from GNU time\n`
  )

  try {
    sanityCheck()

    for (const size of settings.sizes) {
      const corpus = size === 'docs' ? generateDocsRepo(settings.seed) : generateMilestoneCorpus(size, settings.seed)
      const measured = measureCorpus(corpus)
      results.corpora.push(measured)
      printCorpus(measured)
      if (!settings.keep) fs.rmSync(corpus.dir, {recursive: true, force: true})
    }

    results.scaling = scaling(results.corpora)
    if (results.scaling.length > 0) printScaling(results.scaling)

    if (settings.singleRuns > 0) {
      results.singleFile = measureSingle(generateSingle(settings.seed))
      printSingle(results.singleFile)
    }

    results.targets = targets(results)
    printTargets(results.targets)
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
