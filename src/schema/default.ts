import type {Schema} from './types.js'

/**
 * The structure of `templates/milestone-template.md` (2026-01-05).
 *
 * Only what the template fixes is here: free-form sub-sections (metric
 * categories, design decisions, question groups) are the author's to choose.
 */
export const defaultSchema: Schema = {
  title: 'Milestone [Number]: [Name]',
  metadata: [
    {label: 'Status'},
    {
      label: 'Parent Document',
      link: 'parent',
      example: '[Milestones Overview](./milestones.md)'
    },
    {
      label: 'Architecture Reference',
      link: 'architecture',
      example: '[Architecture Doc](./[name]-architecture.md)'
    }
  ],
  sections: [
    {heading: 'Executive Summary', depth: 2},
    {heading: 'Goal', depth: 2},
    {
      heading: 'Architecture Overview',
      depth: 2,
      children: [
        {heading: 'High-Level System Diagram', depth: 3},
        {heading: 'Technology Stack', depth: 3}
      ]
    },
    {
      heading: 'Core Components Design',
      depth: 2,
      children: [
        {
          heading: '1. [Component Name]',
          depth: 3,
          repeat: {numbered: true, min: 1}
        }
      ]
    },
    {
      heading: 'Implementation Phases',
      depth: 2,
      children: [
        {
          heading: 'Phase 1: [Phase Name]',
          depth: 3,
          repeat: {numbered: true, min: 1},
          fields: [
            {label: 'Objective', kind: 'text'},
            {label: 'Deliverables', kind: 'list'},
            {label: 'Success Criteria', kind: 'list', marker: '✅'}
          ]
        }
      ]
    },
    {heading: 'Success Metrics', depth: 2},
    {heading: 'Key Outcomes', depth: 2},
    {heading: 'Why [This Approach]?', depth: 2},
    {heading: 'Design Decisions & Rationale', depth: 2},
    {
      heading: 'Risks & Mitigation',
      depth: 2,
      children: [
        {
          heading: 'Risk: [Risk Name]',
          depth: 3,
          repeat: {numbered: false, min: 1},
          role: 'risk',
          fields: [
            {label: 'Impact', kind: 'text', levels: ['High', 'Medium', 'Low']},
            {
              label: 'Probability',
              kind: 'text',
              levels: ['High', 'Medium', 'Low']
            },
            {label: 'Mitigation', kind: 'text-or-list'}
          ]
        }
      ]
    },
    {heading: 'Open Questions', depth: 2},
    {heading: 'Next Steps', depth: 2},
    {
      heading: 'Related Documents',
      depth: 2,
      links: ['parent', 'architecture']
    }
  ]
}
