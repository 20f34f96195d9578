/**
 * Fields read from a paragraph (src/model/fields.ts): label lines, and the
 * rows of a table whose first cell is a label, the second cell the value.
 */
import {remark} from 'remark'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/model.js'
import milestoneSyntax from '../src/model/syntax.js'

/** A doc's metadata: each field's label, value text, and the source between its value's start and end. */
function metadata(lines: string): string[][] {
  const markdown = `# Milestone 1: Test\n\n${lines}\n\n## Executive Summary\n\nA summary.\n`
  const file = new VFile({path: 'milestone-1-test.md', value: markdown})
  const model = buildModel(remark().use(milestoneSyntax).parse(file), file)
  const fields = model.metadata.filter((field) => field.labelNode.type !== 'heading')
  return fields.map((field) => [field.label, field.text, markdown.slice(field.valueStart, field.valueEnd).trim()])
}

describe('fields in a table', () => {
  it('reads each row whose first cell is a label, the second cell its value, with or without spaces or a closing `|`', () => {
    expect(
      metadata(
        '| Field | Value |\n| --- | --- |\n| **Status** | In Progress |\n|**Parent Document**|[Overview](./milestones.md)|\n| *Owner* (interim) | Platform'
      )
    ).toEqual([
      ['Status', 'In Progress', 'In Progress'],
      ['Parent Document', 'Overview', '[Overview](./milestones.md)'],
      ['Owner', 'Platform', 'Platform']
    ])
  })

  it('reads a label with its colon in the cell, and a row in a quote', () => {
    expect(metadata('> | **Status:** | Planning |\n> | **Owner** | Platform |')).toEqual([
      ['Status', 'Planning', 'Planning'],
      ['Owner', 'Platform', 'Platform']
    ])
  })

  it('reads a row of three cells or more by its second cell, and no field from a `|` in prose', () => {
    expect(
      metadata('| **Risk** | High | Low |\n| **Status** | [Plan](./a.md) | Later |\n| **Owner** | | Platform |')
    ).toEqual([
      ['Risk', 'High', 'High'],
      ['Status', 'Plan', '[Plan](./a.md)'],
      ['Owner', '', '']
    ])
    expect(metadata('See a | **Status** | b')).toEqual([])
  })

  it('reads an escaped `|` as the cell’s text, as GitHub does', () => {
    expect(metadata('| **Owner** | a \\| b |\n| **Status** | [Plan \\| B](./a.md) \\| `c` |')).toEqual([
      ['Owner', 'a | b', 'a \\| b'],
      ['Status', 'Plan | B | c', '[Plan \\| B](./a.md) \\| `c`']
    ])
  })

  it('reads a table without outer pipes, which its delimiter row makes a table, and no such line without one', () => {
    expect(metadata('Field | Value\n--- | ---\n**Status** | Planning\n**Owner** | Platform |')).toEqual([
      ['Status', 'Planning', 'Planning'],
      ['Owner', 'Platform', 'Platform']
    ])
    expect(metadata('**Status** | Planning\n**Owner** | Platform')).toEqual([])
  })

  it('reads label lines as before', () => {
    expect(metadata('**Status**: Planning\n**Parent Document**: [Overview](./milestones.md)')).toEqual([
      ['Status', 'Planning', 'Planning'],
      ['Parent Document', 'Overview', '[Overview](./milestones.md)']
    ])
  })
})
