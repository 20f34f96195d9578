/**
 * Text edits as `--fix` applies them (src/text/edits.ts): exact cases, and
 * a property test that bytes outside the edits never change; the edits
 * between two texts, as the language server's fix-all gives them.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type TextEdit, applyEdits, diffEdits} from '../src/text/edits.js'

describe('applyEdits', () => {
  it('replaces, inserts and removes, leaving every other byte', () => {
    const result = applyEdits('- ✔ Done\n- Ready\n', [
      {start: 2, end: 3, insert: '✅'},
      {start: 11, end: 11, insert: '✅ '},
      {start: 8, end: 9, insert: ''}
    ])
    expect(result.text).toBe('- ✅ Done- ✅ Ready\n')
    expect(result.deferred).toEqual([])
  })

  it("writes inserted line breaks as the text's own, and keeps a byte order mark in front", () => {
    expect(applyEdits('# A\r\n\r\nx\r\n', [{start: 5, end: 5, insert: '## B\n\n'}]).text).toBe(
      '# A\r\n## B\r\n\r\n\r\nx\r\n'
    )
    expect(applyEdits('# A\rx\r', [{start: 4, end: 4, insert: 'y\n'}]).text).toBe('# A\ry\rx\r')
    expect(applyEdits('\uFEFF# A\n', [{start: 0, end: 1, insert: '##'}]).text).toBe('\uFEFF## A\n')
  })

  it('keeps the first of edits that overlap or insert at one place, and defers the others', () => {
    const first = {start: 0, end: 3, insert: 'x'}
    const inside = {start: 1, end: 1, insert: 'y'}
    const same = {start: 0, end: 0, insert: 'z'}
    const after = {start: 3, end: 3, insert: 'w'}
    const result = applyEdits('abcd', [first, inside, same, after])
    expect(result.text).toBe('xwd')
    expect(result.applied).toEqual([first, after])
    expect(result.deferred).toEqual([inside, same])
  })

  it('defers an edit outside the text rather than guess', () => {
    const outside = {start: 3, end: 9, insert: 'x'}
    expect(applyEdits('abcd', [outside])).toEqual({text: 'abcd', applied: [], deferred: [outside]})
  })

  it('never changes a byte outside the edits it applied', () => {
    const input = fc.string({unit: fc.constantFrom('a', 'b', '\n', '✅', ' ')}).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.string({maxLength: 3})).map(([a, b, insert]) => ({
            start: Math.min(a, b),
            end: Math.max(a, b),
            insert: insert.replace(/[\r\n]/g, '')
          })),
          {maxLength: 6}
        )
      )
    )
    fc.assert(
      fc.property(input, ([text, edits]) => {
        const {text: result, applied} = applyEdits(text, edits)
        // Undo from the end: what is left between the edits is the original text.
        let rest = result
        let at = text.length
        for (const edit of [...applied].reverse()) {
          expect(rest.slice(rest.length - (at - edit.end))).toBe(text.slice(edit.end, at))
          rest = rest.slice(0, rest.length - (at - edit.end) - edit.insert.length)
          at = edit.start
        }
        expect(rest).toBe(text.slice(0, at))
      })
    )
  })
})

/** Apply edits as given (in order, not overlapping), with no line-break conversion: as an editor does. */
function applyVerbatim(text: string, edits: TextEdit[]): string {
  let result = ''
  let at = 0
  for (const edit of edits) {
    expect(edit.start).toBeGreaterThanOrEqual(at)
    expect(edit.end).toBeGreaterThanOrEqual(edit.start)
    result += text.slice(at, edit.start) + edit.insert
    at = edit.end
  }
  return result + text.slice(at)
}

describe('diffEdits', () => {
  it('gives one edit per change, down to the characters within a changed line', () => {
    expect(diffEdits('- ✔ Done\n- Ready\n', '- ✅ Done\n- ✅ Ready\n')).toEqual([
      {start: 2, end: 3, insert: '✅'},
      {start: 11, end: 11, insert: '✅ '}
    ])
    expect(diffEdits('# A\r\n\r\n## Scope\r\n', '# A\r\n\r\n## Goal\r\n\r\n## Scope\r\n')).toEqual([
      {start: 7, end: 7, insert: '## Goal\r\n\r\n'}
    ])
    expect(diffEdits('abc', '')).toEqual([{start: 0, end: 3, insert: ''}])
    expect(diffEdits('', 'abc')).toEqual([{start: 0, end: 0, insert: 'abc'}])
    expect(diffEdits('same\n', 'same\n')).toEqual([])
  })

  it('turns any text into any other, with edits in order that touch only what differs', () => {
    const text = fc.string({unit: fc.constantFrom('a', 'b', '\n', '\r\n', '✅', ' '), maxLength: 40})
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = diffEdits(before, after)
        expect(applyVerbatim(before, edits)).toBe(after)
        for (const edit of edits) expect(before.slice(edit.start, edit.end)).not.toBe(edit.insert)
      })
    )
  })
})
