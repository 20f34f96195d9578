/**
 * Property tests: for any input, the whole preset completes, no rule throws,
 * every message has a rule id, a reason and a place inside the file, and
 * two runs give the same messages (see `lintTwice` in invariants.ts); and
 * a doc's line endings (LF, CRLF, CR, mixed) change none of its messages.
 *
 * `FUZZ_RUNS` sets the runs per property (300 by default; `npm run fuzz`:
 * 20,000), `FUZZ_SEED` the seed (42 by default, so runs are reproducible).
 * On failure fast-check prints the shrunk input, its seed and its path;
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/fuzz.test.ts -t
 * '<property>'` replays just that input.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {remark} from 'remark'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkLintMilestone, {type Options} from '../src/index.js'
import {messages} from './helpers.js'
import {type Input, fileOf, lintOnce, lintTwice} from './invariants.js'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? 42)
const replay = process.env.FUZZ_PATH
const parameters: fc.Parameters<unknown> = {numRuns: runs, seed, ...(replay ? {path: replay, endOnFailure: true} : {})}
/** Generous: a run of the costliest property takes about 60 ms here. */
const timeout = Math.max(120_000, runs * 1_000)

const read = (file: string) => readFileSync(file, 'utf8')
const template = read('templates/milestone-template.md')
const fixtures = [
  'fixtures/example/milestone-1-private-beta.md',
  'fixtures/section-fields/valid.md',
  'fixtures/templates/docs/milestone-1-private-beta.md'
].map(read)

/** Every distinct non-blank line of the template and the valid docs: realistic pieces. */
const corpusLines = [...new Set([template, ...fixtures].flatMap((text) => text.split('\n')))].filter((line) =>
  line.trim()
)
const corpusHeadings = corpusLines.filter((line) => /^#{1,6} /.test(line))

// Paths in folders with real files, so relative links resolve against them.
const paths = fc.constantFrom(
  'fixtures/example/milestone-9-fuzz.md',
  'fixtures/templates/docs/milestone-9-fuzz.md',
  'fixtures/relative-links/milestone-9-fuzz.md',
  'fixtures/example/notes.md'
)
/** Detection as configured by default, or every rule forced on. */
const options: fc.Arbitrary<Options | undefined> = fc.constantFrom(undefined, {include: ['**']})

// Text ---------------------------------------------------------------------

const special = fc.constantFrom(
  '\0',
  '\t',
  '\r',
  '\n',
  '\v',
  '\f',
  '\u00a0',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u0301',
  'e\u0301',
  '\u202e',
  '\u200f',
  '\u200d',
  '\ufffd',
  'שלום',
  'مرحبا',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
  '✅',
  '✔',
  '\u{1d400}',
  '\ud83d',
  '\ude00',
  '\udbff\udfff',
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '#',
  '|',
  '!',
  ':',
  '-',
  '~',
  '=',
  '^',
  '"',
  "'",
  '%',
  '%00',
  '%E0%A4%A',
  '..',
  '/'
)
const loneSurrogate = fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))
const unit = fc.oneof(
  {weight: 8, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz     ABCXYZ0123456789.,'.split(''))},
  {weight: 3, arbitrary: special},
  {weight: 1, arbitrary: loneSurrogate},
  {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 1})}
)
const text = fc.string({unit, maxLength: 24})
const words = fc.oneof(
  {weight: 2, arbitrary: text},
  {
    weight: 1,
    arbitrary: fc.constantFrom('Foundation', 'Upload Pipeline', 'Cloud Run', 'Lumen', 'a', '', ' ', 'x y z')
  }
)

// Pieces of a milestone doc -------------------------------------------------

