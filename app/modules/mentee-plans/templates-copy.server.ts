import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import type { PlanStructureCore } from './plans.server.ts'
import { planTemplates } from './templates.server.ts'

/** The municipality's own plan templates, copied from content/ or another copy. */
export async function listTemplateCopies(municipalityId: string) {
  return db.planTemplate.findMany({ where: { municipalityId }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, sourceSlug: true, updatedAt: true } })
}

export async function copyTemplate(viewer: Viewer, source: string, name: string): Promise<{ ok: true; id: string } | { ok: false }> {
  const municipalityId = viewer.municipality!.id
  let structure: PlanStructureCore | null = null
  let sourceSlug = ''
  const [kind, ref] = source.split(':')
  if (kind === 'content') {
    const t = planTemplates().find((x) => x.slug === ref)
    if (t) {
      structure = { trainingShifts: t.trainingShifts, conversations: t.conversations, probationTalks: t.probationTalks, leaderMentorMeetings: t.leaderMentorMeetings, checklists: t.checklists }
      sourceSlug = t.slug
    }
  } else if (kind === 'copy') {
    const c = await db.planTemplate.findFirst({ where: { id: ref, municipalityId } })
    if (c) {
      structure = JSON.parse(c.structure) as PlanStructureCore
      sourceSlug = c.sourceSlug
    }
  }
  if (!structure) return { ok: false }
  const row = await db.planTemplate.create({ data: { municipalityId, name, sourceSlug, structure: JSON.stringify(structure), createdById: viewer.userId } })
  await audit(db, { actorId: viewer.userId, municipalityId, action: 'create', entity: 'PlanTemplate', entityId: row.id, details: { source } })
  return { ok: true, id: row.id }
}

export async function getTemplateCopy(municipalityId: string, id: string) {
  const row = await db.planTemplate.findFirst({ where: { id, municipalityId } })
  return row ? { ...row, structure: JSON.parse(row.structure) as PlanStructureCore } : null
}

/** Adjusts a copy: name, conversation weeks and minutes, number of training shifts and which are with the mentor. */
export async function updateTemplateCopy(viewer: Viewer, id: string, input: { name: string; conversations: { weeks: number[]; minutes: number }[]; shiftCount: number; withMentor: ('start' | 'middle' | 'end')[] }) {
  const municipalityId = viewer.municipality!.id
  const copy = await getTemplateCopy(municipalityId, id)
  if (!copy) return false
  const previous = copy.structure.trainingShifts.dayOffsets
  // Keep existing shift days; further shifts continue on the following weekdays.
  const last = previous.at(-1) ?? -1
  const dayOffsets = Array.from({ length: input.shiftCount }, (_, i) => previous[i] ?? last + 1 + (i - previous.length))
  const structure: PlanStructureCore = { ...copy.structure, conversations: input.conversations, trainingShifts: { count: input.shiftCount, withMentor: input.withMentor, dayOffsets } }
  await db.planTemplate.update({ where: { id }, data: { name: input.name, structure: JSON.stringify(structure) } })
  await audit(db, { actorId: viewer.userId, municipalityId, action: 'update', entity: 'PlanTemplate', entityId: id })
  return true
}
