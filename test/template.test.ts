import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defaultSchema, loadTemplate} from '../src/project/template.js'
import {TemplateError, deriveSchema} from '../src/schema/derive.js'
import {allSpecs} from '../src/schema/walk.js'
import type {FieldSpec} from '../src/schema/types.js'
import {lint, messages} from './helpers.js'

/** Field specs without their skeletons (the template's text of them, checked on its own below). */
function bare(fields: FieldSpec[] | undefined) {
  return fields?.map((field) => Object.fromEntries(Object.entries(field).filter(([key]) => key !== 'skeleton')))
}

const newer = 'fixtures/templates/milestone-design-2026-01-21.md'
const docs = 'fixtures/templates/docs/'

const folder = mkdtempSync(path.join(tmpdir(), 'milestone-templates-'))
afterAll(() => {
  rmSync(folder, {recursive: true, force: true})
})

/** Write a template for a test; return its path. */
function template(name: string, text: string): string {
  const file = path.join(folder, name)
  writeFileSync(file, text)
  return file
}

function headings(schema: ReturnType<typeof deriveSchema>): string[] {
  return allSpecs(schema).map((spec) => '#'.repeat(spec.depth) + ' ' + spec.heading)
}

describe('deriving the schema of the bundled template (2026-01-05)', () => {
  const schema = defaultSchema()

  it('is derived at build time, as it would be at run time', () => {
    // `npm test` builds first; the built package reads this file instead of deriving.
    const saved = JSON.parse(readFileSync('dist/schema/bundled-schema.json', 'utf8'))
    const text = readFileSync('templates/milestone-template.md', 'utf8')
    expect(saved.template).toBe(text)
    expect(saved.schema).toStrictEqual(
      JSON.parse(JSON.stringify(deriveSchema(text, 'templates/milestone-template.md')))
    )
    expect(saved.schema).toEqual(schema)
  })

  it('reads the title, the metadata and its links', () => {
    expect(schema.title).toBe('Milestone [Number]: [Name]')
    expect(schema.metadata).toEqual([
      {label: 'Status'},
      {label: 'Parent Document', link: 'parent', example: '[Milestones Overview](./milestones.md)'},
      {label: 'Architecture Reference', link: 'architecture', example: '[Architecture Doc](./[name]-architecture.md)'}
    ])
  })

  it('reads every required heading, in order, leaving the author’s own headings free', () => {
    expect(headings(schema)).toEqual([
      '## Executive Summary',
      '## Goal',
      '## Architecture Overview',
      '### High-Level System Diagram',
      '### Technology Stack',
      '## Core Components Design',
      '### 1. [Component Name]',
      '## Implementation Phases',
      '### Phase 1: [Phase Name]',
      '## Success Metrics',
      '## Key Outcomes',
      '## Why [This Approach]?',
      '## Design Decisions & Rationale',
      '### Why [Technology/Approach 1]?',
      '## Risks & Mitigation',
      '### Risk: [Risk Name]',
      '## Open Questions',
      '## Next Steps',
      '## Related Documents'
    ])
  })

  it("keeps the template's text of each section and field, and where its bullets and emphasis are", () => {
    const risk = allSpecs(schema).find((spec) => spec.heading === 'Risk: [Risk Name]')!
    const mitigation = risk.fields!.find((field) => field.label === 'Mitigation')!
    expect(mitigation.skeleton).toEqual({
      text: '**Mitigation**:\n- [Mitigation strategy 1]\n- [Mitigation strategy 2]\n- [Fallback plan if mitigation fails]',
      bullets: [16, 42, 68],
      strong: [0, 12],
      emphasis: []
    })
    // A section's skeleton holds its sub-sections, and not the `---` that closes it.
    const goal = schema.sections.find((spec) => spec.heading === 'Goal')!
    expect(goal.skeleton?.text).toMatch(/^## Goal\n\n\[Copy the Goal[^]*- \[Common misconceptions to avoid\]$/)
    const architecture = schema.sections.find((spec) => spec.heading === 'Architecture Overview')!
    expect(architecture.skeleton?.text).toMatch(
      /^## Architecture Overview\n\n### High-Level System Diagram\n[^]*\n### Technology Stack\n[^]*- \[Net cost\]$/
    )
    // A later instance that only asks to be repeated keeps its instruction, not its heading (as `milestone-lint new`).
    const components = schema.sections.find((spec) => spec.heading === 'Core Components Design')!
    expect(components.skeleton?.text).not.toContain('### 2.')
    expect(components.skeleton?.text).toMatch(/\]\n\n\[Repeat structure for each core component\]$/)
    // The last section stops before the closing lines.
    expect(schema.sections.at(-1)?.skeleton?.text).not.toMatch(/Last Updated|---/)
  })

  it('reads repeats: numbered, typed (`Risk: …`), and optional ones', () => {
    const repeats = allSpecs(schema)
      .filter((spec) => spec.repeat)
      .map((spec) => [spec.heading, spec.repeat])
    expect(repeats).toEqual([
      ['1. [Component Name]', {numbered: true, min: 1}],
      ['Phase 1: [Phase Name]', {numbered: true, min: 1}],
      ['Why [Technology/Approach 1]?', {numbered: false, min: 0}],
      ['Risk: [Risk Name]', {numbered: false, min: 1}]
    ])
  })

  it('reads fields with their kind, optional marks, alternatives, levels and marker', () => {
    const spec = (heading: string) => allSpecs(schema).find((candidate) => candidate.heading === heading)!
    expect(bare(spec('1. [Component Name]').fields)).toEqual([
      {label: 'Purpose', kind: 'text'},
      {label: 'Features', kind: 'list'},
      {label: 'User Flow', kind: 'code', alternatives: ['System Flow']},
      {label: 'Technical Design', kind: 'list'},
      {label: 'Integration Points', kind: 'list'}
    ])
    expect(bare(spec('Phase 1: [Phase Name]').fields)).toEqual([
      {label: 'Objective', kind: 'text'},
      {label: 'Deliverables', kind: 'list'},
      {label: 'Configuration', kind: 'list', optional: true},
      {label: 'Success Criteria', kind: 'list', marker: '✅'},
      {label: 'Features', kind: 'list', optional: true},
      {label: 'Testing', kind: 'list', optional: true},
      {label: 'Production Launch', kind: 'list', optional: true}
    ])
    expect(spec('Risk: [Risk Name]')).toMatchObject({
      role: 'risk',
      fields: [
        {label: 'Impact', kind: 'text', levels: ['High', 'Medium', 'Low']},
        {label: 'Probability', kind: 'text', levels: ['High', 'Medium', 'Low']},
        {label: 'Mitigation', kind: 'list'}
      ]
    })
    expect(spec('Next Steps').fields?.map((field) => field.label)).toEqual([
      'Immediate',
      'After [Previous Section]',
      'Before Milestone Complete'
    ])
    // Parallel labels over named entries (`- [Technology 1]: [Purpose]`) are example categories.
    expect(bare(spec('Technology Stack').fields)).toEqual([
      {label: 'Frontend', kind: 'list', example: true},
      {label: 'Backend', kind: 'list', example: true},
      {label: 'Infrastructure', kind: 'list', example: true},
      {label: 'Cost Structure', kind: 'list'}
    ])
    expect(spec('Success Metrics').entries).toBe(true)
    expect(spec('Related Documents').links).toEqual(['parent', 'architecture'])
    expect(bare(schema.closing)).toEqual([
      {label: 'Document Status', kind: 'text'},
      {label: 'Last Updated', kind: 'text'}
    ])
  })

  it('keeps the template’s own placeholders, for messages', () => {
    expect(schema.placeholders['month year']).toBe('Month Year')
    expect(Object.keys(schema.placeholders)).toHaveLength(114)
  })
})

