import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { can, requirePermission } from '~/modules/auth/index.ts'
import { parseSearch } from '~/modules/cases/schemas.ts'
import { pendingReviews, searchCases, searchFacets } from '~/modules/cases/index.ts'
import { SERVICE_TYPES, SHARE_SCOPES, TOPICS } from '~/modules/cases/tags.ts'
import { METHOD_SLUGS } from '~/modules/curriculum/method-slugs.ts'
import type { MessageKey } from '~/i18n/index.ts'
import { formatDateShort } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'cases.title')

/** /cases?q=…&serviceType=…&topic=…&method=…&municipalityId=…&scope=…&mine=1&page=N (GET: works without JavaScript). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:cases')
  const filters = parseSearch(new URL(request.url).searchParams)
  const [result, facets, reviews] = await Promise.all([searchCases(viewer, filters), searchFacets(), pendingReviews(viewer)])
  return { filters, result, facets, reviews, canWrite: can(viewer, 'write:cases') && !!viewer.municipality }
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  const t = useT()
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={`f-${name}`}>
        {label}
      </label>
      <select className="ds-input" id={`f-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{t('cases.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function Cases() {
  const t = useT()
  const lang = useLang()
  const { filters, result, facets, reviews, canWrite } = useLoaderData<typeof loader>()
  const pageLink = (page: number) => {
    const p = new URLSearchParams()
    for (const [k, v] of Object.entries(filters)) if (v !== undefined && k !== 'page') p.set(k, String(v))
    p.set('page', String(page))
    return `/cases?${p}`
  }
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('cases.title')}
      </h1>
      <p className="ds-paragraph">{t('cases.intro')}</p>
      {canWrite ? (
        <p className="ds-paragraph row">
          <Link to="/cases/new">{t('cases.new')}</Link>
          <Link to="/cases?mine=1">{t('cases.mine')}</Link>
        </p>
      ) : null}

      {reviews.length ? (
        <section className="stack" aria-labelledby="reviews">
          <h2 className="ds-heading" data-size="sm" id="reviews">
            {t('cases.reviews')}
          </h2>
          <ul>
            {reviews.map((r) => (
              <li key={r.id}>
                <Link to={`/cases/${r.id}`}>{r.title}</Link> ({t(`cases.scope.${r.requestedScope}` as MessageKey)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Form method="get" role="search" aria-label={t('cases.search')} className="stack">
        <div className="ds-field">
          <label className="ds-label" htmlFor="q">
            {t('cases.searchWords')}
          </label>
          <input className="ds-input" type="search" id="q" name="q" defaultValue={filters.q ?? ''} />
        </div>
        <div className="row">
          <Select name="serviceType" label={t('cases.field.serviceType')} value={filters.serviceType} options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`cases.serviceType.${s}`) }))} />
          <Select name="topic" label={t('cases.field.topic')} value={filters.topic} options={TOPICS.map((s) => ({ value: s, label: t(`cases.topic.${s}`) }))} />
          <Select name="method" label={t('cases.field.method')} value={filters.method} options={METHOD_SLUGS.map((s) => ({ value: s, label: t(`method.${s}` as MessageKey) }))} />
          <Select name="municipalityId" label={t('networks.municipality')} value={filters.municipalityId} options={facets.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          <Select name="scope" label={t('cases.scope')} value={filters.scope} options={SHARE_SCOPES.map((s) => ({ value: s, label: t(`cases.scope.${s}`) }))} />
        </div>
        {filters.mine ? <input type="hidden" name="mine" value="1" /> : null}
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('cases.searchButton')}
          </button>
        </div>
      </Form>

      <section className="stack" aria-labelledby="results">
        <h2 className="ds-heading" data-size="sm" id="results">
          {result.capped ? t('cases.resultsMany', { total: result.total }) : t('cases.results', { total: result.total })}
        </h2>
        {!result.hits.length ? <p className="ds-paragraph">{t('cases.noResults')}</p> : null}
        <ul className="stack">
          {result.hits.map((h) => (
            <li key={h.id}>
              <Link to={`/cases/${h.id}`}>{h.title}</Link>{' '}
              <span className="muted">
                ({t(`cases.scope.${h.scope}` as MessageKey)}
                {h.serviceType ? `, ${t(`cases.serviceType.${h.serviceType}` as MessageKey)}` : ''}
                {h.topic ? `, ${t(`cases.topic.${h.topic}` as MessageKey)}` : ''}, {formatDateShort(h.updatedAt, lang)})
              </span>
            </li>
          ))}
        </ul>
        {result.pages > 1 ? (
          <nav aria-label={t('cases.page', { page: result.page, pages: result.pages })} className="row">
            {result.page > 1 ? <Link to={pageLink(result.page - 1)}>{t('cases.prev')}</Link> : null}
            <span>{t('cases.page', { page: result.page, pages: result.pages })}</span>
            {result.page < result.pages ? <Link to={pageLink(result.page + 1)}>{t('cases.next')}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  )
}
