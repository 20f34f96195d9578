import {defineConfig} from 'vitest/config'

/** Timed runs that print what they measure (`npm run bench:editor`), kept out of `npm test`. */
export default defineConfig({
  test: {include: ['test/speed/**/*.speed.ts']}
})
