import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {remark} from 'remark'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import remarkLintMilestone from '../src/index.js'
import {defaultLimits, exceededLimit} from '../src/model/limits.js'
import {format, lint} from './helpers.js'
import {makeProject, milestoneLint, removeProjects} from './project.js'

afterAll(removeProjects)

const title = '# Milestone 1: Hostile\n\n'
const nestedQuotes = (depth: number) => title + '>'.repeat(depth) + ' x\n'
const nestedLists = (depth: number) =>
  title + Array.from({length: depth}, (_, level) => '  '.repeat(level) + '- item').join('\n') + '\n'
const manyLists = (count: number) => title + Array.from({length: count}, () => '- a\n\nb\n').join('\n')

/** Lint text as a milestone doc with the whole preset; the messages, formatted. */
async function lintText(value: string, options?: Parameters<typeof lint>[1], name = 'milestone-1-hostile.md') {
  const file = await lint(new VFile({path: name, value}), options)
  return file.messages.map((message) => `${format(message)} (fatal: ${String(message.fatal)})`)
}

describe('exceededLimit', () => {
  it('finds nothing in real docs', () => {
    for (const doc of ['milestone-1-private-beta.md', 'milestone-2-public-launch.md', 'milestones.md']) {
      expect(exceededLimit(readFileSync('fixtures/example/' + doc, 'utf8'), defaultLimits)).toBeUndefined()
    }
  })

  it('finds each limit, on its line', () => {
    const small = {...defaultLimits, size: 100, lineLength: 10, nesting: 3, lists: 2}
    expect(exceededLimit('x'.repeat(101), small)).toEqual({limit: 'size', found: 101})
    expect(exceededLimit('a\nbbbbbbbbbbb\n', small)).toEqual({limit: 'lineLength', found: 11, line: 2})
    expect(exceededLimit('> > - > x', small)).toEqual({limit: 'nesting', found: 4, line: 1})
    expect(exceededLimit('- a\n  - b\n    - c\n      - d\n', small)).toEqual({limit: 'nesting', found: 4, line: 4})
    expect(exceededLimit('- a\n- b\n\nx\n\n1. c\n\ny\n* d\n', small)).toEqual({limit: 'lists', found: 3, line: 9})
  })

  it('ends lines at CR and CRLF too', () => {
    const lines = 'Some text.\n'.repeat(10_000)
    expect(exceededLimit(lines.replace(/\n/g, '\r'), defaultLimits)).toBeUndefined()
    expect(exceededLimit(lines.replace(/\n/g, '\r\n'), defaultLimits)).toBeUndefined()
    const deep = Array.from({length: 300}, (_, level) => '  '.repeat(level) + '- item').join('\r')
    expect(exceededLimit(deep, defaultLimits)).toEqual({limit: 'nesting', found: 101, line: 101})
  })

  it('counts a list with loose items and indented continuations once', () => {
    const limits = {...defaultLimits, lists: 1}
    expect(exceededLimit('- a\n\n- b\n\n  more b\n\n- c\n', limits)).toBeUndefined()
    expect(exceededLimit('---\n***\n- - -\n', {...defaultLimits, nesting: 3})).toBeUndefined()
  })
})

