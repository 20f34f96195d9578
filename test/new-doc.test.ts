/**
 * `milestone-lint new` (src/cli/new-doc*.ts): a new doc from the template
 * in use, titled and linked from where it goes, with no message but
 * placeholders; refusals that write nothing; the README's examples as written.
 */
import {cpSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {spelledAs, titleFromName} from '../src/cli/new-doc-title.js'
import {newDocText} from '../src/cli/new-doc-text.js'
import {writeNewFile} from '../src/cli/new-doc.js'
import {deriveSchema} from '../src/schema/derive.js'
import {makeProject, makeTemporary, milestoneLint, removeProjects, repoRoot} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

/** Run a README example (`$ npx milestone-lint …`, then its output): what it prints, and what the README says. */
function readmeRun(project: string, block: string) {
  const [command, ...lines] = block.trimEnd().split('\n')
  const words = command!
    .replace(/^\$ npx milestone-lint\s*/, '')
    .split(' ')
    .filter(Boolean)
  const result = milestoneLint(project, ...words)
  return {...result, actual: result.stdout + result.stderr, expected: lines.join('\n') + '\n'}
}

/** The rule ids of the messages a lint of one file gives, as its JSON report says. */
function ruleIds(project: string, file: string): string[] {
  const {stdout} = milestoneLint(project, '--report', 'json', file)
  const [report] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string}>}>
  return report!.messages.map((message) => message.ruleId)
}

/** A project with a template of its own: fixtures/templates, its docs and a config naming the template. */
function templateProject(): string {
  const project = makeProject({
    '.remarkrc.json': '{"plugins": [["remark-lint-milestone", {"template": "./milestone-design-2026-01-21.md"}]]}\n'
  })
  rmSync(path.join(project, 'docs'), {recursive: true})
  cpSync(path.join(repoRoot, 'fixtures/templates'), project, {recursive: true})
  return project
}

const template2026 = readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')

