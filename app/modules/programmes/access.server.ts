import { requirePermission, type Permission, type Viewer } from '~/modules/auth/index.ts'
import { notFound } from '~/utils/http.ts'
import { getGathering, programmeAccessAndHead, type ProgrammeAccess } from './programmes.server.ts'

/**
 * The viewer's access to a programme run, or a 404. `manage` needs coordinator
 * or programme-lead rights in the run's municipality. One statement reads the
 * access and the run's head (name, grid version) that the page shows.
 */
export async function requireProgramme(request: Request, programmeId: string | undefined, need: 'manage' | 'any', permission: Permission = 'view:programmes') {
  const viewer: Viewer = await requirePermission(request, permission)
  const access = await programmeAccessAndHead(viewer, programmeId ?? '')
  if (!access || (need === 'manage' && access.access !== 'manage')) notFound()
  return { viewer, access: access.access as ProgrammeAccess, municipalityId: access.municipalityId, programmeId: programmeId!, head: access.head }
}

export async function requireGathering(request: Request, params: { id?: string; gid?: string }, need: 'manage' | 'any', permission: Permission = 'view:programmes') {
  const found = await requireProgramme(request, params.id, need, permission)
  const gathering = await getGathering(found.programmeId, params.gid ?? '', found.head)
  if (!gathering) notFound()
  return { ...found, gathering, actor: { userId: found.viewer.userId, municipalityId: found.municipalityId } }
}
