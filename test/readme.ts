/**
 * Code blocks of README.md exactly as written, so that tests run what users
 * copy and the README cannot drift from what is tested. A block in a list
 * item is taken without its indent.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {milestoneLint, repoRoot} from './project.js'

interface Block {
  /** Offset of its opening fence in the README. */
  at: number
  lang: string
  text: string
}

function blocks(): {readme: string; blocks: Block[]} {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const found = [...readme.matchAll(/^( *)```([a-z]*)\n([\s\S]*?)^\1```$/gm)].map((match) => ({
    at: match.index,
    lang: match[2]!,
    text: match[3]!.replace(new RegExp(`^${match[1]!}`, 'gm'), '')
  }))
  return {readme, blocks: found}
}

/** The one block whose first line is `first`. */
export function readmeBlock(first: string): string {
  const found = blocks().blocks.filter((block) => block.text.startsWith(first + '\n'))
  if (found.length !== 1) throw new Error(`Expected one README block starting with \`${first}\`, found ${found.length}`)
  return found[0]!.text
}

/** The first block (in `lang`, if given) after the first line that starts with `marker`. */
export function readmeBlockAfter(marker: string, lang?: string): string {
  const {readme, blocks: all} = blocks()
  const line = new RegExp('^' + marker.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&'), 'm').exec(readme)
  const found = line && all.find((block) => block.at > line.index && (lang === undefined || block.lang === lang))
  if (!found) throw new Error(`README.md has no ${lang ?? ''} block after a line starting with \`${marker}\``)
  return found.text
}

/**
 * Run a README example (`$ npx milestone-lint <args>`, then its output) in a
 * project: what it prints (stderr only when stdout is redirected) and what
 * the README says it prints.
 */
export function readmeRun(project: string, first: string) {
  const [command, ...lines] = readmeBlock(first).split('\n')
  const redirected = / > \S+$/.test(command!)
  const words = command!
    .replace(/^\$ npx milestone-lint /, '')
    .replace(/ > \S+$/, '')
    .match(/'[^']*'|\S+/g)!
  const result = milestoneLint(project, ...words.map((word) => word.replace(/^'(.*)'$/, '$1')))
  return {...result, actual: redirected ? result.stderr : result.stdout + result.stderr, expected: lines.join('\n')}
}
