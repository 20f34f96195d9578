/**
 * No regular expression in `src/` can backtrack catastrophically (ReDoS),
 * and new ones are checked as they come.
 *
 * Every regex literal, `RegExp(…)` call and string given to `match`,
 * `matchAll` or `search` in the `.ts` files under `src/` is found with the
 * TypeScript parser and checked with recheck
 * (https://makenowjust-labs.github.io/recheck/), which must find it `safe`.
 * A RegExp built at run time cannot be checked as written: each one is
 * listed in `reviewed` below, with why it is safe and the regexes it builds
 * for real templates, which are checked instead. An unlisted one fails the
 * test until it is reviewed.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {check, type Diagnostics} from 'recheck'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {emphasizedLinePattern} from '../src/rules/closing-lines.js'
import {defaultSchema, loadTemplate} from '../src/project/template.js'
import {alternativesPattern} from '../src/schema/field-specs.js'
import type {FieldSpec, Schema} from '../src/schema/types.js'
import {allSpecs} from '../src/schema/walk.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** A regular expression found in the source. */
interface Found {
  /** `src/…/file.ts:line`. */
  at: string
  file: string
  /** The named function it is in (an arrow function takes its variable's name). */
  owner: string
  /** Pattern and flags, when written out; undefined when built at run time. */
  source?: string
  flags?: string
  /** The code, for messages. */
  code: string
}

/** Find the regular expressions in one file's code. */
function findRegExps(file: string, code: string): Found[] {
  const sourceFile = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Found[] = []

  const add = (node: ts.Node, source: string | undefined, flags: string | undefined) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1
    const snippet = node.getText(sourceFile).replace(/\s+/g, ' ')
    found.push({at: `${file}:${line}`, file, owner: owner(node), source, flags, code: snippet})
  }

  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/')
      add(node, node.text.slice(1, slash), node.text.slice(slash + 1))
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isRegExp(node.expression)) {
      const [pattern, flags] = node.arguments ?? []
      const literal = pattern && ts.isRegularExpressionLiteral(pattern) ? splitLiteral(pattern.text) : undefined
      const source = literal?.source ?? (pattern ? text(pattern) : '(?:)')
      const flagText = flags ? text(flags) : (literal?.flags ?? '')
      add(node, source === undefined || flagText === undefined ? undefined : source, flagText)
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['match', 'matchAll', 'search'].includes(node.expression.name.text) &&
      node.arguments.length === 1 &&
      isStringy(node.arguments[0]!)
    ) {
      // `text.match('a+')` compiles its string as a regex (`matchAll` with `g`).
      const name = node.expression.name.text
      add(node, text(node.arguments[0]!), name === 'matchAll' ? 'g' : '')
    }
    ts.forEachChild(node, visit)
  }

  visit(sourceFile)
  return found
}

function isRegExp(callee: ts.Expression): boolean {
  return (
    (ts.isIdentifier(callee) && callee.text === 'RegExp') ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 'RegExp')
  )
}

function isStringy(node: ts.Node): boolean {
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)
}

/** The value of a string written out, else undefined. */
function text(node: ts.Node): string | undefined {
  return ts.isStringLiteralLike(node) ? node.text : undefined
}

function splitLiteral(literal: string): {source: string; flags: string} {
  const slash = literal.lastIndexOf('/')
  return {source: literal.slice(1, slash), flags: literal.slice(slash + 1)}
}

/** The name of the function a node is in. */
function owner(node: ts.Node): string {
  for (let up = node.parent; up; up = up.parent) {
    if ((ts.isFunctionDeclaration(up) || ts.isMethodDeclaration(up)) && up.name) return up.name.getText()
    if ((ts.isArrowFunction(up) || ts.isFunctionExpression(up)) && ts.isVariableDeclaration(up.parent)) {
      return up.parent.name.getText()
    }
  }
  return '(top level)'
}

function sourceFiles(): string[] {
  return readdirSync(path.join(root, 'src'), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.posix.join('src', name.split(path.sep).join('/')))
    .sort()
}

const found = sourceFiles().flatMap((file) => findRegExps(file, readFileSync(path.join(root, file), 'utf8')))
const written = found.filter((regex) => regex.source !== undefined)
const built = found.filter((regex) => regex.source === undefined)

