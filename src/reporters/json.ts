/**
 * `--report json`: vfile-reporter-json's report, on stdout so it can be
 * piped or redirected.
 */
import type {VFile} from 'vfile'
import reporterJson from 'vfile-reporter-json'
import {writeOut} from './shared.js'

export default function jsonReporter(files: VFile[], options: Parameters<typeof reporterJson>[1] = {}): '' {
  return writeOut(reporterJson(files, options))
}
