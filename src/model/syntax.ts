/**
 * The Markdown syntax milestone docs are read in: CommonMark, YAML front
 * matter, and the two parts of GFM the rules must tell apart from text.
 *
 * - Task-list boxes (`- [ ] …`) are not placeholders, and a success
 *   criterion written as one is reported as such.
 * - Footnotes (`[^1]`, `[^1]: …`) are not placeholders, and a footnote
 *   definition is not a link definition whose target is checked.
 *
 * The rest of GFM is left out: the rules read those constructs the same
 * either way, and they are costly to parse. Literal autolinks
 * (`www.example.com`) are never relative links; a table or strikethrough
 * reads as text whose placeholders are found all the same. Add `remark-gfm`
 * yourself if other plugins need the rest.
 */
import {frontmatterFromMarkdown, frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown} from 'mdast-util-gfm-footnote'
import {gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown} from 'mdast-util-gfm-task-list-item'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/** The syntax extensions, for `mdast-util-from-markdown` (link targets are read with them too). */
export const syntax = {
  extensions: [frontmatter(), gfmFootnote(), gfmTaskListItem()],
  mdastExtensions: [frontmatterFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown()]
}

/** Add the syntax milestone docs are read in to a processor (a remark plugin). */
export default function milestoneSyntax(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(...syntax.extensions)
  ;(data.fromMarkdownExtensions ??= []).push(...syntax.mdastExtensions)
  ;(data.toMarkdownExtensions ??= []).push(
    frontmatterToMarkdown(),
    gfmFootnoteToMarkdown(),
    gfmTaskListItemToMarkdown()
  )
}
