// The case library: writing, the personal-data gate before sharing, review of
// municipality and national shares, withdrawal, reflections and use in
// gatherings. Visibility is tenancy's one rule (canSee / visibleWhere); this
// module never writes its own. Detected personal data is never logged or
// audited: audit details carry counts and kinds only.
import { db, type Tx } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { can, type Viewer } from '~/modules/auth/index.ts'
import { canSee, loadAudience, visibleWhere, type Audience } from '~/modules/tenancy/index.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { blockers, checkFields, checkText, segments, type FieldFinding } from './pii.ts'
import { TEXT_FIELDS, type CaseInput, type ShareInput } from './schemas.ts'

export type Actor = { userId: string; municipalityId: string | null; ip?: string | null }
export type Result = { ok: true; id: string } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] }

export function actorOf(viewer: Viewer, ip?: string | null): Actor {
  return { userId: viewer.userId, municipalityId: viewer.municipality?.id ?? null, ip }
}

const caseSelect = {
  id: true, municipalityId: true, ownerId: true, title: true, situation: true, question: true, thoughts: true, feelings: true, actions: true, bodily: true,
  serviceType: true, topic: true, method: true, scope: true, requestedScope: true, review: true, reviewComment: true, reviewedAt: true,
  programmeId: true, networkId: true, gatheringId: true, meetingId: true, version: true, sharedAt: true, withdrawnAt: true, createdAt: true, updatedAt: true,
} as const

export type CaseRecord = Awaited<ReturnType<typeof findCase>> & {}

function findCase(id: string) {
  return db.case.findUnique({ where: { id }, select: caseSelect })
}

function textOf(c: Pick<CaseRecord, (typeof TEXT_FIELDS)[number]>) {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, c[f]])) as Record<(typeof TEXT_FIELDS)[number], string>
}

/** Who may review a waiting share: a coordinator / programme lead of the case's municipality, or a national editor. */
export function canReview(viewer: Viewer, c: { municipalityId: string; requestedScope: string | null; review: string }): boolean {
  if (c.review !== 'pending') return false
  if (c.requestedScope === 'national') return viewer.platformRoles.includes('national_editor')
  if (c.requestedScope === 'municipality') return viewer.municipality?.id === c.municipalityId && can(viewer, 'review:cases')
  return false
}

/** Moderators of a case's reflections: the coordinator of its programme, the contact person of its network, or a reviewer of its municipality. */
async function moderates(viewer: Viewer, c: { municipalityId: string; programmeId: string | null; networkId: string | null }) {
  if (viewer.municipality?.id === c.municipalityId && can(viewer, 'review:cases')) return true
  const [programme, network] = await Promise.all([
    c.programmeId ? db.programme.findUnique({ where: { id: c.programmeId }, select: { coordinatorId: true } }) : null,
    c.networkId ? db.network.findUnique({ where: { id: c.networkId }, select: { contactId: true } }) : null,
  ])
  return programme?.coordinatorId === viewer.userId || network?.contactId === viewer.userId
}

/**
 * The case as the viewer may see it, or null (404). A reviewer of a waiting
 * share sees the case it is asked about.
 */
export async function loadCase(viewer: Viewer, id: string) {
  const c = await findCase(id)
  if (!c) return null
  const audience = await loadAudience(viewer)
  const reviewer = canReview(viewer, c)
  if (!canSee(audience, c) && !reviewer) return null
  return { case: c, owner: c.ownerId === viewer.userId, reviewer, audience }
}

export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>

/** The personal-data findings of the case's text, with dismissals applied. */
export async function caseFindings(c: CaseRecord): Promise<FieldFinding[]> {
  const dismissed = await db.caseDismissal.findMany({ where: { caseId: c.id }, select: { fingerprint: true } })
  return checkFields(textOf(c), dismissed.map((d) => d.fingerprint))
}

