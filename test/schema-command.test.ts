import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultSchema, loadTemplate} from '../src/project/template.js'
import {repoRoot} from './project.js'

function schemaCommand(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/schema.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8'
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('milestone-lint-schema', () => {
  it('prints the schema of the bundled template as JSON', () => {
    const {status, stdout} = schemaCommand()
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual(defaultSchema())
  })

  it('prints the schema of a given template', () => {
    const template = 'fixtures/templates/milestone-design-2026-01-21.md'
    const {status, stdout} = schemaCommand(template)
    expect(status).toBe(0)
    const schema = JSON.parse(stdout)
    expect(schema).toEqual(loadTemplate(template))
    expect(schema.sections.map((section: {heading: string}) => section.heading)).toContain('Testing Strategy')
  })

  it('names the template and the problem, and exits 1, when it cannot derive one', () => {
    expect(schemaCommand('no-such-template.md')).toMatchObject({
      status: 1,
      stdout: '',
      stderr: expect.stringMatching(/^Cannot derive a schema from template `no-such-template\.md`: cannot read it/)
    })
  })

  it('prints usage for --help, and for wrong arguments on stderr with exit 1', () => {
    expect(schemaCommand('--help')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: milestone-lint-schema/)
    })
    expect(schemaCommand('a.md', 'b.md')).toMatchObject({status: 1, stderr: expect.stringMatching(/^Usage/)})
  })
})