/**
 * recheck proves most regexes safe from their automaton. Above `maxNFASize`
 * (the large Unicode classes of `[\p{L}\p{N}]` under `iu` take its automaton
 * 10–25 s each) and for lookarounds it fuzzes instead, with step limits only:
 * its fuzzer's time limits would make the verdict depend on the machine's
 * load. `timeout` bounds each check (ms); running out of time fails the test.
 */
const params = {timeout: 30_000, maxNFASize: 10_000, incubationTimeout: null, attackTimeout: null, seedingTimeout: null}

/** `[]` when safe, else why not: `vulnerable (…), attack: …` or `unknown (…)`. */
async function problems(at: string, source: string, flags: string): Promise<string[]> {
  const result = await check(source, flags, params)
  return result.status === 'safe' ? [] : [`${at} /${source}/${flags}: ${verdict(result)}`]
}

function verdict(result: Diagnostics): string {
  switch (result.status) {
    case 'safe':
      return `safe (${result.complexity.summary})`
    case 'vulnerable':
      return `vulnerable (${result.complexity.summary}), attack: ${result.attack.pattern}`
    case 'unknown':
      return `unknown (${result.error.kind}${'message' in result.error ? ': ' + result.error.message : ''})`
  }
}

/** Check regexes in parallel, a few at a time so that each one's `timeout` is its own. */
async function allProblems(list: Array<{at: string; source: string; flags: string}>): Promise<string[]> {
  const results: string[][] = []
  let next = 0
  const worker = async () => {
    while (next < list.length) {
      const index = next++
      const {at, source, flags} = list[index]!
      results[index] = await problems(at, source, flags)
    }
  }
  await Promise.all(Array.from({length: Math.max(2, availableParallelism())}, worker))
  return results.flat()
}

/**
 * A regex's shape: the same but for the letters and digits of its literal
 * words and how many words there are (`^a$` for both `^goal$` and
 * `^next steps$`). A built regex is checked once per shape, a sample: the
 * reasons below say why regexes of one builder backtrack alike.
 */
