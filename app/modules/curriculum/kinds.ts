// Plain lists (no zod), so that pages can label them without the schemas.
export const SESSION_KINDS = ['kickoff', 'gathering', 'seminar'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]
export const PUBLICATION_STATUSES = ['submitted', 'published', 'rejected'] as const
