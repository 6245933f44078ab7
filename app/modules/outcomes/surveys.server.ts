import { randomInt, randomUUID } from 'node:crypto'
import Papa from 'papaparse'
import { db, type Tx } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { isLang, translate, type Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { addMonths, osloToday } from '~/modules/mentee-plans/index.ts'
import { roundResults, shuffled, type Answers, type ResponseRow, type RoundResults } from './survey-results.ts'
import { SURVEY_LANGUAGES, type SurveyLang, type SurveyQuestion } from './survey-schema.ts'
import type { OpenRoundInput } from './survey-schemas.ts'
import { surveyTemplates } from './surveys-content.server.ts'

/** Results are shown once this many have answered (also per sub-group). */
export function surveyThreshold(): number {
  return env.SURVEY_MIN_RESPONSES
}

/** Probation is six months (arbeidsmiljøloven § 15-6): it ends six months after the plan's start. */
export const PROBATION_MONTHS = 6

type Source = { sourceSlug: string; templateId: string | null; kind: string; audience: string; cohort: string; title: Record<SurveyLang, string>; questions: SurveyQuestion[] }

function parseQuestions(json: string): SurveyQuestion[] {
  return JSON.parse(json) as SurveyQuestion[]
}

/** Content templates and the municipality's copies, as one list of choices. */
export async function surveySources(municipalityId: string): Promise<(Source & { value: string })[]> {
  const content = surveyTemplates().map((t) => ({
    value: `content:${t.slug}`,
    sourceSlug: t.slug,
    templateId: null,
    kind: t.kind,
    audience: t.audience,
    cohort: t.cohort,
    title: Object.fromEntries(SURVEY_LANGUAGES.map((l) => [l, t.text[l].title])) as Record<SurveyLang, string>,
    questions: t.questions,
  }))
  const copies = await db.surveyTemplate.findMany({ where: { municipalityId }, orderBy: { createdAt: 'asc' } })
  return [
    ...copies.map((c) => ({
      value: `copy:${c.id}`,
      sourceSlug: c.sourceSlug,
      templateId: c.id,
      kind: c.kind,
      audience: c.audience,
      cohort: c.cohort,
      title: { nb: c.name, nn: c.name, en: c.name },
      questions: parseQuestions(c.questions),
    })),
    ...content,
  ]
}

export async function listSurveyCopies(municipalityId: string) {
  return db.surveyTemplate.findMany({ where: { municipalityId }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, sourceSlug: true } })
}

export async function copySurveyTemplate(viewer: Viewer, source: string, name: string): Promise<{ ok: true; id: string } | { ok: false }> {
  const municipalityId = viewer.municipality!.id
  const found = (await surveySources(municipalityId)).find((s) => s.value === source)
  if (!found) return { ok: false }
  const row = await db.$transaction(async (tx) => {
    const created = await tx.surveyTemplate.create({
      data: { municipalityId, name, sourceSlug: found.sourceSlug, kind: found.kind, audience: found.audience, cohort: found.cohort, questions: JSON.stringify(found.questions), createdById: viewer.userId },
    })
    await audit(tx, { actorId: viewer.userId, municipalityId, action: 'create', entity: 'SurveyTemplate', entityId: created.id, details: { source } })
    return created
  })
  return { ok: true, id: row.id }
}

export async function getSurveyCopy(municipalityId: string, id: string) {
  const row = await db.surveyTemplate.findFirst({ where: { id, municipalityId } })
  return row ? { ...row, questions: parseQuestions(row.questions) } : null
}

/** Adjusts a copy: name, which questions stay (in their order) and their wording. */
export async function updateSurveyCopy(viewer: Viewer, id: string, input: { name: string; keep: string[]; labels: Record<string, Record<SurveyLang, string>> }): Promise<boolean> {
  const municipalityId = viewer.municipality!.id
  const copy = await getSurveyCopy(municipalityId, id)
  if (!copy) return false
  const keep = new Set(input.keep)
  const questions = copy.questions
    .filter((q) => keep.has(q.key))
    .map((q) => {
      const l = input.labels[q.key]
      if (!l) return q
      return { ...q, text: Object.fromEntries(SURVEY_LANGUAGES.map((lang) => [lang, { ...q.text[lang], label: l[lang] }])) as SurveyQuestion['text'] }
    })
  if (!questions.length) return false
  await db.$transaction(async (tx) => {
    await tx.surveyTemplate.update({ where: { id }, data: { name: input.name, questions: JSON.stringify(questions) } })
    await audit(tx, { actorId: viewer.userId, municipalityId, action: 'update', entity: 'SurveyTemplate', entityId: id })
  })
  return true
}

