/**
 * Files that cannot be milestone docs are not parsed when no other plugin
 * needs their tree (see `worthParsing` in src/rules/triage.ts): the tree is then
 * the text as one raw node.
 */
import {readFileSync} from 'node:fs'
import {remark} from 'remark'
import type {PluggableList} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkLintMilestone, {type Options} from '../src/index.js'
import releaseTrees from '../src/cli/release-trees.js'
import {mayBeMilestoneDoc} from '../src/match/detect-text.js'
import {defaultSchema} from '../src/project/template.js'

const readme = '# Install\n\nRun `npm install`.\n\n## Usage\n\nSee [the docs](./docs.md).\n'
const valid = readFileSync('fixtures/example/milestone-2-public-launch.md', 'utf8')

/** Whether the preset (with options, after plugins) parses a file. */
function parses(value: string, path: string, options?: Options, plugins: PluggableList = []): boolean {
  const processor = remark().use(plugins).use(remarkLintMilestone, options)
  const tree = processor.parse(new VFile({value, path}))
  return !(tree.children.length === 1 && tree.children[0]!.type === 'html' && tree.children[0].value === value)
}

describe('parsing only what may be a milestone doc', () => {
  it('does not parse a file without the template’s evidence, when only the preset needs trees', () => {
    expect(parses(readme, 'README.md')).toBe(false)
    expect(parses('# Milestone 3: Scale\n\nJust a title.\n', 'notes.md')).toBe(false)
    // Named like one, but with no template section or metadata line.
    expect(parses('# Notes\n\nNothing here.\n', 'milestone-1-notes.md')).toBe(false)
  })

  it('parses every file when another plugin is used, which may need any tree', () => {
    expect(parses(readme, 'README.md', undefined, [function anotherPlugin() {}])).toBe(true)
  })

  it('still skips under `milestone-lint`, whose release-trees plugin needs no tree', () => {
    expect(parses(readme, 'README.md', undefined, [releaseTrees])).toBe(false)
  })

  it('parses a doc with enough evidence, however named', () => {
    expect(parses(valid, 'milestone-2-public-launch.md')).toBe(true)
    expect(parses(valid, 'notes.md')).toBe(true)
    expect(parses('**Parent Document**: x\n**Architecture Reference**: y\n\n## Goal\n', 'plan.md')).toBe(true)
    expect(parses('**Status**: Draft\n**Parent Document**: x\n**Architecture Reference**: x\n', 'plan.md')).toBe(true)
    // A design doc with a status and a parent follows another template, even with a section of the template.
    expect(parses('**Status**: Draft\n**Parent Document**: x\n\n## Overview\n', 'plan.md')).toBe(false)
    expect(parses('**Status**: Draft\n**Parent Document**: x\n\n## Next Steps\n', 'plan.md')).toBe(false)
    expect(parses('# Milestone 3: Scale\n\n## Goal\n', 'notes.md')).toBe(true)
  })

  it('follows `include` and `exclude`, of the preset and of each rule', () => {
    expect(parses(readme, 'README.md', {include: ['*.md']})).toBe(true)
    expect(parses(readme, 'README.md', {'milestone-no-placeholders': {include: ['README.md']}})).toBe(true)
    expect(parses(valid, 'milestone-2-public-launch.md', {exclude: ['*.md']})).toBe(false)
    expect(parses(valid, 'milestone-2-public-launch.md', {detect: false})).toBe(false)
  })

  it('counts a template heading as evidence when its longest word occurs, in any case', () => {
    const schema = defaultSchema()
    const may = (value: string) =>
      mayBeMilestoneDoc(value, new VFile({value, path: 'notes.md'}), schema, {templateFile: undefined})
    const headings = schema.sections.map((spec) => '## ' + spec.heading).join('\n\n')
    expect(may(headings)).toBe(true)
    expect(may(headings.toUpperCase())).toBe(true)
    expect(
      may(
        schema.sections
          .slice(0, 2)
          .map((spec) => '## ' + spec.heading)
          .join('\n\n')
      )
    ).toBe(false)
  })
})
