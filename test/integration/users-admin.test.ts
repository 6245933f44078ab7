import { beforeEach, describe, expect, it } from 'vitest'
import { countQueries, db } from '~/db.server.ts'
import { saveUnit } from '~/modules/tenancy/index.ts'
import { deactivateMember, getMember, listMembers, PAGE_SIZE, previewImport, runImport, setMemberRoles } from '~/modules/users/index.ts'
import { makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function twoMunicipalities() {
  const trondheim = await makeMunicipality('Trondheim')
  const farsund = await makeMunicipality('Farsund')
  const admin = await makeUser({ municipalityId: trondheim.id, roles: ['municipality_admin'] })
  const foreign = await makeUser({ municipalityId: farsund.id, roles: ['mentor'], name: 'Utenbys Person' })
  return { trondheim, farsund, admin, foreign, actor: { userId: admin.id, municipalityId: trondheim.id } }
}

describe('user administration is scoped to the municipality', () => {
  it('never shows or changes people of another municipality', async () => {
    const { trondheim, foreign, actor } = await twoMunicipalities()
    expect((await listMembers(trondheim.id)).rows.map((r) => r.name)).not.toContain('Utenbys Person')
    expect(await getMember(trondheim.id, foreign.id)).toBeNull()
    expect(await setMemberRoles(actor, foreign.id, ['coordinator'], null)).toEqual({ ok: false, error: 'notFound' })
    expect(await deactivateMember(actor, foreign.id)).toEqual({ ok: false, error: 'notFound' })
    expect(await db.membership.count({ where: { userId: foreign.id, deactivatedAt: null } })).toBe(1)
  })

  it('refuses units and districts of another municipality', async () => {
    const { farsund, actor } = await twoMunicipalities()
    const farsundUnit = await makeUnit(farsund.id, 'Farsund omsorgssenter')
    const district = await db.district.create({ data: { municipalityId: farsund.id, name: 'Vanse' } })
    expect(await saveUnit(actor, { id: farsundUnit.id, name: 'Stolen', serviceType: 'hvs' })).toBeNull()
    expect(await saveUnit(actor, { name: 'Ny', serviceType: 'hvs', districtId: district.id })).toBeNull()
    expect((await db.unit.findUniqueOrThrow({ where: { id: farsundUnit.id } })).name).toBe('Farsund omsorgssenter')
  })

  it('keeps at least one administrator', async () => {
    const { admin, actor } = await twoMunicipalities()
    expect(await setMemberRoles(actor, admin.id, ['mentor'], null)).toEqual({ ok: false, error: 'users.lastAdmin' })
    expect(await deactivateMember(actor, admin.id)).toEqual({ ok: false, error: 'users.lastAdmin' })
  })

  it('sets exactly the chosen roles, keeping history as deactivated rows', async () => {
    const { trondheim, actor } = await twoMunicipalities()
    const person = await makeUser({ municipalityId: trondheim.id, roles: ['mentor', 'network_contact'] })
    expect(await setMemberRoles(actor, person.id, ['mentor', 'coordinator'], null)).toEqual({ ok: true })
    expect((await getMember(trondheim.id, person.id))?.roles.sort()).toEqual(['coordinator', 'mentor'])
    expect(await db.membership.count({ where: { userId: person.id, deactivatedAt: { not: null } } })).toBe(1)
  })

  it('sorts names the Norwegian way and pages through them', async () => {
    const { trondheim } = await twoMunicipalities()
    for (const name of ['Åse', 'Ærlig', 'Zahl', 'Øvre', 'Berg']) await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name })
    const names = (await listMembers(trondheim.id, { q: '' })).rows.map((r) => r.name).filter((n) => n.length <= 5)
    expect(names).toEqual(['Berg', 'Zahl', 'Ærlig', 'Øvre', 'Åse'])
    expect((await listMembers(trondheim.id, { q: 'ØVRE' })).rows.map((r) => r.name)).toEqual(['Øvre'])
  })
})

