/**
 * The H1 title and every H2 of the template, in template order: Executive
 * Summary, Goal, Architecture Overview, Core Components Design, Implementation
 * Phases, Success Metrics, Key Outcomes, Why …?, Design Decisions & Rationale,
 * Risks & Mitigation, Open Questions, Next Steps, Related Documents. Under
 * Architecture Overview: High-Level System Diagram and Technology Stack. At
 * least one `### <n>. <name>` under Core Components Design and one
 * `### Phase <n>: <name>` under Implementation Phases, numbered 1, 2, 3…
 * without gaps.
 *
 * Every problem is reported, not only the first. Headings match as
 * [every rule compares text](#how-text-is-compared), and marks that end it
 * as a sentence (`## Open Questions?`, `## Goal.`, `## Next Steps…`, a colon)
 * or an attribute block (`## Goal {#goal}`) do not matter either, nor a trailing
 * qualifier in parentheses (`## Goal (Revised)`, as labels may have one); `Phase 1 – Setup`
 * is `Phase 1: Setup`; `## Why [This Approach]?` matches any `## Why …` heading;
 * a leading section number (`## 2. Goal`, `## 2) Goal`, `## 2 Goal`) is fine, and so are
 * emoji after it (`## 2. 🎯 Goal`). A repeat's number
 * may end in `.`, `)`, `:`, a dash or a space, whatever the template writes (one of three
 * digits or more not in a space alone: `### 2024 Roadmap` is no component):
 * `### 1) Upload`, `### 1: Upload` and `### 1 - Upload` are `### 1. [Component Name]`,
 * and `### Phase 1. Setup` is `### Phase 1: [Phase Name]`; a component may name its kind
 * before its number, as a phase does (`### Component 1: Upload`), and a phase may leave
 * it out (`### 1. Setup`, with a mark after a number from 1), as a component does. Where
 * the others have the word, or a mark after their number, a heading without is a note
 * among them, not an instance (`### 1. Overview` among phases, `### 12 Factor Notes`
 * among `### 1. Upload` components). A phase may have no name (`### Phase 1`). Sections the
 * template does not have are fine. Risks are checked by `milestone-risk-fields`.
 *
 * | problem | reported at | quick fix (`expected`) |
 * | --- | --- | --- |
 * | missing section | where it belongs (before the next template section, or above its own sub-sections if they are there; a `---` before it stays before it) | the template's text of the section, sub-sections and placeholders included (only its own part over sub-sections already there), in the doc's own bullets, emphasis and `---`, underlined (`Goal` over `----`) in a doc whose titles and sections all are (none at the end of a doc that ends in a code or HTML block, which would swallow it) |
 * | wrong level (`### Goal`) | the `#` marks | the right marks (`##`) |
 * | under another parent | the heading | |
 * | out of template order | the heading | |
 * | duplicated | the second heading (the first rides along as `cause`) | |
 * | phase or component number off | the number | the right number |
 * | missing title | the start of the doc (after front matter) | `# Milestone [Number]: [Name]` |
 *
 * @example missing.md
 *
 * @example disorder.md
 */
import type {VFile} from 'vfile'
import {endSwallows} from '../model/nodes.js'
import {VFileMessage} from 'vfile-message'
import {headingLine, type Model, type Section} from '../model/model.js'
import {type Outline, headingMatches} from '../match/outline.js'
import type {OptionsOf} from '../match/options.js'
import {milestoneRule, type RuleContext} from './rule.js'
import {report} from './report.js'
import {hashRange, numberRange} from './heading-ranges.js'
import {missingSection} from './section-insertion.js'
import {between, checkOrder} from './section-order.js'
import {displayHeading, headingNumber, headingPattern, skeletonHeading, titleSpec} from '../schema/pattern.js'
import type {SectionSpec} from '../schema/types.js'

const optionTypes = {} as const

/** The options of `milestone-required-headings`. */
export type RequiredHeadingsOptions = OptionsOf<typeof optionTypes>

const requiredHeadings = milestoneRule({
  id: 'milestone-required-headings',
  description:
    "The title and every section the template requires are present, in template order, at the template's level.",
  options: optionTypes,
  check(context) {
    checkTitle(context)
    const {model, outline, schema} = context
    checkTier(context, schema.sections, matchedTo(outline, model.sections, schema.sections), undefined)
  }
})

export default requiredHeadings

function checkTitle({model, file, schema}: RuleContext<RequiredHeadingsOptions>): void {
  if (model.title) return
  const spec = titleSpec(schema)
  const pattern = headingPattern(spec)
  const atWrongDepth = model.sections.find((section) => headingMatches(pattern, section))

  if (atWrongDepth?.heading) {
    reportDepth(model, file, atWrongDepth, spec)
    return
  }

  const first = model.root.content.find((node) => node.type !== 'yaml') ?? model.sections[0]?.heading
  const offset = first?.position?.start.offset ?? model.root.end
  report(
    file,
    `Unexpected missing title, expected a \`${pattern.display}\` heading at the top`,
    offset === undefined ? undefined : model.source.toPoint(offset),
    {expected: [skeletonHeading(spec) + '\n\n']}
  )
}

/**
 * Align the sections found in one tier of the outline (the top sections,
 * or the children of one section) with the specs of that tier: duplicates,
 * order, missing ones, numbering; then the tier below.
 */
