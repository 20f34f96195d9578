/** The config each tool runs with, written to a folder of the run. */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

/** Write the configs into `dir`; their paths, and MD043's headings. */
export function writeConfigs(dir, paths) {
  const file = (name, text) => {
    fs.writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }
  const url = (file) => JSON.stringify(pathToFileURL(file).href)
  const syntax = file(
    'syntax.remarkrc.mjs',
    `import milestoneSyntax from ${url(paths.syntax)}\n\n` + 'export default {plugins: [milestoneSyntax]}\n'
  )
  const gfm = file(
    'gfm.remarkrc.mjs',
    `import remarkFrontmatter from ${JSON.stringify(paths.remarkFrontmatter)}\n` +
      `import remarkGfm from ${JSON.stringify(paths.remarkGfm)}\n\n` +
      'export default {plugins: [remarkFrontmatter, remarkGfm]}\n'
  )
  // remark-lint with no rules: its comment control, which every remark-lint preset pays.
  const lint = file(
    'lint.remarkrc.mjs',
    `import milestoneSyntax from ${url(paths.syntax)}\n` +
      `import remarkLint from ${JSON.stringify(paths.remarkLint)}\n\n` +
      'export default {plugins: [milestoneSyntax, remarkLint]}\n'
  )
  const preset = file(
    'preset.remarkrc.mjs',
    `import remarkLintMilestone from ${url(paths.preset)}\n\n` + 'export default {plugins: [remarkLintMilestone]}\n'
  )
  const headings = markdownlintHeadings(fs.readFileSync(paths.template, 'utf8'))
  const config = {
    config: {default: false, 'required-headings': {headings}, 'relative-links': true},
    customRules: [paths.relativeLinksRule],
    noBanner: true,
    noProgress: true
  }
  const markdownlint = file('bench.markdownlint-cli2.jsonc', JSON.stringify(config, null, 2) + '\n')
  // The same headings for rumdl (JSON strings are TOML basic strings), with only its MD043 and link rules on.
  const rumdl = file(
    'bench.rumdl.toml',
    '[global]\nenable = ["MD043", "MD051", "MD057"]\n\n' + `[MD043]\nheadings = ${JSON.stringify(headings)}\n`
  )
  return {syntax, gfm, lint, preset, markdownlint, rumdl, headings}
}

/**
 * MD043's `headings` from the template: its ATX headings outside code, in
 * order; a heading with a `[placeholder]` is a variable part: `?` (exactly
 * one) when it stands alone, `+` (one or more) for a run of them, as the
 * template repeats those (components, phases, risks…).
 */
export function markdownlintHeadings(template) {
  const list = []
  let fence
  let run = 0
  const flush = () => {
    if (run === 1) list.push('?')
    if (run > 1) list.push('+')
    run = 0
  }
  for (const line of template.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (marker) {
      if (!fence) fence = marker[1]
      else if (marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = undefined
      continue
    }
    if (fence) continue
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    if (/\[[^\]]*\]/.test(heading[2])) {
      run++
    } else {
      flush()
      list.push(`${heading[1]} ${heading[2]}`)
    }
  }
  flush()
  return list
}
