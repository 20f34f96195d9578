/**
 * Vitest's v8 coverage provider, plus the coverage of the processes the
 * tests spawn. Many tests run `node dist/cli/…` (the CLI, the language
 * server, the schema command, remark-cli with the preset) as a user would;
 * in-process coverage never sees that code run. So, while coverage runs,
 * each test worker sets NODE_V8_COVERAGE for its children, which makes Node
 * write their V8 coverage when they exit; the provider maps what ran in
 * dist/ back to src/ and adds it to the in-process coverage before the
 * thresholds are checked.
 *
 * dist/ ships without source maps: the map of each built file comes from
 * compiling its source again (TypeScript's transpileModule), and a file
 * whose output is not byte for byte the built one is refused, so a stale
 * dist/ cannot count.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from '@vitest/coverage-v8'
import {type ProcessCov, mergeProcessCovs} from '@bcoe/v8-coverage'
import convert from 'ast-v8-to-istanbul'
import libCoverage, {type CoverageMap, type FileCoverageData, type Range} from 'istanbul-lib-coverage'
import ts from 'typescript'
import type {CoverageProvider, CoverageProviderModule, ReportContext, Vitest} from 'vitest/node'
import {parseAstAsync} from 'vitest/node'

/** Where the workers' children write their coverage (set by the main process, read by the workers). */
const childrenVariable = 'MILESTONE_LINT_CHILD_COVERAGE'

const module: CoverageProviderModule = {
  ...v8,
  // In each test worker: the children it spawns inherit the variable.
  startCoverage(options) {
    const directory = process.env[childrenVariable]
    if (directory) process.env.NODE_V8_COVERAGE = directory
    return v8.startCoverage?.(options)
  },
  async getProvider() {
    const provider = await v8.getProvider()
    const initialize = provider.initialize.bind(provider)
    const generate = provider.generateCoverage.bind(provider)
    let root = ''
    let directory = ''
    provider.initialize = async (ctx: Vitest) => {
      await initialize(ctx)
      const options = provider.resolveOptions()
      // The workers load the provider module the options name: this one, not vitest's.
      options.provider = 'custom'
      root = ctx.config.root
      // Inside vitest's own temporary folder, which it empties before a run and removes after.
      directory = path.join(options.reportsDirectory, '.tmp', 'children')
      process.env[childrenVariable] = directory
    }
    // Vitest adds an empty entry for each file no test loaded, from its own
    // transform of the file: skip those the children ran (vite cannot
    // transform milestone-lint.ts: it puts an import before the `#!` line).
    const v8Provider = provider as typeof provider & {
      getCoverageMapForUncoveredFiles(tested: string[]): Promise<unknown>
    }
    const uncovered = v8Provider.getCoverageMapForUncoveredFiles.bind(provider)
    let childFiles: string[] = []
    v8Provider.getCoverageMapForUncoveredFiles = (tested) => uncovered([...tested, ...childFiles])
    provider.generateCoverage = async (context: ReportContext) => {
      const children = await childCoverage(directory, root)
      childFiles = children.files()
      const map = (await generate(context)) as CoverageMap
      for (const file of childFiles) {
        if (!isIncluded(provider, file)) continue
        const child = children.fileCoverageFor(file).toJSON() as FileCoverageData
        if (map.files().includes(file)) addHits(map.fileCoverageFor(file).data, child)
        else map.addFileCoverage(child)
      }
      return map
    }
    return provider
  }
}

export default module

function isIncluded(provider: CoverageProvider, file: string): boolean {
  return (provider as unknown as {isIncluded(file: string): boolean}).isIncluded(file)
}

