import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { caseWorksheet, loadCase } from '~/modules/cases/index.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'cases.worksheet', data?.title)

/** A printable worksheet for a gathering: the situation, the question and the cognitive diamond, with room to write. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:cases')
  const loaded = await loadCase(viewer, params.id ?? '')
  if (!loaded) notFound()
  return caseWorksheet(loaded.case)
}

const DIAMOND = ['thoughts', 'feelings', 'actions', 'bodily'] as const

export default function CaseWorksheet() {
  const t = useT()
  const w = useLoaderData<typeof loader>()
  return (
    <article className="stack case-worksheet">
      <p className="ds-paragraph no-print">
        <Link to={`/cases/${w.id}`}>{w.title}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('cases.worksheet')}: {w.title}
      </h1>
      <section className="stack">
        <h2 className="ds-heading" data-size="xs">
          {t('cases.field.situation')}
        </h2>
        <div className="content-body" dangerouslySetInnerHTML={{ __html: w.html.situation }} />
      </section>
      {w.html.question ? (
        <section className="stack">
          <h2 className="ds-heading" data-size="xs">
            {t('cases.field.question')}
          </h2>
          <div className="content-body" dangerouslySetInnerHTML={{ __html: w.html.question }} />
        </section>
      ) : null}
      <h2 className="ds-heading" data-size="sm">
        {t('cases.diamond')}
      </h2>
      <div className="diamond-grid">
        {DIAMOND.map((field) => (
          <section key={field} className="stack">
            <h3 className="ds-heading" data-size="2xs">
              {t(`cases.field.${field}`)}
            </h3>
            {w.html[field] ? <div className="content-body" dangerouslySetInnerHTML={{ __html: w.html[field] }} /> : null}
            <div className="write-space" aria-hidden="true" />
          </section>
        ))}
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
