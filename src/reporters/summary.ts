/**
 * `--report summary`: plain text for CI logs, the messages counted per rule
 * and per file (errors, warnings, infos), then the totals. Files without
 * messages are left out; rules and files with the most messages come first.
 */
import type {VFile} from 'vfile'
import {type ReporterOptions, messagesOf, relativePath, ruleIdOf, writeOut} from './shared.js'

type Counts = [errors: number, warnings: number, infos: number]

/** The summary of the files' messages. */
export function summaryText(files: readonly VFile[], options: ReporterOptions = {}): string {
  const byRule = new Map<string, Counts>()
  const byFile = new Map<string, Counts>()
  const total: Counts = [0, 0, 0]
  for (const file of files) {
    for (const message of messagesOf(file, options)) {
      const level = message.fatal === true ? 0 : message.fatal === false ? 1 : 2
      for (const [map, key] of [
        [byRule, ruleIdOf(message)],
        [byFile, relativePath(file)]
      ] as const) {
        const counts = map.get(key) ?? [0, 0, 0]
        counts[level]++
        map.set(key, counts)
      }
      total[level]++
    }
  }
  const totals =
    `${count(total[0], 'error')}, ${count(total[1], 'warning')}, ${count(total[2], 'info')} ` +
    `in ${byFile.size} of ${count(files.length, 'file')}`
  if (byFile.size === 0) return totals
  return [...table('rule', byRule), '', ...table('file', byFile), '', totals].join('\n')
}

/** Write the summary of these files' messages to stdout. */
export default function summaryReporter(files: readonly VFile[], options: ReporterOptions = {}): '' {
  return writeOut(summaryText(files, options))
}

/** A table with a header, a row per key (most messages first, then by name), aligned. */
function table(what: string, map: Map<string, Counts>): string[] {
  const rows = [...map]
    .sort(([a, left], [b, right]) => sum(right) - sum(left) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counts]) => [key, ...counts.map(String)])
  const all = [[what, 'errors', 'warnings', 'infos'], ...rows]
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  return all.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ')
  )
}

function sum(counts: Counts): number {
  return counts[0] + counts[1] + counts[2]
}

function count(value: number, noun: string): string {
  return `${value} ${value === 1 ? noun : noun + 's'}`
}
