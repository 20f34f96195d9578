import {describe, expect, it} from 'vitest'
import {type LintOptions, parseCommandLine} from '../src/cli/argv.js'
import {UsageError} from '../src/cli/flags.js'
import {withConfig} from '../src/cli/config-file.js'
import {rules} from '../src/rules/index.js'

const defaults: LintOptions = {
  patterns: ['docs'],
  frail: true,
  quiet: false,
  silent: false,
  verbose: false,
  color: undefined,
  reports: [],
  config: undefined,
  rcPath: undefined,
  ignorePath: undefined,
  ignorePatterns: [],
  silentlyIgnore: false,
  errorOnUnmatchedPattern: true,
  use: [],
  fix: false,
  fixDryRun: false,
  fixRules: undefined,
  baseline: undefined,
  updateBaseline: false,
  cache: undefined,
  cacheLocation: undefined,
  concurrency: undefined
}

function options(...argv: string[]): LintOptions {
  const command = parseCommandLine(argv)
  if (command.action !== 'lint') throw new Error('Expected a lint command, not ' + command.action)
  return command.options
}

function refusal(...argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('Expected a UsageError for ' + argv.join(' '))
}

describe('parseCommandLine', () => {
  it('fails on any message, reports on stderr and errs on unmatched patterns by default', () => {
    expect(options('docs')).toEqual(defaults)
  })

  it('takes long and short flags, grouped shorts, and the last of a flag and its negation', () => {
    expect(options('-qS', '--verbose', 'a.md', 'b/*.md')).toEqual({
      ...defaults,
      patterns: ['a.md', 'b/*.md'],
      quiet: true,
      silent: true,
      verbose: true
    })
    expect(options('--no-frail', 'docs').frail).toBe(false)
    expect(options('--no-frail', '-f', 'docs').frail).toBe(true)
    expect(options('--no-color', '--color', 'docs').color).toBe(true)
    expect(options('--no-color', 'docs').color).toBe(false)
    expect(options('--no-error-on-unmatched-pattern', 'docs').errorOnUnmatchedPattern).toBe(false)
  })

  it('takes values after the flag or after `=`, and repeated lists', () => {
    expect(
      options(
        '-r',
        'rc.json',
        '--ignore-path=.ignore',
        '--ignore-pattern',
        'a/**, b',
        '--ignore-pattern=c',
        '--silently-ignore',
        'docs'
      )
    ).toEqual({
      ...defaults,
      rcPath: 'rc.json',
      ignorePath: '.ignore',
      ignorePatterns: ['a/**', 'b', 'c'],
      silentlyIgnore: true
    })
  })

  it('reads reporter and plugin options as remark-cli does (JSON5 without braces)', () => {
    expect(options('--report', 'json=pretty:2', 'docs').reports).toEqual([{name: 'json', options: {pretty: 2}}])
    expect(options('--report=sarif', 'docs').reports).toEqual([{name: 'sarif', options: {}}])
    expect(options('-u', 'remark-gfm', '--use', "remark-toc=heading:'contents'", 'docs').use).toEqual([
      ['remark-gfm', {}],
      ['remark-toc', {heading: 'contents'}]
    ])
    expect(refusal('--report', 'json=pretty:', 'docs')).toMatch(
      /^cannot read the options of `--report json=pretty:` \(JSON5: .*\)$/
    )
  })

  it('checks the options of the reports it ships: json takes `pretty`, the others none, and the run sets the rest', () => {
    expect(
      options('--report', 'json=pretty:true', '--report', 'vfile-reporter-json=pretty:4=a.json', 'docs').reports
    ).toHaveLength(2)
    const spaces = 'expected a number of spaces, true or false'
    for (const [value, problem] of [
      ['json=bogus:1', 'unknown option `bogus`, json takes `pretty`'],
      ['junit=indent:2=junit.xml', 'unknown option `indent`, junit takes no options'],
      ["json=pretty:'2'", `unexpected value \`'2'\` for \`pretty\`, ${spaces}`],
      ['json=pretty:-1', `unexpected value \`-1\` for \`pretty\`, ${spaces}`],
      ['sarif=frail:false=results.sarif', '`frail` is the run’s, for every report: give `--no-frail`'],
      ['summary=quiet:true', '`quiet` is the run’s, for every report: give `--quiet`']
    ]) {
      expect(refusal('--report', value!, 'docs')).toBe(`\`--report ${value!}\`: ${problem!}`)
    }
    // Another's reporter takes what it takes.
    expect(options('--report', 'pretty=bogus:1', 'docs').reports).toEqual([{name: 'pretty', options: {bogus: 1}}])
  })

  it('tells a report’s file from its options: a file has an extension or a `/`, and no `:`', () => {
    expect(
      options(
        '--report',
        'sarif=results.sarif',
        '--report=junit=reports/junit',
        '--report',
        'json=pretty:2=out/report.json',
        '--report',
        'json=pretty:2',
        'docs'
      ).reports
    ).toEqual([
      {name: 'sarif', options: {}, file: 'results.sarif'},
      {name: 'junit', options: {}, file: 'reports/junit'},
      {name: 'json', options: {pretty: 2}, file: 'out/report.json'},
      {name: 'json', options: {pretty: 2}}
    ])
    // A `:` makes options, even with a dot: they are read, and refused when they cannot be.
    expect(options('--report', "x=name:'a.txt'", 'docs').reports).toEqual([{name: 'x', options: {name: 'a.txt'}}])
    expect(refusal('--report', 'sarif=a:b.sarif', 'docs')).toMatch(
      /^cannot read the options of `--report sarif=a:b.sarif`/
    )
  })

  it('takes a Windows path with a drive letter as a file, with or without options', () => {
    expect(
      options('--report', 'sarif=C:\\ci\\results.sarif', '--report', 'json=pretty:2=d:/out/report.json', 'docs').reports
    ).toEqual([
      {name: 'sarif', options: {}, file: 'C:\\ci\\results.sarif'},
      {name: 'json', options: {pretty: 2}, file: 'd:/out/report.json'}
    ])
  })

  it('refuses a report value that is neither options nor a file, two reports without a file, and two to one file', () => {
    expect(refusal('--report', 'sarif=results', 'docs')).toBe(
      '`--report sarif=results`: `results` is neither options (`key:value,…`) nor a file (a path with an extension or a `/`)'
    )
    expect(refusal('--report', 'github', '--report', 'sarif', 'docs')).toBe(
      '`--report github` and `--report sarif` both replace the terminal report: give all but one a file (`--report sarif=<file>`)'
    )
    expect(refusal('--report', 'sarif=out/a.xml', '--report', 'junit=./out/a.xml', 'docs')).toBe(
      '`--report sarif` and `--report junit` both write `./out/a.xml`: give each its own file'
    )
  })

  it('refuses a report without a name, saying so', () => {
    const named = '`: no report named (json, github, sarif, gitlab, junit, summary, or another)'
    expect(refusal('--report', '=x.json', 'docs')).toBe('`--report =x.json' + named)
    expect(refusal('--report', '', 'docs')).toBe('`--report ' + named)
  })

  it('leaves arguments after `--` as paths', () => {
    expect(options('--', '--report', '-o').patterns).toEqual(['--report', '-o'])
  })

  it('asks for help or the version, before anything else on the line', () => {
    expect(parseCommandLine(['--help'])).toEqual({action: 'help'})
    expect(parseCommandLine(['docs', '-h', '--nope'])).toEqual({action: 'help'})
    expect(parseCommandLine(['-v'])).toEqual({action: 'version'})
  })

  it('refuses -o/--output in every spelling, saying why and what writes instead', () => {
    const refused =
      '-o/--output is refused: remark-stringify would reformat every doc and escape its placeholders; ' +
      'milestone-lint writes only what --fix changes (see it first with --fix-dry-run)'
    for (const argv of [
      ['-o'],
      ['docs', '-o'],
      ['-o', 'out.md', 'a.md'],
      ['--output'],
      ['--output=out'],
      ['-qo', 'docs']
    ]) {
      expect(refusal(...argv), argv.join(' ')).toBe(refused)
    }
  })

  it('takes --fix, --fix-dry-run or --diff, and --fix-rule ids, comma-separated, repeated or with remark-lint:', () => {
    expect(options('--fix', 'docs')).toEqual({...defaults, fix: true})
    expect(options('--fix-dry-run', 'docs')).toEqual({...defaults, fixDryRun: true})
    expect(options('--diff', 'docs')).toEqual({...defaults, fixDryRun: true})
    expect(
      options(
        '--fix',
        '--fix-rule',
        'milestone-success-criteria, remark-lint:milestone-risk-fields',
        '--fix-rule=milestone-required-headings',
        'docs'
      ).fixRules
    ).toEqual(['milestone-success-criteria', 'milestone-risk-fields', 'milestone-required-headings'])
    expect(options('--diff', '--report', 'vfile-reporter-pretty', 'docs').fixDryRun).toBe(true)
  })

  it('takes --baseline, and refuses --update-baseline without it or with --fix-dry-run (once a config file could give it)', () => {
    expect(options('--baseline', 'b.json', '--update-baseline', 'docs')).toEqual({
      ...defaults,
      baseline: 'b.json',
      updateBaseline: true
    })
    expect(() => withConfig(options('--update-baseline', 'docs'), undefined)).toThrow(
      new UsageError(
        '--update-baseline writes the file --baseline names: add `--baseline <file>` (or `baseline` in the config file)'
      )
    )
    // The baseline would have the hash of fixed text that is never written.
    const dryRun = options('--fix-dry-run', '--baseline', 'b.json', '--update-baseline', 'docs')
    expect(() => withConfig(dryRun, undefined)).toThrow(
      new UsageError('--update-baseline would hash text that --fix-dry-run does not write: use one of them')
    )
  })

  it('takes --concurrency as a whole number of threads, 1 or more', () => {
    expect(options('--concurrency', '3', 'docs')).toEqual({...defaults, concurrency: 3})
    expect(options('--concurrency=1', 'docs').concurrency).toBe(1)
    for (const value of ['0', '1.5', 'all', '-1']) {
      expect(refusal(`--concurrency=${value}`, 'docs')).toBe(
        `\`--concurrency ${value}\`: expected a whole number of threads, 1 or more`
      )
    }
    expect(refusal('docs', '--concurrency')).toBe('`--concurrency` needs a value: `--concurrency <n>`')
  })

  it('takes --cache, --no-cache and --cache-location, and refuses --cache-location without --cache', () => {
    expect(options('--cache', 'docs')).toEqual({...defaults, cache: true})
    expect(options('--cache', '--cache-location', '.cache/lint.json', 'docs')).toEqual({
      ...defaults,
      cache: true,
      cacheLocation: '.cache/lint.json'
    })
    expect(options('--cache', '--no-cache', 'docs').cache).toBe(false)
    // Refused once a config file could give `cache`.
    expect(() => withConfig(options('--cache-location', 'x.json', 'docs'), undefined)).toThrow(
      new UsageError(
        '--cache-location says where --cache keeps its file: add --cache (or `cache: true` in the config file)'
      )
    )
    expect(withConfig(options('--cache-location', 'x.json', '--no-cache', 'docs'), undefined).cache).toBe(false)
  })

  it('refuses --fix-rule alone, an unknown rule id, and --fix-dry-run with --fix, a report on stdout or a report file', () => {
    expect(refusal('--fix-rule', 'milestone-risk-fields', 'docs')).toBe(
      '--fix-rule limits --fix or --fix-dry-run: add one of them'
    )
    expect(refusal('--fix', '--fix-rule=', 'docs')).toBe('--fix-rule needs a rule id')
    expect(refusal('--fix', '--fix-rule', 'milestone-risk-fields,risk-fields', 'docs')).toBe(
      `--fix-rule: unknown rule \`risk-fields\`, expected one of: ${Object.keys(rules)
        .map((id) => `\`${id}\``)
        .join(', ')}`
    )
    expect(refusal('--fix', '--diff', 'docs')).toBe('--fix writes what --fix-dry-run shows: use one of them')
    expect(refusal('--diff', '--report=json', 'docs')).toBe(
      '--fix-dry-run prints its diff on stdout, where --report json writes: use one of them'
    )
    expect(refusal('--report', 'vfile-reporter-sarif', '--fix-dry-run', 'docs')).toBe(
      '--fix-dry-run prints its diff on stdout, where --report sarif writes: use one of them'
    )
    // A report file would be of text that is never written.
    expect(refusal('--diff', '--report', 'sarif=results.sarif', 'docs')).toBe(
      '--fix-dry-run writes no file, and --report sarif would write `results.sarif`: use one of them'
    )
  })

  it('refuses unknown flags, and flags without their value or with one they do not take, in one line', () => {
    expect(refusal('--stdout', 'docs')).toBe('unknown option `--stdout` (see `milestone-lint --help`)')
    expect(refusal('-x', 'docs')).toBe('unknown option `-x` (see `milestone-lint --help`)')
    expect(refusal('--no-quiet', 'docs')).toBe('unknown option `--no-quiet` (see `milestone-lint --help`)')
    expect(refusal('docs', '--report')).toBe('`--report` needs a value: `--report <name>[=opts][=file]`')
    expect(refusal('-r', '--quiet', 'docs')).toBe('`-r` needs a value: `-r <path>`')
    expect(refusal('--frail=yes', 'docs')).toBe('`--frail` takes no value')
  })
})

describe('milestone-lint new', () => {
  const command = (...argv: string[]) => parseCommandLine(argv)

  it('is a command only as the first argument: elsewhere, and as `./new`, `new` is a path', () => {
    expect(command('new', 'docs/milestone-4-scale.md')).toEqual({
      action: 'new',
      options: {file: 'docs/milestone-4-scale.md', title: undefined, rcPath: undefined}
    })
    expect(command('new', '--title', ' Milestone 4: Scale ', '-r', 'x.json', 'a.md')).toEqual({
      action: 'new',
      options: {file: 'a.md', title: 'Milestone 4: Scale', rcPath: 'x.json'}
    })
    expect(options('./new').patterns).toEqual(['./new'])
    expect(options('docs', 'new').patterns).toEqual(['docs', 'new'])
    expect(options('--', 'new').patterns).toEqual(['new'])
    expect(command('new', '--help')).toEqual({action: 'help'})
  })

  it('refuses a command line it cannot run, in one line', () => {
    expect(refusal('new')).toBe(
      '`milestone-lint new` needs the file to write: `milestone-lint new <file.md>` (to lint a folder named `new`: `milestone-lint ./new`)'
    )
    expect(refusal('new', 'a.md', 'b.md')).toBe('`milestone-lint new` writes one file, found `a.md`, `b.md`')
    expect(refusal('new', 'a.md', '--fix')).toBe(
      'unknown option `--fix` for `milestone-lint new` (see `milestone-lint --help`)'
    )
    expect(refusal('new', 'a.md', '--title')).toBe('`--title` needs a value: `--title <title>`')
    expect(refusal('new', 'a.md', '--title', ' ')).toBe(
      '`--title` needs one line of text: `--title "Milestone 4: Scale"`'
    )
    expect(refusal('new', 'a.md', '--title=A\nB')).toBe(
      '`--title` needs one line of text: `--title "Milestone 4: Scale"`'
    )
  })
})
