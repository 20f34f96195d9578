#!/usr/bin/env node
/**
 * `milestone-lint-schema [template.md]`: print, as JSON, the schema derived
 * from a template (default: the bundled one), so a team can see exactly
 * what `milestone-lint` will check.
 */
import process from 'node:process'
import {defaultSchema, loadTemplate} from '../project/template.js'
import {TemplateError} from '../schema/derive.js'

const usage = `Usage: milestone-lint-schema [template.md]

  Print the schema milestone-lint derives from a milestone template, as JSON:
  the title, metadata, sections (level, order, repeats, optional ones),
  each section's fields, levels and marks, and the template's placeholders.
  Without a template, the bundled one (2026-01-05).
`

const args = process.argv.slice(2)

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage)
} else if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
  process.stderr.write(usage)
  process.exitCode = 1
} else {
  try {
    const [template] = args
    const schema = template ? loadTemplate(template) : defaultSchema()
    process.stdout.write(JSON.stringify(schema, null, 2) + '\n')
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    process.stderr.write(error.message + '\n')
    process.exitCode = 1
  }
}