const headingText = fc.oneof(
  fc.constantFrom(
    'Milestone 1: Beta',
    'Milestone [Number]: [Name]',
    'Milestone 01 – Launch',
    'Executive Summary',
    'Goal',
    'Architecture Overview',
    'High-Level System Diagram',
    'Technology Stack',
    'Core Components Design',
    '1. Upload Service',
    '2. [Component Name]',
    '0. Zero',
    '3 Thing',
    'Implementation Phases',
    'Phase 1: Foundation',
    'Phase 2 – Pipeline',
    'Phase 9: Gap',
    'Phase X: Y',
    'Phase 1',
    'Success Metrics',
    'Key Outcomes',
    'Why Cloud-First?',
    'Why [This Approach]?',
    'Why',
    'Design Decisions & Rationale',
    'Design Decisions and Rationale',
    'Risks & Mitigation',
    'Risk: Upload Failures',
    'Risk:',
    'Risk: [Risk Name]',
    'Open Questions',
    'Next Steps',
    'Related Documents',
    'Success Criteria',
    'Purpose',
    '🎯 Purpose',
    'Cost Structure',
    '2. Goal',
    'Goal:',
    '',
    ' ',
    '#',
    '[Goal](#goal)',
    '`Goal`',
    '**Goal**',
    'Goal <a id="x"></a>',
    '🎯',
    'Phase ١: Arabic digit',
    'Phase 1:',
    'Phase 12345678901234567890: Big'
  ),
  words
)
const heading = fc.oneof(
  fc.constantFrom(...corpusHeadings),
  fc
    .tuple(
      fc.integer({min: 1, max: 7}),
      fc.constantFrom(' ', '\t', '  ', ''),
      headingText,
      fc.constantFrom('', ' #', ' ###', ' \\#')
    )
    .map(([level, space, content, close]) => '#'.repeat(level) + space + content + close),
  fc
    .tuple(fc.constantFrom('', '   ', '    '), headingText, fc.constantFrom('===', '---', '=', '-  -'))
    .map(([indent, content, underline]) => indent + content + '\n' + underline)
)

const labelName = fc.oneof(
  fc.constantFrom(
    'Impact',
    'Probability',
    'Mitigation',
    'Success Criteria',
    'Objective',
    'Deliverables',
    'Purpose',
    'Features',
    'User Flow',
    'System Flow',
    'Technical Design',
    'Integration Points',
    'Key Principle',
    'Status',
    'Parent Document',
    'Architecture Reference',
    'Frontend',
    'Backend',
    'Infrastructure',
    'Cost Structure',
    'What This Milestone Proves',
    'What This Milestone Does NOT Include',
    'Immediate',
    'After Phase 1',
    'After [Previous Section]',
    'Before Milestone Complete',
    'Long-term',
    'Document Status',
    'Last Updated',
    'Configuration',
    'Production Launch',
    '[Metric Name]',
    'Testing',
    '🎯 Purpose',
    ''
  ),
  words
)
const labelValue = fc.oneof(
  fc.constantFrom(
    '',
    'High - x',
    'Medium – y',
    'Low: z',
    'low — ok',
    'Severe - bad',
    'Med',
    'Hgih - typo',
    'HIGH',
    'High (for now) - x',
    '**High** - x',
    '[High/Medium/Low] - [Explanation]',
    'Planning',
    'May 2026',
    '[Milestones Overview](./milestones.md)',
    '[Architecture Doc](./lumen-architecture.md)',
    '[Architecture Doc](./[name]-architecture.md)',
    '[x](../../../etc/passwd)',
    '[ref]',
    '[a][ref]',
    '<https://x>',
    '`code`',
    'text\n- item',
    '\n```\nflow\n```'
  ),
  words
)
const label = fc
  .tuple(
    fc.constantFrom('**', '*', '__', '_'),
    labelName,
    fc.constantFrom(
      '%l%m: %v',
      '%l:%m %v',
      '%l%m (Start Here): %v',
      '%l%m — %v',
      '%l (Validation)%m: %v',
      '%l%m %v',
      '- %l%m: %v',
      '> %l%m: %v',
      '%m%l: %v%m',
      '%l%m&#58; %v',
      '%l%m\\: %v',
      '*%l%m*: %v',
      '%l%m:%v\n%v',
      '%l%m:  \n%v',
      '<b>%l</b>: %v'
    ),
    labelValue
  )
  .map(([mark, name, form, value]) =>
    form
      .replace('%l', mark + name)
      .replaceAll('%m', mark)
      .replaceAll('%v', value)
  )

