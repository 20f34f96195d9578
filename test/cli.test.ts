import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {parseSarif} from './sarif-schema.js'

// The remark CLI with this repository's `.remarkrc.js` (which loads the built preset).
function remark(...args: string[]) {
  const result = spawnSync(process.execPath, ['node_modules/remark-cli/cli.js', ...args, '--no-stdout', '--no-color'], {
    encoding: 'utf8'
  })
  return {status: result.status, report: result.stderr, stdout: result.stdout}
}

describe('remark CLI with .remarkrc.js', () => {
  it('fails with --frail on a defective milestone doc, naming rule and place', () => {
    const {status, report} = remark('fixtures/example/milestone-2-public-launch.md', '--frail')
    expect(status).toBe(1)
    expect(report).toMatch(
      /109:13-109:19\s+warning\s+Unexpected impact level `Severe`.*milestone-risk-fields\s+remark-lint/
    )
    expect(report).toMatch(/20 warnings/)
  })

  it('passes on the correct doc and the other docs of the folder', () => {
    const {status, report} = remark(
      'fixtures/example/milestone-1-private-beta.md',
      'fixtures/example/milestones.md',
      'fixtures/example/lumen-architecture.md',
      'fixtures/example/README.md',
      '--frail'
    )
    expect(report).not.toMatch(/warning/)
    expect(status).toBe(0)
  })

  it('can use the reporters this package ships, by their export path', () => {
    const {status, stdout} = remark(
      'fixtures/example/milestone-2-public-launch.md',
      '--report',
      'remark-lint-milestone/reporters/sarif'
    )
    expect(status).toBe(0)
    const results = parseSarif(stdout).runs[0].results
    expect(results).toHaveLength(20)
    expect(results[0].level).toBe('warning')
  })
})