/** The coverage of every child's run of a file in dist/, as coverage of its source in src/. */
async function childCoverage(directory: string, root: string): Promise<CoverageMap> {
  const map = libCoverage.createCoverageMap({})
  if (!existsSync(directory)) return map
  const dist = pathToFileURL(path.join(root, 'dist')).href + '/'
  let merged: ProcessCov = {result: []}
  for (const name of readdirSync(directory)) {
    const {result} = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as ProcessCov
    merged = mergeProcessCovs([
      merged,
      {result: result.filter((script) => script.url.startsWith(dist) && script.url.endsWith('.js'))}
    ])
  }
  for (const script of merged.result) {
    const built = fileURLToPath(script.url)
    const source = path.join(root, 'src', path.relative(path.join(root, 'dist'), built)).replace(/\.js$/, '.ts')
    const {code, sourceMap} = compile(source)
    if (code !== readFileSync(built, 'utf8')) {
      throw new Error(
        `${path.relative(root, built)} is not the build of ${path.relative(root, source)}: run npm run build`
      )
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the parser vitest's v8 provider uses, so both see one AST
    const ast = parseAstAsync(code)
    map.merge(
      await convert({
        code,
        sourceMap,
        ast,
        coverage: {url: script.url, functions: script.functions}
      })
    )
  }
  return map
}

/** What tsc -p tsconfig.build.json emits for `source`, with a source map pointing at it. */
function compile(source: string): {
  code: string
  sourceMap: {version: number; mappings: string; names: string[]; sources: string[]}
} {
  const output = ts.transpileModule(readFileSync(source, 'utf8'), {
    fileName: source,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: true,
      // The source itself rides along: `v8 ignore start`/`stop` hints are read from it.
      inlineSources: true
    }
  })
  const sourceMap = JSON.parse(output.sourceMapText ?? '{}') as {
    version: number
    mappings: string
    names: string[]
    sources: string[]
  }
  sourceMap.sources = [pathToFileURL(source).href]
  return {code: output.outputText.replace(/\/\/# sourceMappingURL=\S+\s*$/, ''), sourceMap}
}

/**
 * Adds a child's hits to vitest's coverage of the same file. The two come
 * from two compilers' output (vitest's and tsc's), so their locations
 * differ in columns but not in order or start lines: the nth statement
 * (function, branch) that starts on a line in one is the nth in the other.
 * One with no match is added as is.
 */
function addHits(into: FileCoverageData, from: FileCoverageData): void {
  mergeItems(into.statementMap, into.s, from.statementMap, from.s, (item) => item, sum, 0)
  mergeItems(into.fnMap, into.f, from.fnMap, from.f, (item) => item.loc, sum, 0)
  mergeItems(into.branchMap, into.b, from.branchMap, from.b, (item) => item.loc, sumEach, [])
}

/**
 * Add the counts of `from`'s items to the same items of `into`; an item with
 * no match, or counts that cannot add up (`add` gives undefined), is added as is.
 */
function mergeItems<T, C>(
  intoItems: Record<string, T>,
  intoCounts: Record<string, C>,
  fromItems: Record<string, T>,
  fromCounts: Record<string, C>,
  loc: (item: T) => Range,
  add: (into: C | undefined, from: C) => C | undefined,
  none: C
): void {
  const matches = matchByLine(intoItems, fromItems, loc)
  for (const [key, item] of Object.entries(fromItems)) {
    const hits = fromCounts[key] ?? none
    const match = matches.get(key)
    const merged = match === undefined ? undefined : add(intoCounts[match], hits)
    if (match !== undefined && merged !== undefined) intoCounts[match] = merged
    else {
      const added = String(Object.keys(intoItems).length)
      intoItems[added] = item
      intoCounts[added] = hits
    }
  }
}

function sum(into: number | undefined, from: number): number {
  return (into ?? 0) + from
}

/** A branch's counts, path by path; undefined when the two have different paths. */
function sumEach(into: number[] | undefined, from: number[]): number[] | undefined {
  return into?.length === from.length ? from.map((count, index) => count + (into[index] ?? 0)) : undefined
}

/** For each key of `from`, the key of `into` that is the same item (see addHits). */
function matchByLine<T>(
  into: Record<string, T>,
  from: Record<string, T>,
  loc: (item: T) => Range
): Map<string, string> {
  const byLine = (items: Record<string, T>) => {
    const keys = new Map<string, string>()
    const seen = new Map<number, number>()
    for (const [key, item] of Object.entries(items)) {
      const line = loc(item).start.line
      const nth = seen.get(line) ?? 0
      seen.set(line, nth + 1)
      keys.set(`${line}#${nth}`, key)
    }
    return keys
  }
  const intoKeys = byLine(into)
  const matches = new Map<string, string>()
  for (const [position, key] of byLine(from)) {
    const match = intoKeys.get(position)
    if (match !== undefined) matches.set(key, match)
  }
  return matches
}