/** Choices for the "open a round" form: sources and the municipality's programme runs. */
export async function roundFormOptions(viewer: Viewer) {
  const municipalityId = viewer.municipality!.id
  const [sources, programmes] = await Promise.all([
    surveySources(municipalityId),
    db.programme.findMany({ where: { municipalityId }, orderBy: [{ year: 'desc' }, { name: 'asc' }], select: { id: true, name: true, year: true } }),
  ])
  return { sources, programmes }
}

/** The people a round asks: the run's mentors still enrolled, or the mentees (or their mentors) whose probation ends in the period. */
async function cohortUserIds(client: Tx, municipalityId: string, input: Pick<OpenRoundInput, 'cohort' | 'programmeId' | 'periodFrom' | 'periodTo'>, audience: string): Promise<string[] | null> {
  if (input.cohort === 'programme') {
    const programme = await client.programme.findFirst({ where: { id: input.programmeId ?? '', municipalityId }, select: { id: true } })
    if (!programme) return null
    const enrolments = await client.enrolment.findMany({ where: { programmeId: programme.id, leftOn: null }, select: { userId: true } })
    return enrolments.map((e) => e.userId)
  }
  const from = input.periodFrom!
  const to = input.periodTo!
  // Plans that started six months before the period (a day either side for month ends).
  const plans = await client.menteePlan.findMany({
    where: { municipalityId, startDate: { gte: addMonths(from, -PROBATION_MONTHS - 1), lte: addMonths(to, -PROBATION_MONTHS + 1) } },
    select: { startDate: true, menteeUserId: true, mentorId: true },
  })
  const ids = plans
    .filter((p) => {
      const end = addMonths(p.startDate, PROBATION_MONTHS)
      return end >= from && end <= to
    })
    .map((p) => (audience === 'mentees' ? p.menteeUserId : p.mentorId))
    .filter((id): id is string => !!id)
  return [...new Set(ids)]
}

function langOf(language: string | null, fallback: string | undefined): Lang {
  return isLang(language) ? language : isLang(fallback) ? fallback : 'nb'
}

