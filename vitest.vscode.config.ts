import {defineConfig} from 'vitest/config'

/** The VS Code extension in code-server (`npm run test:vscode`), kept out of `npm test`: it takes minutes. */
export default defineConfig({
  test: {
    include: ['test/vscode/**/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000
  }
})
