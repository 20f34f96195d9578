/**
 * The seeded corpus generator, shared by `npm run bench` and the editor
 * benchmark (test/speed/): the same seed writes the same files, byte for
 * byte. Each function writes under `work` and says what it wrote.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pickDefect, projectNamed, writeProject} from './corpus/milestone.mjs'
import {nouns, words} from './corpus/names.mjs'
import {changelog, ordinaryDoc} from './corpus/ordinary.mjs'
import {pick, rng, titleCase} from './corpus/random.mjs'

/**
 * A corpus of `count` milestone docs, in project folders of 3–8 docs, each
 * folder with its `milestones.md` overview and `<name>-architecture.md`.
 */
export function generateMilestoneCorpus(work, count, seed) {
  const random = rng(seed * 1000 + count)
  const dir = path.join(work, `corpus-${count}`)
  fs.mkdirSync(dir)
  let written = 0
  let projectIndex = 0
  while (written < count) {
    const size = Math.min(count - written, 3 + Math.floor(random() * 6))
    const project = projectNamed(projectIndex++)
    const docs = []
    for (let number = 1; number <= size; number++) docs.push({number, defect: pickDefect(random)})
    writeProject(path.join(dir, `${String(projectIndex).padStart(3, '0')}-${project.slug}`), project, docs, random)
    written += size
  }
  return describeCorpus(dir, `${count} milestone docs`, 'milestone', count)
}

/**
 * A docs repo: 2,000 Markdown files, 50 of them milestone docs (10 project
 * folders of 5, each with its overview and architecture doc), the rest
 * READMEs, notes, guides, ADRs and changelogs of a few KB.
 */
export function generateDocsRepo(work, seed) {
  const random = rng(seed * 1000 + 7)
  const dir = path.join(work, 'corpus-docs-repo')
  fs.mkdirSync(dir)
  const total = 2000
  let files = 0
  for (let index = 0; index < 10; index++) {
    const project = projectNamed(index + 40)
    const docs = []
    for (let number = 1; number <= 5; number++) docs.push({number, defect: pickDefect(random)})
    writeProject(path.join(dir, 'design', project.slug), project, docs, random)
    files += 7
  }
  fs.writeFileSync(path.join(dir, 'README.md'), ordinaryDoc(random, 'readme', 'Platform docs', []))
  files++
  const packages = 120
  for (let index = 0; index < packages && files < total; index++) {
    const name = `${pick(random, words)}-${pick(random, nouns)}-${index}`
    const folder = path.join(dir, 'packages', name)
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(path.join(folder, 'README.md'), ordinaryDoc(random, 'readme', name, ['./CHANGELOG.md']))
    fs.writeFileSync(path.join(folder, 'CHANGELOG.md'), changelog(random, name))
    files += 2
  }
  writeNotes(dir, random, total - files)
  return describeCorpus(dir, 'docs repo (2,000 files, 50 milestone docs)', 'docs-repo', 50)
}

/** `count` notes, guides, ADRs, runbooks and meeting notes, 100 a folder, each linking to a few before it. */
function writeNotes(dir, random, count) {
  const kinds = ['notes', 'guides', 'adr', 'runbooks', 'meetings']
  for (let index = 0; index < count; index++) {
    const kind = kinds[index % kinds.length]
    const folder = path.join(dir, 'docs', kind, `part-${Math.floor(index / 100)}`)
    fs.mkdirSync(folder, {recursive: true})
    const name =
      kind === 'adr'
        ? `${String(index).padStart(4, '0')}-${pick(random, words)}-${pick(random, nouns)}.md`
        : `${pick(random, words)}-${pick(random, nouns)}-${index}.md`
    const siblings = fs
      .readdirSync(folder)
      .slice(-3)
      .map((file) => './' + file)
    fs.writeFileSync(
      path.join(folder, name),
      ordinaryDoc(random, kind, titleCase(`${pick(random, words)} ${pick(random, nouns)}`), siblings)
    )
  }
}

/**
 * One project folder (`<work>/single`) whose first doc is a clean doc of
 * `size` bytes (~27 KB: what a pre-commit hook is given); its path is `file`.
 */
export function generateSingle(work, seed, size = 27_000) {
  const dir = path.join(work, 'single')
  const project = projectNamed(3)
  writeProject(
    dir,
    project,
    [1, 2, 3, 4].map((number) => ({number, goal: number === 1 ? size : undefined})),
    rng(seed * 1000 + 3)
  )
  const file = fs.readdirSync(dir).find((name) => name.startsWith('milestone-1-'))
  return {cwd: work, file: path.join(dir, file)}
}

/** The sanity check's folder `dir`: a clean doc, then one doc per defect. */
export function generateSanity(dir, seed) {
  const defects = [undefined, 'missing-section', 'check-mark', 'broken-link', 'placeholder']
  writeProject(
    dir,
    {name: 'Lumen', slug: 'lumen'},
    defects.map((defect, index) => ({number: index + 1, defect})),
    rng(seed + 7)
  )
}

function describeCorpus(dir, name, kind, docs) {
  let files = 0
  let bytes = 0
  let docBytes = 0
  for (const file of walk(dir)) {
    if (!file.endsWith('.md')) continue
    const size = fs.statSync(file).size
    files++
    bytes += size
    if (/\/milestone-\d/.test(file)) docBytes += size
  }
  return {dir, name, kind, docs, files, bytes, docBytes}
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}
