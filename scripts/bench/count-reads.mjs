/**
 * Preloaded (`node --import`) into a benchmark run: counts how often a file
 * whose name ends with BENCH_COUNT_READS is read, and writes the count to
 * BENCH_COUNT_OUT at exit. Nothing else changes.
 */
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'

const suffix = process.env.BENCH_COUNT_READS
const readFileSync = fs.readFileSync
let count = 0
fs.readFileSync = function (file, ...rest) {
  if (String(file).endsWith(suffix)) count++
  return readFileSync.call(this, file, ...rest)
}
// Modules that import `readFileSync` by name get this one too.
syncBuiltinESMExports()
process.on('exit', () => fs.writeFileSync(process.env.BENCH_COUNT_OUT, String(count)))
