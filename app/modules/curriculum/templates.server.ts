import { db, type Tx } from '~/db.server.ts'
import type { Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { canSee, visibleWhere, type Audience } from '~/modules/tenancy/index.ts'
import { sortByName } from '~/utils/format.ts'
import { contentLang, getContent, type Curriculum } from './content.server.ts'
import { readAgenda, readMethods, readTasks } from './session-data.server.ts'
import type { Actor } from '~/utils/actor.ts'

export type { Actor }

const localised = new Map<string, ReturnType<typeof localise>>()

/** The national curriculum from content/, in the reader's language (built once per language). */
export function nationalCurriculum(slug: string, lang: Lang) {
  const key = `${slug}|${lang}`
  if (!localised.has(key)) {
    const curriculum = getContent().curricula.find((c) => c.slug === slug)
    if (!curriculum) return null
    localised.set(key, localise(curriculum, lang))
  }
  return localised.get(key)!
}

export function nationalCurricula(lang: Lang) {
  return getContent().curricula.map((c) => nationalCurriculum(c.slug, lang)!)
}

function localise(c: Curriculum, lang: Lang) {
  const cl = contentLang(lang)
  return {
    slug: c.slug,
    version: c.version,
    contentLang: cl,
    requiredMinutes: c.requiredHours * 60,
    title: c.text[cl].title,
    summary: c.text[cl].summary,
    html: c.text[cl].html,
    sessions: c.sessions.map((s) => ({
      order: s.order,
      slug: s.slug,
      kind: s.kind,
      durationMinutes: s.durationMinutes,
      referenceDate: s.referenceDate,
      methods: s.methods,
      literature: s.literature,
      ...s.text[cl],
    })),
  }
}

/** Templates the viewer may see: their municipality's, and every published one. */
export async function listTemplates(audience: Audience) {
  const rows = await db.programmeTemplate.findMany({
    where: visibleWhere(audience, { programme: false, network: false }),
    select: {
      id: true,
      name: true,
      scope: true,
      municipalityId: true,
      sourceSlug: true,
      sourceVersion: true,
      publicationStatus: true,
      updatedAt: true,
      municipality: { select: { name: true } },
      sessions: { select: { durationMinutes: true } },
      requiredMinutes: true,
    },
  })
  return sortByName(rows).map((t) => ({
    ...t,
    sessionCount: t.sessions.length,
    totalMinutes: t.sessions.reduce((sum, s) => sum + s.durationMinutes, 0),
    own: t.municipalityId === audience.municipalityId,
  }))
}

const withSessions = { sessions: { orderBy: { order: 'asc' as const } }, municipality: { select: { name: true } } }
type TemplateRow = NonNullable<Awaited<ReturnType<typeof db.programmeTemplate.findFirst<{ include: typeof withSessions }>>>>

/** A template row as pages use it: sessions with their lists read back, hours totalled. */
function templateView(t: TemplateRow, audience: Audience) {
  const sessions = t.sessions.map((s) => ({
    id: s.id,
    order: s.order,
    kind: s.kind,
    title: s.title,
    theme: s.theme,
    durationMinutes: s.durationMinutes,
    contentSlug: s.contentSlug,
    preparation: readTasks(s.preparation),
    agenda: readAgenda(s.agenda),
    methods: readMethods(s.methods),
  }))
  const totalMinutes = sessions.reduce((sum, s) => sum + s.durationMinutes, 0)
  return {
    ...t,
    sessions,
    totalMinutes,
    /** Explicit requirement, or the sum of the sessions. */
    effectiveRequiredMinutes: t.requiredMinutes ?? totalMinutes,
    editable: t.municipalityId === audience.municipalityId,
  }
}

/**
 * One template with its sessions, or null when the viewer may not see it. A
 * national editor (asReviewer) may also read templates submitted for review.
 */
export async function getTemplate(audience: Audience, id: string, { asReviewer = false } = {}) {
  const t = await db.programmeTemplate.findUnique({ where: { id }, include: withSessions })
  if (!t || !(canSee(audience, t) || (asReviewer && t.publicationStatus === 'submitted'))) return null
  return templateView(t, audience)
}

/** The municipality's own templates with their sessions, in one query. */
export async function ownTemplates(audience: Audience) {
  if (!audience.municipalityId) return []
  const rows = await db.programmeTemplate.findMany({ where: { municipalityId: audience.municipalityId }, include: withSessions })
  return sortByName(rows.map((t) => templateView(t, audience)))
}

/** A session as copied between the curriculum, templates and programme runs. */
export type SessionSeed = {
  order: number
  kind: string
  title: string
  theme: string
  durationMinutes: number
  preparation: string[]
  agenda: { title: string; minutes: number }[]
  methods: string[]
  contentSlug: string | null
}

async function createTemplate(
  tx: Tx,
  actor: Actor,
  data: { name: string; description?: string | null; requiredMinutes: number | null; sourceSlug?: string | null; sourceVersion?: string | null; sourceTemplateId?: string | null },
  sessions: SessionSeed[],
) {
  const template = await tx.programmeTemplate.create({
    data: { ...data, municipalityId: actor.municipalityId, ownerId: actor.userId, scope: 'municipality' },
  })
  await tx.templateSession.createMany({
    data: sessions.map((s) => ({
      templateId: template.id,
      order: s.order,
      kind: s.kind,
      title: s.title,
      theme: s.theme,
      durationMinutes: s.durationMinutes,
      preparation: JSON.stringify(s.preparation),
      agenda: JSON.stringify(s.agenda),
      methods: s.methods.join(','),
      contentSlug: s.contentSlug,
    })),
  })
  await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'fork', entity: 'ProgrammeTemplate', entityId: template.id, details: data, ip: actor.ip })
  return template
}

