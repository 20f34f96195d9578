/**
 * milestone-lint's own config file (src/cli/config-file.ts): each kind of
 * file, found from the working directory up or named by `--config`; its
 * `files`, `ignores`, `reports` and `baseline` relative to its folder, under
 * the command line's; its preset options under a `.remarkrc`'s; each
 * refusal in one line (exit 2); the README's example as written.
 */
import {cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {LspClient, formatDiagnostic} from './lsp-client.js'
import {makeProject, milestoneLint, readmeShell, removeProjects, repoRoot} from './project.js'
import {jsonError} from './helpers.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const fixtures = path.join(repoRoot, 'fixtures/config-file')

/** What each fixture config gives on the example docs: `files` is `docs`, four rules off. */
const fixtureReport = (prefix: string) =>
  `${prefix}lumen-architecture.md: no issues found
${prefix}milestone-1-private-beta.md: no issues found
${prefix}milestone-2-public-launch.md
109:13-109:19 warning Unexpected impact level \`Severe\`, expected \`High\`, \`Medium\` or \`Low\`                                           milestone-risk-fields     remark-lint
118:68        warning Unexpected missing \`**Mitigation**:\` in \`### Risk: Support Load\`, expected \`**Mitigation**: <text or list>\`    milestone-risk-fields     remark-lint
134:25-134:37 warning Unexpected placeholder \`[Owner Name]\`, expected real content (escape the brackets, \`\\[…\\]\`, if they are meant) milestone-no-placeholders remark-lint
147:17-147:29 warning Unexpected unfilled template placeholder \`[Month Year]\`, expected the actual month year                        milestone-no-placeholders remark-lint

${prefix}milestones.md: no issues found
${prefix}README.md: no issues found

⚠ 4 warnings
milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 4 warnings
`

/** A project with the example docs and one fixture config (its folder's files) at its root. */
function withFixture(kind: string, files: Record<string, string> = {}): string {
  const project = makeProject(files)
  cpSync(path.join(fixtures, kind), project, {recursive: true})
  return project
}

/** A project with a config file written at its root. */
function withConfig(config: unknown, name = '.milestone-lint.json', files: Record<string, string> = {}): string {
  return makeProject({[name]: typeof config === 'string' ? config : JSON.stringify(config), ...files})
}

/** The rule ids and places of the messages on the defective doc, as its JSON report says. */
function messagesOf(project: string, ...args: string[]): string[] {
  const {stdout} = milestoneLint(project, '--report', 'json', ...args)
  const reports = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number}>}>
  return reports.flatMap((report) => report.messages.map(({ruleId, line, column}) => `${line}:${column} ${ruleId}`))
}

const fourRulesOff = {
  'milestone-required-headings': false,
  'milestone-section-fields': false,
  'milestone-success-criteria': false,
  'milestone-relative-links': false
}

