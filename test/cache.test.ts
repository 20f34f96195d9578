/**
 * `milestone-lint --cache`: a file's messages come from the cache while
 * nothing they depend on changed (the engine does not see the file: a
 * plugin that logs each file it runs on does not log it), and the file is
 * linted again on any change to it, its config, the template, a linked
 * file or its headings, a missing target that appears, or the version.
 */
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {openCache} from '../src/cli/cache.js'
import type {PlainFile} from '../src/cli/plain-file.js'
import {cliPath, makeProject, makeTemporary, milestoneLint, readmeShell, removeProjects, repoRoot} from './project.js'
import {readmeBlock, readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const defective = 'milestone-2-public-launch.md'
const correct = 'milestone-1-private-beta.md'
const cacheFile = 'node_modules/.cache/milestone-lint/cache.json'

/** A project whose runs log the files the engine lints (`linted.log`), with the template as a file of its own. */
function cachedProject(): string {
  return makeProject({
    'log.mjs':
      "import {appendFileSync} from 'node:fs'\nexport default () => (tree, file) => { appendFileSync('linted.log', file.basename + '\\n') }\n",
    'template.md': readFileSync(path.join(repoRoot, 'templates/milestone-template.md'), 'utf8'),
    '.remarkrc.json': JSON.stringify({plugins: [['remark-lint-milestone', {template: './template.md'}]]})
  })
}

function sum(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

/** A cache file's text with the hash of its entries as they are now. */
function resummed(text: string): string {
  const entries = text.slice(text.indexOf('"entries":') + 10, -1)
  return text.replace(/"sum":"[\w-]+"/, `"sum":"${sum(entries)}"`)
}

/** A cached run of docs/: its JSON report and terminal output, and the files the engine linted (sorted). */
function cachedRun(project: string, ...args: string[]) {
  return cachedRunOf(project, ['docs'], ...args)
}

/** A cached run of these paths, as {@link cachedRun}. */
function cachedRunOf(project: string, paths: string[], ...args: string[]) {
  rmSync(path.join(project, 'linted.log'), {force: true})
  const run = milestoneLint(project, '--cache', '--use', './log.mjs', '--report', 'json', ...args, ...paths)
  const log = path.join(project, 'linted.log')
  const linted = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() : []
  return {status: run.status, stdout: run.stdout, stderr: run.stderr, linted}
}

/** The engine's and the parser's modules a run loads, and its own module hooks, as a module hook sees them resolved. */
function parserModulesLoaded(cwd: string, ...args: string[]): string[] {
  const hooks = `export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context)
    if (/\\/node_modules\\/(?:unified-engine|remark-parse|micromark|mdast-util-from-markdown)\\/|own-package-hooks/.test(resolved.url)) {
      process.stderr.write('loaded ' + resolved.url + '\\n')
    }
    return resolved
  }`
  const register = `import {register} from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hooks))})`
  const run = spawnSync(
    process.execPath,
    ['--import', 'data:text/javascript,' + encodeURIComponent(register), cliPath, ...args],
    {cwd, encoding: 'utf8'}
  )
  return run.stderr.split('\n').filter((line) => line.startsWith('loaded '))
}

/** The files the cache file has entries of (sorted). */
function cachedEntries(project: string): string[] {
  const data = JSON.parse(readFileSync(path.join(project, cacheFile), 'utf8')) as {entries: object}
  return Object.keys(data.entries).sort()
}

function edit(project: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(project, file)
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')))
}

describe('milestone-lint --cache', () => {
  it('gives the same report from the cache, without linting the files again', () => {
    const project = cachedProject()
    const uncached = milestoneLint(project, '--use', './log.mjs', '--report', 'json', 'docs')
    expect(existsSync(path.join(project, cacheFile))).toBe(false)
    const first = cachedRun(project)
    expect(first.linted).toHaveLength(5)
    const second = cachedRun(project)
    expect(second.linted).toEqual([])
    expect({...second, linted: []}).toEqual({...first, linted: []})
    expect(second.stdout).toBe(uncached.stdout)
    expect(second.stdout).toMatch(/Unexpected impact level `Severe`/)
  })

  it('loads no parser and starts no module hooks when every file comes from the cache (nor for --version)', () => {
    const project = cachedProject()
    // The hook sees what a run that lints loads.
    expect(parserModulesLoaded(project, '--cache', '--concurrency', '1', 'docs').length).toBeGreaterThan(0)
    expect(parserModulesLoaded(project, '--cache', '--concurrency', '1', 'docs')).toEqual([])
    expect(parserModulesLoaded(project, '--version')).toEqual([])
  })

  it('lints every file again when a --use plugin file changes', () => {
    const project = cachedProject()
    expect(cachedRun(project).linted).toHaveLength(5)
    expect(cachedRun(project).linted).toEqual([])
    appendFileSync(path.join(project, 'log.mjs'), '// changed\n')
    expect(cachedRun(project).linted).toHaveLength(5)
  })

  it('lints every file again when a module a JS config imports changes', () => {
    const project = cachedProject()
    rmSync(path.join(project, '.remarkrc.json'))
    writeFileSync(path.join(project, 'options.mjs'), "export default {template: './template.md'}\n")
    writeFileSync(
      path.join(project, '.remarkrc.mjs'),
      "import options from './options.mjs'\nexport default {plugins: [['remark-lint-milestone', options]]}\n"
    )
    expect(cachedRun(project).stdout).toMatch(/Severe/)
    expect(cachedRun(project).linted).toEqual([])
    edit(project, 'options.mjs', (text) => text.replace('}', ", 'milestone-risk-fields': false}"))
    const run = cachedRun(project)
    expect(run.linted).toHaveLength(5)
    expect(run.stdout).not.toMatch(/Severe/)
  })

  // A plugin named by its file that says a word from another module, as an ES module and in CommonJS.
  const sayers = {
    mjs: {
      words: (word: string) => `export const word = '${word}'\n`,
      say: "import {word} from './words.mjs'\nexport default () => (tree, file) => { file.message('Said ' + word) }\n"
    },
    cjs: {
      words: (word: string) => `module.exports = {word: '${word}'}\n`,
      say: "const {word} = require('./words.cjs')\nmodule.exports = () => (tree, file) => { file.message('Said ' + word) }\n"
    }
  }

  it.each(['mjs', 'cjs'] as const)(
    'lints every file again when a plugin a config names by its file, or a module it loads, changes (.%s, on threads too)',
    (extension) => {
      const project = cachedProject()
      const {words, say} = sayers[extension]
      writeFileSync(path.join(project, `words.${extension}`), words('first'))
      writeFileSync(path.join(project, `say.${extension}`), say)
      writeFileSync(
        path.join(project, '.remarkrc.json'),
        JSON.stringify({plugins: [['remark-lint-milestone', {template: './template.md'}], `./say.${extension}`]})
      )
      let word = 'first'
      for (const concurrency of ['1', '2']) {
        expect(cachedRun(project, '--concurrency', concurrency).stdout).toContain(`Said ${word}`)
        expect(cachedRun(project, '--concurrency', concurrency).linted).toEqual([])
        word = `then${concurrency}`
        writeFileSync(path.join(project, `words.${extension}`), words(word))
        const run = cachedRun(project, '--concurrency', concurrency)
        expect(run.linted).toHaveLength(5)
        expect(run.stdout).toContain(`Said ${word}`)
      }
    }
  )

  it('lints a file again when it changes, and only it', () => {
    const project = cachedProject()
    cachedRun(project)
    edit(project, `docs/${defective}`, (text) => text.replace('**Impact**: Severe', '**Impact**: High'))
    const run = cachedRun(project)
    expect(run.linted).toEqual([defective])
    expect(run.stdout).not.toMatch(/Severe/)
  })

  it('lints the docs again when the template or the config changes', () => {
    const project = cachedProject()
    cachedRun(project)
    edit(project, 'template.md', (text) => text.replace('## Next Steps', '## Later Steps'))
    const template = cachedRun(project)
    expect(template.linted).toEqual(expect.arrayContaining([correct, defective]))
    expect(template.stdout).toMatch(/Later Steps/)

    writeFileSync(
      path.join(project, '.remarkrc.json'),
      JSON.stringify({
        plugins: [['remark-lint-milestone', {template: './template.md', 'milestone-risk-fields': false}]]
      })
    )
    const config = cachedRun(project)
    expect(config.linted).toHaveLength(5)
    expect(config.stdout).not.toMatch(/Severe/)
  })

  it('lints a doc again when a file it links to changes, a heading it links to appears, or a missing target appears', () => {
    const project = cachedProject()
    const before = cachedRun(project)
    expect(before.stdout).toMatch(/link to missing heading `#milestone-3-scale`/)
    expect(before.stdout).toMatch(/link to missing file `\.\/images\/checkout-flow\.png`/)

    // The docs read the overview: its text changed, both are linted again.
    appendFileSync(path.join(project, 'docs/milestones.md'), '\nMore words.\n')
    expect(cachedRun(project).linted).toEqual(['milestones.md', correct, defective].sort())
    // They only look for the architecture doc: its text does not matter, whether it is there does.
    appendFileSync(path.join(project, 'docs/lumen-architecture.md'), '\nMore words.\n')
    expect(cachedRun(project).linted).toEqual(['lumen-architecture.md'])

    edit(project, 'docs/milestones.md', (text) => text + '\n## Milestone 3: Scale\n\nLater.\n')
    const heading = cachedRun(project)
    expect(heading.linted).toEqual(expect.arrayContaining([defective]))
    expect(heading.stdout).not.toMatch(/#milestone-3-scale/)

    mkdirSync(path.join(project, 'docs/images'))
    writeFileSync(path.join(project, 'docs/images/checkout-flow.png'), 'png')
    const target = cachedRun(project)
    expect(target.linted).toEqual([defective])
    expect(target.stdout).not.toMatch(/checkout-flow/)
  })

  it('keeps the entries of the files a run does not lint: the next run of all takes them from the cache', () => {
    const project = cachedProject()
    expect(cachedRun(project).linted).toHaveLength(5)
    // As a pre-commit hook runs, on the one file staged.
    edit(project, `docs/${correct}`, (text) => text + '\nMore words.\n')
    expect(cachedRunOf(project, [`docs/${correct}`]).linted).toEqual([correct])
    expect(cachedEntries(project)).toHaveLength(5)
    expect(cachedRun(project).linted).toEqual([])
  })

  it('keeps the entries another run wrote while it ran (two hooks at once, on other files)', async () => {
    const project = cachedProject()
    // A plugin that holds the run mid-lint until `go` exists.
    writeFileSync(
      path.join(project, 'gate.mjs'),
      "import {existsSync, writeFileSync} from 'node:fs'\n" +
        'export default () => () => {\n' +
        "  writeFileSync('started', '')\n" +
        "  while (!existsSync('go')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)\n" +
        '}\n'
    )
    const held = spawn(process.execPath, [cliPath, '--cache', '--use', './gate.mjs', `docs/${correct}`], {cwd: project})
    const ended = new Promise((resolve) => held.once('exit', resolve))
    while (!existsSync(path.join(project, 'started'))) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(cachedRunOf(project, [`docs/${defective}`]).linted).toEqual([defective])
    writeFileSync(path.join(project, 'go'), '')
    expect(await ended).toBe(0)
    expect(cachedEntries(project)).toEqual([correct, defective].map((name) => path.join(project, 'docs', name)))
  }, 30_000)

  it('drops the entry of a file no longer there, in a run that does not lint it', () => {
    const project = cachedProject()
    cachedRun(project)
    rmSync(path.join(project, 'docs/README.md'))
    expect(cachedRunOf(project, [`docs/${correct}`]).linted).toEqual([])
    expect(cachedEntries(project)).toEqual(
      ['lumen-architecture.md', correct, defective, 'milestones.md'].map((name) => path.join(project, 'docs', name))
    )
  })

  it('ignores a corrupt, cut short, changed or foreign cache file, and writes it afresh', () => {
    const project = cachedProject()
    const first = cachedRun(project)
    const written = readFileSync(path.join(project, cacheFile), 'utf8')
    const entries = written.slice(written.indexOf('"entries":') + 10, -1)
    const bad = [
      'not json',
      written.slice(0, written.length / 2),
      // The format of the version before the hash.
      `{"milestoneLintCache":1,"entries":${entries}}`,
      // Changed by hand: each still of the right shape, under its old hash.
      written.replace('"reason":"Unexpected', '"reason":"Expected'),
      written.replace(/"line":(\d+)/, (line, number) => `"line":${Number(number) + 1}`),
      written.replace('"ruleId":"milestone-risk-fields"', '"ruleId":"milestone-section-fields"'),
      // Reformatted.
      JSON.stringify(JSON.parse(written), undefined, 2),
      // Of the wrong shape, under the hash of what it has: the shape is refused.
      ...[
        written.replace(/"messages":\[\{/g, '"messages":[7,{'),
        written.replace(/"reads":\{/, '"reads":{"x":1,'),
        written.replace(/"path":"/, '"path":7,"was":"'),
        written.replace(/"reason":"/, '"reason":7,"was":"'),
        written.replace(/"reason":"Unexpected/, '"reason":7,"was":"Unexpected'),
        written.replace(/("messages":\[\{)/, '$1"cause":{"reason":7},'),
        written.replace(/"place":\{/, '"place":7,"was":{')
      ].map(resummed)
    ]
    for (const [index, text] of bad.slice(3).entries()) {
      expect(text, `${index}`).not.toBe(written)
      expect(() => JSON.parse(text), `${index}`).not.toThrow()
    }
    for (const text of bad) {
      writeFileSync(path.join(project, cacheFile), text)
      const run = cachedRun(project)
      expect(run.linted, text.slice(0, 80)).toHaveLength(5)
      expect(run.stdout).toBe(first.stdout)
      expect(readFileSync(path.join(project, cacheFile), 'utf8')).toBe(written)
    }
  })

  it('keeps the cache where --cache-location says, and writes none without --cache', () => {
    const project = cachedProject()
    milestoneLint(project, 'docs')
    expect(existsSync(path.join(project, 'node_modules/.cache'))).toBe(false)
    cachedRun(project, '--cache-location', 'lint-cache.json')
    expect(existsSync(path.join(project, 'lint-cache.json'))).toBe(true)
    expect(cachedRun(project, '--cache-location', 'lint-cache.json').linted).toEqual([])
    cachedRun(project, '--cache-location', 'caches/')
    expect(existsSync(path.join(project, 'caches/cache.json'))).toBe(true)
  })

  it('says in one line (exit 2) when the cache cannot be written', () => {
    const project = cachedProject()
    writeFileSync(path.join(project, 'blocked'), '')
    const run = milestoneLint(project, '--cache', '--cache-location', 'blocked/', 'docs')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /\nmilestone-lint: cannot write the cache `blocked\/cache\.json` \(.+\)\nmilestone-lint: 5 files, .*; 20 warnings\n$/
    )
  })

  it('is not used by --fix, which stays correct', () => {
    const project = cachedProject()
    cachedRun(project)
    const fix = milestoneLint(project, '--cache', '--fix', '--use', './log.mjs', 'docs')
    expect(fix.stderr).toMatch(/1 file fixed/)
    expect(cachedRun(project).linted).toEqual([defective])
  })
})

describe('the README on --cache', () => {
  it('runs the two command lines as written: the second gives the same report, from the cache', () => {
    const project = cachedProject()
    const [first, second] = readmeBlockAfter('- **`--cache` lints only what changed.**', 'sh').split('\n')
    const cold = readmeShell(project, first!)
    expect(cold.stderr).toMatch(/20 warnings\n$/)
    const written = readFileSync(path.join(project, cacheFile), 'utf8')
    expect(readmeShell(project, second!)).toEqual(cold)
    expect(readFileSync(path.join(project, cacheFile), 'utf8')).toBe(written)
  })

  it('restores the cache in the CI recipe where the lint step, as written, keeps it', () => {
    interface Step {
      uses?: string
      run?: string
      with?: Record<string, string>
    }
    const recipe = parse(readmeBlock('# .github/workflows/docs.yml')) as {
      jobs: Record<string, {steps: Step[]}>
    }
    const steps = recipe.jobs['milestone-lint']!.steps
    const install = steps.findIndex((step) => step.run === 'npm ci')
    const restore = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'))
    const lint = steps.findIndex((step) => step.run?.startsWith('npx milestone-lint '))
    expect(install).toBeLessThan(restore)
    expect(restore).toBeLessThan(lint)
    const cache = steps[restore]!.with!
    const keyed = "milestone-lint-${{ hashFiles('package-lock.json', '.remarkrc*') }}-"
    expect(cache.key).toBe(keyed + '${{ github.sha }}')
    expect(cache['restore-keys']).toBe(keyed + '\n')

    const project = cachedProject()
    const run = steps[lint]!.run!
    expect(run).toMatch(/ --cache /)
    expect(readmeShell(project, run).stderr).toMatch(/20 warnings\n$/)
    expect(existsSync(path.join(project, cache.path!, 'cache.json'))).toBe(true)
  })
})

describe('the cache file', () => {
  const file: PlainFile = {path: 'a.md', messages: [], data: {}, reads: []}
  const open = (folder: string, version: string) => openCache('cache.json', folder, {version, options: {}, files: []})

  it('lints every file again for another version of the package', () => {
    const folder = makeTemporary('milestone-lint-cache-')
    writeFileSync(path.join(folder, 'a.md'), '# A\n')
    const cache = open(folder, '1.0.0')
    expect(cache.hit('a.md')).toBeUndefined()
    cache.keep(file)
    expect(cache.save()).toBeUndefined()
    expect(open(folder, '1.0.0').hit('a.md')).toEqual(file)
    expect(open(folder, '1.0.1').hit('a.md')).toBeUndefined()
  })

  it('keeps no file that could not be read, and says a cache it cannot write', () => {
    const folder = makeTemporary('milestone-lint-cache-')
    const cache = open(folder, '1.0.0')
    cache.keep(file)
    cache.keep({...file, path: 'b.md', reads: undefined})
    expect(cache.save()).toBeUndefined()
    expect(readFileSync(path.join(folder, 'cache.json'), 'utf8')).toBe(
      `{"milestoneLintCache":2,"sum":"${sum('{}')}","entries":{}}`
    )
    writeFileSync(path.join(folder, 'file'), '')
    expect(openCache('file/cache.json', folder, {version: '1', options: {}, files: []}).save()).toMatch(
      /^cannot write the cache `file\/cache\.json` \(E/
    )
  })
})
