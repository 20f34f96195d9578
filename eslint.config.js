// One lint configuration for src/, test/ and scripts/: typescript-eslint's
// strict, type-checked preset. Formatting is prettier's (`npm run format`).
import js from '@eslint/js'
import jsdoc from 'eslint-plugin-jsdoc'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'fixtures/',
      'templates/',
      'editors/vscode/dist/',
      'editors/vscode/server/',
      'test-artifacts/'
    ]
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}
    },
    rules: {
      // Line and column numbers are numbers; messages interpolate them everywhere.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      // `noUncheckedIndexedAccess` types every `a[i]` as optional; `!` marks the
      // reads a loop bound or a regex group already proves, as remark's code does.
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['src/**'],
    plugins: {jsdoc},
    rules: {
      // Every export says what it is for (hovers, the generated .d.ts). The
      // plugin is pinned to 62.x: 63 and later need Node 22.
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: {FunctionDeclaration: true, ClassDeclaration: true},
          contexts: [
            'ExportNamedDeclaration > TSInterfaceDeclaration',
            'ExportNamedDeclaration > TSTypeAliasDeclaration',
            'ExportNamedDeclaration > VariableDeclaration'
          ]
        }
      ],
      // Small modules and functions read one at a time (README, Development).
      // A longer function says why in an eslint-disable-next-line comment.
      'max-lines': ['error', {max: 250, skipBlankLines: false, skipComments: false}],
      'max-lines-per-function': ['error', {max: 60, skipBlankLines: false, skipComments: false}]
    }
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read JSON reports and LSP payloads whose shape they then assert.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // An LSP message is typed `string | MarkupContent`; ours are strings.
      '@typescript-eslint/no-base-to-string': 'off',
      // Flags set in callbacks (a timeout, a child's exit) look constant to the checker.
      '@typescript-eslint/no-unnecessary-condition': 'off'
    }
  },
  {files: ['**/*.mjs', '**/*.cjs', '**/*.js'], extends: [tseslint.configs.disableTypeChecked]}
)
