// The approval rules for minutes, pure. One state machine for gatherings and
// network meetings alike:
//   draft → in_review → (changes_requested → in_review)* → approved → published
// A version sent for approval is answered by every participant still taking
// part; the writer may close approval after the deadline, and the names of
// those who had not answered are kept with the minutes.

export const MINUTES_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const
export type MinutesState = (typeof MINUTES_STATES)[number]

/** How a participant stands with one version sent for approval. */
export const REVIEW_STATUSES = ['pending', 'approved', 'changes_requested', 'withdrawn'] as const
export const AUDIENCES = ['participants', 'network', 'programme', 'municipality'] as const
export type MinutesAudience = (typeof AUDIENCES)[number]

export type MinutesEvent = 'revise' | 'submit' | 'request_changes' | 'all_approved' | 'close' | 'publish'

const TRANSITIONS: Record<MinutesState, Partial<Record<MinutesEvent, MinutesState>>> = {
  draft: { revise: 'draft', submit: 'in_review' },
  in_review: { request_changes: 'changes_requested', all_approved: 'approved', close: 'approved' },
  changes_requested: { revise: 'changes_requested', submit: 'in_review' },
  approved: { publish: 'published' },
  published: {},
}

/** The state after `event`, or null when the event is not allowed in `state`. */
export function transition(state: MinutesState, event: MinutesEvent): MinutesState | null {
  return TRANSITIONS[state]?.[event] ?? null
}

export function isMinutesState(value: unknown): value is MinutesState {
  return typeof value === 'string' && (MINUTES_STATES as readonly string[]).includes(value)
}

export type ReviewStatus = 'pending' | 'approved' | 'changes_requested' | 'withdrawn'
export type Review = { userId: string; status: ReviewStatus }

/**
 * The outcome of one review round. Reviews of people who no longer take part
 * ('withdrawn', e.g. they left the network) do not count. One request for a
 * change is enough to send the minutes back; all remaining approvals approve.
 */
export function roundOutcome(reviews: readonly Review[]): 'pending' | 'approved' | 'changes_requested' {
  const counted = reviews.filter((r) => r.status !== 'withdrawn')
  if (counted.some((r) => r.status === 'changes_requested')) return 'changes_requested'
  if (counted.every((r) => r.status === 'approved')) return 'approved'
  return 'pending'
}

export type CloseCheck =
  | { ok: true; notAnswered: string[] }
  | { ok: false; reason: 'notInReview' | 'noDeadline' | 'deadlineNotPassed' }

/** Whether the writer may close approval now, and who had not answered (user ids). */
export function checkClose(input: { state: MinutesState; deadline: Date | null; now: Date; reviews: readonly Review[] }): CloseCheck {
  if (input.state !== 'in_review') return { ok: false, reason: 'notInReview' }
  if (!input.deadline) return { ok: false, reason: 'noDeadline' }
  if (input.now.getTime() < input.deadline.getTime()) return { ok: false, reason: 'deadlineNotPassed' }
  return { ok: true, notAnswered: input.reviews.filter((r) => r.status === 'pending').map((r) => r.userId) }
}

/** Audiences a writer may choose: the network for network meetings, the programme for gatherings. */
export function audiencesFor(kind: 'meeting' | 'gathering'): MinutesAudience[] {
  return kind === 'meeting' ? ['participants', 'network', 'municipality'] : ['participants', 'programme', 'municipality']
}

/** Roles that make up the municipality's mentor-scheme group. */
export const SCHEME_GROUP_ROLES = ['programme_lead', 'coordinator', 'unit_leader'] as const

export type MinutesReader = {
  userId: string
  /** The reader's roles in the minutes' municipality (empty when elsewhere). */
  rolesInMunicipality: readonly string[]
  /** Whether the reader writes or manages these minutes (author, contact person, coordinator). */
  manages: boolean
  /** Reviewer in any round (a participant asked to approve) and still taking part. */
  reviewer: boolean
  /** Present at the meeting or gathering and still taking part. */
  participant: boolean
  /** An active member of the network / enrolled in the programme. */
  inGroup: boolean
}

/**
 * Who may read minutes. Before publication: those who manage them and the
 * participants asked to approve (once sent). After: the chosen audience too.
 * Nobody else, whatever their role.
 */
export function canReadMinutes(state: MinutesState, audience: MinutesAudience, r: MinutesReader): boolean {
  if (r.manages) return true
  if (state === 'draft') return false
  if (r.reviewer) return true
  if (state !== 'published') return false
  switch (audience) {
    case 'participants':
      return r.participant
    case 'network':
    case 'programme':
      return r.participant || r.inGroup
    case 'municipality':
      return r.participant || r.inGroup || r.rolesInMunicipality.some((role) => (SCHEME_GROUP_ROLES as readonly string[]).includes(role))
    default:
      return false
  }
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }

/** A line diff (longest common subsequence) between two versions. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split(/\r?\n/)
  const b = after.split(/\r?\n/)
  // Minutes are short; an O(n·m) table is fine, but guard the size.
  if (a.length * b.length > 4_000_000) return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))]
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] })
      i++
      j++
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i++] })
    else out.push({ kind: 'added', text: b[j++] })
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] })
  while (j < b.length) out.push({ kind: 'added', text: b[j++] })
  return out
}