describe('the config file of milestone-lint (README: Config file)', () => {
  it('runs the README example as written: files and ignores, rule options, a SARIF log', () => {
    const project = makeProject({'.milestone-lint.jsonc': readmeBlockAfter('### Config file', 'jsonc')})
    const [command, ...lines] = readmeBlockAfter('### Config file', 'text').split('\n')
    expect(command).toBe('$ npx milestone-lint --quiet')
    const run = readmeShell(project, command!)
    expect(run.stdout + run.stderr).toBe(lines.join('\n'))
    expect(run.status).toBe(1)
    const sarif = JSON.parse(readFileSync(path.join(project, 'results.sarif'), 'utf8')) as {
      runs: Array<{results: unknown[]}>
    }
    expect(sarif.runs[0]!.results).toHaveLength(9)

    rmSync(path.join(project, 'results.sarif'))
    const [inDocs, ...docsLines] = readmeBlockAfter('- **The command line wins**', 'text').split('\n')
    const nested = readmeShell(project, inDocs!)
    expect(nested.stdout + nested.stderr).toBe(docsLines.join('\n'))
    expect(nested.status).toBe(0)
    // Written beside the config, not in docs/.
    expect(existsSync(path.join(project, 'results.sarif'))).toBe(true)
    expect(existsSync(path.join(project, 'docs/results.sarif'))).toBe(false)

    writeFileSync(path.join(project, 'bad-config.json'), '{"fils": "docs"}\n')
    const [bad, ...badLines] = readmeBlockAfter('- **A config file that cannot be used', 'text').split('\n')
    expect(readmeShell(project, bad!)).toEqual({status: 2, stdout: '', stderr: badLines.join('\n')})
  })

  it.each(['json', 'jsonc', 'mjs', 'package'])(
    'reads a config of kind %s: its files and the preset options',
    (kind) => {
      expect(milestoneLint(withFixture(kind))).toEqual({status: 1, stdout: '', stderr: fixtureReport('docs/')})
    }
  )

  it('is found from the working directory up, its files relative to its folder', () => {
    const project = withFixture('json')
    expect(milestoneLint(path.join(project, 'docs'))).toEqual({status: 1, stdout: '', stderr: fixtureReport('')})
  })

  it('takes the first name in a folder: .json, then .jsonc, then .mjs, then package.json', () => {
    const project = withFixture('package', {
      '.milestone-lint.mjs': 'export default {fils: 1}\n',
      '.milestone-lint.jsonc': '{"files": "docs/milestone-1-private-beta.md"}\n'
    })
    expect(milestoneLint(project).stderr).toBe(
      'docs/milestone-1-private-beta.md: no issues found\nmilestone-lint: 1 file, 1 milestone doc linted; no messages\n'
    )
    writeFileSync(path.join(project, '.milestone-lint.json'), '{"files": "docs/milestones.md"}\n')
    expect(milestoneLint(project).stderr).toBe(
      'docs/milestones.md: no issues found\nmilestone-lint: 1 file, 0 milestone docs linted, 1 skipped (not a milestone doc); no messages\n'
    )
  })

  it('uses the one --config names, relative paths in it from its folder, and looks for none', () => {
    const project = makeProject({
      '.milestone-lint.json': '{"fils": "docs"}\n',
      'configs/docs.json': JSON.stringify({files: '../docs', ...fourRulesOff})
    })
    expect(milestoneLint(project, '--config', 'configs/docs.json')).toEqual({
      status: 1,
      stdout: '',
      stderr: fixtureReport('docs/')
    })
    expect(milestoneLint(project, '-c', 'configs/docs.json', 'docs/milestone-1-private-beta.md').status).toBe(0)
    // A report without a file replaces the terminal report, as `--report json` does.
    writeFileSync(path.join(project, 'configs/json.json'), '{"reports": ["json"]}')
    const {status, stdout} = milestoneLint(project, '-c', 'configs/json.json', 'docs/milestone-1-private-beta.md')
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({path: 'docs/milestone-1-private-beta.md', messages: []})
    ])
  })

  it('lints the paths given rather than its files; no config and no path is refused as before', () => {
    const project = withFixture('json')
    expect(milestoneLint(project, 'docs/milestone-1-private-beta.md')).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'docs/milestone-1-private-beta.md: no issues found\nmilestone-lint: 1 file, 1 milestone doc linted; no messages\n'
    })
    expect(milestoneLint(makeProject())).toEqual({
      status: 2,
      stdout: '',
      stderr: 'milestone-lint: no path or glob given (see `milestone-lint --help`)\n'
    })
  })

  it('reads ignores relative to its folder, skips what its file globs match quietly, and reports a named file ignored', () => {
    const project = withConfig({files: ['docs/*.md'], ignores: ['docs/milestone-2-*', 'README.md']})
    const linted = (prefix: string) =>
      ['lumen-architecture.md', 'milestone-1-private-beta.md', 'milestones.md']
        .map((name) => `${prefix}${name}: no issues found\n`)
        .join('') + 'milestone-lint: 3 files, 1 milestone doc linted, 2 skipped (not milestone docs); no messages\n'
    expect(milestoneLint(project)).toEqual({status: 0, stdout: '', stderr: linted('docs/')})
    // From docs/, `docs/milestone-2-*` is still the config's folder's docs/.
    expect(milestoneLint(path.join(project, 'docs'), '.')).toEqual({status: 0, stdout: '', stderr: linted('')})
    expect(milestoneLint(path.join(project, 'docs'), 'milestone-2-public-launch.md')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'milestone-2-public-launch.md\n error Cannot process specified file: it’s ignored\n\n✖ 1 error\n' +
        'milestone-lint: 1 file, 0 milestone docs linted, 1 not linted; 1 error\n'
    })
    // The command line's --ignore-pattern replaces them.
    expect(milestoneLint(project, '--quiet', '--ignore-pattern', 'docs/README.md').stderr).toMatch(/; 20 warnings\n$/)
  })

  it('takes `./` and absolute paths in `ignores` and --ignore-pattern as the paths they name', () => {
    const project = makeProject()
    const summary = (files: number, skipped: number) =>
      `milestone-lint: ${files} files, 2 milestone docs linted, ${skipped} skipped (not milestone docs); 20 warnings`
    const run = (ignores: string, ...args: string[]) => {
      writeFileSync(path.join(project, '.milestone-lint.json'), JSON.stringify({files: 'docs', ignores}))
      return milestoneLint(project, '--quiet', ...args)
        .stderr.trimEnd()
        .split('\n')
        .at(-1)
    }
    const readme = path.join(project, 'docs/README.md')
    for (const ignore of ['./docs/README.md', readme]) {
      expect(run(ignore)).toBe(summary(4, 2))
      expect(run('x', 'docs', '--ignore-pattern', ignore)).toBe(summary(4, 2))
    }
    // An absolute path out of the folder ignores nothing in it.
    expect(run(path.join(path.dirname(project), 'docs/README.md'))).toBe(summary(5, 3))
  })

  it('reads brackets in globs as a .gitignore does: `\\[` is a literal `[`, a lone `]` a literal `]`', () => {
    const project = makeProject()
    renameSync(path.join(project, 'docs/README.md'), path.join(project, 'docs/[draft] notes.md'))
    const last = (...args: string[]) =>
      milestoneLint(project, '--quiet', ...args)
        .stderr.trimEnd()
        .split('\n')
        .at(-1)
    const linted = (files: number) =>
      `milestone-lint: ${files} files, 2 milestone docs linted, ${files - 2} skipped (not milestone docs); 20 warnings`
    for (const glob of ['docs/\\[draft] notes.md', 'docs/\\[draft\\] notes.md']) {
      writeFileSync(path.join(project, '.milestone-lint.json'), JSON.stringify({files: 'docs', ignores: [glob]}))
      expect(last()).toBe(linted(4))
      expect(last('docs', '--ignore-pattern', glob)).toBe(linted(4))
    }
    // Unescaped, `[draft]` is one of its letters, as in a .gitignore; in `files`, as on the command line, an open `[` is a literal one.
    writeFileSync(
      path.join(project, '.milestone-lint.json'),
      JSON.stringify({files: ['docs/*[*', 'docs/m*'], ignores: ['docs/[draft]*']})
    )
    expect(last()).toBe(linted(4))
    // An open `[` in an ignore glob would match nothing: refused, as in the config.
    expect(milestoneLint(project, 'docs', '--ignore-pattern', 'docs/[draft')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'milestone-lint: unexpected glob `docs/[draft` in `--ignore-pattern`: a `[` without a `]` after it matches no file; write `\\[` for a literal `[`\n'
    })
  })

  it('writes its reports and reads its baseline from its folder, unless the command line names its own', () => {
    const project = withConfig(
      {files: 'docs', reports: ['json=reports/lint.json'], baseline: 'milestone-lint-baseline.json'},
      undefined,
      {'reports/.keep': ''}
    )
    const docs = path.join(project, 'docs')
    expect(milestoneLint(docs, '--update-baseline', '--quiet')).toEqual({
      status: 0,
      stdout: '',
      stderr: 'milestone-lint: wrote ../milestone-lint-baseline.json: 20 problems in 1 file\n'
    })
    expect(existsSync(path.join(project, 'milestone-lint-baseline.json'))).toBe(true)
    expect(JSON.parse(readFileSync(path.join(project, 'reports/lint.json'), 'utf8'))).toEqual([])
    expect(milestoneLint(docs)).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'lumen-architecture.md: no issues found\nmilestone-1-private-beta.md: no issues found\n' +
        'milestone-2-public-launch.md: no issues found\nmilestones.md: no issues found\nREADME.md: no issues found\n' +
        'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); no messages; 20 baselined\n'
    })

    rmSync(path.join(project, 'reports/lint.json'))
    writeFileSync(path.join(project, 'other-baseline.json'), '{"tool": "milestone-lint", "version": 1, "files": {}}\n')
    const {status, stdout, stderr} = milestoneLint(project, '--baseline', 'other-baseline.json', '--report', 'summary')
    expect(status).toBe(1)
    expect(stdout).toMatch(/^rule {2,}errors {2}warnings {2}infos\n/)
    expect(stderr).toBe(
      'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings\n'
    )
    expect(existsSync(path.join(project, 'reports/lint.json'))).toBe(false)
  })

  it('keeps the cache where it says, from its folder, on the threads it says; --no-cache turns it off', () => {
    const project = withConfig({files: 'docs', cache: true, cacheLocation: '.cache/lint/', concurrency: 2})
    const docs = path.join(project, 'docs')
    const first = milestoneLint(docs, '--quiet')
    expect(first.stderr).toMatch(/; 20 warnings\n$/)
    const cacheFile = path.join(project, '.cache/lint/cache.json')
    expect(existsSync(cacheFile)).toBe(true)
    // A preset option in the config is part of each entry's key: changing it lints again.
    writeFileSync(
      path.join(project, '.milestone-lint.json'),
      JSON.stringify({files: 'docs', cache: true, cacheLocation: '.cache/lint/', 'milestone-risk-fields': false})
    )
    const second = milestoneLint(docs, '--quiet')
    expect(second.stderr).not.toMatch(/milestone-risk-fields/)
    expect(second.stderr).toMatch(/; 18 warnings\n$/)
    rmSync(cacheFile)
    expect(milestoneLint(docs, '--quiet', '--no-cache').status).toBe(1)
    expect(existsSync(cacheFile)).toBe(false)
    expect(milestoneLint(withConfig({concurrency: 0}), 'docs')).toMatchObject({
      status: 2,
      stderr:
        'milestone-lint: .milestone-lint.json: unexpected value `0` for option `concurrency`, expected a whole number, 1 or more\n'
    })
    expect(milestoneLint(withConfig({cacheLocation: 'x/'}), 'docs')).toMatchObject({
      status: 2,
      stderr:
        'milestone-lint: .milestone-lint.json: `cacheLocation` says where the cache is kept: add `"cache": true` (or --cache)\n'
    })
  })

  it('takes `"cache": false` as given: no cache, whatever `cacheLocation` says; --cache still wins', () => {
    const project = withConfig({files: 'docs', cache: false, cacheLocation: '.cache/'})
    expect(milestoneLint(project, '--quiet')).toMatchObject({status: 1, stdout: ''})
    expect(existsSync(path.join(project, '.cache'))).toBe(false)
    expect(milestoneLint(project, '--quiet', '--cache').status).toBe(1)
    expect(existsSync(path.join(project, '.cache/cache.json'))).toBe(true)
  })

  it('gives the preset its options under a .remarkrc: a key the .remarkrc gives the preset replaces its own', () => {
    const config = {files: 'docs', ...fourRulesOff, 'milestone-no-placeholders': {allow: ['Owner Name']}}
    const placeholders = ['147:17 milestone-no-placeholders']
    const risks = ['109:13 milestone-risk-fields', '118:68 milestone-risk-fields']
    expect(messagesOf(withConfig(config))).toEqual([...risks, ...placeholders])

    const rc = (options: unknown) => JSON.stringify({plugins: [['remark-lint-milestone', options]]})
    const relinked = withConfig(config, undefined, {
      '.remarkrc.json': rc({'milestone-relative-links': true, 'milestone-no-placeholders': {allow: ['Month Year']}})
    })
    // `allow` is replaced, not merged by index.
    expect(messagesOf(relinked)).toEqual([
      '41:1 milestone-relative-links',
      ...risks,
      '134:25 milestone-no-placeholders',
      '139:1 milestone-relative-links',
      '142:3 milestone-relative-links'
    ])
    // As an object of plugins, and in a config that does not name the preset.
    const mapped = withConfig(config, undefined, {
      '.remarkrc.json': JSON.stringify({plugins: {'remark-lint-milestone': {'milestone-risk-fields': false}}})
    })
    expect(messagesOf(mapped)).toEqual(placeholders)
    const unnamed = withConfig(config, undefined, {'.remarkrc.json': JSON.stringify({settings: {bullet: '*'}})})
    expect(messagesOf(unnamed)).toEqual([...risks, ...placeholders])
    const bare = withConfig(config, undefined, {'.remarkrc.json': JSON.stringify({plugins: ['remark-lint-milestone']})})
    expect(messagesOf(bare)).toEqual([...risks, ...placeholders])
    // `false` turns the preset off, whatever the own config gives it.
    expect(messagesOf(withConfig(config, undefined, {'.remarkrc.json': rc(false)}))).toEqual([])
  })

  it('gives `milestone-lint new` its template, and so does one below it for a doc under it', () => {
    const template = readFileSync(path.join(repoRoot, 'fixtures/templates/milestone-design-2026-01-21.md'), 'utf8')
    const project = withConfig({template: 'templates/milestone-design-2026-01-21.md'}, undefined, {
      'templates/milestone-design-2026-01-21.md': template,
      'templates/plans.md': template,
      // A repository, whose root is the project (else a folder with a config file is one).
      '.git/HEAD': '',
      'plans/.milestone-lint.json': '{"template": "../templates/plans.md"}'
    })
    const wrote = (file: string) => milestoneLint(project, 'new', file).stderr.split('\n')[0]
    expect(wrote('docs/milestone-3-scale.md')).toBe(
      'milestone-lint: wrote docs/milestone-3-scale.md from templates/milestone-design-2026-01-21.md'
    )
    expect(wrote('plans/milestone-1-start.md')).toBe(
      'milestone-lint: wrote plans/milestone-1-start.md from templates/plans.md'
    )
  })

  it('refuses a config that cannot be used, in one line naming it (exit 2)', () => {
    const refusal = (project: string, ...args: string[]) => {
      const {status, stdout, stderr} = milestoneLint(project, ...args)
      expect({status, stdout}).toEqual({status: 2, stdout: ''})
      return stderr
    }
    const line = (name: string, problem: string) => `milestone-lint: ${name}: ${problem}\n`
    const json = '.milestone-lint.json'
    expect(refusal(withConfig({files: 3}))).toBe(
      line(json, 'unexpected value `3` for option `files`, expected a glob or an array of globs')
    )
    expect(refusal(withConfig({ignores: ['docs/[a']}))).toBe(
      line(
        json,
        'unexpected glob `docs/[a` in `ignores`: a `[` without a `]` after it matches no file; write `\\[` for a literal `[`'
      )
    )
    expect(refusal(withConfig({detect: 'yes'}))).toBe(
      line(json, 'unexpected value `"yes"` for option `detect`, expected `true` or `false`')
    )
    expect(refusal(withConfig([]))).toBe(line(json, 'unexpected options `[]`, expected an object'))
    expect(refusal(withConfig(null))).toBe(line(json, 'unexpected options `null`, expected an object'))
    expect(refusal(withConfig('{"files": "docs",}'))).toBe(line(json, jsonError('{"files": "docs",}')))
    expect(refusal(withConfig('{files: docs}', '.milestone-lint.jsonc'))).toBe(
      line('.milestone-lint.jsonc', "JSON5: invalid character 'd' at 1:9")
    )
    expect(refusal(withConfig('export const files = "docs"\n', '.milestone-lint.mjs'))).toBe(
      line('.milestone-lint.mjs', 'expected a default export (`export default {…}`)')
    )
    expect(refusal(withConfig('throw new Error("no config today")\n', '.milestone-lint.mjs'))).toBe(
      line('.milestone-lint.mjs', 'no config today')
    )
    expect(refusal(withConfig('throw null\n', '.milestone-lint.mjs'))).toBe(
      line('.milestone-lint.mjs', 'it threw `null`')
    )
    expect(refusal(withConfig({reports: ['json', 'sarif']}))).toBe(
      line(
        json,
        '`--report json` and `--report sarif` both replace the terminal report: give all but one a file (`--report sarif=<file>`)'
      )
    )
    expect(refusal(withConfig({reports: ['json=bogus:1']}))).toBe(
      line(json, '`--report json=bogus:1`: unknown option `bogus`, json takes `pretty`')
    )
    expect(refusal(makeProject({'package.json': '{"milestoneLint": {"baseline": ""}}'}))).toBe(
      line('package.json', 'unexpected value `""` for option `baseline`, expected a non-empty string')
    )
    const project = makeProject({'package.json': '{}', 'config.yaml': 'files: docs', 'broken/package.json': '{'})
    expect(refusal(project, '--config', 'broken/package.json')).toBe(line('broken/package.json', jsonError('{')))
    expect(refusal(project, '--config', 'missing.json')).toBe(line('missing.json', 'cannot read it (ENOENT)'))
    expect(refusal(project, '--config', 'package.json')).toBe(
      line('package.json', 'expected a `milestoneLint` field, found none')
    )
    expect(refusal(project, '--config', 'config.yaml')).toBe(
      line('config.yaml', 'expected a `.json`, `.jsonc` or `.mjs` file, or a `package.json`')
    )
    expect(refusal(project, '--update-baseline', 'docs')).toBe(
      'milestone-lint: --update-baseline writes the file --baseline names: add `--baseline <file>` (or `baseline` in the config file)\n'
    )
  })

  it('gives --fix-dry-run none of its reports: the diff is on stdout, and no file is written', () => {
    const project = withConfig({reports: ['sarif', 'junit=junit.xml']})
    const dryRun = milestoneLint(project, '--fix-dry-run', 'docs')
    expect(dryRun.status).toBe(1)
    expect(dryRun.stdout).toMatch(
      /^--- a\/docs\/milestone-2-public-launch\.md\n\+\+\+ b\/docs\/milestone-2-public-launch\.md$/m
    )
    expect(existsSync(path.join(project, 'junit.xml'))).toBe(false)
    // A lint writes them.
    expect(milestoneLint(project, 'docs').stdout).toMatch(/^\{/)
    expect(existsSync(path.join(project, 'junit.xml'))).toBe(true)
  })

  it('keeps what a config file or a plugin logs off stdout, the reports’ and the diff’s, in this thread and on others', () => {
    const logs = 'console.log("from the config")\n'
    const project = withConfig(logs + 'export default {"milestone-section-fields": false}\n', '.milestone-lint.mjs')
    for (const threads of ['1', '2']) {
      const {stdout, stderr} = milestoneLint(project, 'docs', '--concurrency', threads, '--report', 'json')
      const reported = JSON.parse(stdout) as Array<{messages: unknown[]}>
      expect(reported.flatMap((file) => file.messages)).toHaveLength(15)
      expect(stderr).toMatch(/^from the config$/m)
    }
  })

  it('refuses a config file’s `process.exit()`, naming it, in this thread and on others (exit 2, never a silent pass)', () => {
    const exits = 'process.exit(0)\nexport default {}\n'
    const said = (name: string) =>
      `${name}: \`process.exit(0)\` was called: a config file or plugin cannot end the linter`
    const run = milestoneLint(withConfig(exits, '.milestone-lint.mjs'), 'docs')
    expect({status: run.status, stdout: run.stdout, stderr: run.stderr}).toEqual({
      status: 2,
      stdout: '',
      stderr: `milestone-lint: ${said('.milestone-lint.mjs')}\n`
    })
    // One a thread reads: a doc's own config, and a .remarkrc.mjs.
    for (const threads of ['1', '2']) {
      const nested = milestoneLint(makeProject({'docs/.milestone-lint.mjs': exits}), 'docs', '--concurrency', threads)
      expect({threads, status: nested.status, stderr: nested.stderr}).toEqual({
        threads,
        status: 2,
        stderr: `milestone-lint: ${said('docs/.milestone-lint.mjs')}\n`
      })
      const remarkrc = milestoneLint(makeProject({'docs/.remarkrc.mjs': exits}), 'docs', '--concurrency', threads)
      expect({threads, status: remarkrc.status}).toEqual({threads, status: 2})
      expect(remarkrc.stderr).toContain(
        `milestone-lint: Cannot parse file \`docs/.remarkrc.mjs\`: Cannot import ${said('`docs/.remarkrc.mjs`')}\n`
      )
    }
  })

  it('refuses a config file’s `process.kill()` of the run and `process.abort()` too, naming it', () => {
    for (const [call, said] of [
      ['process.kill(process.pid)', 'process.kill(pid)'],
      ['process.abort()', 'process.abort()']
    ]) {
      const run = milestoneLint(withConfig(`${call}\nexport default {}\n`, '.milestone-lint.mjs'), 'docs')
      expect({status: run.status, stderr: run.stderr.replace(/process\.kill\(\d+\)/, 'process.kill(pid)')}).toEqual({
        status: 2,
        stderr: `milestone-lint: .milestone-lint.mjs: \`${said}\` was called: a config file or plugin cannot end the linter\n`
      })
    }
  })

  it('lets a config file ask whether the run is there (`process.kill(process.pid, 0)`)', () => {
    const run = milestoneLint(
      withConfig('process.kill(process.pid, 0)\nexport default {}\n', '.milestone-lint.mjs'),
      'docs'
    )
    expect({status: run.status, last: run.stderr.split('\n').at(-2)}).toEqual({
      status: 1,
      last: 'milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings'
    })
  })

  it('fails the run in one line (exit 2) on a plugin’s `process.exit()` from a timer, in this thread and on others', () => {
    const project = makeProject({
      'docs/.remarkrc.mjs': 'export default {plugins: [() => () => { setTimeout(() => process.exit(0), 0) }]}\n'
    })
    const correct = readFileSync(path.join(project, 'docs/milestone-1-private-beta.md'), 'utf8')
    for (const threads of ['1', '2']) {
      const run = milestoneLint(project, 'docs', '--concurrency', threads, '--no-frail')
      const said = run.stderr.split('\n').filter((line) => line.startsWith('milestone-lint: `process.exit'))
      expect({threads, status: run.status, said, traces: /^\s+at /m.test(run.stderr)}).toEqual({
        threads,
        status: 2,
        said: ['milestone-lint: `process.exit(0)` was called: a config file or plugin cannot end the linter'],
        traces: false
      })
      // Enough docs for a thread to lint several batches.
      for (let index = 3; index < 40; index++)
        writeFileSync(path.join(project, `docs/milestone-${index}-x.md`), correct)
    }
  })

  it('reads a config file that starts with a UTF-8 BOM, and stops on a package.json that does not parse', () => {
    for (const name of ['.milestone-lint.json', '.milestone-lint.jsonc']) {
      const run = milestoneLint(makeProject({[name]: '\uFEFF{"files": "docs"}'}), '--quiet')
      expect({name, status: run.status, stderr: run.stderr}).toMatchObject({
        name,
        status: 1,
        stderr: /; 20 warnings\n$/
      })
    }
    // Its `files` are read; then unified-engine, looking for `remarkConfig`, refuses the BOM, in one line that names it.
    const withBom = milestoneLint(makeProject({'package.json': '\uFEFF{"milestoneLint": {"files": "docs"}}'}))
    expect(withBom.status).toBe(2)
    expect(withBom.stderr).toMatch(
      /^milestone-lint: Cannot parse file `package.json`: Unexpected token '\\uFEFF', .* \(\\uFEFF is a byte order mark: save the file without it\)\n.*5 files, .*; 1 problem\n$/
    )
    // Its field cannot be known, so it is not passed over for a config further up (the engine refuses it too).
    const broken = '{"milestoneLint": {"files": "docs"},}'
    const project = makeProject({'.milestone-lint.json': '{"files": "docs"}', 'docs/package.json': broken})
    expect(milestoneLint(path.join(project, 'docs'))).toEqual({
      status: 2,
      stdout: '',
      stderr: `milestone-lint: package.json: ${jsonError(broken)}\n`
    })
  })

  it('leaves a package.json without the field alone', () => {
    const project = makeProject({'package.json': '{"name": "docs"}'})
    expect(milestoneLint(project, 'docs', '--quiet').stderr).toMatch(/; 20 warnings\n$/)
  })

  it('is read by the language server from the workspace folder up, under the .remarkrc; a bad one is said on the doc', async () => {
    const file = 'docs/milestone-2-public-launch.md'
    const diagnosticsIn = async (project: string) => {
      const client = new LspClient(project)
      try {
        await client.initialize()
        const diagnostics = await client.open(client.uri(file), readFileSync(path.join(project, file), 'utf8'))
        return diagnostics.map(formatDiagnostic)
      } finally {
        await client.stop()
      }
    }
    const rc = {'.remarkrc.json': '{"plugins": [["remark-lint-milestone", {"milestone-risk-fields": false}]]}'}
    expect(await diagnosticsIn(withFixture('json', rc))).toEqual([
      '134:25-134:37 milestone-no-placeholders: Unexpected placeholder `[Owner Name]`, expected real content (escape the brackets, `\\[…\\]`, if they are meant)',
      '147:17-147:29 milestone-no-placeholders: Unexpected unfilled template placeholder `[Month Year]`, expected the actual month year'
    ])
    const off = {'.remarkrc.json': '{"plugins": [["remark-lint-milestone", false]]}'}
    expect(await diagnosticsIn(withConfig({'milestone-risk-fields': false}, undefined, off))).toEqual([])
    expect(await diagnosticsIn(withConfig({detect: 'yes'}))).toEqual([
      '1:1 config: Cannot use the config file: .milestone-lint.json: unexpected value `"yes"` for option `detect`, expected `true` or `false`'
    ])
    // What a config logs goes to the server's log (stderr), not into the protocol's stream.
    const logs = 'console.log("from the config")\nexport default {"milestone-section-fields": false}\n'
    expect(await diagnosticsIn(withConfig(logs, '.milestone-lint.mjs'))).toHaveLength(15)
    const rule = {'docs/.milestone-lint.json': '{"milestone-relative-links": {"fragment": false}}'}
    expect(await diagnosticsIn(withConfig({}, undefined, rule))).toEqual([
      '1:1 config: Cannot use the config file: docs/.milestone-lint.json: milestone-relative-links: unknown option `fragment`, ' +
        'expected one of: `include`, `exclude`, `detect`, `template`, `limits`, `kinds`, `fragments`'
    ])
  }, 60_000)
})

