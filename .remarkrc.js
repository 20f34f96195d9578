// Lint this repository's Markdown with the local preset (built to dist/ by `npm install`).
import remarkLintMilestone from './dist/index.js'

export default {
  plugins: [remarkLintMilestone]
}
