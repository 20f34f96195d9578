/** The printed report: one table per corpus, scaling, the one-file run and the targets. */

export function printCorpus(corpus) {
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
    runsCell(row)
  ])
  printTable(header, rows)
  const syntax = corpus.rows.find((row) => row.tool === 'remark-syntax')
  const ours = corpus.rows.filter((row) => ['remark-lint', 'remark-preset', 'milestone-lint'].includes(row.tool))
  if (syntax && ours.length > 0) {
    console.log(
      `÷ (remark + preset syntax): ${ours.map((row) => `${row.tool} ${row.toSyntax.toFixed(2)}× (cpu ${row.cpuToSyntax?.toFixed(2) ?? '-'}×)`).join(', ')}`
    )
  }
}

export function printScaling(list) {
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

export function printSingle(single) {
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
      runsCell(row)
    ])
  )
}

export function printTargets(list) {
  if (list.length === 0) return
  console.log('\ntargets (from the issue):')
  for (const entry of list) {
    const cpu = entry.cpu === undefined ? '' : `, cpu ${entry.cpu.toFixed(2)}×`
    console.log(
      `  ${entry.met ? 'met   ' : 'MISSED'} ${entry.name}: ${entry.value.toFixed(2)}× (limit ${entry.limit}×${cpu})`
    )
  }
}

/** Each run's seconds, and how many failed. */
function runsCell(row) {
  return (
    row.runs.map((value) => value.toFixed(2)).join(' ') +
    (row.failed ? `  FAILED ${row.failed}× (exit ${row.exit.join(',')})` : '')
  )
}

/** Columns aligned: the first and last to the left, the numbers between to the right. */
export function printTable(header, rows) {
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

export function mb(bytes) {
  return (bytes / 1e6).toFixed(1)
}

export function pad(value, width) {
  return String(value).padEnd(width)
}