describe('the 2026-01-21 template', () => {
  const schema = loadTemplate(newer)

  it('adds `## Testing Strategy` and renames the overview link', () => {
    expect(headings(schema)).toEqual(
      expect.arrayContaining([
        '## Testing Strategy',
        '### Test Coverage Approach',
        '### Quality Gates',
        "### What We're NOT Testing (Yet)"
      ])
    )
    const coverage = allSpecs(schema).find((spec) => spec.heading === 'Test Coverage Approach')
    // Labels inside a list are example items: optional.
    expect(bare(coverage?.fields)).toEqual([
      {label: 'Unit Tests', kind: 'text', optional: true},
      {label: 'Integration Tests', kind: 'text', optional: true},
      {label: 'E2E Tests', kind: 'text', optional: true}
    ])
    const index = headings(schema).indexOf('## Testing Strategy')
    expect(headings(schema)[index - 1]).toBe('## Success Metrics')
    expect(schema.metadata[1]).toEqual({
      label: 'Parent Document',
      link: 'parent',
      example: '[Milestones Overview](./[slug]-milestones-overview.md)'
    })
  })

  it('passes a doc written from it (its apostrophes curly), and requires its Testing Strategy', async () => {
    expect(messages(await lint(docs + 'milestone-1-private-beta.md', {template: newer}))).toEqual([])
    expect(messages(await lint(docs + 'milestone-1-no-testing.md', {template: newer}))).toEqual([
      '334:1 milestone-required-headings: Unexpected missing section `## Testing Strategy`, expected it between `## Success Metrics` and `## Key Outcomes`'
    ])
  })

  it('is not required by the 2026-01-05 template', async () => {
    expect(messages(await lint(docs + 'milestone-1-no-testing.md'))).toEqual([])
    expect(messages(await lint(docs + 'milestone-1-private-beta.md'))).toEqual([])
  })
})

