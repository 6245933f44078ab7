import { z } from 'zod'

const reason = z.string().trim().min(1).max(300)

/** The diplomas page: issue to everyone eligible, to one person, or revoke / reissue one diploma with a reason. */
export const diplomaActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('bulk') }),
  z.object({ intent: z.enum(['issue-diploma', 'issue-participation']), userId: z.string().default('') }),
  z.object({ intent: z.enum(['revoke', 'reissue']), diplomaId: z.string().default(''), reason }),
])
export const DIPLOMA_INTENTS = ['bulk', 'issue-diploma', 'issue-participation', 'revoke', 'reissue'] as const

/** A code typed from a paper diploma (normalised by the route). */
export const verifyLookupSchema = z.object({ code: z.string().default('') })
