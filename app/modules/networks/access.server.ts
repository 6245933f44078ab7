import { requirePermission, type Viewer } from '~/modules/auth/index.ts'
import { notFound } from '~/utils/http.ts'
import { networkAccess } from './networks.server.ts'

/**
 * The network and the viewer's access to it, or a 404. `run` needs the
 * contact person or a manager of the owning municipality; `insider` a member
 * too; `any` lets colleagues of the municipality and invited people see the
 * front page (name, contact person, whether to join).
 */
export async function requireNetwork(request: Request, networkId: string | undefined, need: 'run' | 'insider' | 'any') {
  const viewer: Viewer = await requirePermission(request, 'view:networks')
  const found = await networkAccess(viewer, networkId ?? '')
  if (!found) notFound()
  if (need === 'run' && !found.runs) notFound()
  if (need === 'insider' && !found.insider) notFound()
  return { viewer, ...found, actor: { userId: viewer.userId, municipalityId: found.network.municipalityId } }
}
