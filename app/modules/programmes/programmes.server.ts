import { db } from '~/db.server.ts'
import type { Lang } from '~/i18n/index.ts'
import { adjustRecordedAttendance, recordedCount, type RecordedChoice } from '~/modules/attendance/register.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { can, type Viewer } from '~/modules/auth/index.ts'
import { checkSchedule, ownTemplates, type SessionSeed, minutesBetween, nationalCurricula, nationalCurriculum, osloInstant, osloParts, readAgenda, readMethods, readTasks, suggestSchedule, type ScheduledSession } from '~/modules/curriculum/index.ts'
import type { Audience } from '~/modules/tenancy/index.ts'
import { sortByName } from '~/utils/format.ts'
import type { ProgrammeInput } from './schemas.ts'
import type { Actor } from '~/utils/actor.ts'


type SourceSession = Omit<SessionSeed, 'order'> & { referenceDate?: string | null }

export type ProgrammeSource = { value: string; label: string; national: boolean; requiredMinutes: number; sessions: SourceSession[]; templateId: string | null; sourceSlug: string | null }

/** What a run can be planned from: the municipality's own templates and the national curriculum. */
export async function programmeSources(audience: Audience, lang: Lang): Promise<ProgrammeSource[]> {
  const templates = await ownTemplates(audience)
  return [
    ...templates.map((t) => ({
      value: `template:${t.id}`,
      label: t.name,
      national: false,
      requiredMinutes: t.effectiveRequiredMinutes,
      templateId: t.id,
      sourceSlug: t.sourceSlug,
      sessions: t.sessions.map((s) => ({ ...s, referenceDate: referenceDateOf(t.sourceSlug, s.contentSlug) })),
    })),
    ...nationalCurricula(lang).map((c) => ({
      value: `national:${c.slug}`,
      label: c.title,
      national: true,
      requiredMinutes: c.requiredMinutes,
      templateId: null,
      sourceSlug: c.slug,
      sessions: c.sessions.map((s) => ({ ...s, contentSlug: s.slug })),
    })),
  ]
}

function referenceDateOf(sourceSlug: string | null, contentSlug: string | null) {
  if (!sourceSlug || !contentSlug) return null
  return nationalCurriculum(sourceSlug, 'nb')?.sessions.find((s) => s.slug === contentSlug)?.referenceDate ?? null
}

export function suggestFor(source: ProgrammeSource, year: number): ScheduledSession[] {
  return suggestSchedule(source.sessions, year)
}

/** People who may coordinate a run in the municipality. */
export async function coordinatorsOf(municipalityId: string) {
  const rows = await db.user.findMany({
    where: { memberships: { some: { municipalityId, deactivatedAt: null, role: { in: ['coordinator', 'programme_lead'] } } } },
    select: { id: true, name: true },
  })
  return sortByName(rows)
}

export type CreateResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> }

/** Creates the run with one dated gathering per session, all or nothing. */
export async function createProgramme(actor: Actor, audience: Audience, input: ProgrammeInput, lang: Lang): Promise<CreateResult> {
  const source = (await programmeSources(audience, lang)).find((s) => s.value === input.source)
  if (!source) return { ok: false, fieldErrors: { source: ['error.required'] } }
  if (input.sessions.length !== source.sessions.length) return { ok: false, fieldErrors: { sessions: ['schedule.sessionCount'] } }
  const coordinators = await coordinatorsOf(actor.municipalityId)
  if (!coordinators.some((c) => c.id === input.coordinatorId)) return { ok: false, fieldErrors: { coordinatorId: ['programmes.unknownCoordinator'] } }

  const fieldErrors: Record<string, string[]> = {}
  for (const issue of checkSchedule({ startsOn: input.startsOn, endsOn: input.endsOn }, input.sessions)) {
    ;(fieldErrors[`sessions[${issue.index}].${issue.field}`] ??= []).push(issue.message)
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const programme = await db.$transaction(async (tx) => {
    const created = await tx.programme.create({
      data: {
        municipalityId: actor.municipalityId,
        templateId: source.templateId,
        sourceSlug: source.sourceSlug,
        name: input.name,
        year: input.year,
        coordinatorId: input.coordinatorId,
        location: input.location || null,
        requiredMinutes: source.requiredMinutes,
        startsOn: osloInstant(input.startsOn, '00:00'),
        endsOn: osloInstant(input.endsOn, '23:59'),
      },
    })
    await tx.gathering.createMany({
      data: source.sessions.map((s, i) => {
        const when = input.sessions[i]
        return {
          programmeId: created.id,
          order: i + 1,
          kind: s.kind,
          title: s.title,
          theme: s.theme,
          startsAt: osloInstant(when.date, when.start),
          durationMinutes: minutesBetween(when.date, when.start, when.end),
          location: input.location || null,
          preparation: JSON.stringify(s.preparation),
          agenda: JSON.stringify(s.agenda),
          methods: s.methods.join(','),
          contentSlug: s.contentSlug,
        }
      }),
    })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'create', entity: 'Programme', entityId: created.id, details: { name: input.name, source: input.source }, ip: actor.ip })
    return created
  })
  return { ok: true, id: programme.id }
}

