// The one rule for who may see a shared record. Every capability that shares
// records (curricula, cases, templates, minutes…) calls `canSee` for a single
// record and `visibleWhere` for lists; none writes its own check.

export const SCOPES = ['private', 'programme', 'network', 'municipality', 'national'] as const
export type Scope = (typeof SCOPES)[number]

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value)
}

/** What the visibility rule needs to know about the person looking. */
export type Audience = {
  userId: string
  /** The municipality the session is working in (null for platform-only users). */
  municipalityId: string | null
  /** Programme runs the user takes part in (enrolled, coordinating or leading). */
  programmeIds: readonly string[]
  /** District networks the user is a member of; networks may span municipalities. */
  networkIds: readonly string[]
}

/** The fields a shared record carries. */
export type ScopedRecord = {
  ownerId: string
  scope: string
  municipalityId: string | null
  programmeId?: string | null
  networkId?: string | null
}

export function canSee(audience: Audience, record: ScopedRecord): boolean {
  if (record.ownerId === audience.userId) return true
  switch (record.scope) {
    case 'national':
      return true
    case 'municipality':
      return record.municipalityId !== null && record.municipalityId === audience.municipalityId
    case 'programme':
      return !!record.programmeId && audience.programmeIds.includes(record.programmeId)
    case 'network':
      return !!record.networkId && audience.networkIds.includes(record.networkId)
    default:
      // 'private' and anything unknown: owner only.
      return false
  }
}

/**
 * The same rule as a Prisma `where` fragment for models with the fields of
 * ScopedRecord. Models without programmeId/networkId pass `{ programme: false }` etc.
 */
export function visibleWhere(
  audience: Audience,
  fields: { programme?: boolean; network?: boolean } = { programme: true, network: true },
) {
  const or: Record<string, unknown>[] = [{ ownerId: audience.userId }, { scope: 'national' }]
  if (audience.municipalityId) or.push({ scope: 'municipality', municipalityId: audience.municipalityId })
  if (fields.programme !== false && audience.programmeIds.length)
    or.push({ scope: 'programme', programmeId: { in: [...audience.programmeIds] } })
  if (fields.network !== false && audience.networkIds.length)
    or.push({ scope: 'network', networkId: { in: [...audience.networkIds] } })
  return { OR: or }
}
