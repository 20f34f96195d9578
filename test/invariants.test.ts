/** The checker the fuzz, CommonMark and hostile tests rely on finds what it should. */
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {problems} from './invariants.js'

function withMessage(value: string | Uint8Array, place: Point | Position | undefined, reason = 'x'): VFile {
  const file = new VFile({value})
  file.message(reason, {place, ruleId: 'milestone-x', source: 'remark-lint'})
  return file
}

describe('problems()', () => {
  it.each<[string, string, Point | Position | undefined]>([
    ['a line past the end', 'a\n', {line: 3, column: 1}],
    ['line 0', 'a', {line: 0, column: 1}],
    ['a column past the end of its line', 'ab\ncd', {line: 1, column: 4}],
    ['column 0', 'a', {line: 1, column: 0}],
    ['an offset that is another line and column', 'a\nb', {line: 1, column: 1, offset: 2}],
    ['a range that ends before it starts', 'abc', {start: {line: 1, column: 3}, end: {line: 1, column: 2}}],
    ['a range that ends past the end', 'abc', {start: {line: 1, column: 1}, end: {line: 2, column: 1}}],
    ['no place', 'a', undefined]
  ])('reports %s', (_, value, place) => {
    expect(problems(withMessage(value, place))).toHaveLength(1)
  })

  it('reports a rule that threw', () => {
    expect(problems(withMessage('a', {line: 1, column: 1}, 'Cannot check `milestone-x`: TypeError'))).toHaveLength(1)
  })

  it('accepts the end of the file after a final line ending, and counts `\\r\\n` and `\\r` as one', () => {
    expect(problems(withMessage('a\n', {line: 2, column: 1, offset: 2}))).toEqual([])
    expect(
      problems(withMessage('a\r\n', {start: {line: 1, column: 2, offset: 1}, end: {line: 2, column: 1, offset: 3}}))
    ).toEqual([])
    expect(problems(withMessage('a\rb\r', {line: 3, column: 1, offset: 4}))).toEqual([])
  })

  it('counts as the parser does: bytes decoded, one byte order mark dropped', () => {
    const bytes = new TextEncoder().encode('\ufeffab\n')
    expect(problems(withMessage(bytes, {line: 1, column: 3, offset: 2}))).toEqual([])
    expect(problems(withMessage(bytes, {line: 1, column: 4}))).toHaveLength(1)
  })
})