/** The fields with findings, cut into marked and plain runs for highlighting. */
export function highlightsOf(c: Pick<CaseRecord, (typeof TEXT_FIELDS)[number]>, findings: readonly FieldFinding[]) {
  return TEXT_FIELDS.filter((field) => findings.some((f) => f.field === field)).map((field) => ({
    field,
    segments: segments(c[field], findings.filter((f) => f.field === field)).map((s) =>
      s.finding ? { text: s.text, kind: s.finding.kind, severity: s.finding.severity, dismissed: !!s.finding.dismissed, fingerprint: s.finding.fingerprint } : { text: s.text },
    ),
  }))
}

/** Everything the case page shows: sanitized HTML of each field, findings, reflections, uses, history, who owns it. */
export async function caseDetails(viewer: Viewer, loaded: LoadedCase) {
  const c = loaded.case
  const [findings, reflections, uses, versions, owner, mod, names] = await Promise.all([
    loaded.owner || loaded.reviewer ? caseFindings(c) : Promise.resolve([] as FieldFinding[]),
    db.caseReflection.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' }, select: { id: true, authorId: true, body: true, hiddenAt: true, createdAt: true } }),
    loaded.owner ? caseUses(c.id) : Promise.resolve([]),
    loaded.owner ? db.caseVersion.findMany({ where: { caseId: c.id }, orderBy: { version: 'desc' }, select: { version: true, createdAt: true } }) : Promise.resolve([]),
    db.user.findUnique({ where: { id: c.ownerId }, select: { name: true } }),
    moderates(viewer, c),
    c.municipalityId ? db.municipality.findUnique({ where: { id: c.municipalityId }, select: { name: true } }) : null,
  ])
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(reflections.map((r) => r.authorId))] } }, select: { id: true, name: true } })
  const nameOf = new Map(authors.map((a) => [a.id, a.name]))
  return {
    html: Object.fromEntries(TEXT_FIELDS.filter((f) => f !== 'title').map((f) => [f, renderMarkdown(c[f])])) as Record<Exclude<(typeof TEXT_FIELDS)[number], 'title'>, string>,
    highlights: highlightsOf(c, findings),
    blocked: blockers(findings).length > 0,
    reflections: reflections
      .filter((r) => !r.hiddenAt || mod || r.authorId === viewer.userId)
      .map((r) => ({ id: r.id, name: nameOf.get(r.authorId) ?? '–', hidden: !!r.hiddenAt, html: r.hiddenAt && !mod && r.authorId !== viewer.userId ? '' : renderMarkdown(r.body), createdAt: r.createdAt })),
    uses,
    versions,
    ownerName: owner?.name ?? '–',
    municipalityName: names?.name ?? '',
    moderates: mod,
  }
}

/** The printable worksheet: the title and each field as sanitized HTML. */
export function caseWorksheet(c: CaseRecord) {
  return {
    id: c.id,
    title: c.title,
    html: Object.fromEntries(TEXT_FIELDS.filter((f) => f !== 'title').map((f) => [f, renderMarkdown(c[f])])) as Record<Exclude<(typeof TEXT_FIELDS)[number], 'title'>, string>,
  }
}

/** Checks a link to a gathering (one the viewer takes part in) or a network meeting (of a network the viewer is in). */
async function resolveLink(audience: Audience, link: string | undefined) {
  if (!link) return { gatheringId: null, meetingId: null, programmeId: null as string | null, networkId: null as string | null }
  const [kind, id] = link.split(':') as ['gathering' | 'meeting', string]
  if (kind === 'gathering') {
    const g = await db.gathering.findUnique({ where: { id }, select: { id: true, programmeId: true } })
    if (!g || !audience.programmeIds.includes(g.programmeId)) return null
    return { gatheringId: g.id, meetingId: null, programmeId: g.programmeId, networkId: null }
  }
  const m = await db.networkMeeting.findUnique({ where: { id }, select: { id: true, networkId: true } })
  if (!m || !audience.networkIds.includes(m.networkId)) return null
  return { gatheringId: null, meetingId: m.id, programmeId: null, networkId: m.networkId }
}

