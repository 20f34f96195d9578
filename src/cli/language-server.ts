#!/usr/bin/env node
/**
 * `milestone-lint-language-server`: the milestone preset in any LSP client,
 * on `unified-language-server`. Diagnostics carry the rule id as code and a
 * link to the rule's docs; messages with `expected` become quick fixes.
 * The same `.remarkrc*`, `package.json#remarkConfig` and `.remarkignore`
 * apply as in `milestone-lint`, on top of the preset.
 */
import process from 'node:process'
import {remark} from 'remark'
import type {Plugin} from 'unified'
import {createUnifiedLanguageServer} from 'unified-language-server'
import remarkLintMilestone from '../index.js'

// The LSP library reads its transport from the command line: default to stdio,
// which is what editors' generic clients speak.
if (!process.argv.slice(2).some((flag) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)\b/.test(flag))) {
  process.argv.push('--stdio')
}

// An editor session must outlive any one failed request (for example a client
// that refuses a capability registration): log it, keep serving.
process.on('unhandledRejection', (error) => {
  console.error('milestone-lint-language-server:', error)
})

createUnifiedLanguageServer({
  processorName: 'remark',
  processorSpecifier: 'remark',
  defaultProcessor: remark,
  configurationSection: 'milestoneLint',
  rcName: '.remarkrc',
  packageField: 'remarkConfig',
  ignoreName: '.remarkignore',
  pluginPrefix: 'remark',
  // Given plugins come after the user's config: `{}` keeps the options the
  // user's config gives the preset (unified-engine merges the two).
  plugins: [[remarkLintMilestone as Plugin<unknown[]>, {}]]
})
