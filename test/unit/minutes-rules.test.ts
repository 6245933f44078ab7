import { describe, expect, it } from 'vitest'
import { canReadMinutes, checkClose, lineDiff, roundOutcome, transition, type MinutesReader } from '~/modules/minutes/rules.ts'
import { addMonths, networkReport, suggestNextMeeting } from '~/modules/networks/rhythm.ts'

describe('the approval state machine', () => {
  it('runs draft → in review → changes requested → in review → approved → published', () => {
    let s = transition('draft', 'submit')!
    expect(s).toBe('in_review')
    s = transition(s, 'request_changes')!
    expect(s).toBe('changes_requested')
    expect(transition(s, 'revise')).toBe('changes_requested')
    s = transition(s, 'submit')!
    expect(s).toBe('in_review')
    s = transition(s, 'all_approved')!
    expect(s).toBe('approved')
    expect(transition(s, 'publish')).toBe('published')
  })

  it('refuses steps out of order', () => {
    expect(transition('draft', 'publish')).toBeNull()
    expect(transition('draft', 'all_approved')).toBeNull()
    expect(transition('in_review', 'revise')).toBeNull()
    expect(transition('in_review', 'publish')).toBeNull()
    expect(transition('published', 'revise')).toBeNull()
    expect(transition('approved', 'submit')).toBeNull()
  })

  it('one request for a change sends the round back; everyone remaining approving approves', () => {
    expect(roundOutcome([{ userId: 'a', status: 'approved' }, { userId: 'b', status: 'pending' }])).toBe('pending')
    expect(roundOutcome([{ userId: 'a', status: 'approved' }, { userId: 'b', status: 'changes_requested' }])).toBe('changes_requested')
    expect(roundOutcome([{ userId: 'a', status: 'approved' }, { userId: 'b', status: 'approved' }])).toBe('approved')
  })

  it('a participant who left (withdrawn) no longer holds the minutes back', () => {
    expect(roundOutcome([{ userId: 'a', status: 'approved' }, { userId: 'b', status: 'withdrawn' }])).toBe('approved')
  })

  it('closes only after the deadline and names who had not answered', () => {
    const reviews = [{ userId: 'a', status: 'approved' as const }, { userId: 'b', status: 'pending' as const }, { userId: 'c', status: 'withdrawn' as const }]
    const deadline = new Date('2026-03-01T12:00:00Z')
    expect(checkClose({ state: 'in_review', deadline, now: new Date('2026-03-01T11:59:00Z'), reviews })).toEqual({ ok: false, reason: 'deadlineNotPassed' })
    expect(checkClose({ state: 'in_review', deadline: null, now: new Date(), reviews })).toEqual({ ok: false, reason: 'noDeadline' })
    expect(checkClose({ state: 'draft', deadline, now: new Date('2026-04-01'), reviews })).toEqual({ ok: false, reason: 'notInReview' })
    expect(checkClose({ state: 'in_review', deadline, now: new Date('2026-03-02'), reviews })).toEqual({ ok: true, notAnswered: ['b'] })
  })
})

describe('who reads minutes', () => {
  const nobody: MinutesReader = { userId: 'x', rolesInMunicipality: [], manages: false, reviewer: false, participant: false, inGroup: false }
  it('drafts: only the writer', () => {
    expect(canReadMinutes('draft', 'municipality', { ...nobody, manages: true })).toBe(true)
    expect(canReadMinutes('draft', 'municipality', { ...nobody, reviewer: true, participant: true })).toBe(false)
  })
  it('in review: the participants asked, not the rest of the audience', () => {
    expect(canReadMinutes('in_review', 'network', { ...nobody, reviewer: true })).toBe(true)
    expect(canReadMinutes('in_review', 'network', { ...nobody, inGroup: true })).toBe(false)
    expect(canReadMinutes('approved', 'municipality', { ...nobody, rolesInMunicipality: ['programme_lead'] })).toBe(false)
  })
  it('published: the chosen audience and nobody outside it', () => {
    expect(canReadMinutes('published', 'participants', { ...nobody, inGroup: true })).toBe(false)
    expect(canReadMinutes('published', 'network', { ...nobody, inGroup: true })).toBe(true)
    expect(canReadMinutes('published', 'network', { ...nobody, rolesInMunicipality: ['programme_lead'] })).toBe(false)
    expect(canReadMinutes('published', 'municipality', { ...nobody, rolesInMunicipality: ['unit_leader'] })).toBe(true)
    expect(canReadMinutes('published', 'municipality', { ...nobody, rolesInMunicipality: ['mentor'] })).toBe(false)
  })
})

describe('version diff', () => {
  it('shows removed and added lines between versions', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ])
  })
})

describe('the meeting rhythm', () => {
  it('suggests every second month after the last meeting', () => {
    const last = new Date('2026-01-15T15:00:00Z')
    expect(suggestNextMeeting(last, 2, new Date('2026-01-20T00:00:00Z')).toISOString()).toBe('2026-03-15T15:00:00.000Z')
  })
  it('never suggests a date in the past or within the reminder week', () => {
    const s = suggestNextMeeting(new Date('2025-01-15T15:00:00Z'), 2, new Date('2026-05-01T00:00:00Z'))
    expect(s.toISOString()).toBe('2026-05-15T15:00:00.000Z')
    expect(suggestNextMeeting(new Date('2025-01-15T15:00:00Z'), 2, new Date('2026-05-12T00:00:00Z')).toISOString()).toBe('2026-07-15T15:00:00.000Z')
  })
  it('the rhythm is editable and month ends are kept in range', () => {
    expect(suggestNextMeeting(null, 3, new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-04-30T10:00:00.000Z')
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z')
  })
})

describe('the network report', () => {
  const d = (s: string) => new Date(`${s}T12:00:00Z`)
  const meetings = [1, 2, 3, 4].map((i) => ({ id: `m${i}`, networkId: 'n1', startsAt: d(`2026-0${i * 2}-01`), durationMinutes: 120, topic: i % 2 ? 'Refleksjon' : 'Kognitiv diamant' }))
  const members = [
    { networkId: 'n1', userId: 'a', name: 'A', joinedAt: null, leftAt: null },
    { networkId: 'n1', userId: 'b', name: 'B', joinedAt: null, leftAt: null },
    { networkId: 'n1', userId: 'c', name: 'C', joinedAt: d('2026-05-01'), leftAt: null },
  ]
  const attendance = [
    ...['m1', 'm2', 'm3', 'm4'].map((meetingId) => ({ meetingId, userId: 'a', minutesPresent: 120 })),
    { meetingId: 'm1', userId: 'b', minutesPresent: 60 },
    { meetingId: 'm4', userId: 'c', minutesPresent: 0 },
  ]
  it('counts meetings, rates attendance only for people who were members, lists who missed the last N and the topics', () => {
    const [row] = networkReport(['n1'], meetings, members, attendance, 2)
    expect(row.meetingsHeld).toBe(4)
    // a: 4/4, b: 1/4, c: members for m3 and m4 only, present at none → 5 of 10
    expect(row.attendanceRate).toBeCloseTo(5 / 10)
    expect(row.absentLastN.map((p) => p.name)).toEqual(['B', 'C'])
    expect(row.topics).toEqual(['Refleksjon', 'Kognitiv diamant'])
  })
  it('a network without meetings has no rate and nobody absent', () => {
    expect(networkReport(['n2'], meetings, members, attendance, 3)[0]).toEqual({ networkId: 'n2', meetingsHeld: 0, attendanceRate: null, absentLastN: [], topics: [] })
  })
})
