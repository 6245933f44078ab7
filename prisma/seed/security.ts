import { randomBytes } from 'node:crypto'
import { db } from '../../app/db.server.ts'
import { MFA_REQUIRED_ROLES } from '../../app/modules/auth/mfa.ts'

/** Far enough ahead that the demo never trips over it. */
export const DEMO_MFA_GRACE_UNTIL = new Date('2100-01-01T00:00:00Z')

/**
 * The demo admins sign in with the demo password alone: they get a grace date
 * for the second factor that admins otherwise must set up (docs/decisions.md).
 * Any of them can still turn it on under My account → Two-step sign-in.
 * A disabled Entra ID set-up for Trondheim shows the SSO admin page filled in.
 */
export async function seedSecurity() {
  const admins = await db.user.findMany({
    where: {
      email: { endsWith: '.demo' },
      OR: [
        { memberships: { some: { role: { in: MFA_REQUIRED_ROLES as string[] }, deactivatedAt: null } } },
        { platformRoles: { some: { role: { in: MFA_REQUIRED_ROLES as string[] } } } },
      ],
    },
    select: { id: true },
  })
  for (const admin of admins) {
    await db.userMfa.upsert({ where: { userId: admin.id }, create: { userId: admin.id, graceUntil: DEMO_MFA_GRACE_UNTIL }, update: { graceUntil: DEMO_MFA_GRACE_UNTIL } })
  }
  const trondheim = await db.municipality.findUnique({ where: { slug: 'trondheim' }, select: { id: true } })
  if (trondheim) {
    await db.ssoProvider.upsert({
      where: { municipalityId_kind: { municipalityId: trondheim.id, kind: 'entra' } },
      create: {
        municipalityId: trondheim.id,
        kind: 'entra',
        issuer: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
        clientId: 'demo-client-id',
        allowedTenants: '00000000-0000-4000-8000-000000000000',
        subjectSalt: randomBytes(32).toString('base64url'),
        enabled: false,
      },
      update: {},
    })
  }
}
