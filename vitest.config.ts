import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests spawn the CLI, the language server or pre-commit: on a busy
    // 2-core CI machine one process can take seconds to start.
    testTimeout: 30_000,
    coverage: {
      // Vitest's v8 provider, plus the coverage of the processes tests spawn
      // (node dist/cli/…), mapped back to src/: see test/coverage-provider.ts.
      provider: 'custom',
      customProviderModule: './test/coverage-provider.ts',
      include: ['src/**'],
      reporter: ['text-summary', 'html'],
      thresholds: {branches: 95, lines: 98}
    }
  }
})