describe('milestone-lint new', () => {
  it('writes the README example: titled and linked from its name and folder, with no message but placeholders and its missing entry in the overview', () => {
    const project = makeProject()
    const run = readmeRun(project, readmeBlockAfter('`milestone-lint new <file.md>` starts a milestone doc', 'text'))
    expect(run.actual).toBe(run.expected)
    expect(run.status).toBe(0)
    const written = readFileSync(path.join(project, 'docs/milestone-3-scale.md'), 'utf8')
    expect(written.startsWith(readmeBlockAfter('The doc starts:', 'markdown'))).toBe(true)
    const ids = ruleIds(project, 'docs/milestone-3-scale.md')
    const placeholders = ids.filter((id) => id === 'milestone-no-placeholders')
    expect(ids.filter((id) => id !== 'milestone-no-placeholders')).toEqual(['milestone-overview-sync'])
    expect(`${placeholders.length} placeholders to fill`).toBe(/\d+ placeholders to fill/.exec(run.expected)![0])
    const {stdout} = milestoneLint(project, '--report', 'json', 'docs/milestone-3-scale.md')
    const [sync] = (
      JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; reason: string}>}>
    )[0]!.messages.filter((message) => message.ruleId === 'milestone-overview-sync')
    expect('``' + sync!.reason + ' ``').toBe(
      /^``Unexpected doc without an entry.*``$/m.exec(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))![0]
    )
  })

  it("writes a configured template's text, changed only in its title, links and repeat-only headings", () => {
    const project = templateProject()
    const {status, stderr} = milestoneLint(project, 'new', 'docs/milestone-scale-out.md')
    expect(status).toBe(0)
    expect(stderr).toBe(
      [
        'milestone-lint: wrote docs/milestone-scale-out.md from milestone-design-2026-01-21.md',
        '  # Milestone 2: Scale Out',
        '  **Parent Document**: ./lumen-milestones-overview.md',
        '  **Architecture Reference**: ./lumen-architecture.md',
        '  139 placeholders to fill, and 3 other messages: `milestone-lint docs/milestone-scale-out.md` lists them',
        ''
      ].join('\n')
    )
    const expected = template2026
      .replace('# Milestone [Number]: [Name]', '# Milestone 2: Scale Out')
      .replaceAll('(./[slug]-milestones-overview.md)', '(./lumen-milestones-overview.md)')
      .replaceAll('(./[slug]-architecture.md)', '(./lumen-architecture.md)')
      // The later instances of a repeat that only ask for it to be repeated.
      .replace('### 2. [Component Name]\n\n', '')
      .replace('### Phase 3: [Phase Name]\n\n', '')
      .replace('### Phase 4: [Phase Name]\n\n', '')
      .replace('### Why [Technology/Approach 2]?\n\n', '')
      .replace('### Why [Strategy Decision]?\n\n', '')
      .replace('### Risk: [Risk Name]\n\n[Repeat', '[Repeat')
    expect(readFileSync(path.join(project, 'docs/milestone-scale-out.md'), 'utf8')).toBe(expected)
    // And the overview's entry for Milestone 2 links to a doc that is not there, and names its two phases.
    expect(new Set(ruleIds(project, 'docs/milestone-scale-out.md'))).toEqual(
      new Set(['milestone-no-placeholders', 'milestone-overview-sync'])
    )
  })

  it('links from a new folder to the docs above it, with a --title', () => {
    const project = makeProject()
    const {status, stderr} = milestoneLint(project, 'new', 'docs/2027/milestone-9.md', '--title', 'Milestone 9: Deep')
    expect(status).toBe(0)
    expect(stderr).toContain(
      '  **Parent Document**: ../milestones.md\n  **Architecture Reference**: ../lumen-architecture.md\n'
    )
    const written = readFileSync(path.join(project, 'docs/2027/milestone-9.md'), 'utf8')
    expect(written).toContain('# Milestone 9: Deep\n')
    expect(written).toContain('- [Milestones Overview](../milestones.md) - Full milestone roadmap\n')
    expect(new Set(ruleIds(project, 'docs/2027/milestone-9.md'))).toEqual(
      new Set(['milestone-no-placeholders', 'milestone-overview-sync'])
    )
  })

  it("spells the title as the overview's heading of the same words does", () => {
    const project = makeProject()
    const overview = path.join(project, 'docs/milestones.md')
    writeFileSync(overview, readFileSync(overview, 'utf8') + '\n## Milestone 4: AI and ML\n\nSmart suggestions.\n')
    expect(milestoneLint(project, 'new', 'docs/milestone-4-ai-and-ml.md').stderr).toContain(
      '  # Milestone 4: AI and ML\n'
    )
    expect(milestoneLint(project, 'new', 'docs/milestone-5-ai-and-ml.md').stderr).toContain(
      '  # Milestone 5: Ai And Ml\n'
    )
  })

  it('keeps the template link it cannot fill, and says why', () => {
    const project = makeProject({'docs/b-architecture.md': '# B\n'})
    const {stderr} = milestoneLint(project, 'new', 'docs/milestone-3-x.md')
    expect(stderr).toContain(
      "  **Architecture Reference**: 2 files named like `[name]-architecture.md` (`docs/b-architecture.md`, `docs/lumen-architecture.md`); the template's link is kept\n"
    )
    const elsewhere = makeProject()
    const other = milestoneLint(elsewhere, 'new', 'notes/milestone-1-x.md')
    expect(other.stderr).toContain(
      "  **Parent Document**: no file named like `milestones.md` in `notes` or above; the template's link is kept\n" +
        "  **Architecture Reference**: no file named like `[name]-architecture.md` in `notes` or above; the template's link is kept\n" +
        '  135 placeholders to fill, and 2 other messages: `milestone-lint notes/milestone-1-x.md` lists them\n'
    )
  })

  it('refuses, writing nothing: a file that exists, a name that is no Markdown, a link out of the project, a bad config or template', () => {
    const project = makeProject({'.git/HEAD': ''})
    const outside = makeTemporary('milestone-new-outside-')
    symlinkSync(outside, path.join(project, 'docs/out'))
    const before = readFileSync(path.join(project, 'docs/milestones.md'), 'utf8')
    const exists = readmeRun(project, readmeBlockAfter('So the new doc has no message', 'text'))
    expect(exists.status).toBe(0) // The README's file does not exist yet here.
    const again = readmeRun(project, readmeBlockAfter('So the new doc has no message', 'text'))
    expect(again.actual).toBe(again.expected)
    expect(again.status).toBe(2)
    expect(milestoneLint(project, 'new', 'docs/milestones.md').stderr).toBe(
      'milestone-lint: `docs/milestones.md` exists: not overwritten\n'
    )
    expect(readFileSync(path.join(project, 'docs/milestones.md'), 'utf8')).toBe(before)
    expect(milestoneLint(project, 'new', 'docs/out/milestone-3.md').stderr).toBe(
      'milestone-lint: `docs/out/milestone-3.md` is through a symbolic link out of the project: not written (links are not followed out)\n'
    )
    expect(readdirSync(outside)).toEqual([])
    expect(milestoneLint(project, 'new', 'docs/notes.txt').stderr).toBe(
      'milestone-lint: expected a Markdown file name to write (`.md`), found `docs/notes.txt`\n'
    )

    writeFileSync(path.join(project, '.remarkrc.json'), '{"plugins": [["remark-lint-milestone", {"exlude": []}]]}')
    const badOption = milestoneLint(project, 'new', 'docs/new/milestone-4.md')
    expect(badOption.status).toBe(2)
    expect(badOption.stderr).toMatch(
      /^milestone-lint: remark-lint-milestone: unknown option `exlude`, expected one of: /
    )
    writeFileSync(
      path.join(project, '.remarkrc.json'),
      '{"plugins": [["remark-lint-milestone", {"template": "t.md"}]]}'
    )
    const noTemplate = milestoneLint(project, 'new', 'docs/new/milestone-4.md')
    expect(noTemplate.status).toBe(2)
    expect(noTemplate.stderr).toBe(
      'milestone-lint: Cannot derive a schema from template `t.md`: no such file in the project, looked for `t.md`\n'
    )
    expect(existsSync(path.join(project, 'docs/new'))).toBe(false)
  })

  it('says when the new doc is not linted, and refuses a path it cannot write', () => {
    const project = makeProject({
      '.remarkrc.json': '{"plugins": [["remark-lint-milestone", {"exclude": "drafts/**"}]]}'
    })
    const {status, stderr} = milestoneLint(project, 'new', 'drafts/milestone-1-x.md')
    expect(status).toBe(0)
    expect(stderr.split('\n').at(-2)).toBe(
      '  not linted: excluded by the `exclude` option; take it out of `exclude` to lint it'
    )
    symlinkSync('loop.md', path.join(project, 'docs/loop.md'))
    expect(milestoneLint(project, 'new', 'docs/loop.md').stderr).toBe(
      'milestone-lint: cannot write `docs/loop.md` (ELOOP)\n'
    )
  })

  it('counts placeholders only where the rule that reports them is on', () => {
    const project = makeProject({'docs/.milestone-lint.json': '{"milestone-no-placeholders": false}'})
    expect(milestoneLint(project, 'new', 'docs/milestone-3-scale.md').stderr.split('\n').at(-2)).toBe(
      '  1 message: `milestone-lint docs/milestone-3-scale.md` lists it'
    )
    const quiet = makeProject({
      'docs/.milestone-lint.json': '{"milestone-no-placeholders": false, "milestone-overview-sync": false}'
    })
    expect(milestoneLint(quiet, 'new', 'docs/milestone-3-scale.md').stderr.split('\n').at(-2)).toBe(
      '  no message from its lint'
    )
  })

  it('lints a folder named `new` as `./new`', () => {
    const project = makeProject()
    cpSync(path.join(project, 'docs'), path.join(project, 'new'), {recursive: true})
    const {status, stderr} = milestoneLint(project, './new')
    expect(status).toBe(1)
    expect(stderr).toContain(
      'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
    )
    expect(readmeRun(project, readmeBlockAfter('Alone, `milestone-lint new` says so', 'text'))).toMatchObject({
      status: 2
    })
  })

  it('removes the folders it made when the file cannot be written', () => {
    const folder = makeTemporary('milestone-new-write-')
    // A name too long for the file system: the folders are made, then writing fails.
    expect(() => {
      writeNewFile(path.join(folder, 'a/b', 'm'.repeat(300) + '.md'), 'text', 'm.md')
    }).toThrow('cannot write `m.md` (ENAMETOOLONG)')
    expect(readdirSync(folder)).toEqual([])
  })
})