describe('each doc’s own config files (README: Config file, “For each doc”)', () => {
  const below = {'milestone-section-fields': false, 'milestone-no-placeholders': {allow: ['Owner Name']}}
  const rules = (messages: string[]) => [...new Set(messages.map((message) => message.split(' ')[1]))].sort()

  it('give the preset’s options for the docs under them, the nearest over the farther, alike from any folder', () => {
    const project = withConfig(
      {files: ['docs'], 'milestone-success-criteria': false, 'milestone-no-placeholders': {allow: ['Month Year']}},
      '.milestone-lint.json',
      {'docs/.milestone-lint.json': JSON.stringify(below)}
    )
    const fromRoot = messagesOf(project)
    // Its `allow` replaces the run's whole, as a list does: `[Month Year]` is reported again.
    expect(fromRoot).toHaveLength(20 - 5 - 4 - 1)
    expect(rules(fromRoot)).not.toContain('milestone-section-fields')
    expect(rules(fromRoot)).not.toContain('milestone-success-criteria')
    expect(fromRoot.filter((message) => message.endsWith('milestone-no-placeholders'))).toEqual([
      '147:17 milestone-no-placeholders'
    ])
    // From docs/, its config is the run's, and the one above still gives its docs its options: alike.
    expect(messagesOf(path.join(project, 'docs'), 'milestone-2-public-launch.md')).toEqual(fromRoot)
    // On threads, and read from the cache, alike.
    expect(messagesOf(project, '--concurrency', '2')).toEqual(fromRoot)
    expect(messagesOf(project, '--cache')).toEqual(fromRoot)
    expect(messagesOf(project, '--cache')).toEqual(fromRoot)
  })

  it('lints again from the cache when it changes, and is not read when --config names the run’s', () => {
    const project = withConfig({files: ['docs']}, '.milestone-lint.json', {
      'docs/.milestone-lint.json': JSON.stringify(below)
    })
    expect(messagesOf(project, '--cache')).toHaveLength(20 - 5 - 1)
    writeFileSync(path.join(project, 'docs/.milestone-lint.json'), JSON.stringify({'milestone-risk-fields': false}))
    expect(messagesOf(project, '--cache')).toHaveLength(20 - 2)
    expect(messagesOf(project, '--config', '.milestone-lint.json')).toHaveLength(20)
  })

  it('applies in the editor too', async () => {
    const project = withConfig({files: ['docs']}, '.milestone-lint.json', {
      'docs/.milestone-lint.json': JSON.stringify(below)
    })
    const file = 'docs/milestone-2-public-launch.md'
    const client = new LspClient(project)
    try {
      await client.initialize()
      const diagnostics = (await client.open(client.uri(file), readFileSync(path.join(project, file), 'utf8'))).map(
        formatDiagnostic
      )
      expect(
        diagnostics.filter((diagnostic) => / milestone-(?:section-fields|no-placeholders):/.test(diagnostic))
      ).toEqual([
        '147:17-147:29 milestone-no-placeholders: Unexpected unfilled template placeholder `[Month Year]`, expected the actual month year'
      ])
      expect(diagnostics).toHaveLength(20 - 5 - 1)
    } finally {
      await client.stop()
    }
  }, 60_000)

  it('stops the run, naming it, when it cannot be used', () => {
    const project = withConfig({files: ['docs']}, '.milestone-lint.json', {
      'docs/.milestone-lint.json': '{"milestone-nope": 1}'
    })
    const {status, stderr} = milestoneLint(project)
    expect(status).toBe(2)
    expect(stderr).toMatch(
      /^milestone-lint: docs\/\.milestone-lint\.json: unknown option `milestone-nope`, expected one of: /
    )
  })

  it('stops the run, naming it, when a rule’s options in it are wrong, on threads and with --config too', () => {
    const rule = {'milestone-no-placeholders': ['warn', {allowed: ['Owner Name']}]}
    const said =
      'docs/.milestone-lint.json: milestone-no-placeholders: unknown option `allowed`, expected one of: ' +
      '`include`, `exclude`, `detect`, `template`, `limits`, `kinds`, `allow`'
    const project = withConfig({files: ['docs']}, '.milestone-lint.json', {
      'docs/.milestone-lint.json': JSON.stringify(rule)
    })
    for (const threads of ['1', '2']) {
      const {status, stderr} = milestoneLint(project, '--concurrency', threads)
      expect(status).toBe(2)
      expect(stderr).toBe(`milestone-lint: ${said}\n`)
    }
    const named = milestoneLint(project, '--config', 'docs/.milestone-lint.json', 'docs')
    expect([named.status, named.stderr]).toEqual([2, `milestone-lint: ${said}\n`])
    // Its wrong kind of value too.
    writeFileSync(path.join(project, '.milestone-lint.json'), '{"milestone-risk-fields": {"levels": "High"}}')
    rmSync(path.join(project, 'docs/.milestone-lint.json'))
    expect(milestoneLint(project, 'docs').stderr).toBe(
      'milestone-lint: .milestone-lint.json: milestone-risk-fields: unexpected value `"High"` for option `levels`, ' +
        'expected a non-empty array of non-empty strings\n'
    )
  })
})