describe('the members list pages in SQL', () => {
  it('walks forwards and back by keyset in Norwegian order, with the same statements at any size', async () => {
    const { trondheim, farsund } = await twoMunicipalities()
    const first = await countQueries(() => listMembers(trondheim.id))
    const names = ['Aase Berg', 'Øyvind Dahl', 'Ærlig Eide', 'Åsa Lie', 'zara moe', 'Zahl Vik']
    const rows = Array.from({ length: 2 * PAGE_SIZE + 7 }, (_, i) => ({ id: `u-${String(i).padStart(3, '0')}`, name: `${names[i % names.length]} ${i % 3}`, email: `m${i}@trondheim.test` }))
    await db.user.createMany({ data: rows })
    await db.membership.createMany({ data: rows.map((r) => ({ userId: r.id, municipalityId: trondheim.id, role: 'mentor' })) })
    // Someone with two roles appears once; people elsewhere never.
    await db.membership.create({ data: { userId: rows[0].id, municipalityId: trondheim.id, role: 'coordinator' } })
    for (let i = 0; i < 30; i++) await makeUser({ municipalityId: farsund.id, roles: ['mentor'], name: 'Aaa Utenbys' })

    const seen: string[] = []
    let page = await listMembers(trondheim.id)
    expect(page.prev).toBeNull()
    const pages = [page]
    while (page.next) {
      const { result, queries } = await countQueries(() => listMembers(trondheim.id, { after: page.next }))
      expect(queries).toBe(first.queries + 1) // the cursor's row
      page = result
      pages.push(page)
    }
    for (const p of pages) seen.push(...p.rows.map((r) => r.id))
    const collator = new Intl.Collator('nb', { sensitivity: 'base' })
    const all = await db.user.findMany({ where: { memberships: { some: { municipalityId: trondheim.id } } }, select: { id: true, name: true } })
    const expected = all.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)).map((u) => u.id)
    expect(seen).toEqual(expected)
    expect(pages.length).toBe(Math.ceil(expected.length / PAGE_SIZE))
    expect(pages.flatMap((p) => p.rows).find((r) => r.id === rows[0].id)?.roles.sort()).toEqual(['coordinator', 'mentor'])

    // Back from the last page gives the same pages.
    const back = await listMembers(trondheim.id, { before: pages[pages.length - 1].prev })
    expect(back.rows.map((r) => r.id)).toEqual(pages[pages.length - 2].rows.map((r) => r.id))
    expect(back.next).toBe(pages[pages.length - 2].next)
  })

  it('searches names case-insensitively with æ, ø and å, and e-mail addresses', async () => {
    const { trondheim } = await twoMunicipalities()
    await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: 'Åshild Ødegård', email: 'ashild@trondheim.test' })
    await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: '50% Prosent_Navn' })
    expect((await listMembers(trondheim.id, { q: 'ødegÅ' })).rows.map((r) => r.name)).toEqual(['Åshild Ødegård'])
    expect((await listMembers(trondheim.id, { q: 'ASHILD@' })).rows.map((r) => r.name)).toEqual(['Åshild Ødegård'])
    expect((await listMembers(trondheim.id, { q: '0%' })).rows.map((r) => r.name)).toEqual(['50% Prosent_Navn'])
    expect((await listMembers(trondheim.id, { q: 'e_t' })).rows).toEqual([])
    // A renamed person moves in the order (the sort key follows the name).
    const u = await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: 'Zzz Sist' })
    await db.user.update({ where: { id: u.id }, data: { name: 'Aaron Først' } })
    expect((await listMembers(trondheim.id, { q: 'først' })).rows.map((r) => r.name)).toEqual(['Aaron Først'])
  })
})

describe('CSV import', () => {
  it('previews without writing, then imports all rows in one go', async () => {
    const { trondheim, admin } = await twoMunicipalities()
    await makeUnit(trondheim.id, 'Zion helse- og velferdssenter', 'hvs')
    const bad = 'navn;e-post;rolle;enhet\nKari;kari@example.no;mentor;Zion helse- og velferdssenter\nOla;ola@example;mentor;Ukjent\n'
    const preview = await previewImport(trondheim.id, bad)
    expect(preview.valid).toBe(false)
    expect(preview.rows[1].errors).toEqual(['import.emailInvalid', 'import.unitUnknown'])

    const result = await runImport({ userId: admin.id }, trondheim, bad)
    expect(result.ok).toBe(false)
    expect(await db.user.count({ where: { email: 'kari@example.no' } })).toBe(0)

    const fixed = bad.replace('ola@example;mentor;Ukjent', 'ola@example.no;koordinator;')
    expect(await runImport({ userId: admin.id }, trondheim, fixed)).toEqual({ ok: true, count: 2 })
    expect(await db.outboxMessage.count({ where: { kind: 'invite' } })).toBe(2)
    expect((await getMember(trondheim.id, (await db.user.findUniqueOrThrow({ where: { email: 'ola@example.no' } })).id))?.roles).toEqual(['coordinator'])
  })
})
