/**
 * The official SARIF 2.1.0 schema (`fixtures/sarif/`), which every SARIF log
 * the tests produce is checked against.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {expect} from 'vitest'
import {repoRoot} from './project.js'

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'))
// The schema is draft-04; its formats (`uri`, `uri-reference`, `date-time`)
// come from ajv-formats. Both packages are CommonJS: the class and the plugin
// are their `default` export.
const ajv = new ajvDraft04.default({allErrors: true})
ajvFormats.default(ajv)
const validate = ajv.compile(schema)

/** Where a SARIF log breaks the schema, one line per problem (none when it is valid). */
export function sarifProblems(log: unknown): string[] {
  if (validate(log)) return []
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`
  )
}

/** Parse a SARIF log, failing the test unless it is valid against the schema. */
export function parseSarif(text: string): any {
  const log = JSON.parse(text)
  expect(sarifProblems(log)).toEqual([])
  return log
}
