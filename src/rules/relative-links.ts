/**
 * - `**Parent Document**` and `**Architecture Reference**` are present, each
 *   with a relative link (as lines of their own, list items, rows of a table
 *   whose second cell is the value, `| **Parent Document** | … |` (outer pipes
 *   or not, more cells after it or not), or quoted:
 *   `> **Parent Document**: …`, `> > **Parent Document**: …`); one written
 *   without bold (`Parent Document: […](…)`) is reported on its label, with
 *   its bold form as `expected`;
 * - every relative link, image, definition and HTML link resolves to an
 *   existing file or folder, relative to the doc's folder (percent-decoded,
 *   `?query` ignored);
 * - a `#fragment` matches a heading slug (GitHub's, via `github-slugger`) or an
 *   HTML `id`/`name` anchor of the target Markdown file, or of this file for
 *   `#fragment` alone (ignoring case); with `?plain=1` (GitHub's view of a
 *   file's source), `#L5` and `#L5-L9` name lines, and are not checked;
 * - the Related Documents section links to the same overview and architecture
 *   files (when they exist; a missing one is reported once, as a broken link),
 *   a reference link (`[Overview][overview]`) by its definition wherever that is.
 *
 * An HTML link is an `<a>` tag's `href` (and an image, an `<img>` tag's `src`,
 * is checked as a Markdown image is), in block or inline HTML, quoted or
 * not, its attributes in any order and case (`<A TITLE="…" HREF='./x.md'>`),
 * read as a browser reads it: character references decoded (`&amp;` is `&`),
 * and none in a comment (`<!-- <a href="./old.md"> -->`), an end tag or a
 * `<script>`, `<style>` or `<textarea>`. It counts as a link wherever one is
 * looked for (a metadata line, Related Documents) and is checked as one; a
 * message about it is placed on its href's value. In a paragraph, remark's
 * parser (micromark) takes an unquoted href with a `/` (`<a href=./x.md>`)
 * for text, not a tag; in an HTML block it is a tag.
 *
 * It reads the file system directly (no git, no network), so one file in an
 * editor or a pre-commit hook gets the same answer as a whole folder in CI.
 * Target files are read and parsed once while unchanged. External URLs
 * (`https:`, `mailto:`, `//host`) are never fetched or reported; root-relative
 * links (`/docs/x.md`) are not checked; URLs with a placeholder are left to
 * `milestone-no-placeholders`. A file without a path (stdin) gets only its
 * same-file fragments checked.
 *
 * Links never leave the project, found from the doc, not from the working
 * directory: the nearest folder at or above it with `.git` (the repository),
 * else with a config file or a `package.json` (else the working directory, or
 * the doc's own folder for a doc outside it). So `docs/archive/old.md` may link
 * to `../milestones.md` from any folder it is linted from (and `..notes.md`
 * at the project's root is inside it). A link out of it
 * (`../../../etc/passwd`), or into a symbolic link (or a linked folder) that
 * points out of it, is reported as such, whether its target exists or not:
 * symbolic links are followed one at a time, and a target outside is never
 * looked at, let alone read. A symbolic link loop, a folder
 * named like a doc (`notes.md/`), and a `#fragment` into something that is not
 * a regular file (a FIFO, a device) or cannot be read each get a message
 * instead of a hang. A target is read for its headings within the same
 * [limits](#limits-on-what-is-parsed) as the docs: one over a limit is not
 * parsed (nor read at all when it has more bytes than `limits.size`), and the
 * link gets a message instead of a check.
 *
 * A link to a missing file or heading says what it most likely means, if
 * one name stands out: the path with one segment misspelt (the closest name
 * in that folder: a folder for a segment inside the path, a file or folder
 * for the last one, and the rest of the path as written), or the closest
 * heading slug or anchor of its target. Closest is by edit distance: at most
 * two edits and one per five characters of the name (before its extension),
 * the same numbers in it, and no other name as close. The message is then
 * placed on the URL's path (or its `#fragment`) and carries the new one as a
 * [suggestion](#suggestions): a quick fix in editors, never applied by
 * `--fix`.
 *
 * ```text
 * Unexpected link `../../../etc/passwd` out of the project, expected a file inside it (links are not followed out)
 * Unexpected link to `./loop.md`, which cannot be read (a loop of symbolic links), expected a readable file
 * Unexpected link to folder `./notes.md`, expected a Markdown file
 * Cannot check the link to `#intro` in `./long-line.md`: that file is over a parse limit (line of 125000 characters, over the limit of 100000, on line 3), so it is not read; raise the preset option `limits.lineLength` to check it
 * ```
 *
 * @example invalid.md
 *
 * @example metadata.md
 *
 * @example suggestions.md
 *
 * @example html-links.md
 */

import type {VFile} from 'vfile'
import {headingLine, type Model, type Section} from '../model/model.js'
import {findField} from '../match/outline.js'
import {truncate} from '../text/text.js'
import {linkableEntries, localUrl} from '../project/links.js'
import {type Target, targetOf} from '../project/targets.js'
import {memo} from '../model/memo.js'
import {type OptionsOf, limitsOf} from '../match/options.js'
import {checkLink} from './link-targets.js'
import {firstLink, linkingOf, linksWithin, urlOf} from './linking.js'
import type {LookUps} from './link-suggestions.js'
import {milestoneRule} from './rule.js'
import {reportPlainLabel} from './plain-label.js'
import {report, reportMissing} from './report.js'
import {metadataInsertion, metadataLine} from './metadata-fix.js'
import {bold, shown} from './field-text.js'
import type {LinkRole, Schema} from '../schema/types.js'
import {allSpecs} from '../schema/walk.js'