const listMarker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.', '-')
const itemContent = fc.oneof(
  fc.constantFrom(
    '✅ Done',
    '✅',
    '✅ ',
    '✔ ok',
    '☑ ok',
    '✓',
    '[x] done',
    '[ ] todo',
    '[X]',
    '[x]',
    ':white_check_mark: x',
    '**✅ Bold**',
    '✅\ufe0f x',
    '',
    '[Criterion 1 - measurable]',
    '✅ [Criterion 1]',
    '[Technology 1]: [Purpose]',
    '(x) y',
    '❌ no'
  ),
  words,
  label
)
const listItem = fc
  .tuple(
    fc.constantFrom('', '', '  ', '    ', '\t', ' ', '   '),
    listMarker,
    fc.constantFrom(' ', ' ', '  ', '\t', ''),
    itemContent
  )
  .map(([indent, marker, space, content]) => indent + marker + space + content)
const list = fc.array(listItem, {minLength: 1, maxLength: 6}).map((items) => items.join('\n'))

const codeLine = fc.oneof(
  fc.constantFrom(
    '[Copy the architecture diagram from milestones-overview.md]',
    '[Describe the user flow or system flow]',
    '[Browser] ──▶ [API]',
    'Step 1',
    '  ↓',
    '[Queue]',
    '[A lone bracketed sentence here]',
    '```',
    '~~~',
    ''
  ),
  text
)
const code = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '', '  ', '> ', '- '),
      fc.constantFrom('```', '~~~', '````', '``', '~~~~'),
      fc.constantFrom('', 'ts', 'mermaid', '{.x}', ' `x`'),
      fc.array(codeLine, {maxLength: 4}),
      fc.boolean()
    )
    .map(([indent, fence, info, lines, closed]) =>
      [indent + fence + info, ...lines.map((line) => indent + line), ...(closed ? [indent + fence] : [])].join('\n')
    ),
  fc.array(codeLine, {minLength: 1, maxLength: 3}).map((lines) => lines.map((line) => '    ' + line).join('\n'))
)

const url = fc.oneof(
  fc.constantFrom(
    './milestones.md',
    './milestones.md#x',
    './milestones.md#milestone-1-private-beta',
    'milestones.md',
    '#goal',
    '#executive-summary',
    '#nope',
    '#',
    '#%',
    '#%E0%A4%A',
    './lumen-architecture.md',
    './lumen-architecture.md#overview',
    '../../../etc/passwd',
    '../../../../etc/passwd',
    '../../../../etc/passwd#root',
    'http://x',
    'https://example.com/a.md',
    'mailto:a@b',
    '//host/x',
    '/abs/x.md',
    '',
    './',
    '.',
    '..',
    '../',
    '../example',
    './[name]-architecture.md',
    'milestones.md?x=1#goal',
    '%E0%A4%A.md',
    '%2e%2e/%2e%2e/README.md',
    '../../README.md#robustness',
    '../../README.md#nope',
    './README.md#',
    '<./meeting notes.md>',
    './meeting%20notes.md#x',
    './missing.md',
    './missing.png',
    './assets/diagram.svg',
    './specs/',
    './specs#x',
    '\\..\\x.md',
    'C:\\x.md',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '../../node_modules',
    '../..',
    '<>',
    '<a b>'
  ),
  text.map((value) => value.replace(/[\s()]/g, ''))
)
const refLabel = fc.constantFrom('ref', 'Ref', 'x', '1', 'Name', 'Technology 1', '^1', 'Milestones Overview')
const link = fc.oneof(
  fc.tuple(words, url).map(([content, target]) => `[${content}](${target})`),
  fc.tuple(words, url, words).map(([content, target, title]) => `[${content}](${target} "${title}")`),
  fc.tuple(words, url).map(([alt, target]) => `![${alt}](${target})`),
  fc.tuple(words, refLabel).map(([content, name]) => `[${content}][${name}]`),
  refLabel.map((name) => `[${name}][]`),
  refLabel.map((name) => `[${name}]`),
  fc.tuple(refLabel, url).map(([name, target]) => `[${name}]: ${target}`),
  fc.tuple(refLabel, url, words).map(([name, target, title]) => `[${name}]: <${target}> '${title}'`),
  fc.constantFrom(
    '[^1]',
    '[^1]: A note.',
    '[^note]: [Name]',
    '<https://x>',
    '<./milestones.md>',
    'www.example.com',
    'a@b.co'
  )
)

