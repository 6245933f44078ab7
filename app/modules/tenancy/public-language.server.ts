import { db } from '~/db.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { hashToken } from '~/modules/auth/tokens.server.ts'
import { normaliseCode } from '~/modules/diplomas/code.ts'

// Pages seen without signing in still belong to a municipality: a diploma's
// verification page, an invitation or reset link, or a page opened with
// ?kommune=<slug> (the privacy notice, the login page). When the visitor has
// chosen no language, such a page speaks the municipality's default, so a
// nynorsk municipality's public pages are in nynorsk. One indexed lookup, only
// for these paths.

/** The default language of the municipality a public page belongs to, or null. */
export async function publicPageLanguage(request: Request): Promise<Lang | null> {
  const url = new URL(request.url)
  const slug = url.searchParams.get('kommune')
  let lang: string | null | undefined
  let m: RegExpMatchArray | null
  if (slug && /^[a-z0-9-]{1,60}$/.test(slug)) {
    lang = (await db.municipality.findUnique({ where: { slug }, select: { defaultLanguage: true } }))?.defaultLanguage
  } else if ((m = url.pathname.match(/^\/verify\/([^/]{1,60})$/))) {
    const d = await db.diploma.findUnique({ where: { code: normaliseCode(decodeURIComponent(m[1])) }, select: { programme: { select: { municipality: { select: { defaultLanguage: true } } } } } })
    lang = d?.programme.municipality.defaultLanguage
  } else if ((m = url.pathname.match(/^\/(?:invite|reset-password)\/([A-Za-z0-9_-]{1,100})$/))) {
    const t = await db.userToken.findUnique({
      where: { tokenHash: hashToken(m[1]) },
      select: { municipalityId: true, user: { select: { language: true, memberships: { take: 1, orderBy: { createdAt: 'asc' }, select: { municipality: { select: { defaultLanguage: true } } } } } } },
    })
    const municipalityDefault = t?.municipalityId ? (await db.municipality.findUnique({ where: { id: t.municipalityId }, select: { defaultLanguage: true } }))?.defaultLanguage : t?.user.memberships[0]?.municipality.defaultLanguage
    lang = t?.user.language ?? municipalityDefault
  }
  return isLang(lang) ? lang : null
}
