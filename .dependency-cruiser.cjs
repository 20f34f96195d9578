/**
 * The layers of src/, bottom-up: a module may import from its own layer
 * and the ones below, never from one above, and no modules import each
 * other in a cycle. Checked by test/layers.test.ts (README, Development).
 */
const layers = [
  ['text', '^src/text/'],
  ['model', '^src/model/'],
  ['schema', '^src/schema/'],
  ['project', '^src/project/'],
  ['match', '^src/match/'],
  ['rules', '^src/rules/'],
  ['preset', '^src/index\\.ts$'],
  ['tools', '^src/(?:cli|reporters)/']
]

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Modules that import each other cannot be read (or changed) one at a time.',
      severity: 'error',
      from: {path: '^src/'},
      to: {circular: true}
    },
    ...layers.slice(0, -1).map(([name, path], index) => ({
      name: `${name}-imports-upward`,
      comment: `${name} may import only from itself and the layers below it: ${
        layers
          .slice(0, index)
          .map(([below]) => below)
          .join(', ') || 'none'
      }.`,
      severity: 'error',
      from: {path},
      to: {path: layers.slice(index + 1).map(([, above]) => above)}
    })),
    {
      name: 'outside-the-layers',
      comment: 'Every module of src/ belongs to a layer.',
      severity: 'error',
      from: {path: '^src/', pathNot: layers.map(([, path]) => path)},
      to: {}
    }
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'}
  }
}
