/**
 * The files a lint reads besides the doc, by name: Markdown files (link
 * targets, templates) and unified-engine's config files. A leaf module, so
 * the language server's own thread can watch these without loading a parser.
 */

/** The extensions of Markdown files. */
export const markdownExtensions = ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdx']

const markdownExtension = new RegExp(`\\.(?:${markdownExtensions.join('|')})$`, 'i')

/** Whether a path names a Markdown file, by its extension. */
export function isMarkdown(file: string): boolean {
  return markdownExtension.test(file)
}

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
