import { db, type Tx } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { translate, type Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { can, type Viewer } from '~/modules/auth/index.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { osloInstant } from '~/modules/curriculum/schedule.ts'
import { sortByName } from '~/utils/format.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { audiencesFor, canReadMinutes, checkClose, roundOutcome, transition, type MinutesAudience, type MinutesState, type Review, type ReviewStatus } from './rules.ts'
import type { DraftInput } from './schemas.ts'
import type { AnyActor as Actor } from '~/utils/actor.ts'

export type Target = { kind: 'meeting'; id: string } | { kind: 'gathering'; id: string }
export type Result = { ok: true; id: string } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] }

/** What minutes are about, and whether the viewer may write them (contact person / the run's coordinator). */
export async function minutesSubject(viewer: Viewer, target: Target) {
  if (target.kind === 'meeting') {
    const m = await db.networkMeeting.findUnique({ where: { id: target.id }, select: { id: true, topic: true, startsAt: true, municipalityId: true, networkId: true, network: { select: { name: true, contactId: true } } } })
    if (!m) return null
    return {
      kind: 'meeting' as const, id: m.id, title: `${m.network.name}: ${m.topic}`, startsAt: m.startsAt, municipalityId: m.municipalityId, networkId: m.networkId, programmeId: null,
      writes: m.network.contactId === viewer.userId,
    }
  }
  const g = await db.gathering.findUnique({ where: { id: target.id }, select: { id: true, title: true, startsAt: true, programmeId: true, programme: { select: { name: true, municipalityId: true, coordinatorId: true } } } })
  if (!g) return null
  const manages = g.programme.coordinatorId === viewer.userId || (viewer.municipality?.id === g.programme.municipalityId && can(viewer, 'manage:programmes'))
  return { kind: 'gathering' as const, id: g.id, title: `${g.programme.name}: ${g.title}`, startsAt: g.startsAt, municipalityId: g.programme.municipalityId, networkId: null, programmeId: g.programmeId, writes: manages }
}

export async function existingMinutes(target: Target) {
  return db.minutes.findUnique({ where: target.kind === 'meeting' ? { meetingId: target.id } : { gatheringId: target.id }, select: { id: true } })
}

/** Participants asked to approve: present (some minutes) and still taking part; the writer excluded. */
async function participantsOf(client: Tx | typeof db, m: { meetingId: string | null; gatheringId: string | null; networkId: string | null; programmeId: string | null }) {
  if (m.meetingId) {
    const [present, active] = await Promise.all([
      client.networkAttendance.findMany({ where: { meetingId: m.meetingId, minutesPresent: { gt: 0 } }, select: { userId: true } }),
      client.networkMember.findMany({ where: { networkId: m.networkId!, status: 'active' }, select: { userId: true } }),
    ])
    const still = new Set(active.map((a) => a.userId))
    return present.map((p) => p.userId).filter((id) => still.has(id))
  }
  const [present, active] = await Promise.all([
    client.attendance.findMany({ where: { gatheringId: m.gatheringId!, minutesPresent: { gt: 0 } }, select: { userId: true } }),
    client.enrolment.findMany({ where: { programmeId: m.programmeId!, leftOn: null }, select: { userId: true } }),
  ])
  const still = new Set(active.map((a) => a.userId))
  return present.map((p) => p.userId).filter((id) => still.has(id))
}

/** Starts minutes with their first draft (one set of minutes per meeting or gathering). */
export async function createMinutes(actor: Actor, subject: NonNullable<Awaited<ReturnType<typeof minutesSubject>>>, input: { title: string; body: string }): Promise<Result> {
  if (!subject.writes) return { ok: false, formErrors: ['minutes.notWriter'] }
  const id = await db.$transaction(async (tx) => {
    const m = await tx.minutes.create({
      data: {
        municipalityId: subject.municipalityId,
        meetingId: subject.kind === 'meeting' ? subject.id : null,
        gatheringId: subject.kind === 'gathering' ? subject.id : null,
        networkId: subject.networkId,
        programmeId: subject.programmeId,
        authorId: actor.userId,
        title: input.title,
        audience: 'participants',
        versions: { create: { version: 1, body: input.body, createdById: actor.userId } },
      },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: subject.municipalityId, action: 'create-minutes', entity: 'Minutes', entityId: m.id, ip: actor.ip })
    return m.id
  })
  return { ok: true, id }
}

const minutesSelect = {
  id: true, municipalityId: true, meetingId: true, gatheringId: true, networkId: true, programmeId: true, authorId: true, title: true, status: true, audience: true,
  version: true, reviewDeadline: true, closedNotAnswered: true, closedAt: true, publishedAt: true, createdAt: true,
} as const

