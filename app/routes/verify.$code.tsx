import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { consumeRateLimit } from '~/modules/auth/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { verifyDiploma } from '~/modules/diplomas/index.ts'
import { formatDate } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'verify.title'), { name: 'robots', content: 'noindex' }]

const NO_INDEX = { 'X-Robots-Tag': 'noindex, nofollow', 'Cache-Control': 'no-store' }

export function headers({ loaderHeaders }: { loaderHeaders: Headers }) {
  return { ...NO_INDEX, ...(loaderHeaders.get('Retry-After') ? { 'Retry-After': loaderHeaders.get('Retry-After')! } : {}) }
}

/**
 * Public: anyone can check a diploma. Rate limited per address; a wrong code
 * reveals nothing beyond "not found".
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const limit = await consumeRateLimit('publicLookupIp', String(context.clientIp ?? 'unknown'))
  if (!limit.ok) throw new Response('Too Many Requests', { status: 429, headers: { ...NO_INDEX, 'Retry-After': String(limit.retryAfterSeconds) } })
  const diploma = await verifyDiploma(params.code ?? '')
  if (!diploma) return data({ diploma: null }, { status: 404, headers: NO_INDEX })
  return data({ diploma }, { headers: NO_INDEX })
}

export default function Verify() {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  const { diploma } = useLoaderData<typeof loader>()
  if (!diploma) {
    return (
      <div className="stack form-narrow">
        <h1 className="ds-heading" data-size="lg">
          {t('verify.notFoundTitle')}
        </h1>
        <p className="ds-paragraph">{t('verify.notFound')}</p>
        <p className="ds-paragraph">
          <Link to="/verify">{t('verify.again')}</Link>
        </p>
      </div>
    )
  }
  const valid = !diploma.revokedAt
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('verify.title')}
      </h1>
      <div className="ds-alert" data-color={valid ? 'success' : 'danger'} role="status">
        <p className="ds-paragraph" data-testid="verify-status">
          <strong>{valid ? t('verify.valid') : t('verify.revoked', { date: formatDate(diploma.revokedAt!, lang) })}</strong>
        </p>
      </div>
      <dl className="stack-sm">
        <dt className="ds-label">{t('verify.holder')}</dt>
        <dd>{diploma.holderName}</dd>
        <dt className="ds-label">{t('verify.what')}</dt>
        <dd>
          {t(diploma.kind === 'diploma' ? 'diploma.kind.diploma' : 'diploma.kind.participation')}: {diploma.programmeName}, {diploma.municipalityName}
        </dd>
        <dt className="ds-label">{t('verify.period')}</dt>
        <dd>
          {formatDate(diploma.periodStart, lang)} – {formatDate(diploma.periodEnd, lang)}
        </dd>
        <dt className="ds-label">{t('verify.hours')}</dt>
        <dd>{t('progress.hoursOf', { total: hours(diploma.minutesAttended + diploma.minutesCredited), required: hours(diploma.minutesRequired) })}</dd>
        <dt className="ds-label">{t('verify.issued')}</dt>
        <dd>{formatDate(diploma.issuedAt, lang)}</dd>
      </dl>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
