import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloInstant } from '~/modules/curriculum/index.ts'
import { nameCollator } from '~/utils/format.ts'
import type { Actor } from '~/utils/actor.ts'

// Enrolling mentors who are already members of the programme's municipality,
// picked from a list: no new accounts, no memberships touched, no e-mail.
// (Accounts from other municipalities go through invitations; see enrolment.server.ts.)


export type Candidate = { userId: string; name: string; email: string; unit: string | null }

/** How many candidates the list shows at most; a filter narrows it. */
export const CANDIDATE_LIMIT = 100

function matches(c: Candidate, words: string[]) {
  const hay = `${c.name} ${c.email} ${c.unit ?? ''}`.toLocaleLowerCase('nb')
  return words.every((w) => hay.includes(w))
}

/**
 * Active mentors of this municipality (membership not deactivated) who are not
 * taking part in the run now, sorted by name and filtered by words in name,
 * e-mail or unit. Filtered here rather than in SQL: case-insensitive matching of
 * æ, ø and å works the same on both databases.
 */
export async function enrolmentCandidates(municipalityId: string, programmeId: string, filter = '') {
  const members = await db.membership.findMany({
    where: { municipalityId, role: 'mentor', deactivatedAt: null, user: { enrolments: { none: { programmeId, leftOn: null } } } },
    select: { user: { select: { id: true, name: true, email: true } }, unit: { select: { name: true } } },
  })
  const words = filter.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean)
  const all = members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, unit: m.unit?.name ?? null })).sort((a, b) => nameCollator.compare(a.name, b.name))
  const found = words.length ? all.filter((c) => matches(c, words)) : all
  return { candidates: found.slice(0, CANDIDATE_LIMIT), total: found.length }
}

/**
 * Enrols the picked people from the joining date, in one transaction. Every one
 * must be an active mentor of the actor's municipality; otherwise nothing is
 * written and the answer is notFound (a person you may not see). Someone who
 * left is taken in again from the new date; someone taking part already is left as is.
 */
export async function enrolExisting(actor: Actor, programmeId: string, userIds: string[], joinedOn: string) {
  const ids = [...new Set(userIds)]
  const joined = osloInstant(joinedOn, '00:00')
  return db.$transaction(async (tx) => {
    const allowed = await tx.membership.findMany({ where: { municipalityId: actor.municipalityId, role: 'mentor', deactivatedAt: null, userId: { in: ids } }, select: { userId: true } })
    if (new Set(allowed.map((a) => a.userId)).size !== ids.length) return { ok: false as const, reason: 'notFound' as const }
    const current = new Set((await tx.enrolment.findMany({ where: { programmeId, userId: { in: ids }, leftOn: null }, select: { userId: true } })).map((e) => e.userId))
    const enrolled: string[] = []
    for (const userId of ids) {
      if (current.has(userId)) continue
      await tx.enrolment.upsert({
        where: { programmeId_userId: { programmeId, userId } },
        create: { programmeId, userId, joinedOn: joined },
        update: { joinedOn: joined, leftOn: null, leftReason: null },
      })
      enrolled.push(userId)
    }
    if (enrolled.length) await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'enrol-existing', entity: 'Programme', entityId: programmeId, details: { userIds: enrolled, joinedOn }, ip: actor.ip })
    return { ok: true as const, count: enrolled.length }
  })
}