/** Coordinators and programme leads see the municipality's runs; mentors the runs they are enrolled in. */
export async function listProgrammes(viewer: Viewer) {
  const manage = viewer.municipality && can(viewer, 'manage:programmes')
  const rows = await db.programme.findMany({
    where: manage
      ? { municipalityId: viewer.municipality!.id }
      : { municipalityId: { in: viewer.municipalities.map((m) => m.id) }, enrolments: { some: { userId: viewer.userId } } },
    orderBy: [{ year: 'desc' }, { startsOn: 'desc' }],
    select: {
      id: true,
      name: true,
      year: true,
      startsOn: true,
      endsOn: true,
      municipality: { select: { name: true } },
      coordinator: { select: { name: true } },
      _count: { select: { gatherings: true, enrolments: { where: { leftOn: null } } } },
    },
  })
  return rows
}

export type ProgrammeAccess = 'manage' | 'participant'

/**
 * What pages of a run show in their heading, read with the access check:
 * `gridVersion` is read before any of the run's rows, so a grid cached under it
 * is current (see `attendanceGridView`).
 */
export type ProgrammeHead = {
  name: string
  sourceSlug: string | null
  coordinatorName: string
  requiredMinutes: number
  gridVersion: number
  /** Whether the viewer has a calendar address for the run (`hasFeed('programme', …)`). */
  viewerHasFeed: boolean
}

type HeadRow = Omit<ProgrammeHead, 'viewerHasFeed'> & { municipalityId: string; enrolled: number | bigint; feed: number | bigint }

/**
 * The run, its head and whether the viewer is enrolled, in one statement (it
 * runs on every page of a run): the access rule below needs the municipality
 * and the enrolment, the page its name, grid version and calendar address.
 */
export async function programmeAccessAndHead(viewer: Viewer, programmeId: string): Promise<{ access: ProgrammeAccess; municipalityId: string; head: ProgrammeHead } | null> {
  const [p] = await db.$queryRaw<HeadRow[]>`
    SELECT p."municipalityId", p."name", p."sourceSlug", p."requiredMinutes", p."gridVersion", u."name" AS "coordinatorName",
           CASE WHEN EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."programmeId" = p."id" AND e."userId" = ${viewer.userId}) THEN 1 ELSE 0 END AS "enrolled",
           CASE WHEN EXISTS (SELECT 1 FROM "CalendarFeed" f WHERE f."kind" = 'programme' AND f."programmeId" = p."id" AND f."userId" = ${viewer.userId}) THEN 1 ELSE 0 END AS "feed"
    FROM "Programme" p JOIN "User" u ON u."id" = p."coordinatorId"
    WHERE p."id" = ${programmeId}`
  if (!p) return null
  const head: ProgrammeHead = { name: p.name, sourceSlug: p.sourceSlug, coordinatorName: p.coordinatorName, requiredMinutes: Number(p.requiredMinutes), gridVersion: Number(p.gridVersion), viewerHasFeed: Number(p.feed) > 0 }
  // Managing needs an active role with the permission in the run's municipality
  // (the viewer's roles are the active ones there); being named coordinator is
  // not enough, so a deactivated coordinator loses the run at once.
  if (viewer.municipality?.id === p.municipalityId && can(viewer, 'manage:programmes')) return { access: 'manage', municipalityId: p.municipalityId, head }
  // Taking part needs the enrolment and an active role in that municipality.
  if (Number(p.enrolled) && viewer.municipalities.some((m) => m.id === p.municipalityId)) return { access: 'participant', municipalityId: p.municipalityId, head }
  return null
}

/** A run the viewer may open, with their kind of access, or null (404). */
export async function programmeAccess(viewer: Viewer, programmeId: string): Promise<{ access: ProgrammeAccess; municipalityId: string } | null> {
  const found = await programmeAccessAndHead(viewer, programmeId)
  return found && { access: found.access, municipalityId: found.municipalityId }
}

export async function getProgramme(programmeId: string) {
  const p = await db.programme.findUniqueOrThrow({
    where: { id: programmeId },
    include: {
      coordinator: { select: { name: true } },
      municipality: { select: { name: true } },
      gatherings: { orderBy: { startsAt: 'asc' } },
    },
  })
  return {
    ...p,
    gatherings: p.gatherings.map((g) => ({
      id: g.id,
      order: g.order,
      kind: g.kind,
      title: g.title,
      theme: g.theme,
      startsAt: g.startsAt,
      durationMinutes: g.durationMinutes,
      location: g.location,
      contentSlug: g.contentSlug,
      methods: readMethods(g.methods),
      preparation: readTasks(g.preparation),
      agenda: readAgenda(g.agenda),
    })),
  }
}

