import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { nationalCurricula } from '~/modules/curriculum/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'curriculum.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:curriculum')
  const { lang } = await getT(request, viewer)
  return { curricula: nationalCurricula(lang) }
}

export default function CurriculumOverview() {
  const t = useT()
  const hours = useHours()
  const { curricula } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('curriculum.title')}
      </h1>
      {curricula.map((c) => (
        <section key={c.slug} className="stack" aria-labelledby={`c-${c.slug}`} lang={c.contentLang}>
          <h2 className="ds-heading" data-size="md" id={`c-${c.slug}`}>
            {c.title}
          </h2>
          <div className="content-body" dangerouslySetInnerHTML={{ __html: c.html }} />
          <p className="ds-paragraph">
            <strong>{t('curriculum.totalHours', { hours: hours(c.sessions.reduce((s, x) => s + x.durationMinutes, 0)) })}</strong> ·{' '}
            {t('curriculum.sessionCount', { count: c.sessions.length })}
          </p>
          <div className="table-wrap">
            <table className="ds-table" data-border="true">
              <caption className="visually-hidden">{c.title}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('curriculum.session')}</th>
                  <th scope="col">{t('curriculum.hours')}</th>
                  <th scope="col">{t('curriculum.theme')}</th>
                  <th scope="col">{t('curriculum.methods')}</th>
                </tr>
              </thead>
              <tbody>
                {c.sessions.map((s) => (
                  <tr key={s.slug}>
                    <td>{s.order}</td>
                    <td>
                      <Link to={`/curriculum/${c.slug}/${s.slug}`}>{s.title}</Link>
                      {s.kind !== 'gathering' ? <span className="muted"> ({t(`kind.${s.kind}`)})</span> : null}
                    </td>
                    <td>{hours(s.durationMinutes)}</td>
                    <td>{s.theme}</td>
                    <td>{s.methods.map((m) => t(`method.${m}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  )
}
