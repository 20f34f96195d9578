import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/** The file's text as the parser saw it, and offset ↔ point conversion. */
export interface Source {
  text: string
  toPoint(offset: number): Point | undefined
  /** The source of a node, or `undefined` when it has no usable position. */
  slice(node: Node): string | undefined
  /** The range between two offsets, as a unist position. */
  range(start: number, end: number): Position | undefined
}

/** The source of a file, as the parser read it. */
export function createSource(file: VFile): Source {
  // The text as unified gives it to the parser: bytes are decoded as UTF-8,
  // as `String(file)` does (`String(file.value)` would read a `Uint8Array`
  // as `35,32,…`, and keep a byte order mark that decoding drops).
  let text = String(file)
  // micromark drops a byte order mark; offsets in the tree do not count it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const place = location(text)

  return {
    text,
    toPoint(offset) {
      const point = place.toPoint(offset)
      return point ? {...point, offset} : undefined
    },
    slice(node) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined || end > text.length) {
        return undefined
      }
      return text.slice(start, end)
    },
    range(start, end) {
      const from = this.toPoint(start)
      const to = this.toPoint(end)
      return from && to ? {start: from, end: to} : undefined
    }
  }
}
