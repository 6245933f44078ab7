import { db } from '~/db.server.ts'
import { translate, type Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { entryMinutes, type RegisterEntry } from '~/modules/attendance/register.server.ts'
import type { RegisterStatus } from '~/modules/attendance/schemas.ts'
import { contentLang, getContent, minutesBetween, osloInstant, osloParts, type MethodSlug } from '~/modules/curriculum/index.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { env } from '~/env.server.ts'
import { formatDateTime, sortByName } from '~/utils/format.ts'
import { suggestNextMeeting } from './rhythm.ts'
import type { MeetingInput } from './schemas.ts'
import type { AnyActor as Actor } from '~/utils/actor.ts'

type NetworkRef = { id: string; municipalityId: string; rhythmMonths: number }

/** What a meeting's agenda may reuse: a method or a session of a curriculum in content/. */
export function reuseOptions(lang: Lang) {
  const content = getContent()
  const cl = contentLang(lang)
  return [
    ...content.methods.map((m) => ({ value: `method:${m.slug}`, label: m.text[cl].title })),
    ...content.curricula.flatMap((c) => c.sessions.map((s) => ({ value: `session:${c.slug}/${s.slug}`, label: `${c.text[cl].title}: ${s.text[cl].title}` }))),
  ]
}

/** The form's starting values: the next date by the network's rhythm, at the time of the last meeting. */
export async function meetingDefaults(network: NetworkRef, now = new Date()) {
  const last = await db.networkMeeting.findFirst({ where: { networkId: network.id }, orderBy: { startsAt: 'desc' }, select: { startsAt: true, durationMinutes: true, location: true } })
  const next = suggestNextMeeting(last?.startsAt ?? null, network.rhythmMonths, now)
  const { date } = osloParts(next)
  const start = last ? osloParts(last.startsAt).time : '13:00'
  const endAt = osloParts(new Date(osloInstant(date, start).getTime() + (last?.durationMinutes ?? 120) * 60_000)).time
  return { date, start, end: endAt, location: last?.location ?? '', topic: '', agenda: '', reuse: '' }
}

export type PlanResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> }

/** Plans a meeting: not in the past, ending after it starts, reusing only known methods or sessions. */
export async function planMeeting(actor: Actor, network: NetworkRef, input: MeetingInput, now = new Date()): Promise<PlanResult> {
  const startsAt = osloInstant(input.date, input.start)
  const durationMinutes = minutesBetween(input.date, input.start, input.end)
  const fieldErrors: Record<string, string[]> = {}
  if (startsAt.getTime() <= now.getTime()) fieldErrors.date = ['networks.meetingInPast']
  if (durationMinutes <= 0) fieldErrors.end = ['schedule.endBeforeStart']
  let methodSlug: string | null = null
  let sessionRef: string | null = null
  if (input.reuse) {
    const content = getContent()
    if (input.reuse.startsWith('method:') && content.methods.some((m) => m.slug === input.reuse!.slice(7))) methodSlug = input.reuse.slice(7) as MethodSlug
    else if (input.reuse.startsWith('session:')) {
      const [curriculum, session] = input.reuse.slice(8).split('/')
      if (content.curricula.some((c) => c.slug === curriculum && c.sessions.some((s) => s.slug === session))) sessionRef = `${curriculum}/${session}`
    }
    if (!methodSlug && !sessionRef) fieldErrors.reuse = ['networks.unknownReuse']
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }
  const id = await db.$transaction(async (tx) => {
    const meeting = await tx.networkMeeting.create({
      data: { networkId: network.id, municipalityId: network.municipalityId, startsAt, durationMinutes, location: input.location || null, topic: input.topic, agenda: input.agenda ?? '', methodSlug, sessionRef, createdById: actor.userId },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: network.municipalityId, action: 'plan-network-meeting', entity: 'NetworkMeeting', entityId: meeting.id, ip: actor.ip })
    return meeting.id
  })
  return { ok: true, id }
}

export async function listMeetings(networkId: string, now = new Date()) {
  const rows = await db.networkMeeting.findMany({
    where: { networkId },
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, durationMinutes: true, location: true, topic: true, _count: { select: { attendance: { where: { minutesPresent: { gt: 0 } } } } } },
  })
  const list = rows.map(({ _count, ...m }) => ({ ...m, present: _count.attendance }))
  const isPast = (m: { startsAt: Date; durationMinutes: number }) => m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime()
  return { upcoming: list.filter((m) => !isPast(m)), past: list.filter(isPast).reverse() }
}

export async function getMeeting(networkId: string, meetingId: string) {
  return db.networkMeeting.findFirst({ where: { id: meetingId, networkId } })
}

type MeetingRef = { id: string; networkId: string; startsAt: Date; durationMinutes: number }

/** Who is on a meeting's register: members on the day, plus anyone already recorded. */
async function registerPeople(meeting: MeetingRef, recorded: { userId: string }[]) {
  const members = await db.networkMember.findMany({
    where: { networkId: meeting.networkId, joinedAt: { lt: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000) }, OR: [{ leftAt: null }, { leftAt: { gte: meeting.startsAt } }], status: { in: ['active', 'left'] } },
    select: { userId: true },
  })
  const ids = [...new Set([...members.map((m) => m.userId), ...recorded.map((r) => r.userId)])]
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
  return new Map(users.map((u) => [u.id, u.name]))
}