describe('the parse guard in the preset', () => {
  it('does not parse a milestone doc over a limit, and says which limit and how to raise it', async () => {
    expect(await lintText(nestedQuotes(10_000))).toEqual([
      '3:1 limits: Unexpected nesting 10000 block quotes, list items and footnote definitions deep, over the limit of 100, so this file is not linted; raise the preset option `limits.nesting` to lint it (fatal: true)'
    ])
    expect(await lintText(nestedLists(400))).toEqual([
      '103:1 limits: Unexpected nesting 101 block quotes, list items and footnote definitions deep, over the limit of 100, so this file is not linted; raise the preset option `limits.nesting` to lint it (fatal: true)'
    ])
    expect(await lintText(manyLists(2_500))).toEqual([
      '8003:1 limits: Unexpected list number 2001, over the limit of 2000, so this file is not linted; raise the preset option `limits.lists` to lint it (fatal: true)'
    ])
    expect(await lintText(title + 'word **bold** text '.repeat(6_000))).toEqual([
      '3:1 limits: Unexpected line of 114000 characters, over the limit of 100000, so this file is not linted; raise the preset option `limits.lineLength` to lint it (fatal: true)'
    ])
    expect(await lintText(title + 'x\n'.repeat(500_001))).toEqual([
      '? limits: Unexpected file of 1000026 characters, over the limit of 1000000, so this file is not linted; raise the preset option `limits.size` to lint it (fatal: true)'
    ])
  })

  it('skips, silently, a file over a limit that does not look like a milestone doc', async () => {
    expect(await lintText('x\n'.repeat(600_000), undefined, 'CHANGELOG.md')).toEqual([])
    expect(
      await lintText(
        '**Parent Document**: [x](./x.md)\n**Architecture Reference**: [y](./y.md)\n\n## Goal\n\n' +
          'x\n'.repeat(600_000),
        undefined,
        'notes.md'
      )
    ).toHaveLength(1)
    expect(await lintText(nestedQuotes(500), {exclude: '**'})).toEqual([])
  })

  it('knows a doc over a limit by the evidence a parsed doc needs, whatever its name', async () => {
    const huge = 'x\n'.repeat(600_000)
    const overLimit = async (start: string, options?: Parameters<typeof lint>[1]) =>
      (await lintText(start + huge, options, 'notes.md')).length
    expect(await overLimit('# Milestone 3: Scale\n\n**Status**: Draft\n')).toBe(1)
    expect(await overLimit('**Parent Document:** x\n__Architecture Reference__: [x](./x.md)\n\n## Goal ##\n')).toBe(1)
    expect(await overLimit('**Status**: Draft\n**Parent Document**: x\n**Architecture Reference**: x\n')).toBe(1)
    // Each alone is said of other docs too: a progress report's title, a design doc's status and parent,
    // with one of the template's sections too.
    expect(await overLimit('# Milestone 3: Scale\n\n')).toBe(0)
    expect(await overLimit('**Status**: Draft\n**Parent Document**: [x](./x.md)\n\n## Overview\n')).toBe(0)
    expect(await overLimit('**Status**: Draft\n**Parent Document**: [x](./x.md)\n\n## Next Steps\n')).toBe(0)
    expect(await overLimit('**Status**: Draft\n\nStatus only.\n')).toBe(0)

    // Another template: its own title and labels count, the bundled one's do not.
    const folder = mkdtempSync(path.join(tmpdir(), 'limits-template-'))
    const template = path.join(folder, 'release-template.md')
    writeFileSync(
      template,
      '# Release [Version]: [Name]\n\n**Owner**: [Name]\n**Stage**: [Stage]\n\n## Summary\n\n[Summary]\n'
    )
    try {
      expect(await overLimit('# Release 2.0: Sync\n\n**Owner**: Ana\n', {template})).toBe(1)
      expect(await overLimit('**Owner**: Ana\n**Stage**: Beta\n', {template})).toBe(1)
      expect(await overLimit('# Milestone 3: Scale\n\n**Status**: Draft\n**Parent Document**: x\n', {template})).toBe(0)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })

  it('lints a file under limits raised by the preset option', async () => {
    expect(await lintText(nestedLists(150), {limits: {nesting: 200}})).toEqual([])
  })

  it('turns a parser exception into one fatal message; `parse` never throws', async () => {
    // Within the limits no input is known to make the parser throw (10,000
    // nested block quotes did, with remark-gfm): a parser that throws stands in.
    const value = title + '**Status**: Draft\n'
    const processor = remark()
      .use(function () {
        this.parser = () => {
          throw new RangeError('Maximum call stack size exceeded')
        }
      })
      .use(remarkLintMilestone)
    const file = new VFile({path: 'milestone-1-hostile.md', value})
    const tree = processor.parse(file)
    expect(tree).toEqual({type: 'root', children: [{type: 'html', value}]})
    await processor.run(tree, file)
    expect(file.messages.map((message) => [message.reason, message.fatal, message.ruleId])).toEqual([
      ['Cannot parse this file (Maximum call stack size exceeded), so it is not linted', true, 'parse']
    ])
  })

  it('lints the deepest nesting the limit can be raised to, and no deeper', async () => {
    const value = title + '**Status**: Draft\n\n' + '>'.repeat(1_000) + ' [Placeholder]\n'
    const file = new VFile({path: 'milestone-1-hostile.md', value})
    await lint(file, {limits: {nesting: 1_000}})
    expect(file.messages.some((message) => message.ruleId === 'milestone-no-placeholders')).toBe(true)
    expect(() =>
      remark()
        .use(remarkLintMilestone, {limits: {nesting: 1_001}})
        .freeze()
    ).toThrow(/option `limits`, expected an object of positive integers \(`nesting` at most 1000\)/)
  })

  it('keeps the text of an unparsed file, should a processor write it out', () => {
    const value = nestedQuotes(500)
    const processor = remark().use(remarkLintMilestone)
    const file = new VFile({path: 'CHANGELOG.md', value})
    expect(processor.stringify(processor.parse(file))).toBe(value)
  })

  it('rejects bad limits, naming the option', () => {
    expect(() =>
      remark()
        .use(remarkLintMilestone, {limits: {size: -1}})
        .freeze()
    ).toThrow(
      'remark-lint-milestone: unexpected value `{"size":-1}` for option `limits`, expected an object of positive integers (`nesting` at most 1000), with keys among `size`, `lineLength`, `nesting`, `lists`'
    )
    expect(() =>
      remark()
        .use(remarkLintMilestone, {limits: {depth: 3} as never})
        .freeze()
    ).toThrow(/option `limits`/)
  })
})

describe('milestone-lint on a folder of good and hostile files', () => {
  it('reports the hostile files, lints the others, and fails', () => {
    const project = makeProject()
    const files: Record<string, string> = {
      'milestone-7-quotes.md': nestedQuotes(10_000),
      'milestone-8-lists.md': manyLists(2_500),
      'milestone-9-line.md': title + 'word **bold** text '.repeat(60_000)
    }
    for (const [name, value] of Object.entries(files)) {
      writeFileSync(path.join(project, 'docs', name), value)
    }
    const {status, stderr} = milestoneLint(project, 'docs')
    expect(status).toBe(1)
    expect(stderr).toMatch(/docs\/milestone-7-quotes\.md\n\s*3:1\s+error\s+Unexpected nesting 10000 block quotes/)
    expect(stderr).toMatch(/docs\/milestone-8-lists\.md\n\s*8003:1\s+error\s+Unexpected list number 2001/)
    expect(stderr).toMatch(/docs\/milestone-9-line\.md\n\s*error\s+Unexpected file of 1140024 characters/)
    expect(stderr).toMatch(/docs\/milestone-1-private-beta\.md: no issues found/)
    expect(stderr).toMatch(/109:13-109:19\s+warning\s+Unexpected impact level `Severe`/)
    expect(stderr).toMatch(/23 messages \(✖ 3 errors, ⚠ 20 warnings\)/)
  }, 60_000)
})

describe('limits that bound the parser’s work', () => {
  const small = {...defaultLimits, nesting: 3, lists: 2, blocks: 5, markers: 8, paragraphMarkers: 4}
  const loose = {...small, blocks: 100, markers: 100, paragraphMarkers: 100}

  it('counts nested footnote definitions as nesting', () => {
    expect(exceededLimit('[^a]: [^b]: [^c]: x\n', small)).toBeUndefined()
    expect(exceededLimit('[^a]: [^b]: [^c]: [^d]: x\n', small)).toEqual({limit: 'nesting', found: 4, line: 1})
  })

  it('counts brackets left open in a paragraph as nesting', () => {
    expect(exceededLimit('![![![x](y)](y)](y)\n', loose)).toBeUndefined()
    expect(exceededLimit('![![![![x](y)](y)](y)](y)\n', loose)).toEqual({
      limit: 'nesting',
      found: 4,
      line: 1,
      brackets: true
    })
    expect(exceededLimit('[a\n[b\n[c\n[d\n', loose)).toEqual({limit: 'nesting', found: 4, line: 4, brackets: true})
    // Closed brackets do not add up, and a paragraph ends at a blank line.
    expect(exceededLimit('[a] [b] [c] [d] [e]\n', loose)).toBeUndefined()
    expect(exceededLimit('[a\n[b\n\n[c\n[d\n', loose)).toBeUndefined()
  })

  it('starts a new list at a new kind of marker', () => {
    expect(exceededLimit('- a\n- b\n- c\n1. d\n2. e\n', {...small, blocks: 100})).toBeUndefined()
    expect(exceededLimit('- a\n* b\n+ c\n', small)).toEqual({limit: 'lists', found: 3, line: 3})
    expect(exceededLimit('1. a\n2) b\n3. c\n', small)).toEqual({limit: 'lists', found: 3, line: 3})
  })

  it('counts blocks: paragraphs, headings, items, quotes, breaks, fences, HTML, definitions', () => {
    expect(exceededLimit('a\n\nb\n\nc\nd\ne\n\nf\n\ng\n', small)).toBeUndefined()
    expect(exceededLimit('a\n\nb\n\nc\n\nd\n\ne\n\nf\n', small)).toEqual({limit: 'blocks', found: 6, line: 11})
    expect(exceededLimit('# a\n# b\n# c\n# d\n# e\n# f\n', small)).toEqual({limit: 'blocks', found: 6, line: 6})
    expect(exceededLimit('a\n=\nb\n---\n***\n<div>\n# c\n', small)).toEqual({limit: 'blocks', found: 6, line: 7})
    expect(exceededLimit('[a]: b\n[b]: c\n```\n```\n~~~\n[c]: d\n', small)).toEqual({
      limit: 'blocks',
      found: 6,
      line: 6
    })
    expect(exceededLimit('> > > a\n\n> > b\n', small)).toEqual({limit: 'blocks', found: 7, line: 3})
    // Bold labels and table rows are lines of one paragraph.
    expect(exceededLimit('**A**: 1\n**B**: 2\n| c | d |\n| e | f |\n[g] h\n', {...loose, blocks: 1})).toBeUndefined()
  })

  it('counts inline markers in the file, and emphasis and link markers in one paragraph', () => {
    expect(exceededLimit('*a* [b]\n\n`c` <d> \\e\n', small)).toBeUndefined()
    expect(exceededLimit('*a* [b]\n\n`c` <d> \\e &\n', small)).toEqual({limit: 'markers', found: 9, line: 3})
    expect(exceededLimit('**a** [b]\n', small)).toBeUndefined()
    expect(exceededLimit('**a** [b] _c\n', small)).toEqual({limit: 'paragraphMarkers', found: 5, line: 1})
    // A `_` inside a word is no marker.
    expect(
      exceededLimit('snake_case_name and_more_of_them\n', {...small, markers: 0, paragraphMarkers: 0})
    ).toBeUndefined()
  })

  it('ends a paragraph at a blank line, a heading or a list item that can interrupt one', () => {
    const limits = {...loose, paragraphMarkers: 4}
    expect(exceededLimit('*a* *b*\n\n*c* *d*\n', limits)).toBeUndefined()
    expect(exceededLimit('*a* *b*\n# *c* *d*\n*e* *f*\n', limits)).toBeUndefined()
    expect(exceededLimit('*a* *b*\n- *c* *d*\n1. *e* *f*\n', limits)).toBeUndefined()
    // Lines that continue a paragraph: an empty item, an item numbered
    // other than 1, a heading or item indented as code, a `#` without space.
    for (const line of ['+', '2. *c*', '    # *c*', '    - *c*', '#c *c*']) {
      expect(exceededLimit(`*a* *b*\n${line}\n*d* *e*\n`, {...limits, paragraphMarkers: 6}), line).toMatchObject({
        limit: 'paragraphMarkers',
        line: 3
      })
    }
  })
})
