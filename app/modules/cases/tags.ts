// The case tags and scopes as plain constants (no zod), for forms in the browser.
export const SERVICE_TYPES = ['home_care', 'hvs'] as const
export const TOPICS = ['personal', 'professional', 'social'] as const
export const SHARE_SCOPES = ['private', 'programme', 'network', 'municipality', 'national'] as const
export const TEXT_FIELDS = ['title', 'situation', 'question', 'thoughts', 'feelings', 'actions', 'bodily'] as const
export type TextField = (typeof TEXT_FIELDS)[number]
