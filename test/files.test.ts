/**
 * The files `milestone-lint` reads: only regular files inside the project
 * (special files and symbolic links out of it get one message each), only
 * Markdown from folders and globs, never `node_modules` unless named, and
 * any number of files from one glob.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeProject, makeTemporary, milestoneLint, removeProjects} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const special = 'Unexpected special file (a FIFO, socket or device), expected a regular file; it is not read'
const outside =
  'Unexpected symbolic link out of the project, expected a file inside it; it is not read (links are not followed out)'

/** A project (a git repository) beside a folder with a secret doc, with special files and links among its docs. */
function hostileProject(): string {
  const base = makeTemporary('milestone-lint-files-')
  mkdirSync(path.join(base, 'outside'))
  writeFileSync(path.join(base, 'outside/secret.md'), '# Milestone 9: Secret\n\nThe secret text.\n')
  const root = makeProject({'.git/HEAD': 'ref: refs/heads/main\n'})
  const project = path.join(base, 'project')
  execFileSync('mv', [root, project])
  symlinkSync('/dev/zero', path.join(project, 'docs/z.md'))
  execFileSync('mkfifo', [path.join(project, 'docs/x.md')])
  symlinkSync('../../outside/secret.md', path.join(project, 'docs/milestone-9.md'))
  return project
}

/** The JSON report's messages, as `path: ruleId reason`. */
function reported(stdout: string): string[] {
  const files = JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId?: string; reason: string}>}>
  return files.flatMap((file) =>
    file.messages.filter((message) => message.ruleId === 'read').map((message) => `${file.path}: ${message.reason}`)
  )
}

describe('files given to milestone-lint', () => {
  it('reads only regular files inside the project, with one message for each other one', {timeout: 60_000}, () => {
    const project = hostileProject()
    const expected = [`docs/milestone-9.md: ${outside}`, `docs/x.md: ${special}`, `docs/z.md: ${outside}`]

    const folder = milestoneLint(project, 'docs', '--report', 'json')
    expect(reported(folder.stdout).sort()).toEqual(expected)
    expect(folder.stdout + folder.stderr).not.toContain('secret')
    expect(folder.stderr).toMatch(
      /milestone-lint: 8 files, 2 milestone docs linted, 3 skipped \(not milestone docs\), 3 not linted; 3 errors, 20 warnings\n$/
    )
    expect(folder.status).toBe(1)

    // Named one by one, or by a glob, they get the same messages.
    const named = milestoneLint(project, 'docs/z.md', 'docs/x.md', 'docs/milestone-9.md', '--report', 'json')
    expect(reported(named.stdout).sort()).toEqual(expected)
    expect(reported(milestoneLint(project, 'docs/*.md', '--report', 'json').stdout).sort()).toEqual(expected)
  })

  it('gives the README’s messages, as written', () => {
    const block = readmeBlockAfter('Only regular files inside the', 'text')
    const reasons = block
      .split('\n')
      .flatMap((line) => /^ error (.+?) {2}read {2}milestone-lint$/.exec(line)?.[1] ?? [])
    expect(reasons).toEqual([outside, special, outside])
  })

  it('says nothing of a special file that an ignore file excludes from a folder', () => {
    const project = hostileProject()
    writeFileSync(path.join(project, '.remarkignore'), 'docs/x.md\ndocs/z.md\n')
    const {stdout} = milestoneLint(project, 'docs', '--report', 'json')
    expect(reported(stdout)).toEqual([`docs/milestone-9.md: ${outside}`])
  })

  it('lints only Markdown from a glob, and skips node_modules unless the glob names it', () => {
    const project = makeProject({
      'scripts/build.js': 'console.log("[Placeholder]")\n',
      'vendor/node_modules/pkg/README.md': '# Milestone 1: Vendored\n\n[Placeholder]\n',
      'notes.txt': '# Milestone 2: Notes\n\n[Placeholder]\n'
    })
    const all = milestoneLint(project, '**', '--no-frail')
    expect(all.stderr).not.toMatch(/build\.js|pkg\/README|notes\.txt/)
    expect(all.stderr).toMatch(/milestone-lint: 5 files, 2 milestone docs linted/)

    const modules = milestoneLint(project, 'vendor/node_modules/**/*.md', '--no-frail')
    expect(modules.stderr).toMatch(/vendor\/node_modules\/pkg\/README\.md/)
    const text = milestoneLint(project, '*.txt', '--no-frail')
    expect(text.stderr).toMatch(/notes\.txt/)
  })

  it('takes a path with `[`, `?` or `*` in it for that file, not for a glob', () => {
    const name = 'docs/milestone-3 [draft]?.md'
    const project = makeProject({[name]: '# Milestone 3: Draft\n\n[Placeholder]\n'})
    const {stderr} = milestoneLint(project, name, '--no-frail')
    expect(stderr).toContain(name)
    expect(stderr).toMatch(/^milestone-lint: 1 file, /m)
  })

  it('expands braces in a glob, given or in `files`, and takes an existing path with braces for that file', () => {
    const name = 'docs/notes {old,new}.md'
    const project = makeProject({[name]: '# Notes\n'})
    const twoFiles = 'milestone-lint: 2 files, 0 milestone docs linted, 2 skipped (not milestone docs); no messages\n'
    const given = milestoneLint(project, 'docs/{milestones,README}.md')
    expect({status: given.status, summary: given.stderr.endsWith(twoFiles)}).toEqual({status: 0, summary: true})
    writeFileSync(path.join(project, '.milestone-lint.json'), '{"files": ["docs/{milestones,README}.md"]}')
    expect(milestoneLint(project).stderr.endsWith(twoFiles)).toBe(true)
    const literal = milestoneLint(project, name)
    expect(literal.stderr).toContain(`${name}: no issues found`)
    expect(literal.stderr).toMatch(/^milestone-lint: 1 file, /m)
  })

  it('takes a folder whose Markdown files are all ignored as matched, as a glob of them is', () => {
    const project = makeProject({'notes/todo.txt': ''})
    const withConfig = (files: string) => {
      writeFileSync(path.join(project, '.milestone-lint.json'), JSON.stringify({files, ignores: ['docs/**']}))
      return milestoneLint(project)
    }
    const glob = withConfig('docs/*.md')
    expect(glob.status).toBe(0)
    expect(withConfig('docs')).toEqual(glob)
    rmSync(path.join(project, '.milestone-lint.json'))
    writeFileSync(path.join(project, '.remarkignore'), 'docs/\n')
    expect(milestoneLint(project, 'docs')).toEqual(glob)
    expect(milestoneLint(project, 'notes')).toMatchObject({
      status: 2,
      stderr: 'milestone-lint: no Markdown file in `notes`\n'
    })
  })

  it('takes a glob of 130,000 files (unified-engine’s own finder threw a RangeError)', {timeout: 240_000}, () => {
    const project = makeProject()
    for (let folder = 0; folder < 130; folder++) {
      const at = path.join(project, 'data', String(folder))
      mkdirSync(at, {recursive: true})
      for (let file = 0; file < 1_000; file++) writeFileSync(path.join(at, `${file}.txt`), '')
    }
    const {status, stderr} = milestoneLint(project, '**')
    expect(stderr).toMatch(
      /milestone-lint: 5 files, 2 milestone docs linted, 3 skipped \(not milestone docs\); 20 warnings\n$/
    )
    expect(status).toBe(1)
  })
})
