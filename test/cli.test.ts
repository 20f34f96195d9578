import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {parseJunit} from './junit-schema.js'
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

  it('can use the JUnit and summary reporters by their export path too', async () => {
    const file = 'fixtures/example/milestone-2-public-launch.md'
    const junit = remark(file, '--report', 'remark-lint-milestone/reporters/junit')
    expect((await parseJunit(junit.stdout)).testsuites.testsuite.testcase.failure).toBeUndefined()
    expect(junit.stdout.match(/<system-out>[^<]*/)![0].split('\n')).toHaveLength(20)
    const summary = remark(file, '--report', 'remark-lint-milestone/reporters/summary')
    expect(summary.stdout).toMatch(/\n0 errors, 20 warnings, 0 infos in 1 of 1 file\n$/)
  })

  it('can use the GitLab Code Quality reporter by its export path too: warnings are minor there', () => {
    const gitlab = remark(
      'fixtures/example/milestone-2-public-launch.md',
      '--report',
      'remark-lint-milestone/reporters/gitlab'
    )
    const issues = JSON.parse(gitlab.stdout) as Array<{severity: string; location: {path: string}}>
    expect(issues).toHaveLength(20)
    expect(new Set(issues.map((issue) => issue.severity))).toEqual(new Set(['minor']))
    expect(issues[0]!.location.path).toBe('fixtures/example/milestone-2-public-launch.md')
  })
})