/**
 * The minutes as the viewer may see them, or null (404): nobody outside the
 * audience learns that they exist, drafts included.
 */
export async function loadMinutes(viewer: Viewer, minutesId: string) {
  const m = await db.minutes.findUnique({ where: { id: minutesId }, select: minutesSelect })
  if (!m) return null
  const [contact, coordinator, myReviews, present, member, enrolled] = await Promise.all([
    m.networkId ? db.network.findUnique({ where: { id: m.networkId }, select: { contactId: true } }) : null,
    m.programmeId ? db.programme.findUnique({ where: { id: m.programmeId }, select: { coordinatorId: true } }) : null,
    db.minutesReview.findMany({ where: { minutesId: m.id, userId: viewer.userId }, select: { version: true, status: true, comment: true } }),
    m.meetingId
      ? db.networkAttendance.count({ where: { meetingId: m.meetingId, userId: viewer.userId, minutesPresent: { gt: 0 } } })
      : db.attendance.count({ where: { gatheringId: m.gatheringId!, userId: viewer.userId, minutesPresent: { gt: 0 } } }),
    m.networkId ? db.networkMember.count({ where: { networkId: m.networkId, userId: viewer.userId, status: 'active' } }) : 0,
    m.programmeId ? db.enrolment.count({ where: { programmeId: m.programmeId, userId: viewer.userId, leftOn: null } }) : 0,
  ])
  const takesPart = m.networkId ? member > 0 : enrolled > 0
  const manages = m.authorId === viewer.userId || contact?.contactId === viewer.userId || coordinator?.coordinatorId === viewer.userId
  const reader = {
    userId: viewer.userId,
    rolesInMunicipality: viewer.municipality?.id === m.municipalityId ? viewer.roles : [],
    manages,
    reviewer: takesPart && myReviews.some((r) => r.status !== 'withdrawn'),
    participant: takesPart && present > 0,
    inGroup: takesPart,
  }
  const state = m.status as MinutesState
  if (!canReadMinutes(state, m.audience as MinutesAudience, reader)) return null
  const current = myReviews.find((r) => r.version === m.version) ?? null
  return { minutes: { ...m, status: state, audience: m.audience as MinutesAudience }, manages, writes: m.authorId === viewer.userId || manages, myReview: current && current.status !== 'withdrawn' ? current : null }
}

/** The current text, rendered and sanitized, the version list, every review with names, and what was not answered at closing. */
export async function minutesDetails(m: { id: string; version: number; closedNotAnswered: string | null; meetingId: string | null; gatheringId: string | null }) {
  const [versions, reviews] = await Promise.all([
    db.minutesVersion.findMany({ where: { minutesId: m.id }, orderBy: { version: 'asc' }, select: { version: true, body: true, createdAt: true } }),
    db.minutesReview.findMany({ where: { minutesId: m.id }, orderBy: [{ version: 'asc' }, { createdAt: 'asc' }], select: { version: true, userId: true, status: true, comment: true, answeredAt: true } }),
  ])
  const users = await db.user.findMany({ where: { id: { in: [...new Set(reviews.map((r) => r.userId))] } }, select: { id: true, name: true } })
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  const current = versions.find((v) => v.version === m.version) ?? versions[versions.length - 1]
  return {
    body: current?.body ?? '',
    html: renderMarkdown(current?.body ?? ''),
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, body: v.body })),
    reviews: reviews.map((r) => ({ ...r, status: r.status as ReviewStatus, name: nameOf.get(r.userId) ?? '–' })),
    current: sortByName(reviews.filter((r) => r.version === m.version).map((r) => ({ ...r, status: r.status as ReviewStatus, name: nameOf.get(r.userId) ?? '–' }))),
    notAnswered: m.closedNotAnswered ? (JSON.parse(m.closedNotAnswered) as string[]) : [],
    audiences: audiencesFor(m.meetingId ? 'meeting' : 'gathering'),
  }
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadMinutes>>>['minutes']

/**
 * Saves the text. In a draft never sent, the first version is overwritten;
 * once a version has been sent for approval, a revision makes a new version,
 * so every version participants answered is kept.
 */
async function writeBody(tx: Tx, m: Loaded, actor: Actor, body: string, title: string) {
  const sent = (await tx.minutesReview.count({ where: { minutesId: m.id, version: m.version } })) > 0
  const current = await tx.minutesVersion.findUnique({ where: { minutesId_version: { minutesId: m.id, version: m.version } }, select: { body: true } })
  let version = m.version
  if (!sent) await tx.minutesVersion.update({ where: { minutesId_version: { minutesId: m.id, version } }, data: { body } })
  else if (current?.body !== body) {
    version = m.version + 1
    await tx.minutesVersion.create({ data: { minutesId: m.id, version, body, createdById: actor.userId } })
  }
  await tx.minutes.update({ where: { id: m.id }, data: { title, version } })
  return version
}

