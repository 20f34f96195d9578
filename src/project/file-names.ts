/**
 * The files a lint reads besides the doc, by name: Markdown files (link
 * targets, templates) and unified-engine's config files. A leaf module, so
 * the language server's own thread can watch these without loading a parser.
 */
import path from 'node:path'

/** The extensions of Markdown files. */
export const markdownExtensions = ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdx']

/** Whether a path names a Markdown file, by its extension (in any case). */
export function isMarkdown(file: string): boolean {
  return markdownExtensions.includes(path.extname(file).slice(1).toLowerCase())
}

/** remark-cli's ignore file. */
export const ignoreName = '.remarkignore'

/** Config file names, as unified-engine looks for them (`rcName` and its extensions). */
export const rcNames = new Set([
  '.remarkrc',
  '.remarkrc.json',
  '.remarkrc.cjs',
  '.remarkrc.mjs',
  '.remarkrc.js',
  '.remarkrc.yaml',
  '.remarkrc.yml'
])

/** milestone-lint's own config files, in the order they are looked for in one folder (then `package.json`). */
export const ownConfigNames = ['.milestone-lint.json', '.milestone-lint.jsonc', '.milestone-lint.mjs']

/** The `package.json` field that holds milestone-lint's own config. */
export const ownPackageField = 'milestoneLint'
