/**
 * Bounded work: the inputs that once stalled, exhausted memory or crashed
 * a run (issue 12), generated here, each either linted in full or given the
 * one “over the limit” message, in one `milestone-lint` run with a small
 * heap. The heap is the memory bound: a run that needed more would abort
 * with no report. No time is asserted (`npm run bench` measures speed);
 * the timeout only stops a run that stalls, as these did for minutes.
 */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {afterAll, describe, expect, it} from 'vitest'
import {cliPath, makeTemporary, removeProjects} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const head = '# Milestone 1: Bounded\n\n**Status**: Draft\n\n'
const lines = (count: number, line: (index: number) => string) =>
  Array.from({length: count}, (_, index) => line(index)).join('\n')
const paragraphs = (count: number, paragraph: string) => lines(count, () => paragraph + '\n')

/** Inputs over a limit, as the issue found them, and the limit each must be stopped by. */
const over: Record<string, [limit: string, body: string]> = {
  'short lines of a**b (quadratic inline parsing)': ['paragraphMarkers', lines(24_000, () => 'a**b a**b a**b a**b')],
  '120,000 list items with alternating markers': ['lists', lines(120_000, (index) => `${'-*+'[index % 3]!} x`)],
  '190,000 tiny paragraphs': ['blocks', paragraphs(190_000, 'a')],
  '2,500 lines of [x] × 20': ['paragraphMarkers', lines(2_500, () => '[x] '.repeat(20))],
  '20,000 table rows of bold and links': [
    'paragraphMarkers',
    '| a | b |\n|---|---|\n' + lines(20_000, () => '| **x** | [y](z) |')
  ],
  'nested footnote definitions on one line': [
    'nesting',
    lines(1, () => Array.from({length: 10_000}, (_, index) => `[^${index}]: `).join('') + 'x')
  ],
  '5,000 levels of nested emphasis': ['paragraphMarkers', '*a '.repeat(5_000) + 'x' + ' b*'.repeat(5_000)],
  'images nested 500 deep': ['nesting', paragraphs(50, '!['.repeat(500) + 'x' + '](y)'.repeat(500))],
  '140,000 links': ['markers', paragraphs(1_400, '[a](b) '.repeat(100))],
  'a line of 100 nested list markers, 5,000 times': ['size', lines(5_000, () => '- '.repeat(99) + 'x')],
  '50,000 headings': ['blocks', lines(50_000, () => '## Goal')]
}

/** Inputs just within the default limits: linted in full. */
const within: Record<string, string> = {
  'paragraphs of 980 emphasis markers': paragraphs(100, 'a**b '.repeat(490)),
  'emphasis nested 99 deep': paragraphs(200, '*a _a '.repeat(49) + 'x' + ' b_ b*'.repeat(49)),
  'images nested 100 deep': paragraphs(240, '!['.repeat(100) + 'x' + '](y)'.repeat(100)),
  '12,000 links': paragraphs(120, '[a](./milestones.md) '.repeat(100)),
  '49,000 hard breaks': paragraphs(245, 'a\\\n'.repeat(200)),
  '19,990 list items': lines(19_990, () => '- x'),
  '1,990 lists with alternating markers': lines(1_990, (index) => `${'-*+'[index % 3]!} x`),
  '19,990 paragraphs': paragraphs(19_990, 'a'),
  '19,990 headings': lines(19_990, () => '### Phase 1: X'),
  '20,000 table rows': '| a | b |\n|---|---|\n' + lines(20_000, () => '| x | y |'),
  '99 nested footnote definitions': Array.from({length: 99}, (_, index) => `[^${index}]:`).join(' ') + ' x',
  '190 paragraphs nested 99 block quotes deep': paragraphs(190, '> '.repeat(99) + 'x'),
  '200 lines of 99 nested list markers': lines(200, () => '- '.repeat(99) + 'x')
}

const slug = (name: string) => name.replace(/[^a-z\d]+/gi, '-').toLowerCase()

interface Reported {
  path: string
  messages: Array<{ruleId?: string; reason: string; fatal?: boolean | null; line?: number; column?: number}>
}

describe('bounded work', () => {
  it(
    'lints every input within the limits and stops every one over them, in one run under a 768 MB heap',
    {timeout: 300_000},
    () => {
      const root = makeTemporary('milestone-lint-bounded-')
      const names = new Map<string, string>()
      for (const [name, body] of [
        ...Object.entries(over).map(([name, [, body]]) => [name, body] as const),
        ...Object.entries(within)
      ]) {
        const file = `milestone-1-${slug(name)}.md`
        names.set(file, name)
        writeFileSync(path.join(root, file), head + body + '\n')
      }
      writeFileSync(path.join(root, 'milestones.md'), '# Milestones\n')

      const result = spawnSync(process.execPath, ['--max-old-space-size=768', cliPath, '.', '--report', 'json'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 30
      })

      const reported = JSON.parse(result.stdout) as Reported[]
      const byName = new Map(reported.map((file) => [names.get(path.basename(file.path)), file.messages]))
      for (const [name, [limit]] of Object.entries(over)) {
        const messages = byName.get(name)
        expect(
          messages?.map((message) => [message.ruleId, message.fatal]),
          name
        ).toEqual([['limits', true]])
        expect(messages?.[0]?.reason, name).toContain(`raise the preset option \`limits.${limit}\``)
      }
      for (const name of Object.keys(within)) {
        const ruleIds = new Set(byName.get(name)?.map((message) => message.ruleId))
        expect(
          [...ruleIds].filter((id) => !id?.startsWith('milestone-')),
          name
        ).toEqual([])
        // Linted: the doc lacks the template's sections.
        expect(ruleIds.has('milestone-required-headings'), name).toBe(true)
      }
      // The README's example message is the first input's, as written.
      const [example] = byName.get('short lines of a**b (quadratic inline parsing)') ?? []
      expect(readmeBlockAfter('A milestone doc over a limit is not parsed', 'text').trim()).toBe(
        `${example?.line}:${example?.column} error ${example?.reason}  limits  remark-lint-milestone`
      )
      const summary =
        /milestone-lint: 25 files, 13 milestone docs linted, 1 skipped \(not a milestone doc\), 11 not linted; 11 errors, \d+ warnings\n$/
      expect(result.stderr).toMatch(summary)
      expect(result.status).toBe(1)
    }
  )
})