/** Save the draft or a revision (draft or changes requested only). */
export async function saveDraft(actor: Actor, m: Loaded, input: DraftInput): Promise<Result> {
  if (!transition(m.status, 'revise')) return { ok: false, formErrors: ['minutes.wrongState'] }
  await db.$transaction(async (tx) => {
    await writeBody(tx, m, actor, input.body, input.title)
    await audit(tx, { actorId: actor.userId, municipalityId: m.municipalityId, action: 'save-minutes', entity: 'Minutes', entityId: m.id, ip: actor.ip })
  })
  return { ok: true, id: m.id }
}

/**
 * Sends the current text for approval: a new review round for everyone
 * present who still takes part, each told by e-mail. Refused without anyone
 * to ask or with a deadline in the past; nothing is written then.
 */
export async function submitForApproval(actor: Actor, m: Loaded, input: DraftInput, lang: Lang, now = new Date()): Promise<Result> {
  if (!transition(m.status, 'submit')) return { ok: false, formErrors: ['minutes.wrongState'] }
  const deadline = input.deadline ? osloInstant(input.deadline, '23:59') : null
  if (deadline && deadline.getTime() <= now.getTime()) return { ok: false, fieldErrors: { deadline: ['minutes.deadlinePast'] } }
  const reviewers = (await participantsOf(db, m)).filter((id) => id !== actor.userId)
  if (!reviewers.length) return { ok: false, formErrors: ['minutes.noParticipants'] }
  const people = await db.user.findMany({ where: { id: { in: reviewers } }, select: { id: true, name: true, email: true, language: true } })
  await db.$transaction(async (tx) => {
    const version = await writeBody(tx, m, actor, input.body, input.title)
    await tx.minutes.update({ where: { id: m.id }, data: { status: 'in_review', reviewDeadline: deadline } })
    for (const p of people) {
      await tx.minutesReview.upsert({
        where: { minutesId_version_userId: { minutesId: m.id, version, userId: p.id } },
        create: { minutesId: m.id, version, userId: p.id },
        update: { status: 'pending', comment: null, answeredAt: null },
      })
      const l = (p.language as Lang | null) ?? lang
      const v = { name: p.name, title: input.title, link: new URL(`/minutes/${m.id}`, env.APP_URL).toString() }
      await enqueueMail(tx, { to: p.email, subject: translate(l, 'minutes.mail.review.subject', v), text: translate(l, 'minutes.mail.review.body', v), kind: 'minutes-review', municipalityId: m.municipalityId })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: m.municipalityId, action: 'submit-minutes', entity: 'Minutes', entityId: m.id, details: { version, reviewers: reviewers.length }, ip: actor.ip })
  })
  return { ok: true, id: m.id }
}

/** Moves the minutes on when a round is decided (one change request sends them back; all approvals approve). */
async function settleRound(tx: Tx, minutesId: string, version: number) {
  const reviews = await tx.minutesReview.findMany({ where: { minutesId, version }, select: { userId: true, status: true } })
  const outcome = roundOutcome(reviews as Review[])
  if (outcome === 'pending') return 'in_review' as const
  const next = transition('in_review', outcome === 'approved' ? 'all_approved' : 'request_changes')!
  await tx.minutes.updateMany({ where: { id: minutesId, status: 'in_review', version }, data: { status: next } })
  return next
}

/** A participant approves or asks for a change (comment required) on the version in review. */
export async function answerMinutes(actor: Actor, m: Loaded, answer: 'approve' | 'request_changes', comment: string | undefined, lang: Lang): Promise<Result> {
  if (m.status !== 'in_review') return { ok: false, formErrors: ['minutes.wrongState'] }
  const review = await db.minutesReview.findUnique({ where: { minutesId_version_userId: { minutesId: m.id, version: m.version, userId: actor.userId } } })
  if (!review || review.status === 'withdrawn') return { ok: false, formErrors: ['minutes.notReviewer'] }
  await db.$transaction(async (tx) => {
    await tx.minutesReview.update({ where: { id: review.id }, data: { status: answer === 'approve' ? 'approved' : 'changes_requested', comment: comment || null, answeredAt: new Date() } })
    const next = await settleRound(tx, m.id, m.version)
    if (next !== 'in_review') {
      const author = await tx.user.findUniqueOrThrow({ where: { id: m.authorId }, select: { name: true, email: true, language: true } })
      const l = (author.language as Lang | null) ?? lang
      const key = next === 'approved' ? 'minutes.mail.approved' : 'minutes.mail.changes'
      const v = { name: author.name, title: m.title, link: new URL(`/minutes/${m.id}`, env.APP_URL).toString() }
      await enqueueMail(tx, { to: author.email, subject: translate(l, `${key}.subject` as 'minutes.mail.approved.subject', v), text: translate(l, `${key}.body` as 'minutes.mail.approved.body', v), kind: 'minutes-answer', municipalityId: m.municipalityId })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: m.municipalityId, action: answer === 'approve' ? 'approve-minutes' : 'request-minutes-change', entity: 'Minutes', entityId: m.id, details: { version: m.version }, ip: actor.ip })
  })
  return { ok: true, id: m.id }
}

