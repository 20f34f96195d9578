/** Names the generated milestone docs draw from, in place of the example's. */

export const projectNames = [
  'Lumen',
  'Orbit',
  'Quill',
  'Harbor',
  'Cedar',
  'Nimbus',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Drift',
  'Ember',
  'Fjord',
  'Garnet',
  'Helix',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lattice',
  'Meridian',
  'Nova',
  'Onyx',
  'Pylon',
  'Quartz',
  'Raven',
  'Sable',
  'Tundra',
  'Umber',
  'Vesper',
  'Willow',
  'Zephyr'
]
export const milestoneNames = [
  'Private Beta',
  'Public Launch',
  'Team Workspaces',
  'Mobile Apps',
  'Enterprise Controls',
  'Self-Serve Billing',
  'Offline Sync',
  'Search and Discovery',
  'Partner API',
  'Global Regions',
  'Audit and Compliance',
  'Scale to 10k Teams'
]
export const componentNames = [
  'Upload Service',
  'Album Service',
  'Sharing Service',
  'Billing Service',
  'Search Indexer',
  'Notification Service',
  'Audit Log',
  'Export Service',
  'Admin Console',
  'Sync Engine',
  'Rate Limiter',
  'Metrics Pipeline',
  'Webhook Dispatcher',
  'Identity Bridge',
  'Media Transcoder'
]
export const phaseNames = [
  'Foundation & Auth',
  'Upload Pipeline',
  'Albums & Sharing',
  'Billing & Plans',
  'Search',
  'Notifications',
  'Admin Tools',
  'Data Export',
  'Mobile Web',
  'Observability',
  'Security Review',
  'Hardening & Launch'
]
export const categoryNames = [
  'Adoption',
  'Performance',
  'Reliability',
  'Cost',
  'Engagement',
  'Quality',
  'Support',
  'Revenue'
]
export const decisionNames = [
  'Cloud Run',
  'Postgres',
  'Direct-to-Storage Uploads',
  'an Invite-Only Beta',
  'Pub/Sub',
  'Terraform',
  'a Monorepo',
  'Feature Flags',
  'Signed URLs',
  'a Single Region'
]
export const riskNames = [
  'Upload Failures on Poor Connections',
  'Accidental Exposure of Private Photos',
  'Cloud Cost Overrun',
  'Vendor Lock-In',
  'Key Engineer Unavailable',
  'Slow Onboarding',
  'Abuse of Public Links',
  'Database Saturation',
  'Third-Party Outage',
  'Scope Creep'
]
export const approachNames = ['Cloud-First', 'Invite-Only', 'Managed Services', 'a Small Team', 'Web-First']

/** Words of the docs repo's file names and headings. */
export const words = [
  'api',
  'auth',
  'build',
  'cache',
  'cli',
  'config',
  'data',
  'deploy',
  'edge',
  'event',
  'gateway',
  'import',
  'index',
  'job',
  'log',
  'mail',
  'media',
  'metrics',
  'queue',
  'search',
  'session',
  'storage',
  'sync',
  'web'
]
export const nouns = [
  'adapter',
  'client',
  'core',
  'engine',
  'handler',
  'kit',
  'loader',
  'manager',
  'plugin',
  'proxy',
  'runner',
  'schema',
  'server',
  'service',
  'store',
  'utils',
  'worker'
]
