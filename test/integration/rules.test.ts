// Tests written for bugs that mutation testing showed the suite did not catch:
// each one fails when the rule it names is broken.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { attendanceGrid } from '~/modules/attendance/index.ts'
import { hashPassword, verifyPassword } from '~/modules/auth/password.server.ts'
import { issueToken } from '~/modules/auth/tokens.server.ts'
import { setPasswordWithToken } from '~/modules/auth/accounts.server.ts'
import { issueDiplomas, revokeDiploma, verifyDiploma } from '~/modules/diplomas/index.ts'
import { loader as verifyLoader } from '~/routes/verify.$code.tsx'
import { makeMunicipality, makeUser, uid } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

/** A run with one 3-hour gathering in the past and one enrolled mentor. */
async function smallRun(municipalityId: string, coordinatorId: string, mentorId: string, requiredMinutes = 180) {
  const p = await db.programme.create({
    data: {
      municipalityId,
      name: `Program ${uid()}`,
      year: 2025,
      coordinatorId,
      startsOn: new Date('2025-01-01T00:00:00Z'),
      endsOn: new Date('2025-12-31T00:00:00Z'),
      requiredMinutes,
      sourceSlug: 'ntnu-2018',
    },
  })
  const g = await db.gathering.create({ data: { programmeId: p.id, order: 1, kind: 'gathering', title: 'Samling 1', theme: 'Oppstart', startsAt: new Date('2025-03-01T08:00:00Z'), durationMinutes: 180 } })
  await db.enrolment.create({ data: { programmeId: p.id, userId: mentorId, joinedOn: new Date('2025-01-01T00:00:00Z') } })
  return { p, g }
}

async function world() {
  const m = await makeMunicipality()
  const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
  return { m, coordinator, mentor, actor: { userId: coordinator.id, municipalityId: m.id } }
}

async function callVerify(code: string, ip: string) {
  try {
    return (await verifyLoader({ request: new Request(`http://mentornett.test/verify/${code}`), params: { code }, context: { clientIp: ip } })) as unknown as { data: { diploma: { revokedAt: Date | null } | null }; init: { status?: number } | null }
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('diplomas and verification', () => {
  it('shows a revoked diploma as revoked on /verify, not as valid', async () => {
    const { m, coordinator, mentor, actor } = await world()
    const { p, g } = await smallRun(m.id, coordinator.id, mentor.id)
    await db.attendance.create({ data: { programmeId: p.id, gatheringId: g.id, userId: mentor.id, status: 'present', minutesPresent: 180, recordedById: coordinator.id } })
    const { issued } = await issueDiplomas(actor, p.id, 'eligible', 'diploma', 'nb')
    expect(issued).toHaveLength(1)
    const { code } = await db.diploma.findUniqueOrThrow({ where: { id: issued[0] } })

    const before = await callVerify(code, '10.9.0.1')
    expect(before).not.toBeInstanceOf(Response)
    expect((before as { data: { diploma: { revokedAt: Date | null } } }).data.diploma.revokedAt).toBeNull()

    expect(await revokeDiploma(actor, p.id, issued[0], 'feil navn')).toBe(true)
    const after = (await verifyDiploma(code))!
    expect(after.revokedAt).toBeInstanceOf(Date)
    const page = await callVerify(code, '10.9.0.1')
    expect((page as { data: { diploma: { revokedAt: Date | null } } }).data.diploma.revokedAt).toBeInstanceOf(Date)
    // Revoking twice does nothing more.
    expect(await revokeDiploma(actor, p.id, issued[0], 'igjen')).toBe(false)
  })

  it('limits /verify lookups per address and says when to come back', async () => {
    const ip = `10.8.${Math.floor(Math.random() * 200)}.1`
    let last: unknown
    for (let i = 0; i < 61; i++) last = await callVerify('0123456789ABCDEFGHJKMNPQRS', ip)
    expect(last).toBeInstanceOf(Response)
    const res = last as Response
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
    // Another address is not affected.
    const other = await callVerify('0123456789ABCDEFGHJKMNPQRS', '10.7.0.1')
    expect(other).not.toBeInstanceOf(Response)
    expect((other as { init: { status?: number } }).init.status).toBe(404)
  })
})

describe('hours toward the requirement', () => {
  it('counts make-up credits only from this programme', async () => {
    const { m, coordinator, mentor } = await world()
    const a = await smallRun(m.id, coordinator.id, mentor.id, 240)
    const b = await smallRun(m.id, coordinator.id, mentor.id, 240)
    await db.attendanceCredit.create({ data: { programmeId: b.p.id, userId: mentor.id, minutes: 60, kind: 'assignment', reason: 'annen', grantedById: coordinator.id } })
    await db.attendanceCredit.create({ data: { programmeId: a.p.id, userId: mentor.id, minutes: 30, kind: 'assignment', reason: 'denne', grantedById: coordinator.id } })
    const row = (await attendanceGrid(a.p.id)).rows.find((r) => r.userId === mentor.id)!
    expect(row.hours.creditedMinutes).toBe(30)
    expect(row.hours.totalMinutes).toBe(30)
  })
})

describe('passwords and links', () => {
  it('hashes with argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane)', async () => {
    const hash = await hashPassword('et langt passord')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(hash, 'et langt passord')).toBe(true)
    expect(await verifyPassword(hash, 'et langt passorD')).toBe(false)
    expect(await verifyPassword('not a hash', 'et langt passord')).toBe(false)
  })

  it('lets a reset link set the password once, even when two requests race', async () => {
    const { m, mentor } = await world()
    const token = await db.$transaction((tx) => issueToken(tx, { userId: mentor.id, purpose: 'reset', municipalityId: m.id }))
    const results = await Promise.all([
      setPasswordWithToken(token, 'reset', 'første nye passord'),
      setPasswordWithToken(token, 'reset', 'andre nye passord'),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: mentor.id } })
    const winner = results[0] ? 'første nye passord' : 'andre nye passord'
    expect(await verifyPassword(passwordHash!, winner)).toBe(true)
    expect(await setPasswordWithToken(token, 'reset', 'tredje nye passord')).toBeNull()
  })

  it('refuses a reset link used for an invitation, and an expired one', async () => {
    const { m, mentor } = await world()
    const token = await db.$transaction((tx) => issueToken(tx, { userId: mentor.id, purpose: 'reset', municipalityId: m.id }))
    expect(await setPasswordWithToken(token, 'invite', 'et nytt passord')).toBeNull()
    await db.userToken.updateMany({ where: { userId: mentor.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await setPasswordWithToken(token, 'reset', 'et nytt passord')).toBeNull()
  })
})

describe('spreadsheet formula cells in the attendance export', () => {
  it("prefix every cell a spreadsheet would run (= + - @ tab CR) with ', and nothing else", async () => {
    const { safeCell } = await import('~/modules/attendance/export.server.ts')
    for (const s of ['=SUM(A1)', '+47 123', '-1', '@cmd', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`)
    for (const s of ['Åse', '3', 'a=b', ' =x']) expect(safeCell(s)).toBe(s)
    expect(safeCell(180)).toBe('180')
    expect(safeCell(null)).toBe('')
  })
})
