import type { Viewer } from '~/modules/auth/index.ts'
import { memo } from '~/utils/request-context.server.ts'
import type { Audience } from './visibility.ts'

/**
 * The viewer as the visibility rule sees them. Programme and network
 * memberships are added here as those capabilities arrive; until then a user
 * belongs to none.
 */
export function loadAudience(viewer: Viewer): Promise<Audience> {
  return memo(`audience:${viewer.userId}`, async () => ({
    userId: viewer.userId,
    municipalityId: viewer.municipality?.id ?? null,
    programmeIds: [],
    networkIds: [],
  }))
}
