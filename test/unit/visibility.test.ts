import { describe, expect, it } from 'vitest'
import { canSee, SCOPES, visibleWhere, type Audience, type ScopedRecord } from '~/modules/tenancy/visibility.ts'

const me: Audience = { userId: 'u1', municipalityId: 'm1', programmeIds: ['p1'], networkIds: ['n1'] }
const record = (over: Partial<ScopedRecord>): ScopedRecord => ({ ownerId: 'someone', scope: 'private', municipalityId: 'm2', programmeId: null, networkId: null, ...over })

describe('canSee', () => {
  it('always lets the owner see their record', () => {
    for (const scope of SCOPES) expect(canSee(me, record({ ownerId: 'u1', scope }))).toBe(true)
  })
  it('keeps private records to the owner', () => {
    expect(canSee(me, record({ scope: 'private', municipalityId: 'm1' }))).toBe(false)
  })
  it('shares programme records with the programme only', () => {
    expect(canSee(me, record({ scope: 'programme', programmeId: 'p1' }))).toBe(true)
    expect(canSee(me, record({ scope: 'programme', programmeId: 'p2', municipalityId: 'm1' }))).toBe(false)
  })
  it('shares network records across municipalities with members', () => {
    expect(canSee(me, record({ scope: 'network', networkId: 'n1', municipalityId: 'other' }))).toBe(true)
    expect(canSee(me, record({ scope: 'network', networkId: 'n2', municipalityId: 'm1' }))).toBe(false)
  })
  it('shares municipality records within the current municipality', () => {
    expect(canSee(me, record({ scope: 'municipality', municipalityId: 'm1' }))).toBe(true)
    expect(canSee(me, record({ scope: 'municipality', municipalityId: 'm2' }))).toBe(false)
    expect(canSee({ ...me, municipalityId: null }, record({ scope: 'municipality', municipalityId: 'm1' }))).toBe(false)
  })
  it('shares national records with anyone signed in', () => {
    expect(canSee({ userId: 'x', municipalityId: null, programmeIds: [], networkIds: [] }, record({ scope: 'national' }))).toBe(true)
  })
  it('treats an unknown scope as private', () => {
    expect(canSee(me, record({ scope: 'public', municipalityId: 'm1' }))).toBe(false)
  })
})

/** Evaluates the where fragment in memory, to prove it says what canSee says. */
function matches(where: { OR: Record<string, unknown>[] }, r: ScopedRecord): boolean {
  return where.OR.some((clause) =>
    Object.entries(clause).every(([key, cond]) => {
      const value = (r as Record<string, unknown>)[key]
      if (cond && typeof cond === 'object' && 'in' in cond) return (cond as { in: unknown[] }).in.includes(value)
      return value === cond
    }),
  )
}

describe('visibleWhere', () => {
  it('agrees with canSee on every combination', () => {
    const audiences: Audience[] = [me, { userId: 'u2', municipalityId: null, programmeIds: [], networkIds: [] }, { ...me, programmeIds: [], networkIds: [] }]
    const owners = ['u1', 'u2', 'x']
    const munis = ['m1', 'm2', null]
    for (const audience of audiences)
      for (const scope of [...SCOPES, 'bogus'])
        for (const ownerId of owners)
          for (const municipalityId of munis)
            for (const programmeId of ['p1', 'p2', null])
              for (const networkId of ['n1', null]) {
                const r = { ownerId, scope, municipalityId, programmeId, networkId }
                expect(matches(visibleWhere(audience), r), JSON.stringify({ audience, r })).toBe(canSee(audience, r))
              }
  })
})
