import { useT } from '~/components/i18n.tsx'
import { SSO_REFUSALS, type SsoKind, type SsoRefusal } from '../sso.ts'

/** "Sign in with …" links (plain navigations: they work without JavaScript and pass the CSP form-action rule). */
export function SsoButtons({ providers, redirectTo }: { providers: { id: string; kind: SsoKind; municipality: string }[]; redirectTo: string }) {
  const t = useT()
  if (!providers.length) return null
  return (
    <section className="stack-sm" aria-labelledby="sso-heading">
      <h2 className="ds-heading" data-size="xs" id="sso-heading">
        {t('sso.orHeading')}
      </h2>
      {providers.map((p) => (
        <p key={p.id}>
          <a className="ds-button" data-variant="secondary" href={`/auth/sso/${p.id}?${new URLSearchParams({ intent: 'login', ...(redirectTo ? { redirectTo } : {}) })}`}>
            {t('sso.signInWith', { kind: t(`sso.kind.${p.kind}`), municipality: p.municipality })}
          </a>
        </p>
      ))}
    </section>
  )
}

/** The reason a single sign-on was refused, from the `sso` search parameter. */
export function SsoRefusalAlert({ reason }: { reason: string | null }) {
  const t = useT()
  if (!reason || !(SSO_REFUSALS as readonly string[]).includes(reason)) return null
  return (
    <div className="ds-alert" data-color="danger" role="alert">
      <p className="ds-paragraph">{t(`sso.refused.${reason as SsoRefusal}`)}</p>
    </div>
  )
}

/** On the account page: link the account to the municipality's providers. */
export function SsoLinkSection({ providers, status }: { providers: { id: string; kind: SsoKind; linked: boolean; linkUrl: string }[]; status: string | null }) {
  const t = useT()
  if (!providers.length && !status) return null
  return (
    <section className="stack-sm" aria-labelledby="sso-link-heading">
      <h2 className="ds-heading" data-size="sm" id="sso-link-heading">
        {t('sso.account.title')}
      </h2>
      {status === 'linked' ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('sso.account.done')}</p>
        </div>
      ) : (
        <SsoRefusalAlert reason={status} />
      )}
      <p className="ds-paragraph">{t('sso.account.lead')}</p>
      {providers.map((p) =>
        p.linked ? (
          <p key={p.id} className="ds-paragraph">
            {t('sso.account.linked', { kind: t(`sso.kind.${p.kind}`) })}
          </p>
        ) : (
          <p key={p.id}>
            <a className="ds-button" data-variant="secondary" href={p.linkUrl}>
              {t('sso.account.link', { kind: t(`sso.kind.${p.kind}`) })}
            </a>
          </p>
        ),
      )}
    </section>
  )
}
