import { redirect } from '@remix-run/node'
import { db } from '~/db.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { memo } from '~/utils/request-context.server.ts'
import { hasPermission, isMunicipalRole, isPlatformRole, type MunicipalRole, type Permission, type PlatformRole, type Role } from './roles.ts'
import { readSessionId, SESSION_TTL_MS } from './session.server.ts'

export type ViewerMunicipality = {
  id: string
  name: string
  slug: string
  defaultLanguage: Lang
  accessibilityStatementUrl: string | null
}

/** The signed-in user as every loader sees them. */
export type Viewer = {
  sessionId: string
  userId: string
  name: string
  email: string
  language: Lang | null
  /** The municipality this session works in; null for platform-only users. */
  municipality: ViewerMunicipality | null
  /** Active roles in the current municipality. */
  roles: MunicipalRole[]
  platformRoles: PlatformRole[]
  /** Units the user belongs to in the current municipality. */
  unitIds: string[]
  /** Every municipality where the user has an active role (for the switcher). */
  municipalities: { id: string; name: string }[]
}

const viewerCache = new WeakMap<Request, Promise<Viewer | null>>()

/** The signed-in user, or null. Computed once per request. */
export function getViewer(request: Request): Promise<Viewer | null> {
  let cached = viewerCache.get(request)
  if (!cached) {
    cached = memo('viewer', () => loadViewer(request))
    viewerCache.set(request, cached)
  }
  return cached
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      currentMunicipalityId: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          language: true,
          disabledAt: true,
          platformRoles: { select: { role: true } },
          memberships: {
            where: { deactivatedAt: null },
            select: {
              role: true,
              unitId: true,
              municipality: {
                select: { id: true, name: true, slug: true, defaultLanguage: true, accessibilityStatementUrl: true },
              },
            },
          },
        },
      },
    },
  })
  const now = Date.now()
  if (!session || session.expiresAt.getTime() <= now || session.user.disabledAt) return null

  // Sliding expiry, written at most once per half life.
  if (session.expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(now + SESSION_TTL_MS) } })
  }

  const { user } = session
  const byMunicipality = new Map<string, ViewerMunicipality>()
  for (const m of user.memberships) {
    const mu = m.municipality
    byMunicipality.set(mu.id, { ...mu, defaultLanguage: isLang(mu.defaultLanguage) ? mu.defaultLanguage : 'nb' })
  }
  const currentId =
    session.currentMunicipalityId && byMunicipality.has(session.currentMunicipalityId)
      ? session.currentMunicipalityId
      : (user.memberships[0]?.municipality.id ?? null)
  const current = currentId ? byMunicipality.get(currentId)! : null
  const inCurrent = user.memberships.filter((m) => m.municipality.id === currentId)
  const collator = new Intl.Collator('nb')

  return {
    sessionId: session.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    language: isLang(user.language) ? user.language : null,
    municipality: current,
    roles: [...new Set(inCurrent.map((m) => m.role).filter(isMunicipalRole))],
    platformRoles: user.platformRoles.map((r) => r.role).filter(isPlatformRole),
    unitIds: [...new Set(inCurrent.map((m) => m.unitId).filter((u): u is string => !!u))],
    municipalities: [...byMunicipality.values()]
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  }
}

export function viewerRoles(viewer: Viewer): Role[] {
  return [...viewer.roles, ...viewer.platformRoles]
}

export function can(viewer: Viewer | null, permission: Permission): boolean {
  return !!viewer && hasPermission(viewerRoles(viewer), permission)
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** The signed-in user, or a redirect to the login page. */
export async function requireUser(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request)
  if (!viewer) loginRedirect(request)
  return viewer
}

/** The signed-in user holding `permission`, or 403 (deny by default). */
export async function requirePermission(request: Request, permission: Permission): Promise<Viewer> {
  const viewer = await requireUser(request)
  if (!can(viewer, permission)) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  return viewer
}

/** For municipal records: the viewer's current municipality id, or 403. */
export function requireMunicipalityId(viewer: Viewer): string {
  if (!viewer.municipality) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  return viewer.municipality.id
}

/**
 * Where a permission holds for this viewer: in their current municipality (a
 * municipal role grants it), platform-wide (only a platform role grants it), or nowhere.
 */
export function permissionScope(viewer: Viewer, permission: Permission): { municipalityId: string } | 'platform' | null {
  if (viewer.municipality && hasPermission(viewer.roles, permission)) return { municipalityId: viewer.municipality.id }
  if (hasPermission(viewer.platformRoles, permission)) return 'platform'
  return null
}
