import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Lang } from '~/i18n/index.ts'
import type { Role } from '~/modules/auth/roles.ts'
import { useT } from './i18n.tsx'
import { navFor } from './nav.ts'

export type LayoutViewer = {
  name: string
  roles: Role[]
  municipality: { id: string; name: string; accessibilityStatementUrl: string | null } | null
  municipalities: { id: string; name: string }[]
}

const LANGUAGE_NAMES: Record<Lang, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' }

function LanguageSwitch({ lang }: { lang: Lang }) {
  const t = useT()
  const location = useLocation()
  return (
    <Form method="post" action="/language" className="lang-switch" aria-label={t('layout.language')}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
        <button key={l} type="submit" name="lang" value={l} lang={l} aria-pressed={l === lang} className="ds-button" data-variant="tertiary" data-color="neutral" data-size="sm">
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </Form>
  )
}

function MunicipalitySwitch({ viewer }: { viewer: LayoutViewer }) {
  const t = useT()
  const location = useLocation()
  if (viewer.municipalities.length < 2) {
    return viewer.municipality ? <span data-testid="current-municipality">{viewer.municipality.name}</span> : null
  }
  return (
    <Form method="post" action="/municipality" className="header-form">
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <label htmlFor="municipality-switch">{t('layout.municipality')}</label>
      <select id="municipality-switch" name="municipalityId" className="ds-input" data-size="sm" defaultValue={viewer.municipality?.id}>
        {viewer.municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
        {t('layout.switch')}
      </button>
    </Form>
  )
}

export function Layout({ lang, viewer, children }: { lang: Lang; viewer: LayoutViewer | null; children: ReactNode }) {
  const t = useT()
  const nav = viewer ? navFor(viewer.roles) : []
  const a11yUrl = viewer?.municipality?.accessibilityStatementUrl || '/accessibility'
  return (
    <>
      <a className="ds-skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header" data-color-scheme="light">
        <div className="site-header__bar">
          <Link to={viewer ? '/dashboard' : '/'} className="brand">
            Mentornett
          </Link>
          {viewer ? <MunicipalitySwitch viewer={viewer} /> : null}
          <LanguageSwitch lang={lang} />
          {viewer ? (
            <div className="row">
              <Link to="/account">{viewer.name}</Link>
              <Form method="post" action="/logout">
                <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                  {t('layout.logout')}
                </button>
              </Form>
            </div>
          ) : (
            <Link to="/login">{t('layout.login')}</Link>
          )}
        </div>
      </header>
      {nav.length ? (
        <nav className="site-nav" aria-label={t('layout.mainNav')}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <span>Mentornett</span>
          <Link to="/privacy">{t('layout.privacy')}</Link>
          <a href={a11yUrl}>{t('layout.accessibility')}</a>
          <Link to="/verify">{t('verify.title')}</Link>
        </div>
      </footer>
    </>
  )
}