describe('titleFromName', () => {
  const title = 'Milestone [Number]: [Name]'

  it("fills the template title's placeholders from the name's words", () => {
    expect(titleFromName(title, 'milestone-4-scale', [])).toBe('Milestone 4: Scale')
    expect(titleFromName(title, 'Milestone_04_scale out', [])).toBe('Milestone 4: Scale Out')
    expect(titleFromName(title, 'milestone-4-scale-out', [])).toBe('Milestone 4: Scale Out')
    expect(titleFromName('RFC [N] – [Title] ([Team])', 'rfc-12-caching-core', [])).toBe('RFC 12 – Caching (Core)')
  })

  it("takes the number after the siblings' highest when the name has none", () => {
    const siblings = ['milestone-1-private-beta', 'milestone-10-x', 'milestones', 'README', 'milestone-notes']
    expect(titleFromName(title, 'milestone-scale', siblings)).toBe('Milestone 11: Scale')
    expect(titleFromName(title, 'milestone-scale', [])).toBe('Milestone 1: Scale')
  })

  it('keeps the placeholders a name cannot fill', () => {
    expect(titleFromName(title, 'milestone-4', [])).toBe('Milestone 4: [Name]')
    expect(titleFromName(title, 'scale', ['milestone-2-x'])).toBe('Milestone 3: [Name]')
    expect(titleFromName('[Name] Plan', 'scale-notes', [])).toBe('[Name] Plan')
  })
})

