/**
 * The template's own text for a section or field, kept in the schema so
 * that a fix can put back what is missing in the template's words. The
 * offsets of its list bullets and emphasis marks are kept too: inserted
 * text takes the doc's own (`*` items, `__strong__`) where Markdown has a choice.
 */
import type {Root} from 'mdast'
import {eachNode} from '../model/nodes.js'
import type {Deriving} from './field-specs.js'

/**
 * Where a template's choosable marks are, to cut skeletons from it, less
 * the parts omitted (the heading of a repeat's later instance that only
 * asks to be repeated, as `milestone-lint new` leaves it out).
 */
export function skeletonsOf(text: string, tree: Root): Pick<Deriving, 'cut' | 'omit'> {
  const bullets: number[] = []
  const strong: number[] = []
  const emphasis: number[] = []
  const breaks = new Map<number, number>()
  eachNode(tree, function (node) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    if (node.type === 'list' && !node.ordered) {
      for (const item of node.children)
        if (item.position?.start.offset !== undefined) bullets.push(item.position.start.offset)
    }
    if (node.type === 'strong') strong.push(start, end - 2)
    if (node.type === 'emphasis') emphasis.push(start, end - 1)
    if (node.type === 'thematicBreak') breaks.set(end, start)
    return undefined
  })

  const omitted: Array<[number, number]> = []
  return {
    omit(start, end) {
      omitted.push([start, end])
    },
    cut(start, end) {
      let stop = start + text.slice(start, end).trimEnd().length
      // A section's closing `---` separates it from the next: the doc decides whether it has them.
      const rule = breaks.get(stop)
      if (rule !== undefined && rule > start) stop = start + text.slice(start, rule).trimEnd().length
      // The text between, less what is omitted; each offset moved back by what is omitted before it.
      const gaps = omitted.filter(([from, to]) => from >= start && to <= stop).sort((a, b) => a[0] - b[0])
      const shift = (offset: number) =>
        gaps.reduce((moved, [from, to]) => (to <= offset ? moved + to - from : moved), 0)
      const kept = (offset: number) => gaps.every(([from, to]) => offset < from || offset >= to)
      const within = (offsets: number[]) =>
        offsets
          .filter((offset) => offset >= start && offset < stop && kept(offset))
          .map((offset) => offset - start - shift(offset))
      let body = ''
      let at = start
      for (const [from, to] of gaps) {
        body += text.slice(at, from)
        at = to
      }
      body += text.slice(at, stop)
      return {text: body, bullets: within(bullets), strong: within(strong), emphasis: within(emphasis)}
    }
  }
}
