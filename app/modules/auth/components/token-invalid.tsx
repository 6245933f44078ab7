import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'

/** An unknown, used or expired link: say so and offer a new one. */
export function TokenInvalid() {
  const t = useT()
  const error = useRouteError()
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('token.invalidTitle')}
      </h1>
      <p className="ds-paragraph">{t('token.invalid')}</p>
      <p className="ds-paragraph">
        <Link to="/forgot-password">{t('token.requestNew')}</Link>
      </p>
    </div>
  )
}