/** Gatherings and network meetings the viewer may link a case to (latest first). */
export async function linkChoices(viewer: Viewer) {
  const audience = await loadAudience(viewer)
  const [gatherings, meetings] = await Promise.all([
    db.gathering.findMany({ where: { programmeId: { in: [...audience.programmeIds] } }, orderBy: { startsAt: 'desc' }, take: 50, select: { id: true, title: true, startsAt: true, programme: { select: { name: true } } } }),
    db.networkMeeting.findMany({ where: { networkId: { in: [...audience.networkIds] } }, orderBy: { startsAt: 'desc' }, take: 50, select: { id: true, topic: true, startsAt: true, network: { select: { name: true } } } }),
  ])
  return [
    ...gatherings.map((g) => ({ value: `gathering:${g.id}`, label: `${g.programme.name}: ${g.title}`, startsAt: g.startsAt })),
    ...meetings.map((m) => ({ value: `meeting:${m.id}`, label: `${m.network.name}: ${m.topic}`, startsAt: m.startsAt })),
  ]
}

/** Programmes and networks the viewer may share a case with. */
export async function shareChoices(viewer: Viewer) {
  const audience = await loadAudience(viewer)
  const [programmes, networks] = await Promise.all([
    db.programme.findMany({ where: { id: { in: [...audience.programmeIds] } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.network.findMany({ where: { id: { in: [...audience.networkIds] } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ])
  return { programmes, networks }
}

function fieldsJson(input: Pick<CaseInput, (typeof TEXT_FIELDS)[number]>) {
  return JSON.stringify(Object.fromEntries(TEXT_FIELDS.map((f) => [f, input[f]])))
}

/** A new private case with its first version. */
export async function createCase(actor: Actor, viewer: Viewer, input: CaseInput): Promise<Result> {
  if (!actor.municipalityId) return { ok: false, formErrors: ['cases.noMunicipality'] }
  const link = await resolveLink(await loadAudience(viewer), input.link)
  if (!link) return { ok: false, fieldErrors: { link: ['cases.invalidChoice'] } }
  const id = await db.$transaction(async (tx) => {
    const c = await tx.case.create({
      data: {
        municipalityId: actor.municipalityId!, ownerId: actor.userId,
        title: input.title, situation: input.situation, question: input.question, thoughts: input.thoughts, feelings: input.feelings, actions: input.actions, bodily: input.bodily,
        serviceType: input.serviceType ?? null, topic: input.topic ?? null, method: input.method ?? null,
        gatheringId: link.gatheringId, meetingId: link.meetingId, programmeId: link.programmeId, networkId: link.networkId,
        versions: { create: { version: 1, fields: fieldsJson(input), createdById: actor.userId } },
      },
      select: { id: true },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'create-case', entity: 'Case', entityId: c.id, ip: actor.ip })
    return c.id
  })
  return { ok: true, id }
}

/**
 * Saves the author's text. An explicit save with changed text adds a version
 * to the history; an autosave only updates the draft. If the case is shared
 * and the new text has findings not dismissed, it falls back to private
 * (nothing unchecked stays visible to others).
 */
export async function saveCase(actor: Actor, viewer: Viewer, loaded: LoadedCase, input: CaseInput): Promise<Result & { unshared?: boolean }> {
  if (!loaded.owner) return { ok: false, formErrors: ['cases.notOwner'] }
  const c = loaded.case
  const link = await resolveLink(loaded.audience, input.link)
  if (!link) return { ok: false, fieldErrors: { link: ['cases.invalidChoice'] } }
  const dismissed = await db.caseDismissal.findMany({ where: { caseId: c.id }, select: { fingerprint: true } })
  const blocked = blockers(checkFields(textOf(input), dismissed.map((d) => d.fingerprint))).length > 0
  const changed = TEXT_FIELDS.some((f) => c[f] !== input[f])
  const unshare = blocked && (c.scope !== 'private' || c.review === 'pending')
  await db.$transaction(async (tx) => {
    const version = input.intent === 'save' && changed ? c.version + 1 : c.version
    await tx.case.update({
      where: { id: c.id },
      data: {
        ...textOf(input), serviceType: input.serviceType ?? null, topic: input.topic ?? null, method: input.method ?? null,
        gatheringId: link.gatheringId, meetingId: link.meetingId,
        ...(link.programmeId && c.scope !== 'programme' ? { programmeId: link.programmeId } : {}),
        ...(link.networkId && c.scope !== 'network' ? { networkId: link.networkId } : {}),
        version,
        ...(unshare ? { scope: 'private', requestedScope: null, review: 'none' } : {}),
      },
    })
    if (version !== c.version) await tx.caseVersion.create({ data: { caseId: c.id, version, fields: fieldsJson(input), createdById: actor.userId } })
    if (input.intent === 'save' || unshare) await audit(tx, { actorId: actor.userId, municipalityId: c.municipalityId, action: unshare ? 'save-case-unshared' : 'save-case', entity: 'Case', entityId: c.id, details: { version }, ip: actor.ip })
  })
  return { ok: true, id: c.id, unshared: unshare }
}

/** The author marks one finding "not personal data" (who and when recorded; the value itself is not). */
export async function dismissFinding(actor: Actor, loaded: LoadedCase, fingerprint: string): Promise<Result> {
  if (!loaded.owner) return { ok: false, formErrors: ['cases.notOwner'] }
  const finding = (await caseFindings(loaded.case)).find((f) => f.fingerprint === fingerprint)
  if (!finding) return { ok: false, formErrors: ['cases.findingGone'] }
  await db.$transaction(async (tx) => {
    await tx.caseDismissal.upsert({
      where: { caseId_fingerprint: { caseId: loaded.case.id, fingerprint } },
      create: { caseId: loaded.case.id, fingerprint, kind: finding.kind, userId: actor.userId },
      update: {},
    })
    await audit(tx, { actorId: actor.userId, municipalityId: loaded.case.municipalityId, action: 'dismiss-case-finding', entity: 'Case', entityId: loaded.case.id, details: { kind: finding.kind }, ip: actor.ip })
  })
  return { ok: true, id: loaded.case.id }
}

/** Who marked which findings "not personal data", for the author's page. */
export async function dismissals(caseId: string) {
  const rows = await db.caseDismissal.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, select: { kind: true, userId: true, createdAt: true } })
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true } })
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  return rows.map((r) => ({ kind: r.kind, name: nameOf.get(r.userId) ?? '–', createdAt: r.createdAt }))
}

/**
 * Shares a case. Private, programme and network: the author decides at once.
 * Municipality and national: the request waits for a reviewer; what is
 * visible now stays as it is. Refused while findings are open.
 */
export async function shareCase(actor: Actor, loaded: LoadedCase, input: ShareInput): Promise<Result> {
  if (!loaded.owner) return { ok: false, formErrors: ['cases.notOwner'] }
  const c = loaded.case
  if (input.scope !== 'private' && blockers(await caseFindings(c)).length) return { ok: false, formErrors: ['cases.shareBlocked'] }
  let data: Record<string, unknown>
  if (input.scope === 'private') data = { scope: 'private', requestedScope: null, review: 'none' }
  else if (input.scope === 'programme') {
    if (!input.programmeId || !loaded.audience.programmeIds.includes(input.programmeId)) return { ok: false, fieldErrors: { programmeId: ['cases.invalidChoice'] } }
    data = { scope: 'programme', programmeId: input.programmeId, requestedScope: null, review: 'none', sharedAt: new Date() }
  } else if (input.scope === 'network') {
    if (!input.networkId || !loaded.audience.networkIds.includes(input.networkId)) return { ok: false, fieldErrors: { networkId: ['cases.invalidChoice'] } }
    data = { scope: 'network', networkId: input.networkId, requestedScope: null, review: 'none', sharedAt: new Date() }
  } else {
    if (c.scope === input.scope) return { ok: true, id: c.id }
    data = { requestedScope: input.scope, review: 'pending', reviewComment: null }
  }
  await db.$transaction(async (tx) => {
    await tx.case.update({ where: { id: c.id }, data: { ...data, withdrawnAt: null } })
    await audit(tx, { actorId: actor.userId, municipalityId: c.municipalityId, action: 'share-case', entity: 'Case', entityId: c.id, details: { scope: input.scope }, ip: actor.ip })
  })
  return { ok: true, id: c.id }
}

/** A reviewer approves the waiting share (findings re-checked) or sends it back with a comment. */
export async function reviewCase(actor: Actor, viewer: Viewer, loaded: LoadedCase, decision: 'approve' | 'send_back', comment: string | undefined): Promise<Result> {
  const c = loaded.case
  if (!canReview(viewer, c)) return { ok: false, formErrors: ['cases.notReviewer'] }
  if (decision === 'approve' && blockers(await caseFindings(c)).length) return { ok: false, formErrors: ['cases.shareBlocked'] }
  await db.$transaction(async (tx) => {
    const { count } = await tx.case.updateMany({
      where: { id: c.id, review: 'pending', requestedScope: c.requestedScope },
      data: decision === 'approve'
        ? { scope: c.requestedScope!, requestedScope: null, review: 'approved', reviewComment: comment || null, reviewedById: actor.userId, reviewedAt: new Date(), sharedAt: new Date() }
        : { requestedScope: null, review: 'sent_back', reviewComment: comment!, reviewedById: actor.userId, reviewedAt: new Date() },
    })
    if (count) await audit(tx, { actorId: actor.userId, municipalityId: c.municipalityId, action: decision === 'approve' ? 'approve-case' : 'send-back-case', entity: 'Case', entityId: c.id, details: { scope: c.requestedScope }, ip: actor.ip })
  })
  return { ok: true, id: c.id }
}

/** Withdrawing hides the case everywhere at once: it is private again, and waiting requests are dropped. */
export async function withdrawCase(actor: Actor, loaded: LoadedCase): Promise<Result> {
  if (!loaded.owner) return { ok: false, formErrors: ['cases.notOwner'] }
  await db.$transaction(async (tx) => {
    await tx.case.update({ where: { id: loaded.case.id }, data: { scope: 'private', requestedScope: null, review: 'none', withdrawnAt: new Date() } })
    await audit(tx, { actorId: actor.userId, municipalityId: loaded.case.municipalityId, action: 'withdraw-case', entity: 'Case', entityId: loaded.case.id, ip: actor.ip })
  })
  return { ok: true, id: loaded.case.id }
}

/** A reflection by someone who can see the case; refused (with the findings) if it holds personal data. */
export async function addReflection(actor: Actor, loaded: LoadedCase, body: string): Promise<Result & { findings?: ReturnType<typeof checkText> }> {
  if (!canSee(loaded.audience, loaded.case)) return { ok: false, formErrors: ['cases.notFound'] }
  const findings = blockers(checkText(body))
  if (findings.length) return { ok: false, fieldErrors: { body: ['cases.reflectionPersonal'] }, findings }
  await db.$transaction(async (tx) => {
    const r = await tx.caseReflection.create({ data: { caseId: loaded.case.id, authorId: actor.userId, body }, select: { id: true } })
    await audit(tx, { actorId: actor.userId, municipalityId: loaded.case.municipalityId, action: 'add-case-reflection', entity: 'CaseReflection', entityId: r.id, ip: actor.ip })
  })
  return { ok: true, id: loaded.case.id }
}

/** A moderator hides a reflection of this case. */
export async function hideReflection(actor: Actor, viewer: Viewer, loaded: LoadedCase, reflectionId: string): Promise<Result> {
  if (!(await moderates(viewer, loaded.case))) return { ok: false, formErrors: ['cases.notModerator'] }
  const { count } = await db.caseReflection.updateMany({ where: { id: reflectionId, caseId: loaded.case.id, hiddenAt: null }, data: { hiddenAt: new Date(), hiddenById: actor.userId } })
  if (!count) return { ok: false, formErrors: ['cases.notFound'] }
  await audit(db, { actorId: actor.userId, municipalityId: loaded.case.municipalityId, action: 'hide-case-reflection', entity: 'CaseReflection', entityId: reflectionId, ip: actor.ip })
  return { ok: true, id: loaded.case.id }
}

// --- use in gatherings -------------------------------------------------------

/** Where the author's case is used (gatherings and meetings it was picked for). */
export async function caseUses(caseId: string) {
  const uses = await db.caseUse.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, select: { gatheringId: true, meetingId: true } })
  const [gatherings, meetings] = await Promise.all([
    db.gathering.findMany({ where: { id: { in: uses.flatMap((u) => (u.gatheringId ? [u.gatheringId] : [])) } }, select: { id: true, title: true, startsAt: true, programmeId: true, programme: { select: { name: true } } } }),
    db.networkMeeting.findMany({ where: { id: { in: uses.flatMap((u) => (u.meetingId ? [u.meetingId] : [])) } }, select: { id: true, topic: true, startsAt: true, networkId: true, network: { select: { name: true } } } }),
  ])
  return [
    ...gatherings.map((g) => ({ kind: 'gathering' as const, label: `${g.programme.name}: ${g.title}`, startsAt: g.startsAt, href: `/programmes/${g.programmeId}/gatherings/${g.id}` })),
    ...meetings.map((m) => ({ kind: 'meeting' as const, label: `${m.network.name}: ${m.topic}`, startsAt: m.startsAt, href: `/networks/${m.networkId}/meetings/${m.id}` })),
  ]
}

