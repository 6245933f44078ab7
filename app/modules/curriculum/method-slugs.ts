// A plain list (no zod), so that pages can use it without the schemas.
export const METHOD_SLUGS = ['reflecting-team', 'cognitive-diamond', 'pedagogical-sun', 'empathic-communication', 'group-contract', 'question-bank'] as const
export type MethodSlug = (typeof METHOD_SLUGS)[number]