const small = `# Milestone [Number]: [Name]

**Status**: Planning
**Parent Document**: [Roadmap](./roadmap.md)

---

## Summary

**Key Principle**: [One sentence]

## Phases

### Phase 1: [Phase Name]

**Objective**: [What this phase achieves]

**Success Criteria**:
- ✅ [Criterion 1]

### Phase 2: [Phase Name]

[Repeat for each phase]

## Risks

### Risk: [Risk Name]

**Impact**: [High/Medium/Low] - [What happens]
**Probability**: [High/Medium/Low] - [Likelihood]
**Mitigation**: [Plan]

## Appendix (Optional)

[Anything else]
`

const doc = `# Milestone 3: Sync

**Status**: Planning
**Parent Document**: [Roadmap](./roadmap.md)

## Summary

**Key Principle**: Sync never loses an edit.

## Phases

### Phase 1: Engine

**Objective**: A sync engine.

**Success Criteria**:
- ✅ Two devices converge

## Risks

### Risk: Conflicts

**Impact**: High - Lost edits
**Probability**: Medium - Offline edits are common
**Mitigation**: Keep both versions.
`

/** Lint the small doc against a template; the doc sits next to `roadmap.md`. */
async function lintSmall(templateText: string, docText = doc) {
  writeFileSync(path.join(folder, 'roadmap.md'), '# Roadmap\n')
  const file = new VFile({path: path.join(folder, 'milestone-3-sync.md'), value: docText})
  return messages(await lint(file, {template: template('small.md', templateText)}))
}

