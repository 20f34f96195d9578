/**
 * `milestone-lint --fix` on the command line, as the README's "On the
 * command line" shows it: the dry run's diff (what `git apply` or `patch
 * -p1` makes of it is what `--fix` writes), `--fix-rule`, the summary, and
 * files that cannot be written.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {readmeBlock, readmeBlockAfter} from './readme.js'
import {makeProject, milestoneLint, readmeShell, removeProjects, repoRoot} from './project.js'

afterAll(removeProjects)

const defective = 'docs/milestone-2-public-launch.md'
const fixAll = '$ npx milestone-lint --fix docs 2>&1 | tail -n 1'

/** A README example (`$ <command>`, then what it prints): what it prints, and what the README says. */
function readmeExample(project: string, first: string) {
  const [command, ...lines] = readmeBlock(first).split('\n')
  const {stdout, stderr} = readmeShell(project, command!)
  return {actual: stdout + stderr, expected: lines.join('\n')}
}

/** The defective doc with its line endings made `eol`. */
function withEndings(eol: string): string {
  return readFileSync(path.join(repoRoot, 'fixtures/example/milestone-2-public-launch.md'), 'utf8').replace(/\n/g, eol)
}

describe('milestone-lint --fix-dry-run', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r']
  ] as const) {
    it(`prints a diff that git apply and patch -p1 turn into what --fix writes (${name})`, () => {
      const original = withEndings(eol)
      const fixing = makeProject({[defective]: original})
      const fixed = milestoneLint(fixing, '--fix', 'docs')
      const expected = readFileSync(path.join(fixing, defective), 'utf8')
      expect(expected).not.toBe(original)

      const project = makeProject({[defective]: original})
      const file = path.join(project, defective)
      const [diff, apply] = readmeBlockAfter('- **`--fix-dry-run`** (or `--diff`)', 'sh').trimEnd().split('\n')
      const dryRun = readmeShell(project, diff!)
      // Nothing written; the report is of the doc as --fix leaves it.
      expect(readFileSync(file, 'utf8')).toBe(original)
      expect(dryRun.stderr).toBe(fixed.stderr.replace('1 file fixed (11 fixes)', '1 file would be fixed (11 fixes)'))
      expect(dryRun.status).toBe(fixed.status)
      expect(readmeShell(project, apply!)).toEqual({status: 0, stdout: '', stderr: ''})
      expect(readFileSync(file, 'utf8')).toBe(expected)

      writeFileSync(file, original)
      const patched = spawnSync('patch', ['-p1', '--quiet'], {
        cwd: project,
        input: readFileSync(path.join(project, 'fixes.patch'))
      })
      expect(patched.status).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(expected)
    })
  }

  it('quotes a path with a space or a non-ASCII letter as git does, and git apply takes it', () => {
    const name = 'docs/milestone 3 é.md'
    const original = withEndings('\n')
    const fixing = makeProject({[name]: original})
    milestoneLint(fixing, '--fix', name)
    const project = makeProject({[name]: original})
    const diff = milestoneLint(project, '--diff', name).stdout
    expect(diff.split('\n', 2)).toEqual([
      '--- "a/docs/milestone 3 \\303\\251.md"',
      '+++ "b/docs/milestone 3 \\303\\251.md"'
    ])
    writeFileSync(path.join(project, 'fixes.patch'), diff)
    expect(readmeShell(project, 'git apply fixes.patch')).toEqual({status: 0, stdout: '', stderr: ''})
    expect(readFileSync(path.join(project, name), 'utf8')).toBe(readFileSync(path.join(fixing, name), 'utf8'))
  })

  it('prints nothing on stdout when nothing is to fix', () => {
    const project = makeProject()
    const run = milestoneLint(project, '--diff', 'docs/milestone-1-private-beta.md')
    expect(run).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'docs/milestone-1-private-beta.md: no issues found\n' +
        'milestone-lint: 1 file, 1 milestone doc linted; no messages; nothing to fix\n'
    })
  })
})

