/**
 * `milestone-lint --fix-dry-run`: what `--fix` would write, as one unified
 * diff with paths from the working directory under `a/` and `b/`, as git
 * writes them, so that `git apply` or `patch -p1` makes the same change.
 */
import path from 'node:path'
import {FILE_HEADERS_ONLY, createTwoFilesPatch} from 'diff'
import type {Fixing} from './fix.js'

/** The diff of each fixed file (by its path), in the order given. */
export function fixDiff(fixed: Iterable<[string, Fixing]>, cwd: string): string {
  let diff = ''
  for (const [file, {original, text}] of fixed) {
    const name = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')
    // Three lines of context, as `diff -u` and `git diff` give.
    diff += createTwoFilesPatch('a/' + name, 'b/' + name, original, text, undefined, undefined, {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY
    })
  }
  return diff
}
