/**
 * `milestone-lint --help`: the flags (argv.ts) and the rules (their
 * registry, rules/index.ts) as a table each, so that neither can drift.
 */
import {rules} from '../rules/index.js'
import {type Flag, flags, newFlags} from './flags.js'

/** Every rule by name (its id without `milestone-`): the help's and the pre-commit hook's summary. */
export const summary = `Lint milestone design docs: ${listed(Object.keys(rules).map((id) => id.replace(/^milestone-/, '')))}.`

/** The text `--help` prints. */
export const help = `Usage: milestone-lint [options] <path | glob ...>
       milestone-lint new <file.md> [--title <title>]

${wrapped(
  summary +
    ' Folders are searched for Markdown files; the milestone docs among them are linted, the other files skipped. ' +
    'Config: .milestone-lint.json, .jsonc, .mjs or package.json#milestoneLint (the first from the working directory up; for each doc, those at or above it), ' +
    'under .remarkrc*, package.json#remarkConfig; .remarkignore.',
  '  ',
  78
)}

Options:

${flagTable(flags)}

New docs: \`milestone-lint new <file.md>\` writes a new milestone doc from the
template in use (the config's \`template\`, or the bundled one), titled from
its name, linked to the overview and architecture docs found from its folder.
It never overwrites a file. \`new\` is a command only as the first argument:
\`milestone-lint ./new\` lints a folder named new.

${flagTable(newFlags)}

Rules (by id, as configured and as reported):

${ruleTable()}

Exit codes: 0 no messages, 1 messages (errors only with --no-frail),
2 milestone-lint could not do its job: a bad flag, option or config, an
unusable template, a path or glob that matches no file, a crash.

After the report, one line on stderr sums up the run:
  milestone-lint: 5 files, 2 milestone docs linted, 3 skipped (not milestone docs); 20 warnings

Examples:

  # Every Markdown file below docs/
  $ milestone-lint docs

  # Files by glob (quoted, so that the shell leaves it alone)
  $ milestone-lint 'docs/milestone-*.md'

  # Why is a file not linted?
  $ milestone-lint --verbose docs/milestone-4-draft.md

  # A SARIF log for code scanning
  $ milestone-lint docs --report sarif > results.sarif

  # A new milestone doc, from the template
  $ milestone-lint new docs/milestone-4-scale.md

  # What --fix would change, as a diff; then fix it
  $ milestone-lint --fix-dry-run docs
  $ milestone-lint --fix docs

milestone-lint writes files only with --fix and new: -o/--output is refused.
`

function flagTable(list: readonly Flag[]): string {
  const rows = list.map((flag) => {
    const long = flag.negativeOnly ? '--no-' + flag.long : flag.negatable ? '--[no-]' + flag.long : '--' + flag.long
    const name = flag.alias ? `${long}, --${flag.alias}` : long
    return [flag.short ? '-' + flag.short : '', name + (flag.value ? ' ' + flag.value : ''), flag.help]
  })
  const width = Math.max(...rows.map(([, name]) => name!.length))
  return rows.map(([short, name, text]) => `  ${short!.padEnd(2)}  ${name!.padEnd(width)}  ${text}`).join('\n')
}

function ruleTable(): string {
  const idWidth = Math.max(...Object.keys(rules).map((id) => id.length))
  return Object.entries(rules)
    .map(([id, rule]) =>
      wrapped(rule.description, ' '.repeat(idWidth + 4), 100).replace(/^ */, '  ' + id.padEnd(idWidth + 2))
    )
    .join('\n')
}

/** Text in indented lines of at most `width` characters (a longer word stays whole). */
function wrapped(text: string, indent: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? line + ' ' + word : word
  }
  return [...lines, indent + line].join('\n')
}

/** `a, b and c`. */
function listed(items: string[]): string {
  return items.length > 1 ? items.slice(0, -1).join(', ') + ' and ' + items.at(-1)! : items.join('')
}
