/** Seeded choices and filler prose: the same seed gives the same corpus, byte for byte. */

/** A small seeded PRNG (mulberry32), so the corpus is the same every run. */
export function rng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

export function pick(random, list) {
  return list[Math.floor(random() * list.length)]
}

export function shuffled(random, list) {
  const copy = [...list]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other], copy[index]]
  }
  return copy
}

const prose =
  'the service reads its configuration at start up and keeps a small cache of recent results so that repeated requests are cheap while a background job refreshes entries that expire and reports failures to the log with enough context to retry them later without losing data or blocking other work in the queue when a deploy rolls out we drain connections first then switch traffic gradually and watch error rates before finishing'.split(
    ' '
  )

/** `length` words of the prose above, from a random place, as a sentence. */
export function sentence(random, length) {
  const out = []
  let at = Math.floor(random() * prose.length)
  for (let index = 0; index < length; index++) out.push(prose[at++ % prose.length])
  const text = out.join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function titleCase(text) {
  return text.replace(/\b\w/g, (char) => char.toUpperCase())
}
