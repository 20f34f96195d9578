import type {Heading, Html} from 'mdast'
import {toString} from 'mdast-util-to-string'
import GithubSlugger from 'github-slugger'

const anchorAttribute = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi

/**
 * What a `#fragment` can point at in a Markdown file, as GitHub renders it:
 * heading slugs (with `-1`, `-2` for repeats) and HTML `id`/`name` anchors.
 * Lowercased, as fragments are compared ignoring case.
 */
export function anchorsOf(headings: readonly Heading[], html: readonly Html[]): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  for (const heading of headings) anchors.add(slugger.slug(toString(heading)))
  for (const node of html) {
    for (const match of node.value.matchAll(anchorAttribute)) anchors.add(match[1]!.toLowerCase())
  }
  return anchors
}