/** The writer closes approval after the deadline; the names of those who had not answered stay with the minutes. */
export async function closeApproval(actor: Actor, m: Loaded, now = new Date()): Promise<Result> {
  const reviews = await db.minutesReview.findMany({ where: { minutesId: m.id, version: m.version }, select: { userId: true, status: true } })
  const check = checkClose({ state: m.status, deadline: m.reviewDeadline, now, reviews: reviews as Review[] })
  if (!check.ok) return { ok: false, formErrors: [`minutes.close.${check.reason}`] }
  const names = (await db.user.findMany({ where: { id: { in: check.notAnswered } }, select: { name: true } })).map((u) => u.name).sort()
  await db.$transaction(async (tx) => {
    await tx.minutes.update({ where: { id: m.id }, data: { status: transition('in_review', 'close')!, closedAt: now, closedNotAnswered: JSON.stringify(names) } })
    await audit(tx, { actorId: actor.userId, municipalityId: m.municipalityId, action: 'close-minutes-approval', entity: 'Minutes', entityId: m.id, details: { notAnswered: check.notAnswered.length }, ip: actor.ip })
  })
  return { ok: true, id: m.id }
}

/** Publishes approved minutes to the chosen audience. */
export async function publishMinutes(actor: Actor, m: Loaded, audience: MinutesAudience): Promise<Result> {
  if (!transition(m.status, 'publish')) return { ok: false, formErrors: ['minutes.wrongState'] }
  if (!audiencesFor(m.meetingId ? 'meeting' : 'gathering').includes(audience)) return { ok: false, fieldErrors: { audience: ['error.required'] } }
  await db.$transaction(async (tx) => {
    await tx.minutes.update({ where: { id: m.id }, data: { status: 'published', audience, publishedAt: new Date() } })
    await audit(tx, { actorId: actor.userId, municipalityId: m.municipalityId, action: 'publish-minutes', entity: 'Minutes', entityId: m.id, details: { audience }, ip: actor.ip })
  })
  return { ok: true, id: m.id }
}

/**
 * A person left the network: their open approvals of its minutes are
 * withdrawn (they no longer read them either), and a round they alone held
 * back is decided. Called in the transaction that records the leaving.
 */
export async function withdrawFromNetworkMinutes(tx: Tx, networkId: string, userId: string) {
  const open = await tx.minutes.findMany({ where: { networkId, status: 'in_review' }, select: { id: true, version: true } })
  for (const m of open) {
    const { count } = await tx.minutesReview.updateMany({ where: { minutesId: m.id, version: m.version, userId, status: 'pending' }, data: { status: 'withdrawn' } })
    if (count) await settleRound(tx, m.id, m.version)
  }
}

/** Minutes waiting for the viewer's answer. */
export async function awaitingMyAnswer(userId: string) {
  const reviews = await db.minutesReview.findMany({ where: { userId, status: 'pending', minutes: { status: 'in_review' } }, select: { version: true, minutes: { select: { id: true, title: true, version: true, reviewDeadline: true } } } })
  return reviews.filter((r) => r.version === r.minutes.version).map((r) => r.minutes)
}

/** The minutes of a meeting or gathering if the viewer may read them (for a link), else null. */
export async function minutesLink(viewer: Viewer, target: Target) {
  const found = await existingMinutes(target)
  if (!found) return null
  const loaded = await loadMinutes(viewer, found.id)
  return loaded ? { id: found.id, status: loaded.minutes.status } : null
}

/** For a gathering's page: the minutes the viewer may read, or whether they may start them. */
export async function gatheringMinutes(viewer: Viewer, gatheringId: string): Promise<{ id: string | null; writes: boolean }> {
  const link = await minutesLink(viewer, { kind: 'gathering', id: gatheringId })
  if (link) return { id: link.id, writes: false }
  if (await existingMinutes({ kind: 'gathering', id: gatheringId })) return { id: null, writes: false }
  const subject = can(viewer, 'write:minutes') ? await minutesSubject(viewer, { kind: 'gathering', id: gatheringId }) : null
  return { id: null, writes: !!subject?.writes }
}