/** Copies the national curriculum into the municipality, in the coordinator's language. */
export async function forkNational(actor: Actor, slug: string, lang: Lang) {
  const c = nationalCurriculum(slug, lang)
  if (!c) return null
  return db.$transaction((tx) =>
    createTemplate(
      tx,
      actor,
      { name: c.title, description: c.summary, requiredMinutes: null, sourceSlug: c.slug, sourceVersion: c.version },
      c.sessions.map((s) => ({ ...s, contentSlug: s.slug })),
    ),
  )
}

/** Copies a published template (or one of the municipality's own) into the municipality. */
export async function forkTemplate(actor: Actor, audience: Audience, id: string) {
  const source = await getTemplate(audience, id)
  if (!source) return null
  return db.$transaction((tx) =>
    createTemplate(
      tx,
      actor,
      {
        name: source.name,
        description: source.description,
        requiredMinutes: source.requiredMinutes,
        sourceSlug: source.sourceSlug,
        sourceVersion: source.sourceVersion,
        sourceTemplateId: source.id,
      },
      source.sessions,
    ),
  )
}

/** Only the owning municipality edits a template; published copies elsewhere are forks. */
async function ownTemplate(actor: Actor, id: string) {
  return db.programmeTemplate.findFirst({ where: { id, municipalityId: actor.municipalityId }, select: { id: true } })
}

export async function updateTemplate(actor: Actor, id: string, data: { name: string; description?: string; requiredMinutes: number | null }) {
  if (!(await ownTemplate(actor, id))) return false
  await db.$transaction(async (tx) => {
    await tx.programmeTemplate.update({ where: { id }, data: { name: data.name, description: data.description ?? null, requiredMinutes: data.requiredMinutes } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'update', entity: 'ProgrammeTemplate', entityId: id, details: data, ip: actor.ip })
  })
  return true
}

export type SessionInput = { kind: string; title: string; theme: string; durationMinutes: number; preparation: string[]; methods: string[] }

export async function updateSession(actor: Actor, templateId: string, sessionId: string, data: SessionInput) {
  if (!(await ownTemplate(actor, templateId))) return false
  const { count } = await db.templateSession.updateMany({
    where: { id: sessionId, templateId },
    data: { kind: data.kind, title: data.title, theme: data.theme, durationMinutes: data.durationMinutes, preparation: JSON.stringify(data.preparation), methods: data.methods.join(',') },
  })
  if (count === 1) await audit(db, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'update-session', entity: 'ProgrammeTemplate', entityId: templateId, details: { sessionId, ...data }, ip: actor.ip })
  return count === 1
}