const brackets = fc.oneof(
  fc.constantFrom(
    '[Placeholder]',
    '[Name]',
    '[Month Year]',
    '[Number]',
    '[TBD]',
    '[interval]',
    '[2-3 paragraphs describing what this milestone accomplishes]',
    '[',
    ']',
    '[[',
    ']]',
    '[[[ ]]] [x [y',
    '\\[escaped\\]',
    '\\[sic]',
    'items[0]',
    'map[key]',
    '[…]',
    '[1]',
    '[ ]',
    '[x]',
    '[[nested] x]',
    '[a](',
    '](x)',
    '[a]\n(b)',
    '!['
  ),
  words.map((inner) => `[${inner}]`)
)

const html = fc.constantFrom(
  '<!-- x -->',
  '<!--lint disable-->',
  '<!--lint enable-->',
  '<!--lint ignore-->',
  '<!--lint ignore milestone-risk-fields-->',
  '<!--lint disable milestone-no-placeholders milestone-section-fields-->',
  '<!--lint enable milestone-no-placeholders-->',
  '<!--lint disable unknown-rule-->',
  '<!--',
  '-->',
  '<div id="goal">',
  '</div>',
  '<a name="x"></a>',
  "<a id='y'>",
  '<details><summary>[Name]</summary>',
  '<br>',
  '<?php ?>',
  '<![CDATA[ x ]]>',
  '<!DOCTYPE html>',
  '<script>[Name]</script>',
  '<!-- [Name] -->'
)

const frontMatter = fc.constantFrom(
  '---\ntitle: x\n---',
  '---\n---',
  '---\ntitle: [Name]\n',
  '+++\nx = 1\n+++',
  '---\n: [\n---'
)

const table = fc.oneof(
  fc.constantFrom(
    '| a | b |\n| --- | --- |\n| [x] | ✅ |',
    '| Metric | Target |\n|---|:-:|\n| **Impact**: High | [Name] |',
    '|a|\n|-|-|\n',
    '| Component | Purpose |\n| --- | --- |\n| [Technology 1] | [Purpose] |\n| x |',
    '| a |\n| - |\n| `|` \\| [x](#goal) |'
  ),
  fc
    .array(words, {minLength: 1, maxLength: 3})
    .map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |`)
)

const thematic = fc.constantFrom('---', '***', '___', '- - -', '* * *')

const leaf = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...corpusLines)},
  {weight: 4, arbitrary: heading},
  {weight: 4, arbitrary: label},
  {weight: 3, arbitrary: list},
  {weight: 2, arbitrary: code},
  {weight: 3, arbitrary: link},
  {weight: 3, arbitrary: brackets},
  {weight: 2, arbitrary: html},
  {weight: 1, arbitrary: frontMatter},
  {weight: 1, arbitrary: table},
  {weight: 1, arbitrary: thematic},
  {weight: 3, arbitrary: words},
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(words, link, brackets, label, fc.constantFrom('**', '*', '`', '  \n', '\\\n')), {
        minLength: 2,
        maxLength: 5
      })
      .map((parts) => parts.join(' '))
  }
)

/** Prefix every line of a block (block quotes, list items). */
const prefixLines = (block: string, first: string, rest = first) =>
  block
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n')