const optionTypes = {
  /**
   * Check `#fragment`s against the headings and anchors of their targets.
   * @default `true`
   */
  fragments: 'boolean'
} as const

/** The options of `milestone-relative-links`. */
export type RelativeLinksOptions = OptionsOf<typeof optionTypes>

const relativeLinks = milestoneRule({
  id: 'milestone-relative-links',
  description:
    'Links to the milestones overview, the architecture doc and other local files point at files and headings that exist.',
  options: optionTypes,
  check({model, outline, schema, file, options}) {
    const {folder, root, resolve: resolveTarget} = linkingOf(file)

    // One file-system lookup per target (and folder listing) and file, however often it is linked.
    const targets = new Map<string, Target>()
    const folders = new Map<string, Map<string, 'file' | 'directory'>>()
    const look: LookUps = {
      target: (target) => memo(targets, target, (key) => targetOf(key, root)),
      entries: (folder) => memo(folders, folder, (key) => linkableEntries(key, root))
    }

    const roles = checkMetadata(model, file, schema, resolveTarget, look.target)

    // Fragments are checked in targets read within the limits docs are parsed with.
    const anchorLimits = options.fragments === false ? undefined : limitsOf(options)
    for (const node of [...model.links, ...model.htmlLinks]) {
      checkLink(model, file, node, folder, look, anchorLimits)
    }

    for (const spec of allSpecs(schema)) {
      const [section] = spec.links ? outline.sections(spec) : []
      if (section) checkRelated(model, file, section, spec.links ?? [], roles, resolveTarget)
    }
  }
})

/** A section (Related Documents) links again to the metadata targets. */
function checkRelated(
  model: Model,
  file: VFile,
  section: Section,
  wantedRoles: readonly LinkRole[],
  roles: Map<LinkRole, RoleTarget>,
  resolveTarget: (url: string) => string | undefined
): void {
  const {start, end} = section
  if (start === undefined || end === undefined) return
  const linked = new Set<string>()
  for (const {url} of linksWithin(model, start, end)) {
    const target = resolveTarget(url)
    if (target) linked.add(target)
  }
  for (const role of wantedRoles) {
    const wanted = roles.get(role)
    if (!wanted || linked.has(wanted.target)) continue
    report(
      file,
      `Unexpected \`${headingLine(section)}\` without a link to \`${wanted.url}\` (the \`**${wanted.label}**\`), expected one`,
      section.heading?.position
    )
  }
}

export default relativeLinks

interface RoleTarget {
  label: string
  url: string
  target: string
}

/** Check the metadata links; return where each role points. */
function checkMetadata(
  model: Model,
  file: VFile,
  schema: Schema,
  resolveTarget: (url: string) => string | undefined,
  lookUpTarget: (target: string) => Target
): Map<LinkRole, RoleTarget> {
  const roles = new Map<LinkRole, RoleTarget>()

  for (const spec of schema.metadata) {
    if (!spec.link) continue
    const label = bold(spec.label, model)
    const field = findField(model.metadata, spec)

    if (!field) {
      if (reportPlainLabel(model, file, [...model.root.content, ...(model.title?.content ?? [])], model.metadata, spec))
        continue
      // What the fix writes, when the file is certain; else the template's line.
      const line = metadataLine(model, spec, resolveTarget, lookUpTarget)
      const insertion = line === undefined ? undefined : metadataInsertion(model, schema, spec, line)
      // In a table of metadata, a row of it.
      const [what, written, where] = insertion?.row
        ? [`\`${label.slice(0, -1)}\` row`, insertion.row, 'in the table of metadata']
        : [`\`${label}\` line`, line, 'below the title']
      const reason = `Unexpected missing ${what}, expected \`${written ?? `${label} ${spec.example ?? '[…](./….md)'}`}\` ${where}`
      reportMissing(model, file, reason, model.title ?? model.sections[0], insertion)
      continue
    }

    const link = firstLink(model, field)
    const url = link ? urlOf(model, link) : undefined
    if (!link || url === undefined) {
      report(
        file,
        `Unexpected \`${shown(field, model)}\` without a link, expected a relative link such as \`${spec.example ?? '[…](./….md)'}\``,
        field.labelNode.position
      )
      continue
    }

    if (!localUrl(url)?.path) {
      report(
        file,
        `Unexpected link \`${truncate(url)}\` in \`${label}\`, expected a relative link to a file in this repository`,
        link.position
      )
      continue
    }

    // A missing target is reported once, as a broken link; not asked for again.
    const target = resolveTarget(url)
    if (target && exists(lookUpTarget(target))) roles.set(spec.link, {label: spec.label, url, target})
  }

  return roles
}

function exists(target: Target): boolean {
  return target.kind === 'file' || target.kind === 'directory'
}