/** The shared cases picked for a gathering, as far as the viewer may see them (a withdrawn case disappears). */
export async function casesForGathering(viewer: Viewer, gatheringId: string) {
  const audience = await loadAudience(viewer)
  return db.case.findMany({
    where: { AND: [visibleWhere(audience), { scope: { not: 'private' } }, { uses: { some: { gatheringId } } }] },
    orderBy: { title: 'asc' },
    select: { id: true, title: true, scope: true },
  })
}

/**
 * The coordinator picks a shared case for a gathering of a run they manage
 * (or takes it off again). The case must be shared and visible to them.
 */
export async function pickForGathering(actor: Actor, viewer: Viewer, gathering: { id: string; programmeId: string }, caseId: string, pick: boolean): Promise<Result> {
  if (!pick) {
    await db.caseUse.deleteMany({ where: { caseId, gatheringId: gathering.id } })
    return { ok: true, id: caseId }
  }
  const audience = await loadAudience(viewer)
  const c = await db.case.findFirst({ where: { AND: [{ id: caseId }, visibleWhere(audience), { scope: { not: 'private' } }] }, select: { id: true, municipalityId: true } })
  if (!c) return { ok: false, formErrors: ['cases.notFound'] }
  await db.$transaction(async (tx: Tx) => {
    await tx.caseUse.upsert({ where: { caseId_gatheringId: { caseId, gatheringId: gathering.id } }, create: { caseId, gatheringId: gathering.id, addedById: actor.userId }, update: {} })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'pick-case', entity: 'Case', entityId: caseId, details: { gatheringId: gathering.id }, ip: actor.ip })
  })
  return { ok: true, id: caseId }
}