function checkTier(
  context: RuleContext<RequiredHeadingsOptions>,
  specs: readonly SectionSpec[],
  found: readonly Section[],
  parent: Section | undefined
): void {
  const {model, file, outline} = context
  const inOrder = checkOrder(file, outline, specs, found)

  for (const [index, spec] of specs.entries()) {
    const sections = outline.sections(spec)

    if (sections.length === 0) {
      if (spec.role) continue // Checked by the rule for that role.
      if (spec.optional || spec.repeat?.min === 0) continue // The template lets it be absent.
      const stray = strayHeading(model, outline, spec)
      if (stray) reportStray(model, file, stray, spec, parent)
      else reportMissing(context, specs, index, inOrder, parent)
      continue
    }

    if (spec.repeat?.numbered) checkNumbers(model, file, spec, sections)
    if (!spec.repeat) checkDuplicates(file, sections)
    if (spec.children) {
      const first = sections[0]!
      checkTier(context, spec.children, matchedTo(outline, first.children, spec.children), first)
    }
  }
}

function checkDuplicates(file: VFile, sections: readonly Section[]): void {
  const [first, ...rest] = sections
  const firstPlace = first?.heading?.position
  for (const section of rest) {
    report(
      file,
      `Unexpected duplicate section \`${headingLine(section)}\`, expected it once` +
        (firstPlace ? ` (first at line ${firstPlace.start.line})` : ''),
      section.heading?.position,
      {
        cause: firstPlace ? new VFileMessage('First section with this heading', {place: firstPlace}) : undefined
      }
    )
  }
}

/** Numbered sections count 1, 2, 3…: report each number that is off. */
function checkNumbers(model: Model, file: VFile, spec: SectionSpec, sections: readonly Section[]): void {
  const pattern = headingPattern(spec)
  for (const [index, section] of sections.entries()) {
    const number = headingNumber(pattern, section.normalized)
    const expected = index + 1
    if (number === undefined || number === expected) continue
    report(
      file,
      `Unexpected number \`${number}\` in \`${headingLine(section)}\`, expected \`${expected}\` (number them 1, 2, 3… without gaps)`,
      numberRange(model, section.heading!),
      {expected: [String(expected)]}
    )
  }
}

function reportMissing(
  {model, file, outline, tree}: RuleContext<RequiredHeadingsOptions>,
  specs: readonly SectionSpec[],
  index: number,
  inOrder: readonly Section[],
  parent: Section | undefined
): void {
  const spec = specs[index]!
  const insertion = missingSection(model, outline, specs, index, inOrder, parent)
  const reason = spec.repeat
    ? `Unexpected missing \`${displayHeading(spec)}\` section, expected at least one` +
      (parent ? ` under \`${headingLine(parent)}\`` : '')
    : `Unexpected missing section \`${displayHeading(spec)}\`, expected it ` +
      (parent
        ? `under \`${headingLine(parent)}\`` + (specs.length > 1 ? `, ${between(specs, index)}` : '')
        : between(specs, index))

  if (!insertion) return
  // A code or HTML block left open at the end would swallow it.
  const swallowed = insertion.offset >= model.source.text.length && endSwallows(tree)
  report(file, reason, model.source.toPoint(insertion.offset), swallowed ? {} : {expected: [insertion.text]})
}

/**
 * A heading with the spec's exact text that is not where the template puts
 * it: at another depth, or under another parent.
 */
function strayHeading(model: Model, outline: Outline, spec: SectionSpec): Section | undefined {
  const pattern = headingPattern(spec)
  if (!pattern.literal) return undefined
  return model.sections.find(
    (section) => section !== model.title && outline.spec(section) === undefined && headingMatches(pattern, section)
  )
}

function reportStray(model: Model, file: VFile, stray: Section, spec: SectionSpec, parent: Section | undefined): void {
  if (stray.depth !== spec.depth) {
    reportDepth(model, file, stray, spec)
    return
  }
  const actual = stray.parent?.heading ? ` under \`${headingLine(stray.parent)}\`` : ''
  const expected = parent ? `under \`${headingLine(parent)}\`` : 'at the top level'
  report(
    file,
    `Unexpected section \`${headingLine(stray)}\`${actual}, expected it ${expected}`,
    stray.heading?.position
  )
}

/** A heading at the wrong depth: the fix replaces its `#` marks, so the message shows the doc's heading with the right ones. */
function reportDepth(model: Model, file: VFile, section: Section, spec: SectionSpec): void {
  const heading = section.heading!
  const marks = hashRange(model, heading)
  // As written after its marks (closing `#`s too), which the fix keeps.
  const rest = marks
    ? model.source
        .slice(heading)!
        .slice(marks.end.offset! - marks.start.offset!)
        .trimEnd()
    : ` ${section.text}`
  report(
    file,
    `Unexpected heading level ${section.depth} for \`${section.text}\`, expected level ${spec.depth} (\`${'#'.repeat(spec.depth)}${rest}\`)`,
    marks ?? heading.position,
    marks ? {expected: ['#'.repeat(spec.depth)]} : {}
  )
}

/** The sections matched to one of the given specs. */
function matchedTo(outline: Outline, sections: readonly Section[], specs: readonly SectionSpec[]): Section[] {
  return sections.filter((section) => {
    const spec = outline.spec(section)
    return spec !== undefined && specs.includes(spec)
  })
}
