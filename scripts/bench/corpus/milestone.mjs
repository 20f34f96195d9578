/**
 * Milestone docs and their project folders, built from the example doc
 * (fixtures/example/milestone-1-private-beta.md): its sections, with
 * components, phases, metrics, decisions and risks repeated until a doc
 * reaches its size, names and numbers varied, and an injected defect where
 * asked.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseExample} from './example.mjs'
import {
  approachNames,
  categoryNames,
  componentNames,
  decisionNames,
  milestoneNames,
  phaseNames,
  projectNames,
  riskNames
} from './names.mjs'
import {pick, sentence, shuffled, slugify} from './random.mjs'

const examples = new URL('../../../fixtures/example/', import.meta.url)
const example = parseExample(fs.readFileSync(new URL('milestone-1-private-beta.md', examples), 'utf8'))
const exampleArchitecture = fs.readFileSync(new URL('lumen-architecture.md', examples), 'utf8')

/** The `index`th project name; past the list, the names come round again with a number. */
export function projectNamed(index) {
  const base = projectNames[index % projectNames.length]
  const name = index < projectNames.length ? base : `${base} ${Math.floor(index / projectNames.length) + 1}`
  return {name, slug: slugify(name)}
}

/** One doc in about six has a defect, one kind each time. */
export function pickDefect(random) {
  const roll = random()
  if (roll < 0.04) return 'missing-section'
  if (roll < 0.08) return 'check-mark'
  if (roll < 0.12) return 'broken-link'
  if (roll < 0.16) return 'placeholder'
  return undefined
}

/**
 * One project folder: its architecture doc, milestone docs (`{number,
 * defect, goal}`) and overview. The overview's entries are taken from the
 * docs (their goal and phases, with a link to each), as the template has
 * docs copy them, so the clean docs are in sync with it.
 */
export function writeProject(dir, project, docs, random) {
  fs.mkdirSync(dir, {recursive: true})
  const offset = Math.floor(random() * milestoneNames.length)
  const titles = docs.map((doc) => milestoneNames[(offset + doc.number - 1) % milestoneNames.length])
  // One more milestone in the overview than has a doc: the next one, planned.
  const overviewTitles = [...titles, milestoneNames[(offset + docs.length) % milestoneNames.length]]
  fs.writeFileSync(path.join(dir, `${project.slug}-architecture.md`), rename(exampleArchitecture, project))
  const entries = []
  for (const [index, doc] of docs.entries()) {
    const title = titles[index]
    const next = `milestone-${doc.number + 1}-${slugify(overviewTitles[index + 1])}`
    const text = milestoneDoc({project, number: doc.number, title, next, defect: doc.defect}, doc.goal, random)
    const name = `milestone-${doc.number}-${slugify(title)}${doc.defect ? '-x-' + doc.defect : ''}.md`
    fs.writeFileSync(path.join(dir, name), text)
    entries.push(entryOf(doc.number, title, name, text))
  }
  const planned = overviewTitles.length
  entries.push(
    [`## Milestone ${planned}: ${overviewTitles.at(-1)}`, '', `**Goal**: ${sentence(random, 18)}`, ''].join('\n')
  )
  fs.writeFileSync(path.join(dir, 'milestones.md'), overview(project, entries))
}

