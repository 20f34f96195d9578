/**
 * `milestone-lint --fix` (src/cli/fix.ts): certain fixes written in place,
 * what is left reported, a second run a no-op, line endings kept.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeProject, milestoneLint, removeProjects} from './project.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'

describe('milestone-lint --fix', () => {
  it('applies the certain fixes in place, reports what is left, and changes nothing the second time', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    const before = readFileSync(file, 'utf8')
    const first = milestoneLint(project, '--fix', '--no-frail', defective)
    const after = readFileSync(file, 'utf8')
    expect(first.stderr).toContain('milestone-lint: 1 file, 1 milestone doc linted; 17 warnings\n')
    // Only the fixed bytes differ: the Goal heading, a depth, three marks, a phase number.
    const lines = before.split('\n')
    lines.splice(16, 0, '## Goal', '')
    const expected = lines
      .join('\n')
      .replace('\n## Technology Stack\n', '\n### Technology Stack\n')
      .replace('- ✔ Failed payments', '- ✅ Failed payments')
      .replace('- Webhooks are processed', '- ✅ Webhooks are processed')
      .replace('- [x] Invoices match', '- ✅ Invoices match')
      .replace('### Phase 3: Public Links', '### Phase 2: Public Links')
    expect(after).toBe(expected)
    const second = milestoneLint(project, '--fix', '--no-frail', defective)
    expect(readFileSync(file, 'utf8')).toBe(after)
    expect(second.stderr).toBe(first.stderr)
  })

  it('keeps CRLF line endings', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'))
    milestoneLint(project, '--fix', defective)
    const after = readFileSync(file, 'utf8')
    expect(after).toContain('\r\n## Goal\r\n\r\n')
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('writes nothing without --fix', () => {
    const project = makeProject()
    const file = path.join(project, defective)
    const before = readFileSync(file, 'utf8')
    milestoneLint(project, defective)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})
