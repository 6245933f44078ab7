import { db } from '~/db.server.ts'

/**
 * The municipality a privacy notice speaks for: the one named by ?kommune=<slug>
 * (a public link a municipality can publish), else the viewer's current one,
 * with its own notice texts (null fields fall back to the defaults).
 */
export async function privacyController(slug: string | null, viewerMunicipalityId: string | null) {
  const select = { name: true, slug: true, privacyContactEmail: true, privacyNotice: { select: { controller: true, purposes: true, retention: true } } } as const
  if (slug && /^[a-z0-9-]{1,60}$/.test(slug)) return db.municipality.findUnique({ where: { slug }, select })
  return viewerMunicipalityId ? db.municipality.findUnique({ where: { id: viewerMunicipalityId }, select }) : null
}