/** A gathering of the run; with the run's head already read (`requireGathering`), one statement. */
export async function getGathering(programmeId: string, gatheringId: string, head?: ProgrammeHead) {
  if (head) {
    const g = await db.gathering.findFirst({ where: { id: gatheringId, programmeId } })
    if (!g) return null
    const programme = { name: head.name, sourceSlug: head.sourceSlug, coordinator: { name: head.coordinatorName } }
    return { ...g, programme, methods: readMethods(g.methods), preparation: readTasks(g.preparation), agenda: readAgenda(g.agenda) }
  }
  const g = await db.gathering.findFirst({ where: { id: gatheringId, programmeId }, include: { programme: { select: { name: true, sourceSlug: true, coordinator: { select: { name: true } } } } } })
  if (!g) return null
  return { ...g, methods: readMethods(g.methods), preparation: readTasks(g.preparation), agenda: readAgenda(g.agenda) }
}

/** The next gatherings (today and later) in the runs the viewer manages or takes part in. */
export async function upcomingGatherings(viewer: Viewer, take = 3, now = new Date()) {
  const manage = viewer.municipality && can(viewer, 'manage:programmes')
  const rows = await db.gathering.findMany({
    where: {
      startsAt: { gte: new Date(now.getTime() - 12 * 3_600_000) },
      programme: manage
        ? { municipalityId: viewer.municipality!.id }
        : { municipalityId: { in: viewer.municipalities.map((m) => m.id) }, enrolments: { some: { userId: viewer.userId, leftOn: null } } },
    },
    orderBy: { startsAt: 'asc' },
    take,
    select: { id: true, title: true, startsAt: true, durationMinutes: true, location: true, preparation: true, programmeId: true, programme: { select: { name: true } } },
  })
  return rows.map(({ preparation, ...g }) => ({ ...g, tasks: readTasks(preparation) }))
}

/**
 * Moves a gathering (date, times, place). Checked like a new plan: inside the
 * period, ending after it starts, not overlapping another gathering. Its
 * calendar SEQUENCE grows so subscribed calendars update.
 */
export async function rescheduleGathering(actor: Actor, programmeId: string, gatheringId: string, input: { date: string; start: string; end: string; location?: string; recorded?: RecordedChoice }) {
  const programme = await db.programme.findUnique({ where: { id: programmeId }, select: { startsOn: true, endsOn: true, gatherings: { orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, durationMinutes: true } } } })
  const index = programme?.gatherings.findIndex((g) => g.id === gatheringId) ?? -1
  if (!programme || index < 0) return { ok: false as const, fieldErrors: {} as Record<string, string[]>, notFound: true }
  const sessions = programme.gatherings.map((g) => {
    const start = osloParts(g.startsAt)
    return { date: start.date, start: start.time, end: osloParts(new Date(g.startsAt.getTime() + g.durationMinutes * 60_000)).time }
  })
  sessions[index] = { date: input.date, start: input.start, end: input.end }
  const issues = checkSchedule({ startsOn: osloParts(programme.startsOn).date, endsOn: osloParts(programme.endsOn).date }, sessions).filter((i) => i.index === index)
  if (issues.length) return { ok: false as const, notFound: false, fieldErrors: Object.fromEntries(issues.map((i) => [i.field, [i.message]])) }
  const old = programme.gatherings[index]
  const startsAt = osloInstant(input.date, input.start)
  const durationMinutes = minutesBetween(input.date, input.start, input.end)
  const timesChanged = old.startsAt.getTime() !== startsAt.getTime() || old.durationMinutes !== durationMinutes
  return db.$transaction(async (tx) => {
    // Attendance recorded for the old times: the coordinator decides what becomes of it.
    const recorded = timesChanged ? await recordedCount(gatheringId, tx) : 0
    if (recorded && !input.recorded) return { ok: false as const, notFound: false, fieldErrors: { recorded: ['gathering.recordedChoose'] } as Record<string, string[]> }
    await tx.gathering.update({
      where: { id: gatheringId },
      data: { startsAt, durationMinutes, location: input.location || null, revision: { increment: 1 } },
    })
    if (recorded && input.recorded) await adjustRecordedAttendance(tx, gatheringId, old.durationMinutes, durationMinutes, input.recorded)
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'reschedule', entity: 'Gathering', entityId: gatheringId, details: { ...input, recorded: recorded ? input.recorded : undefined }, ip: actor.ip })
    return { ok: true as const }
  })
}