export async function addSession(actor: Actor, templateId: string, data: SessionInput) {
  if (!(await ownTemplate(actor, templateId))) return null
  return db.$transaction(async (tx) => {
    const last = await tx.templateSession.findFirst({ where: { templateId }, orderBy: { order: 'desc' }, select: { order: true } })
    const session = await tx.templateSession.create({
      data: { templateId, order: (last?.order ?? 0) + 1, kind: data.kind, title: data.title, theme: data.theme, durationMinutes: data.durationMinutes, preparation: JSON.stringify(data.preparation), methods: data.methods.join(',') },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'add-session', entity: 'ProgrammeTemplate', entityId: templateId, details: { sessionId: session.id }, ip: actor.ip })
    return session
  })
}

/** Renumbers 1..n after a removal or a move, in one transaction. */
async function renumber(tx: Tx, templateId: string, orderedIds: string[]) {
  for (const [i, id] of orderedIds.entries()) await tx.templateSession.update({ where: { id }, data: { order: i + 1 } })
}

export async function removeSession(actor: Actor, templateId: string, sessionId: string) {
  if (!(await ownTemplate(actor, templateId))) return false
  return db.$transaction(async (tx) => {
    const { count } = await tx.templateSession.deleteMany({ where: { id: sessionId, templateId } })
    if (count !== 1) return false
    const rest = await tx.templateSession.findMany({ where: { templateId }, orderBy: { order: 'asc' }, select: { id: true } })
    await renumber(tx, templateId, rest.map((r) => r.id))
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'remove-session', entity: 'ProgrammeTemplate', entityId: templateId, details: { sessionId }, ip: actor.ip })
    return true
  })
}

export async function moveSession(actor: Actor, templateId: string, sessionId: string, direction: 'up' | 'down') {
  if (!(await ownTemplate(actor, templateId))) return false
  return db.$transaction(async (tx) => {
    const ids = (await tx.templateSession.findMany({ where: { templateId }, orderBy: { order: 'asc' }, select: { id: true } })).map((r) => r.id)
    const at = ids.indexOf(sessionId)
    const to = direction === 'up' ? at - 1 : at + 1
    if (at < 0 || to < 0 || to >= ids.length) return false
    ;[ids[at], ids[to]] = [ids[to], ids[at]]
    await renumber(tx, templateId, ids)
    return true
  })
}

/** The coordinator asks KS to share the template nationally. */
export async function submitForPublication(actor: Actor, templateId: string) {
  const { count } = await db.programmeTemplate.updateMany({
    where: { id: templateId, municipalityId: actor.municipalityId, scope: 'municipality' },
    data: { publicationStatus: 'submitted', submittedAt: new Date() },
  })
  if (count === 1) await audit(db, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'submit-national', entity: 'ProgrammeTemplate', entityId: templateId, ip: actor.ip })
  return count === 1
}

/** National editor: templates waiting for review. */
export async function listSubmitted() {
  return db.programmeTemplate.findMany({
    where: { publicationStatus: 'submitted' },
    orderBy: { submittedAt: 'asc' },
    select: { id: true, name: true, submittedAt: true, municipality: { select: { name: true } }, _count: { select: { sessions: true } } },
  })
}

export async function listPublished() {
  return db.programmeTemplate.findMany({
    where: { scope: 'national' },
    orderBy: { publishedAt: 'desc' },
    select: { id: true, name: true, publishedAt: true, municipality: { select: { name: true } } },
  })
}

/** National editor: publish (everyone signed in may then see and fork it) or send back. */
export async function reviewTemplate(editor: { userId: string; ip?: string | null }, templateId: string, decision: 'publish' | 'reject') {
  const { count } = await db.programmeTemplate.updateMany({
    where: { id: templateId, publicationStatus: 'submitted' },
    data:
      decision === 'publish'
        ? { publicationStatus: 'published', scope: 'national', publishedAt: new Date(), publishedById: editor.userId }
        : { publicationStatus: 'rejected' },
  })
  if (count === 1) await audit(db, { actorId: editor.userId, action: decision === 'publish' ? 'publish-national' : 'reject-national', entity: 'ProgrammeTemplate', entityId: templateId, ip: editor.ip })
  return count === 1
}
