import { db } from '~/db.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { hasPermission } from '~/modules/auth/roles.ts'
import { memo } from '~/utils/request-context.server.ts'
import type { Audience } from './visibility.ts'

/**
 * The viewer as the visibility rule sees them. A person belongs to a
 * programme run when enrolled (and not yet left) or coordinating it; those who
 * manage programmes belong to every run of their current municipality.
 * Networks: those one is an active member or the contact person of.
 */
export function loadAudience(viewer: Viewer): Promise<Audience> {
  return memo(`audience:${viewer.userId}`, async () => {
    const municipalityId = viewer.municipality?.id ?? null
    const manages = municipalityId !== null && hasPermission(viewer.roles, 'manage:programmes')
    const [programmes, networks] = await Promise.all([db.programme.findMany({
      where: {
        OR: [
          // Runs one takes part in, where one still has an active role (not merely being named coordinator).
          { enrolments: { some: { userId: viewer.userId, leftOn: null } }, municipalityId: { in: viewer.municipalities.map((m) => m.id) } },
          ...(manages ? [{ municipalityId: municipalityId! }] : []),
        ],
      },
      select: { id: true },
    }), db.network.findMany({
      where: { OR: [{ contactId: viewer.userId }, { members: { some: { userId: viewer.userId, status: 'active' } } }] },
      select: { id: true },
    })])
    return { userId: viewer.userId, municipalityId, programmeIds: programmes.map((p) => p.id), networkIds: networks.map((n) => n.id) }
  })
}