const {block} = fc.letrec<{block: string; quote: string; item: string}>((tie) => ({
  block: fc.oneof({depthSize: 'small', withCrossShrink: true}, leaf, tie('quote'), tie('item')),
  quote: fc
    .tuple(fc.constantFrom('> ', '>', '> > ', '   > '), fc.boolean(), tie('block'))
    .map(([mark, lazy, content]) => prefixLines(content, mark, lazy ? '' : mark)),
  item: fc
    .tuple(listMarker, fc.constantFrom('', '  ', '\t'), tie('block'))
    .map(([marker, indent, content]) =>
      prefixLines(content, indent + marker + ' ', indent + ' '.repeat(marker.length + 1))
    )
}))

const separator = fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', '', ' ', '\n\t\n')

/**
 * A template section that rules look into (risks, phases, components…),
 * followed by a few blocks, so that every rule finds something to check.
 */
const section = fc
  .tuple(
    fc.constantFrom(
      '## Risks & Mitigation\n\n### Risk: Upload Failures',
      '## Risks and Mitigation\n\n### Risk: [Risk Name]\n\n**Impact**: High - x\n**Probability**: Low - y\n**Mitigation**:',
      '### Risk: Orphan',
      '## Implementation Phases\n\n### Phase 1: Foundation',
      '### Phase 2: Pipeline\n\n**Objective**: x\n\n**Deliverables**:\n- a\n\n**Success Criteria**:',
      '#### Success Criteria',
      '## Core Components Design\n\n### 1. Upload Service',
      '### 2. Album Service\n\n**Purpose**: x\n\n**User Flow**:',
      '## Architecture Overview\n\n### High-Level System Diagram\n\n```\n[Browser] ──▶ [API]\n```\n\n### Technology Stack',
      '## Goal',
      '## Success Metrics\n\n### Adoption',
      '## Next Steps',
      '## Related Documents\n\n- [Milestones Overview](./milestones.md)',
      '# Milestone 2: Launch\n\n**Status**: Planning\n**Parent Document**: [Overview](./milestones.md)\n**Architecture Reference**: [Architecture](./lumen-architecture.md)'
    ),
    fc.array(fc.tuple(fc.oneof(label, list, leaf), separator), {maxLength: 5})
  )
  .map(([start, blocks]) => start + '\n\n' + blocks.map(([content, gap]) => content + gap).join(''))

/** Line endings: as written (LF), CRLF, CR, or a mix of the three. */
const lineEndings = fc.constantFrom('lf', 'lf', 'crlf', 'cr', 'mixed')
function withLineEndings(value: string, kind: string): string {
  if (kind === 'lf') return value
  if (kind === 'crlf') return value.replace(/\n/g, '\r\n')
  if (kind === 'cr') return value.replace(/\n/g, '\r')
  // In this order, no `\r` is followed by a `\n` (which would make one `\r\n`).
  let index = 0
  return value.replace(/\n/g, () => ['\n', '\r', '\r\n'][index++ % 3]!)
}

/** A doc built from pieces, with `\n` line endings (the pieces' text can hold any other). */
const pieceText = (maxBlocks: number) =>
  fc
    .record({
      bom: fc.oneof({weight: 9, arbitrary: fc.constant('')}, {weight: 1, arbitrary: fc.constant('\ufeff')}),
      front: fc.option(frontMatter, {freq: 4}),
      title: fc.option(fc.constantFrom('# Milestone 1: Beta', '# Milestone [Number]: [Name]', '# Notes'), {freq: 3}),
      blocks: fc.array(fc.tuple(fc.oneof({weight: 3, arbitrary: block}, {weight: 1, arbitrary: section}), separator), {
        maxLength: maxBlocks,
        size: 'medium'
      }),
      end: fc.constantFrom('', '\n', '\n\n', ' ', '\n    ')
    })
    .map(({bom, front, title, blocks, end}) => {
      const head = [front, title]
        .filter((part) => part !== null)
        .map((part) => part + '\n\n')
        .join('')
      return bom + head + blocks.map(([content, gap]) => content + gap).join('') + end
    })

