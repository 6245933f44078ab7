import { requirePermission, type Permission, type Viewer } from '~/modules/auth/index.ts'
import { notFound } from '~/utils/http.ts'
import { getGathering, programmeAccess, type ProgrammeAccess } from './programmes.server.ts'

/**
 * The viewer's access to a programme run, or a 404. `manage` needs coordinator
 * or programme-lead rights in the run's municipality (or being its coordinator).
 */
export async function requireProgramme(request: Request, programmeId: string | undefined, need: 'manage' | 'any', permission: Permission = 'view:programmes') {
  const viewer: Viewer = await requirePermission(request, permission)
  const access = await programmeAccess(viewer, programmeId ?? '')
  if (!access || (need === 'manage' && access.access !== 'manage')) notFound()
  return { viewer, access: access.access as ProgrammeAccess, municipalityId: access.municipalityId, programmeId: programmeId! }
}

export async function requireGathering(request: Request, params: { id?: string; gid?: string }, need: 'manage' | 'any', permission: Permission = 'view:programmes') {
  const found = await requireProgramme(request, params.id, need, permission)
  const gathering = await getGathering(found.programmeId, params.gid ?? '')
  if (!gathering) notFound()
  return { ...found, gathering, actor: { userId: found.viewer.userId, municipalityId: found.municipalityId } }
}