describe('milestone-lint --fix-rule', () => {
  let project: string
  beforeAll(() => {
    project = makeProject()
  })

  it('limits the fixes to those rules, as the README shows', () => {
    const example = readmeExample(
      project,
      '$ npx milestone-lint --fix-dry-run --fix-rule milestone-success-criteria docs 2>/dev/null'
    )
    expect(example.actual).toBe(example.expected)
    const file = path.join(project, defective)
    const before = readFileSync(file, 'utf8')
    const run = milestoneLint(project, '--fix', '--fix-rule', 'remark-lint:milestone-success-criteria', defective)
    expect(run.stderr).toMatch(/; 19 warnings; 1 file fixed \(4 fixes\)\n$/)
    expect(readFileSync(file, 'utf8')).toBe(
      before
        .replace('- ✔ Failed payments', '- ✅ Failed payments')
        .replace('- Webhooks are processed', '- ✅ Webhooks are processed')
        .replace('- [x] Invoices match', '- ✅ Invoices match')
        .replace(
          '- Link revocation\n\n',
          '- Link revocation\n\n**Success Criteria**:\n- ✅ [Criterion 1 - measurable]\n- ✅ [Criterion 2 - measurable]\n- ✅ [Criterion 3 - measurable]\n\n'
        )
    )
  })

  it('refuses an unknown rule id in one line, with exit 2, and writes nothing', () => {
    const file = path.join(project, 'docs/milestone-1-private-beta.md')
    const modified = statSync(file).mtimeMs
    const run = milestoneLint(project, '--fix', '--fix-rule', 'success-criteria', 'docs/milestone-1-private-beta.md')
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(
      /^milestone-lint: --fix-rule: unknown rule `success-criteria`, expected one of: [^\n]*\n$/
    )
    expect(statSync(file).mtimeMs).toBe(modified)
  })
})

describe('milestone-lint --fix: the summary', () => {
  it('says what was fixed, then that nothing is left to fix', () => {
    const project = makeProject()
    const example = readmeExample(project, fixAll)
    expect(example.actual).toBe(example.expected)
    expect(readmeShell(project, fixAll).stdout).toBe(
      example.expected.replace('1 file fixed (11 fixes)', 'nothing to fix')
    )
  })
})

/**
 * A plugin run after the engine read each doc: `milestone-3-locked.md`
 * becomes a folder (so it cannot be written), `milestone-4-edited.md`
 * changes on disk.
 */
const guard = `import {appendFileSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'

const edit = '\\nEdited while it was linted.\\n'

export default function guard() {
  return function (_, file) {
    const location = path.resolve(file.cwd, file.path)
    if (file.stem === 'milestone-3-locked') {
      try {
        rmSync(location)
        mkdirSync(location)
      } catch {}
    }
    if (file.stem === 'milestone-4-edited' && !readFileSync(location, 'utf8').endsWith(edit)) {
      appendFileSync(location, edit)
    }
  }
}
`

describe('milestone-lint --fix: files it must not write', () => {
  const original = withEndings('\n')
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ')
  const summary = '1 file fixed (11 fixes), 1 file not written'
  let expected: string
  beforeAll(() => {
    const project = makeProject()
    milestoneLint(project, '--fix', defective)
    expected = readFileSync(path.join(project, defective), 'utf8')
  })

  for (const [other, reason, left] of [
    [
      'docs/milestone-3-locked.md',
      'Cannot write the fixed file (EISDIR: illegal operation on a directory, read)',
      (file: string) => statSync(file).isDirectory()
    ],
    [
      'docs/milestone-4-edited.md',
      'Cannot fix this file: it changed on disk while it was linted; run again',
      (file: string) => readFileSync(file, 'utf8') === original + '\nEdited while it was linted.\n'
    ]
  ] as const) {
    it(`still fixes the other files, and says once why not this one: ${reason}`, () => {
      const project = makeProject({'guard.mjs': guard, [other]: original})
      const run = milestoneLint(project, '--fix', '--no-frail', '--use', './guard.mjs', defective, other)
      expect(readFileSync(path.join(project, defective), 'utf8')).toBe(expected)
      expect(left(path.join(project, other))).toBe(true)
      expect(run.stderr.split(reason)).toHaveLength(2)
      // An error (exit 1 even with --no-frail); the file is reported as on disk, with its 20 warnings.
      expect(run.status).toBe(1)
      expect(run.stderr.split('Unexpected success criterion mark `✔`')).toHaveLength(2)
      expect(
        run.stderr.endsWith(`milestone-lint: 2 files, 2 milestone docs linted; 1 error, 57 warnings; ${summary}\n`)
      ).toBe(true)
      expect(readme).toContain('`' + reason.replace(/\(EISDIR.*\)$/, '(…)') + '`')
      expect(readme).toContain('`' + summary + '`')
    })
  }
})
