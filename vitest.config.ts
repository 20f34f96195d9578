import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests spawn the CLI, the language server or pre-commit: on a busy
    // 2-core CI machine one process can take seconds to start.
    testTimeout: 30_000
  }
})