export async function getMeetingRegister(meeting: MeetingRef) {
  const [attendance, version] = await Promise.all([
    db.networkAttendance.findMany({ where: { meetingId: meeting.id }, select: { userId: true, status: true, minutesPresent: true } }),
    db.networkMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { registerVersion: true } }),
  ])
  const people = await registerPeople(meeting, attendance)
  const byUser = new Map(attendance.map((a) => [a.userId, a]))
  const rows = [...people].map(([userId, name]) => ({ userId, name, status: (byUser.get(userId)?.status as RegisterStatus | undefined) ?? 'unmarked', minutes: byUser.get(userId)?.minutesPresent ?? null, notice: null, checkIn: null }))
  return { version: version.registerVersion, rows: sortByName(rows) }
}

export type SaveResult = { ok: true } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> }

/** Saves the register in one transaction with the gatherings' rules (minutes or arrival/departure times, capped; optimistic version). */
export async function saveMeetingRegister(actor: Actor, meeting: MeetingRef, version: number, entries: RegisterEntry[]): Promise<SaveResult> {
  const fieldErrors: Record<string, string[]> = {}
  entries.forEach((e, i) => {
    if (e.status === 'partial' && e.minutes !== undefined && e.minutes > meeting.durationMinutes) fieldErrors[`rows[${i}].minutes`] = ['attendance.minutesRange']
  })
  if (Object.keys(fieldErrors).length) return { ok: false, reason: 'invalid', fieldErrors }
  const recorded = await db.networkAttendance.findMany({ where: { meetingId: meeting.id }, select: { userId: true } })
  const allowed = new Set((await registerPeople(meeting, recorded)).keys())
  return db.$transaction(async (tx) => {
    const { count } = await tx.networkMeeting.updateMany({ where: { id: meeting.id, registerVersion: version }, data: { registerVersion: { increment: 1 } } })
    if (count !== 1) return { ok: false, reason: 'conflict' } as const
    for (const e of entries) {
      if (!allowed.has(e.userId)) continue
      const minutes = entryMinutes({ ...meeting, programmeId: '' }, e)
      if (minutes === null) {
        await tx.networkAttendance.deleteMany({ where: { meetingId: meeting.id, userId: e.userId } })
        continue
      }
      const status = minutes === meeting.durationMinutes ? 'present' : minutes === 0 ? 'absent' : 'partial'
      await tx.networkAttendance.upsert({
        where: { meetingId_userId: { meetingId: meeting.id, userId: e.userId } },
        create: { meetingId: meeting.id, networkId: meeting.networkId, userId: e.userId, status, minutesPresent: minutes, recordedById: actor.userId },
        update: { status, minutesPresent: minutes, recordedById: actor.userId },
      })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'save-network-register', entity: 'NetworkMeeting', entityId: meeting.id, details: { entries: entries.length, version }, ip: actor.ip })
    return { ok: true } as const
  })
}

/** Meetings of the networks a person is an active member of, for the personal calendar feed. */
export async function calendarMeetings(userId: string) {
  const rows = await db.networkMeeting.findMany({
    where: { network: { members: { some: { userId, status: 'active' } } } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, networkId: true, topic: true, startsAt: true, durationMinutes: true, location: true, revision: true, updatedAt: true, network: { select: { name: true } } },
  })
  return rows.map((m) => ({
    id: m.id,
    uid: `network-meeting-${m.id}@mentornett`,
    title: m.topic,
    theme: m.network.name,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    revision: m.revision,
    updatedAt: m.updatedAt,
    programmeId: '',
    programme: { name: m.network.name },
    path: `/networks/${m.networkId}/meetings/${m.id}`,
  }))
}

/**
 * The reminder job: a week before a meeting every active member gets an
 * e-mail through the outbox. Each meeting is claimed with a conditional update,
 * so several app instances never send twice.
 */
export async function sendMeetingReminders(now = new Date()) {
  const due = await db.networkMeeting.findMany({
    where: { reminderSentAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + 7 * 86_400_000) } },
    select: { id: true, networkId: true, municipalityId: true, startsAt: true, location: true, topic: true, network: { select: { name: true } } },
    take: 100,
  })
  let sent = 0
  for (const m of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.networkMeeting.updateMany({ where: { id: m.id, reminderSentAt: null }, data: { reminderSentAt: now } })
      if (count !== 1) return
      const members = await tx.networkMember.findMany({ where: { networkId: m.networkId, status: 'active' }, select: { userId: true } })
      const users = await tx.user.findMany({ where: { id: { in: members.map((x) => x.userId) }, disabledAt: null }, select: { email: true, name: true, language: true } })
      for (const u of users) {
        const lang = (u.language as Lang | null) ?? 'nb'
        const v = { name: u.name, network: m.network.name, topic: m.topic, when: formatDateTime(m.startsAt, lang), place: m.location ?? '–', link: new URL(`/networks/${m.networkId}/meetings/${m.id}`, env.APP_URL).toString() }
        await enqueueMail(tx, { to: u.email, subject: translate(lang, 'networks.mail.reminder.subject', v), text: translate(lang, 'networks.mail.reminder.body', v), kind: 'network-reminder', municipalityId: m.municipalityId })
        sent++
      }
    })
  }
  return sent
}
