import {describe, expect, it} from 'vitest'
import {lint, messages} from './helpers.js'

const dir = 'fixtures/detection/'

/** `docs/core-milestone-spec.md` is a skeleton: its sections have none of the template's fields. */
const noFields = {'milestone-section-fields': false} as const

describe('which files are milestone docs', () => {
  it('recognises a doc named and titled unlike the template by its sections', async () => {
    expect(messages(await lint(dir + 'docs/core-milestone-spec.md', noFields))).toEqual([
      '1:1-1:31 milestone-relative-links: Unexpected missing `**Architecture Reference**:` line, expected `**Architecture Reference**: [Architecture Doc](./[name]-architecture.md)` below the title',
      '1:1-1:31 milestone-relative-links: Unexpected missing `**Parent Document**:` line, expected `**Parent Document**: [Milestones Overview](./milestones.md)` below the title',
      '64:8-64:13 milestone-no-placeholders: Unexpected placeholder `[TBD]`, expected real content (escape the brackets, `\\[…\\]`, if they are meant)'
    ])
  })

  it('recognises a doc by its metadata lines alone', async () => {
    const found = messages(await lint(dir + 'plan.md'))
    expect(found).toContain(
      '3:22-3:60 milestone-relative-links: Unexpected link to missing file `./milestones.md`, expected an existing file relative to this doc'
    )
    expect(found.filter((line) => line.includes('milestone-required-headings'))).toHaveLength(12)
  })

  it.each([
    'milestone-3-progress-report.md',
    'milestone-summary.md',
    'rfc-notes.md',
    'parser-design.md',
    'search-service-design.md'
  ])(
    'leaves %s alone: it says “milestone” or has a status and a parent, but follows another template',
    async (name) => {
      expect(messages(await lint(dir + name))).toEqual([])
    }
  )

  it('lints any file matched by `include`', async () => {
    expect(messages(await lint(dir + 'milestone-summary.md', {include: ['**/*summary.md']}))).toContain(
      '5:15-5:21 milestone-no-placeholders: Unexpected placeholder `[Done]`, expected real content (escape the brackets, `\\[…\\]`, if they are meant)'
    )
  })

  it('lints only `include`d files with `detect: false`', async () => {
    expect(messages(await lint(dir + 'docs/core-milestone-spec.md', {detect: false}))).toEqual([])
    expect(
      messages(
        await lint(dir + 'docs/core-milestone-spec.md', {
          ...noFields,
          detect: false,
          include: 'fixtures/detection/docs/*.md'
        })
      )
    ).toHaveLength(3)
  })

  it('lets `exclude` win over `include`', async () => {
    expect(messages(await lint(dir + 'plan.md', {include: '**', exclude: '**/plan.md'}))).toEqual([])
  })
})
