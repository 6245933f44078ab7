import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getViewer } from '~/modules/auth/index.ts'
import { RETENTION_RULES } from '~/modules/privacy/retention.ts'
import { privacyController } from '~/modules/tenancy/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.title')

/** Public. With ?kommune=<slug> it names that municipality (and speaks its default language). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  const municipality = await privacyController(new URL(request.url).searchParams.get('kommune'), viewer?.municipality?.id ?? null)
  return { municipality }
}

/** The municipality's own text, one paragraph per blank-line-separated block. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="ds-paragraph pre-wrap">
            {p}
          </p>
        ))}
    </>
  )
}

export default function Privacy() {
  const t = useT()
  const { municipality } = useLoaderData<typeof loader>()
  const notice = municipality?.privacyNotice
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.title')}
      </h1>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.controllerHeading')}
      </h2>
      {notice?.controller ? <Paragraphs text={notice.controller} /> : <p className="ds-paragraph">{municipality ? t('privacy.controllerNamed', { municipality: municipality.name }) : t('privacy.controller')}</p>}
      {municipality?.privacyContactEmail ? <p className="ds-paragraph">{t('privacy.contact', { municipality: municipality.name, email: municipality.privacyContactEmail })}</p> : null}
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.purposesHeading')}
      </h2>
      {notice?.purposes ? <Paragraphs text={notice.purposes} /> : <p className="ds-paragraph">{t('privacy.default.purposes')}</p>}
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.whatHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.what')}</p>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.notHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.not')}</p>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.retentionHeading')}
      </h2>
      {notice?.retention ? (
        <Paragraphs text={notice.retention} />
      ) : (
        <>
          <ul className="ds-list">
            {RETENTION_RULES.map((r) => (
              <li key={r.key}>{t('privacy.default.retentionLine', { what: t(`privacy.retention.key.${r.key}`), months: r.months })}</li>
            ))}
          </ul>
          <p className="ds-paragraph">{t('privacy.retention.diplomas')}</p>
        </>
      )}
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.rightsHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.rights')}</p>
    </div>
  )
}
