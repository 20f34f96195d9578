/**
 * The layers of src/ (README, Development): imports go one way, bottom-up,
 * and no modules import each other in a cycle. dependency-cruiser checks
 * the rules in `.dependency-cruiser.cjs`.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeTemporary, removeProjects, repoRoot} from './project.js'
import {readmeBlockAfter} from './readme.js'

afterAll(removeProjects)

const depcruise = path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

/** Cruise `src/` of a folder with the project's rules: the exit code and the violations, a line each. */
function cruise(cwd: string): {status: number | null; violations: string[]} {
  const result = spawnSync(
    process.execPath,
    [depcruise, 'src', '--config', path.join(repoRoot, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    {
      cwd,
      encoding: 'utf8'
    }
  )
  const violations = result.stdout
    .split('\n')
    .filter((line) => /^\s*error /.test(line))
    .map((line) => line.trim())
  return {status: result.status, violations}
}

describe('layers', () => {
  it('src/ imports only downward, without cycles', {timeout: 60_000}, () => {
    expect(cruise(repoRoot)).toEqual({status: 0, violations: []})
  })

  it('catches an upward import, a cycle, and a module outside the layers', {timeout: 60_000}, () => {
    const folder = makeTemporary('milestone-layers-')
    copyFileSync(path.join(repoRoot, 'tsconfig.json'), path.join(folder, 'tsconfig.json'))
    const files: Record<string, string> = {
      'src/model/model.ts': "import {spec} from '../schema/types.js'\nexport const model = spec\n",
      'src/schema/types.ts': 'export const spec = 1\n',
      'src/rules/a.ts': "import {b} from './b.js'\nexport const a = () => b\n",
      'src/rules/b.ts': "import {a} from './a.js'\nexport const b = () => a\n",
      'src/helpers/x.ts': "import {spec} from '../schema/types.js'\nexport const x = spec\n"
    }
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
      writeFileSync(path.join(folder, name), text)
    }
    const {status, violations} = cruise(folder)
    expect(status).not.toBe(0)
    expect(violations.sort()).toEqual([
      'error model-imports-upward: src/model/model.ts → src/schema/types.ts',
      'error no-cycle: src/rules/a.ts →',
      'error outside-the-layers: src/helpers/x.ts → src/schema/types.ts'
    ])
  })
})

describe('adding a rule (README, Development)', () => {
  it('shows a rule as it is declared', () => {
    const block = readmeBlockAfter('1. **A module in `src/rules/`**', 'ts')
    // Up to the check, the README's lines are the module's, as written.
    const declared = block.slice(0, block.indexOf('  check('))
    const module = readFileSync(path.join(repoRoot, 'src/rules/success-criteria.ts'), 'utf8')
    expect(module).toContain(declared)
    expect(declared).toContain("id: 'milestone-success-criteria'")
  })
})