/** A doc's entry in its overview: its title, a link to it, its goal's first paragraph and its phases. */
function entryOf(number, title, name, text) {
  const goal = /^## Goal\n\n(.+)$/m.exec(text)?.[1]
  const phases = [...text.matchAll(/^### (Phase \d+: .+)$/gm)].map(([, phase]) => `- ${phase}`)
  return [
    `## Milestone ${number}: ${title}`,
    '',
    `Detailed design: [Milestone ${number}: ${title}](./${name}).`,
    '',
    ...(goal ? [`**Goal**: ${goal}`, ''] : []),
    ...(phases.length > 0 ? ['**Phases**:', ...phases, ''] : [])
  ].join('\n')
}

function overview(project, entries) {
  return [
    `# ${project.name} Milestones`,
    '',
    `${project.name} is a photo-sharing web app for small teams. This document lays out the milestones that take ${project.name} from an invite-only beta to a self-serve product.`,
    '',
    `The technical architecture is described in [${project.name} Architecture](./${project.slug}-architecture.md).`,
    '',
    ...entries
  ].join('\n')
}

const maxima = {components: 12, phases: 12, categories: 8, decisions: 10, risks: 10, questions: 3}

/**
 * A milestone doc of `size` bytes (default 15–40 KB) for `{project, number,
 * title, next, defect}`: grown one repeated part at a time until it is that
 * size. The calls to `random` keep their order, so a seed gives the same doc.
 */
function milestoneDoc(spec, size, random) {
  const goal = size ?? 15_000 + Math.floor(random() * 24_000)
  const doc = {
    ...spec,
    random,
    vary: (text) => varyNumbers(rename(text, spec.project), random),
    counts: {components: 2, phases: 2, categories: 2, decisions: 2, risks: 1, questions: 1},
    approach: pick(random, approachNames),
    names: {
      components: shuffled(random, componentNames),
      phases: shuffled(random, phaseNames),
      categories: shuffled(random, categoryNames),
      decisions: shuffled(random, decisionNames),
      risks: shuffled(random, riskNames)
    }
  }
  let text = render(doc)
  const keys = Object.keys(doc.counts)
  while (Buffer.byteLength(text) < goal) {
    const open = keys.filter((key) => doc.counts[key] < maxima[key])
    if (open.length === 0) break
    doc.counts[pick(random, open)]++
    text = render(doc)
  }
  return text
}

function render(doc) {
  const sections = [
    doc.vary(example.head.replace(/^# Milestone 1: Private Beta/m, `# Milestone ${doc.number}: ${doc.title}`))
  ]
  for (const section of example.order) {
    if (doc.defect === 'missing-section' && section === 'Key Outcomes') continue
    const heading = section === 'Why Cloud-First?' ? `Why ${doc.approach}?` : section
    const write = writers[section] ?? plainSection
    sections.push([`## ${heading}`, ...write(doc, section, example.parts(section))].join('\n\n'))
  }
  return (sections.join('\n\n---\n\n') + '\n')
    .replaceAll('milestone-2-public-launch', doc.next)
    .replaceAll('Milestone 2 overview', `Milestone ${doc.number + 1} overview`)
}

/** The blocks after a section's heading, for the sections whose parts repeat. */
const writers = {
  'Core Components Design': components,
  'Implementation Phases': phases,
  'Success Metrics': repeated('categories', (name) => name),
  'Design Decisions & Rationale': repeated('decisions', (name) => `Why ${name}?`),
  'Risks & Mitigation': repeated('risks', (name) => `Risk: ${name}`),
  'Open Questions': questions
}

function components(doc, section, parts) {
  const {names, counts, vary} = doc
  const blocks = []
  for (let index = 0; index < counts.components; index++) {
    const name =
      names.components[index % names.components.length] + (index >= names.components.length ? ` ${index}` : '')
    blocks.push(`### ${index + 1}. ${name}`, vary(parts[index % parts.length].body))
  }
  return blocks
}

function phases(doc, section, parts) {
  const {names, counts, vary, random} = doc
  const table = ['| Phase | Focus | Duration |', '| ----- | ----- | -------- |']
  for (let index = 0; index < counts.phases; index++)
    table.push(`| ${index + 1} | ${names.phases[index]} | ${2 + Math.floor(random() * 3)} weeks |`)
  const blocks = [
    `The beta runs for ${6 + Math.floor(random() * 10)} weeks after the ${counts.phases} build phases below.`,
    table.join('\n')
  ]
  for (let index = 0; index < counts.phases; index++) {
    // The example's last phase (with its Production Launch) closes the list.
    const part = index === counts.phases - 1 ? parts[3] : parts[index % 3]
    let body = vary(part.body)
    if (doc.defect === 'check-mark' && index === 0) body = body.replace('- ✅ ', '- ✔ ')
    blocks.push(`### Phase ${index + 1}: ${names.phases[index]}`, body)
  }
  return blocks
}

/** The section's intro, then `counts[key]` parts named from `names[key]`. */
function repeated(key, heading) {
  return (doc, section, parts) => {
    const intro = example.body(section)
    const blocks = intro ? [doc.vary(intro)] : []
    for (let index = 0; index < doc.counts[key]; index++)
      blocks.push(`### ${heading(doc.names[key][index])}`, doc.vary(parts[index % parts.length].body))
    return blocks
  }
}

function questions(doc, section, parts) {
  const blocks = []
  for (let index = 0; index < doc.counts.questions; index++)
    blocks.push(`### ${parts[index].heading}`, doc.vary(parts[index].body))
  return blocks
}

function plainSection(doc, section, parts) {
  let body = doc.vary(example.body(section))
  if (section === 'Related Documents' && doc.defect === 'broken-link') {
    body = body.replace(`./${doc.project.slug}-architecture.md`, `./${doc.project.slug}-architecture-v2.md`)
  }
  if (section === 'Related Documents' && doc.defect === 'placeholder') {
    body = body.replace('*Last Updated*: November 2026', '*Last Updated*: [Month Year]')
  }
  return [body, ...parts.flatMap((part) => [`### ${part.heading}`, doc.vary(part.body)])]
}

/** Put the project's name where the example has Lumen's. */
function rename(text, project) {
  return text.replaceAll('lumen-', `${project.slug}-`).replaceAll('Lumen', project.name)
}

/** Vary numbers of two or more digits in prose (not in headings, links or code spans). */
function varyNumbers(text, random) {
  return text
    .split('\n')
    .map((line) => {
      if (/^#/.test(line) || line.includes('](') || line.includes('`')) return line
      return line.replace(/\b\d{2,3}\b/g, (digits) => {
        const low = 10 ** (digits.length - 1)
        return String(low + Math.floor(random() * (9 * low)))
      })
    })
    .join('\n')
}