describe('spelledAs', () => {
  it("takes the spelling of a heading with the same words, keeping the title's marks", () => {
    const headings = ['Overview', 'Milestone 4 — AI and ML (Q3)', 'Milestone 4 — AI and ML', 'Milestone 4: A.I. & ML']
    expect(spelledAs('Milestone 4: Ai And Ml', headings)).toBe('Milestone 4: AI and ML')
    expect(spelledAs('Milestone 4: Ai And Ml', ['Milestone 4: AI and ML tools', 'Milestone 40: AI and ML'])).toBe(
      'Milestone 4: Ai And Ml'
    )
    expect(spelledAs('Milestone 4: Ai And Ml', [])).toBe('Milestone 4: Ai And Ml')
    expect(spelledAs('Milestone 6: Gdpr Soc 2', ['Milestone 6 - GDPR & SOC 2'])).toBe('Milestone 6: GDPR & SOC 2')
    expect(spelledAs('Milestone 6: Gdpr Soc 2', ['Milestone 6: GDPR *&* SOC 2'])).toBe('Milestone 6: GDPR SOC 2')
  })
})

describe('newDocText', () => {
  const template = [
    '# Plan: [Name]',
    '',
    '**Status**: [Draft/Review/Done]',
    '**Owner**: [Name], or [Team]',
    '**Parent Document**: [Overview](./overview.md)',
    '**Architecture Reference**: [Arch](<./arch.md>)',
    '',
    '## Goal',
    '',
    'See [the overview](./overview.md "Overview") and [again](./overview.md).',
    ''
  ].join('\r\n')
  const schema = deriveSchema(template)
  const links = new Map([
    ['parent', '../overview.md'],
    ['architecture', '../arch.md']
  ] as const)

  it('sets choices to their first option and links written plainly to their target, keeping every other byte', () => {
    expect(newDocText(template, schema, {title: 'Plan: X', links})).toBe(
      template
        .replace('[Name]', 'X')
        .replace('[Draft/Review/Done]', 'Draft')
        .replace('[Overview](./overview.md)', '[Overview](../overview.md)')
        .replace('[again](./overview.md)', '[again](../overview.md)')
    )
  })

  it('keeps a BOM and writes the title after it', () => {
    const withBom = '\uFEFF' + template
    expect(newDocText(withBom, schema, {title: 'Plan: X', links: new Map()}).startsWith('\uFEFF# Plan: X\r\n')).toBe(
      true
    )
  })
})