const pieceDoc: fc.Arbitrary<Input> = fc
  .record({text: pieceText(16), lineEndings, path: paths, options})
  .map(({text, lineEndings, path, options}) => ({value: withLineEndings(text, lineEndings), path, options}))

/** A doc with only `\n` line endings, and other line endings to write it with. */
const lineEndingPair = fc.record({
  text: pieceText(10).map((text) => text.replace(/\r/g, '')),
  lineEndings: fc.constantFrom('crlf', 'cr', 'mixed'),
  path: paths,
  options
})

// Mutations of the valid docs ----------------------------------------------

type Mutation =
  | {kind: 'delete' | 'duplicate' | 'move' | 'truncate' | 'cut' | 'swap-sections'; at: number; size: number; to: number}
  | {kind: 'insert'; at: number; piece: string}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'move', 'truncate', 'cut', 'swap-sections'),
    at: fc.nat(),
    size: fc.nat({max: 40}),
    to: fc.nat()
  }) as fc.Arbitrary<Mutation>,
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), piece: block})
)

function mutate(lines: string[], change: Mutation): string[] {
  const at = change.at % (lines.length + 1)
  switch (change.kind) {
    case 'insert':
      return [...lines.slice(0, at), ...change.piece.split('\n'), ...lines.slice(at)]
    case 'delete':
      return [...lines.slice(0, at), ...lines.slice(at + change.size + 1)]
    case 'duplicate': {
      const copy = lines.slice(at, at + change.size + 1)
      const to = change.to % (lines.length + 1)
      return [...lines.slice(0, to), ...copy, ...lines.slice(to)]
    }
    case 'move': {
      const moved = lines.slice(at, at + change.size + 1)
      const rest = [...lines.slice(0, at), ...lines.slice(at + change.size + 1)]
      const to = change.to % (rest.length + 1)
      return [...rest.slice(0, to), ...moved, ...rest.slice(to)]
    }
    case 'truncate':
      return lines.slice(0, at)
    case 'cut': {
      // Truncate inside a line: in the middle of a label, link, fence or emoji.
      const line = lines[at] ?? ''
      return [...lines.slice(0, at), line.slice(0, change.to % (line.length + 1))]
    }
    case 'swap-sections': {
      const starts = lines.flatMap((line, index) => (/^#{1,6} /.test(line) ? [index] : []))
      if (starts.length < 2) return lines
      const first = change.at % starts.length
      const second = change.to % starts.length
      const [a, b] = first < second ? [first, second] : [second, first]
      if (a === b) return lines
      const section = (index: number) => lines.slice(starts[index], starts[index + 1] ?? lines.length)
      return [
        ...lines.slice(0, starts[a]),
        ...section(b),
        ...lines.slice(starts[a + 1], starts[b]),
        ...section(a),
        ...lines.slice(starts[b + 1] ?? lines.length)
      ]
    }
  }
}

/**
 * A valid doc, mostly cut to its title and metadata plus a window of 15–60
 * lines (a whole doc costs about 0.2 s to lint here), then mutated.
 */
const mutatedDoc: fc.Arbitrary<Input> = fc
  .record({
    fixture: fc.constantFrom(...fixtures),
    window: fc.oneof(
      {weight: 99, arbitrary: fc.record({from: fc.nat(), size: fc.integer({min: 15, max: 60})})},
      {weight: 1, arbitrary: fc.constant(undefined)}
    ),
    mutations: fc.array(mutation, {minLength: 1, maxLength: 5}),
    lineEndings,
    path: paths,
    options
  })
  .map(({fixture, window, mutations, lineEndings, path, options}) => {
    let lines = fixture.split('\n')
    if (window) {
      const from = 8 + (window.from % Math.max(1, lines.length - 8))
      lines = [...lines.slice(0, 8), ...lines.slice(from, from + window.size)]
    }
    for (const change of mutations) lines = mutate(lines, change)
    return {value: withLineEndings(lines.join('\n'), lineEndings), path, options}
  })

// Raw text and bytes --------------------------------------------------------

const rawText: fc.Arbitrary<Input> = fc.record({
  value: fc.oneof(
    fc.string({unit, maxLength: 200}),
    fc.string({unit: 'binary', maxLength: 200}),
    fc.string({unit: fc.oneof(loneSurrogate, special, fc.constantFrom('# ', '[', ']', '\n')), maxLength: 200}),
    fc
      .tuple(
        fc.constantFrom(
          '# Milestone 1: A\n\n## Goal\n\n',
          '**Status**: x\n**Parent Document**: [a](./milestones.md)\n\n## Goal\n\n'
        ),
        fc.string({unit, maxLength: 200})
      )
      .map(([head, tail]) => head + tail)
  ),
  path: paths,
  options
})

const bytes = fc.oneof(
  fc.uint8Array({maxLength: 200}),
  fc
    .tuple(
      fc.uint8Array({maxLength: 40}),
      fc.constantFrom(...fixtures),
      fc.nat({max: 400}),
      fc.uint8Array({maxLength: 40})
    )
    .map(([before, fixture, size, after]) => {
      const middle = new TextEncoder().encode(fixture.slice(0, size * 4))
      return Uint8Array.from([...before, ...middle, ...after])
    }),
  fc.constantFrom(
    Uint8Array.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
    Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x23, 0x20, 0x5b, 0x61, 0x5d, 0x0a]),
    Uint8Array.from([0xed, 0xa0, 0x80, 0x0a, 0x00, 0x0d, 0x0a, 0x0d])
  )
)
const rawBytes: fc.Arbitrary<Input> = fc.record({
  value: fc.tuple(bytes, fc.boolean()).map(([value, buffer]) => (buffer ? Buffer.from(value) : value)),
  path: paths,
  options
})

