import { createHash, randomBytes } from 'node:crypto'
import ical from 'ical-generator'
import { db } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { isLang, translate, type Lang } from '~/i18n/index.ts'
import { localiseGatheringText } from '~/modules/curriculum/index.ts'
import { calendarMeetings } from '~/modules/networks/meetings.server.ts'

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

type CalendarGathering = { id: string; title: string; theme: string; contentSlug?: string | null; startsAt: Date; durationMinutes: number; location: string | null; revision: number; updatedAt: Date; programmeId: string; programme: { name: string }; uid?: string; path?: string }

const select = { id: true, title: true, theme: true, contentSlug: true, startsAt: true, durationMinutes: true, location: true, revision: true, updatedAt: true, programmeId: true, programme: { select: { name: true } } } as const

/**
 * The events behind a token, or null (unknown or rotated token), in the
 * subscriber's language: their own choice, else their municipality's default.
 */
export async function feedEvents(token: string): Promise<{ name: string; lang: Lang; gatherings: CalendarGathering[]; personalUserId?: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hash(token) } })
  if (!feed) return null
  const user = await db.user.findUnique({
    where: { id: feed.userId },
    select: { language: true, memberships: { take: 1, orderBy: { createdAt: 'asc' }, select: { municipality: { select: { defaultLanguage: true } } } } },
  })
  const preferred = user?.language ?? user?.memberships[0]?.municipality.defaultLanguage
  if (feed.kind === 'programme' && feed.programmeId) {
    const programme = await db.programme.findUnique({ where: { id: feed.programmeId }, select: { name: true, municipality: { select: { defaultLanguage: true } }, gatherings: { select, orderBy: { startsAt: 'asc' } } } })
    if (!programme) return null
    const lang = user?.language ?? programme.municipality.defaultLanguage
    return { name: programme.name, lang: isLang(lang) ? lang : 'nb', gatherings: programme.gatherings }
  }
  const gatherings = await db.gathering.findMany({
    // Only runs in a municipality where the person still has an active role.
    where: {
      programme: {
        municipality: { memberships: { some: { userId: feed.userId, deactivatedAt: null } } },
        OR: [{ enrolments: { some: { userId: feed.userId, leftOn: null } } }, { coordinatorId: feed.userId }],
      },
    },
    orderBy: { startsAt: 'asc' },
    select,
  })
  const lang = isLang(preferred) ? preferred : 'nb'
  // The personal feed carries the meetings of the person's networks too.
  const meetings = await calendarMeetings(feed.userId)
  return { name: `Mentornett – ${translate(lang, 'calendar.personal')}`, lang, gatherings: [...gatherings, ...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()), personalUserId: feed.userId }
}

/** An all-day event from another capability (e.g. a mentee-plan item) for the personal feed. */
export type AllDayEvent = { uid: string; date: string; summary: string; url: string; stamp: Date }

/**
 * iCalendar text: a stable UID per gathering and a SEQUENCE that grows with
 * every change; times in UTC. Titles and themes still as the curriculum wrote
 * them come in the subscriber's language.
 */
export function toIcs(name: string, gatherings: CalendarGathering[], lang: Lang = 'nb', allDay: AllDayEvent[] = []) {
  const calendar = ical({ name, prodId: { company: 'Mentornett', product: 'Mentornett', language: lang.toUpperCase() } })
  for (const original of gatherings) {
    const g = localiseGatheringText(original, lang)
    calendar.createEvent({
      id: g.uid ?? `gathering-${g.id}@mentornett`,
      start: g.startsAt,
      end: new Date(g.startsAt.getTime() + g.durationMinutes * 60_000),
      summary: `${g.title} (${g.programme.name})`,
      description: g.theme,
      location: g.location ?? undefined,
      sequence: g.revision,
      stamp: g.updatedAt,
      url: new URL(g.path ?? `/programmes/${g.programmeId}/gatherings/${g.id}`, env.APP_URL).toString(),
    })
  }
  for (const e of allDay) {
    const [y, m, d] = e.date.split('-').map(Number)
    calendar.createEvent({ id: e.uid, start: new Date(Date.UTC(y, m - 1, d)), allDay: true, summary: e.summary, stamp: e.stamp, url: e.url })
  }
  return calendar.toString()
}
