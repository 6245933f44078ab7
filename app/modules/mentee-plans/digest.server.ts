import { db } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { isLang, translate, type Lang } from '~/i18n/index.ts'
import { enumLabel } from '~/i18n/lang.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { addDays, ITEM_KINDS, mondayOf } from './schedule.ts'
import { osloToday } from './plans.server.ts'

type DigestLine = { menteeName: string; kind: string; plannedDate: string; overdue: boolean }

/**
 * The weekly reminder: every mentor and leader with open items that are overdue
 * or due in the next seven days gets one e-mail through the outbox. Runs at
 * most once per person and ISO week (safe to call hourly and from several
 * instances: the outbox row of this week is the marker).
 */
export async function runWeeklyDigest(now = new Date()): Promise<{ sent: number }> {
  const today = osloToday(now)
  const horizon = addDays(today, 7)
  const weekKind = `plan-digest:${mondayOf(today)}`
  const items = await db.planItem.findMany({
    where: { heldDate: null, plannedDate: { lte: horizon }, plan: { endedOn: null } },
    select: {
      kind: true,
      plannedDate: true,
      plan: {
        select: {
          menteeName: true,
          municipalityId: true,
          mentor: { select: { id: true, email: true, name: true, language: true } },
          leader: { select: { id: true, email: true, name: true, language: true } },
        },
      },
    },
    orderBy: { plannedDate: 'asc' },
  })
  type Recipient = { email: string; name: string; language: string | null; municipalityId: string; lines: DigestLine[] }
  const recipients = new Map<string, Recipient>()
  const add = (person: { id: string; email: string; name: string; language: string | null }, municipalityId: string, line: DigestLine) => {
    const key = `${person.id}|${municipalityId}`
    let r = recipients.get(key)
    if (!r) recipients.set(key, (r = { email: person.email, name: person.name, language: person.language, municipalityId, lines: [] }))
    r.lines.push(line)
  }
  for (const i of items) {
    const line = { menteeName: i.plan.menteeName, kind: i.kind, plannedDate: i.plannedDate, overdue: i.plannedDate < today }
    if (i.kind !== 'probation_talk') add(i.plan.mentor, i.plan.municipalityId, line)
    add(i.plan.leader, i.plan.municipalityId, line)
  }
  if (!recipients.size) return { sent: 0 }
  const already = new Set(
    (await db.outboxMessage.findMany({ where: { kind: weekKind }, select: { toAddress: true, municipalityId: true } })).map((m) => `${m.toAddress}|${m.municipalityId}`),
  )
  const municipalities = new Map((await db.municipality.findMany({ where: { id: { in: [...new Set([...recipients.values()].map((r) => r.municipalityId))] } }, select: { id: true, defaultLanguage: true } })).map((m) => [m.id, m.defaultLanguage]))
  let sent = 0
  for (const r of recipients.values()) {
    if (already.has(`${r.email}|${r.municipalityId}`)) continue
    const fallback = municipalities.get(r.municipalityId)
    const lang: Lang = isLang(r.language) ? r.language : isLang(fallback) ? fallback : 'nb'
    await enqueueMail(db, { to: r.email, ...digestMail(lang, r.name, r.lines), kind: weekKind, municipalityId: r.municipalityId })
    sent++
  }
  return { sent }
}

export function digestMail(lang: Lang, name: string, lines: DigestLine[]) {
  const line = (l: DigestLine) => `- ${l.plannedDate} ${enumLabel((key) => translate(lang, key), 'plans.kind', ITEM_KINDS, l.kind)}: ${l.menteeName}`
  const overdue = lines.filter((l) => l.overdue)
  const due = lines.filter((l) => !l.overdue)
  const parts = [translate(lang, 'plans.digest.greeting', { name })]
  if (overdue.length) parts.push(`${translate(lang, 'plans.digest.overdue')}\n${overdue.map(line).join('\n')}`)
  if (due.length) parts.push(`${translate(lang, 'plans.digest.due')}\n${due.map(line).join('\n')}`)
  parts.push(translate(lang, 'plans.digest.footer', { link: new URL('/plans', env.APP_URL).toString() }))
  return { subject: translate(lang, 'plans.digest.subject', { count: lines.length }), text: parts.join('\n\n') }
}

let timer: NodeJS.Timeout | null = null
/** Hourly check; the digest itself goes out once a week (from Monday on). */
export function startDigestJob(intervalMs = 60 * 60 * 1000): () => void {
  timer ??= setInterval(() => {
    runWeeklyDigest().catch((e) => console.error('plan digest:', e))
  }, intervalMs)
  timer.unref()
  return () => {
    if (timer) clearInterval(timer)
    timer = null
  }
}

/** Open plan items of a person (mentor, leader or mentee) for the personal calendar feed. */
export async function planCalendarItems(userId: string) {
  const items = await db.planItem.findMany({
    where: { heldDate: null, plan: { endedOn: null, OR: [{ mentorId: userId }, { leaderId: userId }, { menteeUserId: userId }] } },
    select: { id: true, kind: true, plannedDate: true, expectedMinutes: true, updatedAt: true, planId: true, plan: { select: { menteeName: true, mentorId: true } } },
    orderBy: { plannedDate: 'asc' },
  })
  // Mentors do not get the leader's probation talks in their calendar.
  return items.filter((i) => !(i.kind === 'probation_talk' && i.plan.mentorId === userId))
}
