import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import type { MessageKey } from '~/i18n/index.ts'
import { useT } from './i18n.tsx'

const MESSAGES: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.400.title', body: 'error.400.body' },
  403: { title: 'error.403.title', body: 'error.403.body' },
  404: { title: 'error.404.title', body: 'error.404.body' },
  429: { title: 'error.429.title', body: 'error.429.body' },
}

/** Renders 403/404/500 kindly, in the viewer's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const text = MESSAGES[status] ?? { title: 'error.500.title' as const, body: 'error.500.body' as const }
  if (status >= 500 && typeof document === 'undefined') console.error(error)
  return (
    <div className="stack" data-status={status}>
      <h1 className="ds-heading" data-size="lg">
        {t(text.title)}
      </h1>
      <p className="ds-paragraph">{t(text.body)}</p>
      <p className="ds-paragraph">
        <Link to="/">{t('error.home')}</Link>
      </p>
    </div>
  )
}