function shape(source: string, flags: string): string {
  const words = source.replace(/(?<![\\{])\p{L}+/gu, 'a').replace(/(?<![\\{])\p{N}+/gu, '0')
  return flags + '/' + words.replace(/a(?:(?: |\\s\+)a)+/g, 'a')
}

/** A RegExp built at run time, reviewed. */
interface Reviewed {
  file: string
  /** The function that builds it. */
  owner: string
  /** Why it cannot backtrack catastrophically (read the code; say where it could). */
  reason: string
  /** What it builds for a schema: regexes to check, with where each comes from. */
  instances: (schema: Schema) => Array<{from: string; regex: RegExp}>
}

const reviewed: Reviewed[] = [
  {
    file: 'src/rules/closing-lines.ts',
    owner: 'emphasizedLinePattern',
    reason:
      'A closing label, escaped (every syntax character), spaces as `\\s+`, between the fixed ' +
      '`^[ \\t>]*[*_]{1,2}[ \\t]*` and `[ \\t]*[:—–][ \\t]*[^\\s*_]`, run over the doc line by line (`m`). ' +
      'Linear for a label without placeholders (`Document Status`, `Last Updated`): each run of spaces ends ' +
      'at a literal word. A placeholder (`.+`) next to `\\s+` and `[ \\t]*` would be cubic in a line’s length; ' +
      'no template here has one in a closing label.',
    instances: (schema) =>
      schema.closing.map((spec) => ({from: `closing label \`${spec.label}\``, regex: emphasizedLinePattern(spec)}))
  },
  {
    file: 'src/schema/field-specs.ts',
    owner: 'alternativesPattern',
    reason:
      'A template label, escaped (every syntax character), spaces as `\\s+`, then `\\s+or\\s+`, at most two ' +
      'words `(?:[\\p{L}\\p{N}]+\\s+){0,2}` and the escaped last word: each run ends at a different literal ' +
      'or class and the repeat is bounded, so it is linear for any label. It runs on template text only.',
    instances: (schema) =>
      fieldSpecs(schema).flatMap((spec) => {
        const regex = alternativesPattern(spec.label)
        return regex ? [{from: `label \`${spec.label}\``, regex}] : []
      })
  }
]

function fieldSpecs(schema: Schema): FieldSpec[] {
  return [...allSpecs(schema).flatMap((spec) => spec.fields ?? []), ...schema.closing]
}

/** The templates whose regexes are checked: the bundled one and the newer one in the fixtures. */
function schemas(): Schema[] {
  return [defaultSchema(), loadTemplate(path.join(root, 'fixtures/templates/milestone-design-2026-01-21.md'))]
}

describe('ReDoS: the regular expressions in src/', () => {
  it('recheck flags known-bad patterns, so this test can fail', async () => {
    const [exponential, quadratic, linear] = await Promise.all([
      check('^(a+)+$', '', params),
      check('\\s*:$', '', params),
      check('^\\s*:$', '', params)
    ])
    expect(exponential).toMatchObject({status: 'vulnerable', complexity: {type: 'exponential'}})
    expect(quadratic).toMatchObject({status: 'vulnerable', complexity: {type: 'polynomial', degree: 2}})
    expect(linear.status).toBe('safe')
  })

  it('the scanner finds literals, RegExp calls and strings used as regexes', () => {
    const code = [
      'const a = /x+y/gu',
      "const b = new RegExp('a|b', 'i')",
      'const c = RegExp(`c`)',
      'function d(s: string) { return new RegExp(s) }',
      "const e = (t: string) => t.match('f+')",
      'const f = new RegExp(`^${g}$`)'
    ].join('\n')
    expect(findRegExps('x.ts', code).map(({at, owner, source, flags}) => ({at, owner, source, flags}))).toEqual([
      {at: 'x.ts:1', owner: '(top level)', source: 'x+y', flags: 'gu'},
      {at: 'x.ts:2', owner: '(top level)', source: 'a|b', flags: 'i'},
      {at: 'x.ts:3', owner: '(top level)', source: 'c', flags: ''},
      {at: 'x.ts:4', owner: 'd', source: undefined, flags: ''},
      {at: 'x.ts:5', owner: 'e', source: 'f+', flags: ''},
      {at: 'x.ts:6', owner: '(top level)', source: undefined, flags: ''}
    ])
    // And finds src/'s: more than a handful, in many files.
    expect(written.length).toBeGreaterThan(50)
    expect(new Set(written.map((regex) => regex.file)).size).toBeGreaterThan(10)
  })

  it('no regex written in src/ can backtrack catastrophically', async () => {
    // The same regex in several places is checked once.
    const places = new Map<string, {source: string; flags: string; at: string[]}>()
    for (const {source, flags, at} of written) {
      const key = `${flags}/${source}`
      places.set(key, {source: source!, flags: flags!, at: [...(places.get(key)?.at ?? []), at]})
    }
    const failures = await allProblems(
      [...places.values()].map(({source, flags, at}) => ({at: at.join(', '), source, flags}))
    )
    expect(failures).toEqual([])
  }, 120_000)

  it('every RegExp built at run time is reviewed below', () => {
    const key = (file: string, owner: string) => `${file} ${owner}`
    const listed = new Set(reviewed.map((entry) => key(entry.file, entry.owner)))
    const unlisted = built
      .filter((regex) => !listed.has(key(regex.file, regex.owner)))
      .map((regex) => `${regex.at} (in ${regex.owner}): ${regex.code}: review it, then list it in \`reviewed\``)
    expect(unlisted).toEqual([])

    // One reviewed RegExp per entry: a second one in the same function needs its own review.
    const stale = reviewed.flatMap((entry) => {
      const at = built
        .filter((regex) => regex.file === entry.file && regex.owner === entry.owner)
        .map((regex) => regex.at)
      return at.length === 1
        ? []
        : [`${entry.file} ${entry.owner}: built at ${at.join(', ') || 'no line'}, expected one`]
    })
    expect(stale).toEqual([])
  })

  it('the RegExps built at run time are safe for the bundled and fixture templates', async () => {
    const sample = new Map<string, {at: string; source: string; flags: string}>()
    for (const schema of schemas()) {
      for (const entry of reviewed) {
        for (const {from, regex} of entry.instances(schema)) {
          const key = `${entry.file} ${entry.owner} ${shape(regex.source, regex.flags)}`
          if (!sample.has(key))
            sample.set(key, {at: `${entry.file} ${entry.owner}, ${from}`, source: regex.source, flags: regex.flags})
        }
      }
    }
    const idle = reviewed.filter(
      (entry) => ![...sample.keys()].some((key) => key.startsWith(`${entry.file} ${entry.owner} `))
    )
    expect(idle.map((entry) => `${entry.owner} builds nothing to check`)).toEqual([])
    expect(await allProblems([...sample.values()])).toEqual([])
  }, 120_000)
})