/** Cases shared to a network or a programme run, as far as the viewer may see them (for those pages). */
export async function casesSharedTo(viewer: Viewer, to: { networkId: string } | { programmeId: string }) {
  const audience = await loadAudience(viewer)
  return db.case.findMany({
    where: { AND: [visibleWhere(audience), { scope: { not: 'private' } }, to] },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: { id: true, title: true, scope: true, updatedAt: true },
  })
}

/** Shares waiting for the viewer's review: their municipality's, and national ones for a national editor. */
export async function pendingReviews(viewer: Viewer) {
  const or: Record<string, unknown>[] = []
  if (viewer.municipality && can(viewer, 'review:cases')) or.push({ requestedScope: 'municipality', municipalityId: viewer.municipality.id })
  if (viewer.platformRoles.includes('national_editor')) or.push({ requestedScope: 'national' })
  if (!or.length) return []
  return db.case.findMany({ where: { review: 'pending', OR: or }, orderBy: { updatedAt: 'asc' }, take: 100, select: { id: true, title: true, requestedScope: true, updatedAt: true } })
}

/** The viewer's own cases (drafts included), newest first. */
export function myCases(viewer: Viewer) {
  return db.case.findMany({ where: { ownerId: viewer.userId }, orderBy: { updatedAt: 'desc' }, take: 100, select: { id: true, title: true, scope: true, review: true, requestedScope: true, updatedAt: true } })
}
