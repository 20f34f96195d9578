/**
 * "Did you mean": the one name a misspelt name most likely means. A false
 * suggestion is worse than none, so the bar is high.
 */
import leven from 'leven'

/**
 * The candidate closest to `name` by edit distance, if it is at most two
 * edits away and at most one per five characters of the name (before its
 * extension: `plan.md` is too short to guess at), has the same numbers
 * (`milestone-3.md` is another doc than `milestone-2.md`, not a typo of
 * it), and no other candidate is as close. Names longer than a file name
 * may be (255) are not guessed at: the distance takes time in the product
 * of the lengths.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > maxLength) return undefined
  const stem = name.replace(/\.[^./]*$/, '')
  const allowed = Math.min(2, Math.floor(stem.length / 5))
  const numbers = numbersOf(name)
  let best: string | undefined
  let bestDistance = allowed + 1
  let tied = false
  for (const candidate of candidates) {
    // Each length apart is an edit at least.
    if (Math.abs(candidate.length - name.length) > allowed || candidate === name) continue
    if (numbersOf(candidate) !== numbers) continue
    // Capped one over the best: a farther candidate is neither best nor a tie.
    const distance = leven(name, candidate, {maxDistance: bestDistance + 1})
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
      tied = false
    } else if (distance === bestDistance) tied = true
  }
  return tied ? undefined : best
}

const maxLength = 255

function numbersOf(text: string): string {
  return (text.match(/\d+/g) ?? []).join(' ')
}
