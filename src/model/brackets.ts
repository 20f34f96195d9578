/** A bracketed group of text, `[like this]`, found in a string. */
export interface Bracketed {
  /** Offset of `[`. */
  start: number
  /** Offset just after `]`. */
  end: number
  /** Text between the brackets. */
  inner: string
}

/**
 * Outermost balanced `[…]` groups in `text`, skipping escaped brackets and
 * characters where `masked` is set (code, HTML, link syntax).
 * One linear pass.
 */
export function findBrackets(text: string, masked?: Uint8Array): Bracketed[] {
  const found: Bracketed[] = []
  const open: number[] = []

  for (let index = 0; index < text.length; index++) {
    if (masked?.[index]) continue
    const char = text.charCodeAt(index)
    if (char === 92 /* \ */) {
      index++
    } else if (char === 91 /* [ */) {
      open.push(index)
    } else if (char === 93 /* ] */ && open.length > 0) {
      const start = open.pop()!
      if (open.length === 0) {
        found.push({start, end: index + 1, inner: text.slice(start + 1, index)})
      }
    }
  }

  return found
}

/**
 * Bracketed text that reads as a placeholder, not as prose or a checkbox:
 * it has a letter (`[…]`, `[1]`, `[ ]` do not), is no task box (`[x]`) or
 * footnote (`[^1]`), and does not follow a word (`items[0]`, `map[key]`).
 * `text` is what `group` was found in.
 */
export function looksLikePlaceholder(group: Bracketed, text: string): boolean {
  const inner = group.inner.trim()
  if (!/\p{L}/u.test(inner)) return false
  if (/^[xX]$/.test(inner) || inner.startsWith('^')) return false
  const before = text.charAt(group.start - 1)
  return !/[\p{L}\p{N}_\])]/u.test(before)
}

/** Whether text holds a placeholder (`./[name]-architecture.md`). */
export function hasPlaceholder(text: string): boolean {
  return findBrackets(text).some((group) => looksLikePlaceholder(group, text))
}

/** Normalise placeholder text for comparison: case and spacing. */
export function normalizePlaceholder(inner: string): string {
  return inner.replace(/\s+/g, ' ').trim().toLowerCase()
}
