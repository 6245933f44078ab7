import { z } from 'zod'
import { REGISTER_STATUSES } from '~/modules/attendance/statuses.ts'

const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
const time = z.string({ error: 'error.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' })
const required = (max: number) => z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(max, { error: 'error.tooLong' })

export const networkSchema = z.object({
  name: required(120),
  districtId: z.string().optional(),
  contactId: z.string({ error: 'error.required' }),
  description: z.string().trim().max(2000, { error: 'error.tooLong' }).optional(),
  rhythmMonths: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(1, { error: 'networks.rhythmRange' }).max(12, { error: 'networks.rhythmRange' }).default(2),
})
export type NetworkInput = z.infer<typeof networkSchema>

export const addMemberSchema = z.object({ intent: z.literal('add'), userId: z.string({ error: 'error.required' }) })
export const inviteSchema = z.object({
  intent: z.literal('invite'),
  email: z.string({ error: 'error.required' }).trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' }),
})
export const decideSchema = z.object({ intent: z.enum(['accept', 'decline']), userId: z.string() })
export const removeSchema = z.object({ intent: z.literal('remove'), userId: z.string() })
export const materialSchema = z
  .object({
    intent: z.literal('material'),
    kind: z.enum(['page', 'link'], { error: 'error.required' }),
    title: required(160),
    body: z.string().trim().max(20_000, { error: 'error.tooLong' }).optional(),
    url: z.string().trim().max(500, { error: 'error.tooLong' }).url({ error: 'error.url' }).regex(/^https?:\/\//, { error: 'error.url' }).optional(),
  })
  .refine((m) => m.kind !== 'page' || !!m.body, { path: ['body'], error: 'error.required' })
  .refine((m) => m.kind !== 'link' || !!m.url, { path: ['url'], error: 'error.required' })
export type MaterialInput = z.infer<typeof materialSchema>

export const respondSchema = z.object({ networkId: z.string(), answer: z.enum(['accept', 'decline']) })

export const meetingSchema = z.object({
  date,
  start: time,
  end: time,
  location: z.string().trim().max(200, { error: 'error.tooLong' }).optional(),
  topic: required(200),
  agenda: z.string().trim().max(10_000, { error: 'error.tooLong' }).optional(),
  /** 'method:<slug>' or 'session:<curriculum>/<session>' */
  reuse: z.string().max(200).optional(),
})
export type MeetingInput = z.infer<typeof meetingSchema>

export const meetingRegisterSchema = z.object({
  intent: z.literal('register'),
  version: z.coerce.number().int(),
  rows: z
    .array(
      z.object({
        userId: z.string(),
        status: z.enum(REGISTER_STATUSES),
        minutes: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(0, { error: 'attendance.minutesRange' }).optional(),
      }),
    )
    .max(500),
})

export const reportSchema = z.object({
  from: date,
  to: date,
  lastN: z.coerce.number().int().min(1).max(12).default(3),
})

export const joinSchema = z.object({ intent: z.literal('join') })
export const leaveSchema = z.object({ intent: z.literal('leave') })
export const removeMaterialSchema = z.object({ intent: z.literal('remove-material'), materialId: z.string().default('') })
/** Every form the network page posts, told apart by `intent`. */
export const networkActionSchema = z.discriminatedUnion('intent', [joinSchema, leaveSchema, addMemberSchema, inviteSchema, decideSchema, removeSchema, materialSchema, removeMaterialSchema])
export const NETWORK_INTENTS = ['join', 'leave', 'add', 'invite', 'accept', 'decline', 'remove', 'material', 'remove-material'] as const

/** The networks list: ask to join a network, or answer an invitation. */
export const networksListActionSchema = z.union([z.object({ intent: z.literal('join'), networkId: z.string().default('') }), respondSchema])
