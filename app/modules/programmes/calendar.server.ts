import { createHash, randomBytes } from 'node:crypto'
import ical from 'ical-generator'
import { db } from '~/db.server.ts'
import { env } from '~/env.server.ts'

// Secret calendar addresses (ICS) that calendar apps subscribe to without a
// session. Only a hash of the token is stored; rotating deletes the old one,
// so the old address answers 404.

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function rotateFeed(kind: 'programme' | 'personal', userId: string, programmeId: string | null) {
  const token = randomBytes(24).toString('base64url')
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { kind, userId, programmeId } })
    await tx.calendarFeed.create({ data: { kind, userId, programmeId, tokenHash: hash(token) } })
  })
  return token
}

export async function hasFeed(kind: 'programme' | 'personal', userId: string, programmeId: string | null) {
  return (await db.calendarFeed.count({ where: { kind, userId, programmeId } })) > 0
}

export function feedUrl(token: string) {
  return new URL(`/calendar/${token}.ics`, env.APP_URL).toString()
}

type CalendarGathering = { id: string; title: string; theme: string; startsAt: Date; durationMinutes: number; location: string | null; revision: number; updatedAt: Date; programmeId: string; programme: { name: string } }

const select = { id: true, title: true, theme: true, startsAt: true, durationMinutes: true, location: true, revision: true, updatedAt: true, programmeId: true, programme: { select: { name: true } } } as const

/** The events behind a token, or null (unknown or rotated token). */
export async function feedEvents(token: string): Promise<{ name: string; gatherings: CalendarGathering[]; personalUserId?: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hash(token) } })
  if (!feed) return null
  if (feed.kind === 'programme' && feed.programmeId) {
    const programme = await db.programme.findUnique({ where: { id: feed.programmeId }, select: { name: true, gatherings: { select, orderBy: { startsAt: 'asc' } } } })
    return programme ? { name: programme.name, gatherings: programme.gatherings } : null
  }
  const gatherings = await db.gathering.findMany({
    where: { programme: { OR: [{ enrolments: { some: { userId: feed.userId, leftOn: null } } }, { coordinatorId: feed.userId }] } },
    orderBy: { startsAt: 'asc' },
    select,
  })
  return { name: 'Mentornett', gatherings, personalUserId: feed.userId }
}

/** iCalendar text: a stable UID per gathering and a SEQUENCE that grows with every change; times in UTC. */
/** An all-day event from another capability (e.g. a mentee-plan item) for the personal feed. */
export type AllDayEvent = { uid: string; date: string; summary: string; url: string; stamp: Date }

export function toIcs(name: string, gatherings: CalendarGathering[], allDay: AllDayEvent[] = []) {
  const calendar = ical({ name, prodId: { company: 'Mentornett', product: 'Mentornett', language: 'NB' } })
  for (const g of gatherings) {
    calendar.createEvent({
      id: `gathering-${g.id}@mentornett`,
      start: g.startsAt,
      end: new Date(g.startsAt.getTime() + g.durationMinutes * 60_000),
      summary: `${g.title} (${g.programme.name})`,
      description: g.theme,
      location: g.location ?? undefined,
      sequence: g.revision,
      stamp: g.updatedAt,
      url: new URL(`/programmes/${g.programmeId}/gatherings/${g.id}`, env.APP_URL).toString(),
    })
  }
  for (const e of allDay) {
    const [y, m, d] = e.date.split('-').map(Number)
    calendar.createEvent({ id: e.uid, start: new Date(Date.UTC(y, m - 1, d)), allDay: true, summary: e.summary, stamp: e.stamp, url: e.url })
  }
  return calendar.toString()
}