// The properties ------------------------------------------------------------

describe('fuzz: for any input, rules do not throw, place messages in the file, and are deterministic', () => {
  it(`docs built from template pieces (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(pieceDoc, async (input) => {
        await lintTwice(input)
      }),
      parameters
    )
  })

  it(`mutations of the valid docs (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDoc, async (input) => {
        await lintTwice(input)
      }),
      parameters
    )
  })

  it(`line endings (CRLF, CR, mixed) change no message (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(lineEndingPair, async ({text, lineEndings, path, options}) => {
        const lf = await lintOnce({value: text, path, options})
        const other = await lintOnce({value: withLineEndings(text, lineEndings), path, options})
        // Places count lines alike; reasons may quote text with its line endings.
        const shown = (file: VFile) => messages(file).map((message) => message.replace(/\r\n?/g, '\n'))
        expect(shown(other)).toEqual(shown(lf))
      }),
      parameters
    )
  })

  it(`raw text: any code points, lone surrogates, NUL (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(rawText, async (input) => {
        await lintTwice(input)
      }),
      parameters
    )
  })

  it(`not parsing what cannot be a milestone doc changes no message (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(pieceDoc, mutatedDoc, rawText), async (input) => {
        expect(await lintParsing(input, 'as needed')).toEqual(await lintParsing(input, 'all'))
      }),
      parameters
    )
  })

  it(`raw bytes: invalid UTF-8, byte order marks, as Buffer and Uint8Array (${runs} runs)`, {timeout}, async () => {
    await fc.assert(
      fc.asyncProperty(rawBytes, async (input) => {
        await lintTwice(input)
      }),
      parameters
    )
  })
})

/** The messages of the preset on an input; with `all`, another plugin makes it parse every file. */
async function lintParsing(input: Input, parse: 'as needed' | 'all'): Promise<string[]> {
  const file = fileOf(input)
  const processor = remark().use(remarkLintMilestone, input.options)
  if (parse === 'all') processor.use(function needsEveryTree() {})
  await processor.run(processor.parse(file), file)
  return messages(file)
}