describe('small templates: the rules follow the template', () => {
  it('passes a doc that follows it; an `(Optional)` section may be absent', async () => {
    expect(await lintSmall(small)).toEqual([])
  })

  it('requires a section the template adds', async () => {
    const added = small.replace('## Risks', '## Rollout\n\n[Rollout plan]\n\n## Risks')
    expect(await lintSmall(added)).toEqual([
      '19:1 milestone-required-headings: Unexpected missing section `## Rollout`, expected it between `## Phases` and `## Risks`'
    ])
  })

  it('no longer requires a section the template removes', async () => {
    const removed = small.slice(0, small.indexOf('## Risks')) + small.slice(small.indexOf('## Appendix'))
    const withoutRisks = doc.slice(0, doc.indexOf('## Risks'))
    expect(await lintSmall(removed, withoutRisks)).toEqual([])
    expect(await lintSmall(small, withoutRisks)).toEqual([
      '19:1 milestone-required-headings: Unexpected missing section `## Risks`, expected it between `## Phases` and `## Appendix`'
    ])
  })

  it('takes a renamed parent link for its messages', async () => {
    const unlinked = doc.replace('[Roadmap](./roadmap.md)', 'the roadmap')
    const renamed = small.replaceAll('[Roadmap](./roadmap.md)', '[Product Roadmap](./[slug]-roadmap.md)')
    expect(await lintSmall(renamed, unlinked)).toEqual([
      '4:1-4:20 milestone-relative-links: Unexpected `**Parent Document**:` without a link, expected a relative link such as `[Product Roadmap](./[slug]-roadmap.md)`'
    ])
  })

  it('takes another enumeration of risk levels', async () => {
    const shouting = small.replaceAll('[High/Medium/Low]', '[HIGH/MED/LOW]')
    expect(await lintSmall(shouting)).toEqual([
      '24:18-24:24 milestone-risk-fields: Unexpected probability level `Medium`, expected `HIGH`, `MED` or `LOW` (did you mean `MED`?)'
    ])
    expect(await lintSmall(shouting, doc.replace('Medium -', 'MED -'))).toEqual([])
  })

  it('takes another success criteria mark', async () => {
    const checked = small.replace('- ✅ [Criterion 1]', '- ☑ [Criterion 1]')
    expect(await lintSmall(checked)).toEqual([
      '17:3-17:4 milestone-success-criteria: Unexpected success criterion mark `✅`, expected `☑`'
    ])
  })

  it('takes `(example)` and `(required)` marks on fields', async () => {
    const marked = small.replace(
      '**Key Principle**: [One sentence]',
      '**Key Principle** (example): [One sentence]\n\n**Audience** (required):\n- [Technology 1]: [Who]\n\n**Channel**:\n- [Channel 1]: [Why]'
    )
    const schema = deriveSchema(marked, 'marked.md')
    expect(bare(schema.sections[0]?.fields)).toEqual([
      {label: 'Key Principle', kind: 'text', example: true},
      {label: 'Audience', kind: 'list'},
      {label: 'Channel', kind: 'list', example: true}
    ])
    expect(
      await lintSmall(marked, doc.replace('**Key Principle**: Sync never loses an edit.', '**Scope**: Text only.'))
    ).toEqual([
      '8:22 milestone-section-fields: Unexpected missing `**Audience**:` in `## Summary`, expected `**Audience**: <list>`'
    ])
  })

  it('treats an all-placeholder title as no evidence that a doc is a milestone doc', async () => {
    const untitled = small.replace('# Milestone [Number]: [Name]', '# [Milestone Name]')
    writeFileSync(path.join(folder, 'roadmap.md'), '# Roadmap\n')
    const readme = new VFile({path: path.join(folder, 'README.md'), value: '# Project\n\n## Summary\n\nNotes.\n'})
    expect(messages(await lint(readme, {template: template('untitled.md', untitled)}))).toEqual([])
    expect(await lintSmall(untitled)).toEqual([])
  })
})

describe('templates that cannot be used', () => {
  it('say which file and line, and why', () => {
    expect(() => deriveSchema('No title here.\n', 'a.md')).toThrow(
      new TemplateError('a.md', 1, 'expected a `# Title` heading (the doc title), found none')
    )
    expect(() => deriveSchema('---\ntitle: x\n---\n\n# Title\n\nNo sections.\n', 'b.md')).toThrow(
      'Cannot derive a schema from template `b.md:5`: expected `## Section` headings after the title, found none'
    )
    expect(() => loadTemplate(path.join(folder, 'missing.md'), 'missing.md')).toThrow(
      /^Cannot derive a schema from template `missing\.md`: cannot read it \(ENOENT/
    )
    expect(() => loadTemplate(folder, 'a-folder')).toThrow(
      new TemplateError('a-folder', undefined, 'expected a regular file, found a folder')
    )
  })

  it('fail when the preset is attached, if the template is found from the working directory', async () => {
    const broken = template('broken.md', '# Title only\n')
    await expect(lint(docs + 'milestone-1-private-beta.md', {template: broken})).rejects.toThrow(
      `Cannot derive a schema from template \`${broken}:1\``
    )
  })

  it('give one fatal message per file when not found at all', async () => {
    const file = await lint(docs + 'milestone-1-private-beta.md', {template: 'no/such/template.md'})
    expect(file.messages.map((message) => [message.reason, message.fatal, message.ruleId])).toEqual([
      [
        'Cannot derive a schema from template `no/such/template.md`: no such file in the project, looked for `no/such/template.md`',
        true,
        'template'
      ]
    ])
  })
})
