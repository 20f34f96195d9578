/** Ordinary Markdown files of a docs repo: READMEs, notes, guides, ADRs, runbooks, meeting notes, changelogs. */
import {nouns, words} from './names.mjs'
import {pick, sentence, titleCase} from './random.mjs'

function paragraph(random) {
  const out = []
  const count = 2 + Math.floor(random() * 4)
  for (let index = 0; index < count; index++) {
    let text = sentence(random, 8 + Math.floor(random() * 14))
    const roll = random()
    if (roll < 0.15) text = text.replace(/ (\w+) (\w+)/, ' **$1 $2**')
    else if (roll < 0.3) text = text.replace(/ (\w+)\./, ' `$1`.')
    else if (roll < 0.4) text += ` See [the docs](https://example.com/${pick(random, words)}).`
    out.push(text)
  }
  return out.join(' ')
}

const sectionsOf = {
  adr: ['Context', 'Decision', 'Consequences'],
  readme: ['Install', 'Usage', 'Configuration', 'API', 'Contributing']
}
const defaultSections = ['Summary', 'Details', 'Steps', 'Follow-ups', 'References']

/** A doc of `kind` of 1.5–6 KB, titled `title`, that may link to `links`. */
export function ordinaryDoc(random, kind, title, links) {
  const goal = 1_500 + Math.floor(random() * 4_500)
  const out = [`# ${titleCase(title)}`, '']
  if (kind === 'adr')
    out.push(
      '**Status**: Accepted',
      '',
      `**Date**: 2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      ''
    )
  if (kind === 'meetings')
    out.push(
      '---',
      `date: 2026-0${1 + Math.floor(random() * 9)}-2${Math.floor(random() * 8)}`,
      'attendees: 5',
      '---',
      ''
    )
  out.push(paragraph(random), '')
  const sections = sectionsOf[kind] ?? defaultSections
  let section = 0
  while (Buffer.byteLength(out.join('\n')) < goal) {
    const heading =
      section < sections.length ? sections[section] : titleCase(`${pick(random, words)} ${pick(random, nouns)}`)
    section++
    out.push(`## ${heading}`, '', paragraph(random), '')
    out.push(...block(random))
    if (links.length > 0 && random() < 0.3) out.push(`Related: [${pick(random, nouns)}](${pick(random, links)}).`, '')
  }
  return out.join('\n')
}

/** What may follow a section's paragraph: a list, a code block, a table, a task list, a quote, or nothing. */
function block(random) {
  const out = []
  const roll = random()
  if (roll < 0.3) {
    for (let index = 0; index < 3 + Math.floor(random() * 4); index++)
      out.push(`- ${sentence(random, 5 + Math.floor(random() * 8))}`)
    out.push('')
  } else if (roll < 0.45) {
    out.push(
      '```sh',
      `npm install ${pick(random, words)}-${pick(random, nouns)}`,
      `npx ${pick(random, words)} --${pick(random, nouns)} ./config.json`,
      '```',
      ''
    )
  } else if (roll < 0.55) {
    out.push('| Option | Default | Meaning |', '| --- | --- | --- |')
    for (let index = 0; index < 3 + Math.floor(random() * 4); index++)
      out.push(`| \`${pick(random, words)}\` | \`${Math.floor(random() * 100)}\` | ${sentence(random, 6)} |`)
    out.push('')
  } else if (roll < 0.65) {
    for (let index = 0; index < 3; index++) out.push(`- [${random() < 0.5 ? 'x' : ' '}] ${sentence(random, 6)}`)
    out.push('')
  } else if (roll < 0.72) {
    out.push(`> ${sentence(random, 14)}`, '')
  }
  return out
}

/** A package's changelog of 1.5–5.5 KB, with its version links. */
export function changelog(random, name) {
  const out = [`# Changelog`, '', `All notable changes to \`${name}\` are documented in this file.`, '']
  const goal = 1_500 + Math.floor(random() * 4_000)
  const major = 1 + Math.floor(random() * 3)
  let minor = 9
  const versions = []
  while (Buffer.byteLength(out.join('\n')) < goal && minor > 0) {
    const version = `${major}.${minor}.0`
    versions.push(version)
    out.push(
      `## [${version}] - 2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-1${Math.floor(random() * 10)}`,
      ''
    )
    for (const kind of ['Added', 'Changed', 'Fixed']) {
      if (random() < 0.3) continue
      out.push(`### ${kind}`, '')
      for (let index = 0; index < 1 + Math.floor(random() * 4); index++)
        out.push(`- ${sentence(random, 6 + Math.floor(random() * 8))} (#${100 + Math.floor(random() * 900)})`)
      out.push('')
    }
    minor--
  }
  for (const version of versions) out.push(`[${version}]: https://example.com/${name}/releases/v${version}`)
  out.push('')
  return out.join('\n')
}
