// Lint this repository's Markdown with the local preset (built to dist/ by `npm install`).
// The example's overview and architecture doc are linted against their own templates.
import remarkLintMilestone from './dist/index.js'

export default {
  plugins: [
    [
      remarkLintMilestone,
      {
        kinds: [
          {
            name: 'overview',
            template: 'fixtures/kinds/templates/overview-template.md',
            include: 'fixtures/example/milestones.md'
          },
          {
            name: 'architecture',
            template: 'fixtures/kinds/templates/architecture-template.md',
            include: 'fixtures/example/*-architecture.md'
          }
        ]
      }
    ]
  ]
}
