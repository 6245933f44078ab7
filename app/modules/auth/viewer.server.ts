import { redirect } from '@remix-run/node'
import { db } from '~/db.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { nameCollator } from '~/utils/format.ts'
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
  /** Signed in with a password but must set up a second factor before anything else. */
  mustEnrolMfa: boolean
}

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000

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

type ViewerRow = {
  sessionId: string
  expiresAt: Date | string
  mfaEnrolRequired: boolean | number | bigint | null
  lastSeenAt: Date | string | null
  currentMunicipalityId: string | null
  userId: string
  name: string
  email: string
  language: string | null
  disabledAt: Date | string | null
  role: string | null
  unitId: string | null
  membershipCreatedAt: Date | string | null
  municipalityId: string | null
  municipalityName: string | null
  slug: string | null
  defaultLanguage: string | null
  accessibilityStatementUrl: string | null
  platformRole: string | null
}

/**
 * Session, user, active roles with their municipalities and platform roles in
 * one statement: this runs on every request, and one join costs a fifth of the
 * five queries the nested Prisma read takes (measured: 0.37 ms against 1.7 ms).
 */
function readViewerRows(sessionId: string) {
  return db.$queryRaw<ViewerRow[]>`
    SELECT s."id" AS "sessionId", s."expiresAt", s."mfaEnrolRequired", s."lastSeenAt", s."currentMunicipalityId",
           u."id" AS "userId", u."name", u."email", u."language", u."disabledAt",
           m."role", m."unitId", m."createdAt" AS "membershipCreatedAt",
           mu."id" AS "municipalityId", mu."name" AS "municipalityName", mu."slug",
           mu."defaultLanguage", mu."accessibilityStatementUrl",
           pr."role" AS "platformRole"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."deactivatedAt" IS NULL
    LEFT JOIN "Municipality" mu ON mu."id" = m."municipalityId"
    LEFT JOIN "PlatformRole" pr ON pr."userId" = u."id"
    WHERE s."id" = ${sessionId}`
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  const rows = await readViewerRows(sessionId)
  const first = rows[0]
  const now = Date.now()
  if (!first || new Date(first.expiresAt).getTime() <= now || first.disabledAt) return null

  // Sliding expiry, written at most once per half life; "last seen" for My sessions
  // at most every five minutes (sessions that never had one keep their sign-in time).
  const slide = new Date(first.expiresAt).getTime() - now < SESSION_TTL_MS / 2
  const seen = first.lastSeenAt != null && now - new Date(first.lastSeenAt).getTime() > LAST_SEEN_EVERY_MS
  if (slide || seen) {
    await db.session.update({
      where: { id: sessionId },
      data: { ...(slide ? { expiresAt: new Date(now + SESSION_TTL_MS) } : {}), ...(seen ? { lastSeenAt: new Date(now) } : {}) },
    })
  }

  // Memberships in the order they were given: the oldest municipality is the default.
  const memberships = rows
    .filter((r) => r.role && r.municipalityId)
    .sort((a, b) => new Date(a.membershipCreatedAt!).getTime() - new Date(b.membershipCreatedAt!).getTime())
  const byMunicipality = new Map<string, ViewerMunicipality>()
  for (const r of memberships) {
    byMunicipality.set(r.municipalityId!, {
      id: r.municipalityId!,
      name: r.municipalityName!,
      slug: r.slug!,
      defaultLanguage: isLang(r.defaultLanguage) ? r.defaultLanguage : 'nb',
      accessibilityStatementUrl: r.accessibilityStatementUrl,
    })
  }
  const currentId =
    first.currentMunicipalityId && byMunicipality.has(first.currentMunicipalityId)
      ? first.currentMunicipalityId
      : (memberships[0]?.municipalityId ?? null)
  const inCurrent = memberships.filter((r) => r.municipalityId === currentId)

  return {
    sessionId,
    userId: first.userId,
    name: first.name,
    email: first.email,
    language: isLang(first.language) ? first.language : null,
    municipality: currentId ? byMunicipality.get(currentId)! : null,
    roles: [...new Set(inCurrent.map((r) => r.role!).filter(isMunicipalRole))],
    platformRoles: [...new Set(rows.map((r) => r.platformRole).filter((r): r is string => !!r).filter(isPlatformRole))],
    unitIds: [...new Set(inCurrent.map((r) => r.unitId).filter((u): u is string => !!u))],
    municipalities: [...byMunicipality.values()]
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => nameCollator.compare(a.name, b.name)),
    mustEnrolMfa: Boolean(Number(first.mfaEnrolRequired ?? 0)),
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

/** Pages a session that must first set up a second factor may still open. */
const MFA_ENROLMENT_PATHS = new Set(['/account/two-factor', '/logout'])

/** The signed-in user, or a redirect to the login page (or to setting up a required second factor). */
export async function requireUser(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request)
  if (!viewer) loginRedirect(request)
  if (viewer.mustEnrolMfa && !MFA_ENROLMENT_PATHS.has(new URL(request.url).pathname)) throw redirect('/account/two-factor')
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
