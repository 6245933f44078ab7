import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { addSession, forkNational, forkTemplate, getTemplate, listTemplates, moveSession, removeSession, reviewTemplate, submitForPublication, updateSession, updateTemplate } from '~/modules/curriculum/index.ts'
import type { Audience } from '~/modules/tenancy/index.ts'
import { makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function coordinatorIn(name: string) {
  const m = await makeMunicipality(name)
  const u = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const audience: Audience = { userId: u.id, municipalityId: m.id, programmeIds: [], networkIds: [] }
  return { m, u, audience, actor: { userId: u.id, municipalityId: m.id } }
}

describe('programme templates', () => {
  it('forks the national programme with its 12 sessions and 44 hours, recording the version', async () => {
    const { actor, audience } = await coordinatorIn('Trondheim')
    const fork = (await forkNational(actor, 'ntnu-2018', 'nb'))!
    const t = (await getTemplate(audience, fork.id))!
    expect(t.sessions).toHaveLength(12)
    expect(t.totalMinutes).toBe(44 * 60)
    expect(t.effectiveRequiredMinutes).toBe(44 * 60)
    expect(t).toMatchObject({ sourceSlug: 'ntnu-2018', sourceVersion: '2018.1', scope: 'municipality', editable: true })
    expect(t.sessions[0]).toMatchObject({ order: 1, kind: 'kickoff', durationMinutes: 420, contentSlug: 'kick-off' })
    expect(t.sessions[7].preparation.length).toBeGreaterThan(0)
  })

  it('edits, adds, moves and removes sessions; hours follow the sum unless set', async () => {
    const { actor, audience } = await coordinatorIn('Trondheim')
    const fork = (await forkNational(actor, 'ntnu-2018', 'en'))!
    const first = (await getTemplate(audience, fork.id))!.sessions[1]
    expect(await updateSession(actor, fork.id, first.id, { kind: 'gathering', title: 'Getting started', theme: 'New theme', durationMinutes: 150, preparation: ['Bring a story'], methods: ['pedagogical-sun'] })).toBe(true)
    await addSession(actor, fork.id, { kind: 'gathering', title: 'Extra', theme: 'Catch-up', durationMinutes: 120, preparation: [], methods: [] })
    let t = (await getTemplate(audience, fork.id))!
    expect(t.sessions).toHaveLength(13)
    expect(t.totalMinutes).toBe(44 * 60 - 30 + 120)
    expect(t.effectiveRequiredMinutes).toBe(t.totalMinutes)
    expect(t.sessions[1]).toMatchObject({ title: 'Getting started', durationMinutes: 150, preparation: ['Bring a story'], methods: ['pedagogical-sun'] })

    await moveSession(actor, fork.id, t.sessions[12].id, 'up')
    t = (await getTemplate(audience, fork.id))!
    expect(t.sessions[11].title).toBe('Extra')
    await removeSession(actor, fork.id, t.sessions[0].id)
    t = (await getTemplate(audience, fork.id))!
    expect(t.sessions.map((s) => s.order)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))

    await updateTemplate(actor, fork.id, { name: 'Our programme', requiredMinutes: 40 * 60 })
    expect((await getTemplate(audience, fork.id))!.effectiveRequiredMinutes).toBe(40 * 60)
  })

  it('stays inside the municipality until KS publishes it; then others can fork it', async () => {
    const trondheim = await coordinatorIn('Trondheim')
    const farsund = await coordinatorIn('Farsund')
    const fork = (await forkNational(trondheim.actor, 'ntnu-2018', 'nb'))!

    expect(await getTemplate(farsund.audience, fork.id)).toBeNull()
    expect((await listTemplates(farsund.audience)).map((t) => t.id)).not.toContain(fork.id)
    expect(await forkTemplate(farsund.actor, farsund.audience, fork.id)).toBeNull()
    expect(await updateSession(farsund.actor, fork.id, (await getTemplate(trondheim.audience, fork.id))!.sessions[0].id, { kind: 'gathering', title: 'x', theme: 'x', durationMinutes: 60, preparation: [], methods: [] })).toBe(false)

    // A national editor sees it only once it is submitted.
    const editor = { userId: (await makeUser({ platformRoles: ['national_editor'] })).id, municipalityId: null, programmeIds: [], networkIds: [] }
    expect(await getTemplate(editor, fork.id, { asReviewer: true })).toBeNull()
    expect(await submitForPublication(farsund.actor, fork.id)).toBe(false)
    expect(await submitForPublication(trondheim.actor, fork.id)).toBe(true)
    expect(await getTemplate(editor, fork.id, { asReviewer: true })).not.toBeNull()
    // Submitted is not published: other municipalities still see nothing.
    expect(await getTemplate(farsund.audience, fork.id)).toBeNull()
    expect((await listTemplates(farsund.audience)).map((t) => t.id)).not.toContain(fork.id)
    expect(await getTemplate(editor, fork.id)).toBeNull()
    expect(await reviewTemplate({ userId: editor.userId }, fork.id, 'publish')).toBe(true)

    const seen = (await getTemplate(farsund.audience, fork.id))!
    expect(seen.editable).toBe(false)
    const copy = (await forkTemplate(farsund.actor, farsund.audience, fork.id))!
    expect(copy).toMatchObject({ municipalityId: farsund.m.id, sourceTemplateId: fork.id, sourceSlug: 'ntnu-2018', scope: 'municipality' })
    expect(await db.templateSession.count({ where: { templateId: copy.id } })).toBe(12)
  })
})
