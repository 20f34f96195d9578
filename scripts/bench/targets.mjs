/** How time grows with the corpus, and the issue's targets, from the measured rows. */

/** Each tool from one milestone corpus to the one with 4× the docs: how time, CPU and memory grow. */
export function scaling(corpora) {
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

/** The targets of the issue, each a ratio against its limit, for what was measured. */
export function targets(all) {
  const list = []
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
  for (const corpus of all.corpora) {
    if (corpus.kind === 'milestone') milestoneTargets(corpus, versus, memory)
  }
  // Flat memory: as much at 1,600 docs as at 100.
  const bySize = (docs) => all.corpora.find((corpus) => corpus.kind === 'milestone' && corpus.docs === docs)
  const [small, large] = [bySize(100), bySize(1600)]
  if (small && large) {
    for (const id of ['milestone-lint', 'milestone-lint-all']) {
      memory(`milestone-lint (${id}): peak RSS at 1,600 docs ≤ at 100`, row(large, id), row(small, id))
    }
  }
  const docsRepo = all.corpora.find((corpus) => corpus.kind === 'docs-repo')
  if (docsRepo) docsRepoTargets(docsRepo, versus, memory)
  if (all.singleFile) {
    const single = (id) => row(all.singleFile, id)
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

function milestoneTargets(corpus, versus, memory) {
  // Adoption on a big repo (issue 16): all cores against one process's parse, a warm cache against a native linter.
  for (const id of ['milestone-lint', 'milestone-lint-all']) {
    versus(`${corpus.name}: ${id} ≤ 0.6× bare remark`, row(corpus, id), row(corpus, 'remark'), 0.6)
  }
  versus(
    `${corpus.name}: milestone-lint --cache, nothing changed, ≤ 2× rumdl`,
    row(corpus, 'milestone-lint-cached'),
    row(corpus, 'rumdl'),
    2
  )
  for (const id of ['remark-preset', 'milestone-lint']) {
    versus(`${corpus.name}: ${id} ≤ 1.10× remark + preset syntax`, row(corpus, id), row(corpus, 'remark-syntax'), 1.1)
    versus(`${corpus.name}: ${id} faster than markdownlint-cli2`, row(corpus, id), row(corpus, 'markdownlint-cli2'), 1)
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

function docsRepoTargets(corpus, versus, memory) {
  const ours = row(corpus, 'milestone-lint')
  versus(`${corpus.name}: milestone-lint faster than bare remark`, ours, row(corpus, 'remark'), 1)
  versus(`${corpus.name}: milestone-lint faster than markdownlint-cli2`, ours, row(corpus, 'markdownlint-cli2'), 1)
  memory(`${corpus.name}: milestone-lint peak RSS ≤ markdownlint-cli2's`, ours, row(corpus, 'markdownlint-cli2'))
}

function row(measured, id) {
  return measured.rows.find((candidate) => candidate.tool === id)
}

function target(name, value, limit, cpu) {
  return {name, value, limit, cpu, met: value <= limit}
}

/** Targets that involve a tool whose runs failed are marked so. */
function failedNote(...rows) {
  const failed = rows.filter((entry) => entry?.failed)
  return failed.length > 0 ? ` (${failed.map((entry) => `${entry.tool} failed ${entry.failed}×`).join(', ')})` : ''
}
