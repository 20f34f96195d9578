import {readFileSync} from 'node:fs'
import path from 'node:path'
import {repoRoot} from './project.js'

/**
 * A code block of README.md exactly as written: the first fenced block after
 * the line that starts with `marker`. Tests run what users copy.
 */
export function readmeBlock(marker: string): string {
  const lines = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n')
  const at = lines.findIndex((line) => line.startsWith(marker))
  const open = lines.findIndex((line, index) => at >= 0 && index > at && line.startsWith('```'))
  const close = lines.findIndex((line, index) => open >= 0 && index > open && line.startsWith('```'))
  if (close < 0) throw new Error(`README.md has no code block after a line starting with ${marker}`)
  return lines.slice(open + 1, close).join('\n') + '\n'
}
