/**
 * Rule fixtures and their golden files. A rule's fixtures are the Markdown
 * files in `fixtures/<rule id without milestone->/`; `<name>.md` is linted
 * with its rule alone, with the options in `<name>.options.json` if there
 * is one, and its messages are `<name>.expected`: one line per message as
 * `messages()` formats it, each followed by its fixes (`  expected: […]`,
 * JSON; `  suggested: […]` for a suggestion) and related place
 * (`  cause: …`) if it has them. The README's rule sections show them too
 * (`scripts/docs.mjs`). Files the fixtures link to
 * (`relative-links/milestones.md`) are fixtures too: the rule is silent on
 * them, so their golden files are empty. A fixture with certain fixes (see
 * `certainEdits`) has its before/after pair, `<name>.fixed.md`: its text
 * after `--fix` with its rule alone.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {certainEdits, fixInRounds} from '../src/cli/fix.js'
import {format, lintWith, sorted, where} from './helpers.js'

/** The folder of a rule's fixtures. */
export function fixtureFolder(ruleId: string): string {
  return path.join('fixtures', ruleId.replace(/^milestone-/, ''))
}

/** The names of a rule's fixtures: the Markdown files of its folder. */
export function fixtureNames(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && statSync(path.join(folder, name)).isFile())
    .sort()
}

/** A fixture's golden file. */
export function goldenOf(fixture: string): string {
  return fixture.replace(/\.md$/, '.expected')
}

/** A fixture's before/after pair: its text after its rule's certain fixes. */
export function fixedOf(fixture: string): string {
  return fixture.replace(/\.md$/, '.fixed.md')
}

/** A fixture's options file. */
export function optionsOf(fixture: string): string {
  return fixture.replace(/\.md$/, '.options.json')
}

/** Lint a fixture (or other text at its path) with its rule and options. */
export async function lintFixture(
  rule: Plugin<[any?], Root>,
  fixture: string,
  value: string = readFileSync(fixture, 'utf8')
): Promise<VFile> {
  return lintWith(rule, new VFile({path: fixture, value}), fixtureOptions(fixture))
}

/** A text fixed as `--fix` fixes it, with one rule: the text and its last lint. */
export interface Fixed {
  text: string
  file: VFile
}

/**
 * Fix a fixture (or other text at its path) with its rule alone, in rounds
 * as `--fix` does (`fixInRounds`); undefined when it has no certain fix.
 */
export async function fixFixture(
  rule: Plugin<[any?], Root>,
  fixture: string,
  value: string = readFileSync(fixture, 'utf8')
): Promise<Fixed | undefined> {
  const first = await lintFixture(rule, fixture, value)
  if (certainEdits(first).length === 0) return undefined
  const {files, fixing} = await fixInRounds([first], (texts) =>
    Promise.all([...texts.values()].map((text) => lintFixture(rule, fixture, text)))
  )
  return {text: fixing.get(fixture)?.text ?? value, file: files[0]!}
}

/** A fixture's options, if it has any (`any`: each rule takes its own). */
export function fixtureOptions(fixture: string): any {
  const file = optionsOf(fixture)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}

/** A file's messages as its golden file holds them. */
export function golden(file: VFile): string {
  return sorted(file.messages)
    .map((message) => [format(message), ...extras(message)].join('\n') + '\n')
    .join('')
}

function extras(message: VFileMessage): string[] {
  const lines = []
  if (message.expected)
    lines.push(`  ${message.suggestion ? 'suggested' : 'expected'}: ${JSON.stringify(message.expected)}`)
  const cause = message.cause as VFileMessage | undefined
  if (cause?.place) lines.push(`  cause: ${where(cause)} ${cause.reason}`)
  return lines
}