function surveyMail(lang: Lang, v: { name: string; title: string; closesOn: string; link: string }, reminder: boolean) {
  const t = (k: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate(lang, k, vars)
  return {
    subject: t(reminder ? 'surveys.mailReminderSubject' : 'surveys.mailSubject', { title: v.title }),
    text: `${t('surveys.mailHello', { name: v.name })}\n\n${t(reminder ? 'surveys.mailReminderBody' : 'surveys.mailBody', { title: v.title, date: v.closesOn })}\n\n${v.link}\n`,
  }
}

export type OpenRoundResult = { ok: true; id: string; invited: number } | { ok: false; field: string; message: string }

/** Opens a round: snapshot of the questions, the respondents and an e-mail to each, in one transaction. */
export async function openRound(viewer: Viewer, input: OpenRoundInput): Promise<OpenRoundResult> {
  const municipality = viewer.municipality!
  const source = (await surveySources(municipality.id)).find((s) => s.value === input.template)
  if (!source) return { ok: false, field: 'template', message: 'surveys.unknownTemplate' }
  if (source.cohort !== input.cohort) return { ok: false, field: 'cohort', message: source.cohort === 'programme' ? 'surveys.needsProgramme' : 'surveys.needsPeriod' }
  if (input.closesOn < osloToday()) return { ok: false, field: 'closesOn', message: 'surveys.closesInPast' }
  // Free texts could tell who wrote them: anonymous rounds leave them out.
  const questions = input.anonymous ? source.questions.filter((q) => q.type !== 'text') : source.questions
  return db.$transaction(async (tx) => {
    const userIds = await cohortUserIds(tx, municipality.id, input, source.audience)
    if (!userIds) return { ok: false as const, field: 'programmeId', message: 'surveys.unknownProgramme' }
    const people = await tx.user.findMany({
      where: { id: { in: userIds }, disabledAt: null, memberships: { some: { municipalityId: municipality.id, deactivatedAt: null } } },
      select: { id: true, name: true, email: true, language: true },
    })
    if (!people.length) return { ok: false as const, field: 'cohort', message: 'surveys.noRespondents' }
    const round = await tx.surveyRound.create({
      data: {
        municipalityId: municipality.id,
        sourceSlug: source.sourceSlug,
        templateId: source.templateId,
        kind: source.kind,
        title: input.title,
        questions: JSON.stringify(questions),
        anonymous: input.anonymous,
        cohort: input.cohort,
        audience: source.audience,
        programmeId: input.cohort === 'programme' ? input.programmeId! : null,
        periodFrom: input.cohort === 'probation' ? input.periodFrom! : null,
        periodTo: input.cohort === 'probation' ? input.periodTo! : null,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdById: viewer.userId,
      },
    })
    await tx.surveyRespondent.createMany({ data: people.map((p) => ({ roundId: round.id, userId: p.id })) })
    const link = `${env.APP_URL}/surveys/${round.id}/answer`
    for (const p of people) {
      await enqueueMail(tx, { to: p.email, ...surveyMail(langOf(p.language, municipality.defaultLanguage), { name: p.name, title: input.title, closesOn: input.closesOn, link }, false), kind: 'survey', municipalityId: municipality.id })
    }
    await audit(tx, { actorId: viewer.userId, municipalityId: municipality.id, action: 'create', entity: 'SurveyRound', entityId: round.id, details: { invited: people.length, anonymous: input.anonymous } })
    return { ok: true as const, id: round.id, invited: people.length }
  })
}

export type RoundState = 'upcoming' | 'open' | 'closed'
export function roundState(r: { opensOn: string; closesOn: string }, today = osloToday()): RoundState {
  return today < r.opensOn ? 'upcoming' : today > r.closesOn ? 'closed' : 'open'
}

/** The municipality's rounds with how many were asked and have answered. */
export async function listRounds(viewer: Viewer) {
  const municipalityId = viewer.municipality!.id
  const rounds = await db.surveyRound.findMany({
    where: { municipalityId },
    orderBy: [{ opensOn: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, title: true, opensOn: true, closesOn: true, anonymous: true, kind: true },
  })
  const counts = await db.surveyRespondent.groupBy({ by: ['roundId', 'answered'], where: { roundId: { in: rounds.map((r) => r.id) } }, _count: { _all: true } })
  return rounds.map((r) => {
    const mine = counts.filter((c) => c.roundId === r.id)
    return { ...r, state: roundState(r), invited: mine.reduce((s, c) => s + c._count._all, 0), answered: mine.filter((c) => c.answered).reduce((s, c) => s + c._count._all, 0) }
  })
}

/** Open rounds of the current municipality the viewer is asked to answer and has not. */
export async function myOpenRounds(viewer: Viewer) {
  if (!viewer.municipality) return []
  const today = osloToday()
  return db.surveyRound.findMany({
    where: { municipalityId: viewer.municipality.id, opensOn: { lte: today }, closesOn: { gte: today }, respondents: { some: { userId: viewer.userId, answered: false } } },
    orderBy: { closesOn: 'asc' },
    select: { id: true, title: true, closesOn: true, anonymous: true },
  })
}

/** The round as its respondent sees it, or null (not asked, or another municipality). */
export async function roundForRespondent(viewer: Viewer, roundId: string) {
  if (!viewer.municipality) return null
  const round = await db.surveyRound.findFirst({
    where: { id: roundId, municipalityId: viewer.municipality.id, respondents: { some: { userId: viewer.userId } } },
    select: { id: true, title: true, opensOn: true, closesOn: true, anonymous: true, questions: true, respondents: { where: { userId: viewer.userId }, select: { answered: true } } },
  })
  if (!round) return null
  return { id: round.id, title: round.title, opensOn: round.opensOn, closesOn: round.closesOn, anonymous: round.anonymous, questions: parseQuestions(round.questions), state: roundState(round), answered: round.respondents[0]?.answered ?? false }
}

/** The sub-group an answer counts in: the service type of the respondent's unit. */
async function subgroupOf(tx: Tx, userId: string, municipalityId: string): Promise<string> {
  const m = await tx.membership.findFirst({ where: { userId, municipalityId, deactivatedAt: null, unitId: { not: null } }, select: { unit: { select: { serviceType: true } } }, orderBy: { createdAt: 'asc' } })
  return m?.unit?.serviceType ?? 'other'
}

export type SubmitResult = { ok: true } | { ok: false; reason: 'answered' | 'not-open' | 'not-found' }

/**
 * Stores one answer. The respondent row is marked in the same transaction with a
 * conditional update, so a second answer (or a double submit) is refused. In an
 * anonymous round the answer carries no person, no time and a random id, every
 * respondent row of the round is rewritten (so row versions and physical order
 * say nothing about who answered last) and the round's answers are written back
 * in random order (so their order says nothing about when each came).
 */
export async function submitAnswer(viewer: Viewer, roundId: string, answers: Answers): Promise<SubmitResult> {
  const round = await roundForRespondent(viewer, roundId)
  if (!round) return { ok: false, reason: 'not-found' }
  if (round.state !== 'open') return { ok: false, reason: 'not-open' }
  const municipalityId = viewer.municipality!.id
  return db.$transaction(async (tx) => {
    const marked = await tx.surveyRespondent.updateMany({ where: { roundId, userId: viewer.userId, answered: false }, data: { answered: true } })
    if (marked.count !== 1) return { ok: false as const, reason: 'answered' as const }
    const subgroup = await subgroupOf(tx, viewer.userId, municipalityId)
    if (!round.anonymous) {
      await tx.surveyResponse.create({ data: { id: randomUUID(), roundId, userId: viewer.userId, subgroup, answers: JSON.stringify(answers) } })
      return { ok: true as const }
    }
    await tx.$executeRaw`UPDATE "SurveyRespondent" SET "answered" = "answered" WHERE "roundId" = ${roundId}`
    const existing = await tx.surveyResponse.findMany({ where: { roundId }, select: { subgroup: true, answers: true } })
    await tx.surveyResponse.deleteMany({ where: { roundId } })
    const rows = shuffled([...existing, { subgroup, answers: JSON.stringify(answers) }], randomInt)
    await tx.surveyResponse.createMany({ data: rows.map((r) => ({ id: randomUUID(), roundId, userId: null, subgroup: r.subgroup, answers: r.answers })) })
    return { ok: true as const }
  })
}

/** A round of the viewer's municipality for those who run surveys, or null. */
async function managedRound(viewer: Viewer, roundId: string) {
  if (!viewer.municipality) return null
  return db.surveyRound.findFirst({ where: { id: roundId, municipalityId: viewer.municipality.id } })
}

/** E-mails everyone who has not answered an open round. */
export async function sendReminders(viewer: Viewer, roundId: string): Promise<{ ok: true; sent: number } | { ok: false; reason: 'not-found' | 'not-open' }> {
  const round = await managedRound(viewer, roundId)
  if (!round) return { ok: false, reason: 'not-found' }
  if (roundState(round) !== 'open') return { ok: false, reason: 'not-open' }
  const municipality = viewer.municipality!
  return db.$transaction(async (tx) => {
    const pending = await tx.surveyRespondent.findMany({ where: { roundId, answered: false }, select: { user: { select: { name: true, email: true, language: true } } } })
    const link = `${env.APP_URL}/surveys/${round.id}/answer`
    for (const p of pending) {
      await enqueueMail(tx, { to: p.user.email, ...surveyMail(langOf(p.user.language, municipality.defaultLanguage), { name: p.user.name, title: round.title, closesOn: round.closesOn, link }, true), kind: 'survey-reminder', municipalityId: municipality.id })
    }
    await tx.surveyRound.update({ where: { id: roundId }, data: { reminders: { increment: 1 }, remindedAt: new Date() } })
    await audit(tx, { actorId: viewer.userId, municipalityId: municipality.id, action: 'remind', entity: 'SurveyRound', entityId: roundId, details: { sent: pending.length } })
    return { ok: true as const, sent: pending.length }
  })
}

async function responseRows(roundId: string, anonymous: boolean): Promise<ResponseRow[]> {
  const rows = await db.surveyResponse.findMany({ where: { roundId }, select: { subgroup: true, answers: true, user: anonymous ? false : { select: { name: true } } } })
  return rows.map((r) => ({ subgroup: r.subgroup, answers: JSON.parse(r.answers) as Answers, name: anonymous ? null : ((r as { user?: { name: string } | null }).user?.name ?? null) }))
}

/** The same survey (same source) opened the year before, if any. */
async function previousRound(round: { id: string; municipalityId: string; sourceSlug: string; opensOn: string }) {
  const year = Number(round.opensOn.slice(0, 4)) - 1
  return db.surveyRound.findFirst({
    where: { municipalityId: round.municipalityId, sourceSlug: round.sourceSlug, id: { not: round.id }, opensOn: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { opensOn: 'desc' },
    select: { id: true, title: true, anonymous: true, opensOn: true },
  })
}

export type RoundDetail = Awaited<ReturnType<typeof roundDetail>>

/** A round for those who run surveys: status, counts and (past the threshold) results. */
export async function roundDetail(viewer: Viewer, roundId: string, lang: Lang) {
  const round = await managedRound(viewer, roundId)
  if (!round) return null
  const questions = parseQuestions(round.questions)
  const [counts, rows, prev] = await Promise.all([
    db.surveyRespondent.groupBy({ by: ['answered'], where: { roundId }, _count: { _all: true } }),
    responseRows(roundId, round.anonymous),
    previousRound(round),
  ])
  const previousRows = prev ? await responseRows(prev.id, true) : null
  const labels = {
    option: (q: SurveyQuestion, o: string) => q.text[lang].options?.[o] ?? o,
    bin: (from: number, to: number | null) => (to === null ? translate(lang, 'surveys.binFrom', { from: String(from) }) : from === to ? String(from) : `${from}–${to}`),
  }
  const results: RoundResults = roundResults(questions, rows, surveyThreshold(), labels, { anonymous: round.anonymous, previous: previousRows })
  const invited = counts.reduce((s, c) => s + c._count._all, 0)
  const answered = counts.filter((c) => c.answered).reduce((s, c) => s + c._count._all, 0)
  return {
    id: round.id,
    title: round.title,
    anonymous: round.anonymous,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    state: roundState(round),
    reminders: round.reminders,
    remindedAt: round.remindedAt,
    invited,
    answered,
    previous: prev && results.visible && results.previousAnswered !== null ? { id: prev.id, title: prev.title, answered: results.previousAnswered } : null,
    questions: questions.map((q) => ({ key: q.key, type: q.type, label: q.text[lang].label, low: q.text[lang].low ?? null, high: q.text[lang].high ?? null, unit: q.text[lang].unit ?? null })),
    results,
  }
}

function safeCell(value: string | number | null): string {
  const s = value === null ? '' : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/** The results as CSV for Norwegian Excel (semicolons, BOM, formula-safe): one row per question and answer. */
export function roundCsv(detail: NonNullable<RoundDetail>, lang: Lang): string | null {
  if (!detail.results.visible) return null
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k)
  const pct = (n: number | null) => (n === null ? '' : (Math.round(n * 1000) / 10).toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO'))
  const out: (string | number | null)[][] = [[t('surveys.question'), t('surveys.answerOption'), t('surveys.count'), `${t('surveys.share')} %`, `${t('surveys.previousShare')} %`]]
  for (const r of detail.results.questions) {
    const label = detail.questions.find((q) => q.key === r.key)?.label ?? r.key
    for (const b of r.bars) out.push([label, b.label, b.count, pct(b.share), pct(b.previousShare)])
    for (const x of r.texts) out.push([label, x.text, null, null, null])
  }
  return `\uFEFF${Papa.unparse(out.map((row) => row.map(safeCell)), { delimiter: ';', newline: '\r\n' })}\r\n`
}
