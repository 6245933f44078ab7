import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { can, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { adherenceTable, isPlanManager, myPlans } from '~/modules/mentee-plans/index.ts'
import { formatDate } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'
import { ITEM_KINDS } from '~/modules/mentee-plans/schedule.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:plans')
  requireMunicipalityId(viewer)
  const mine = await myPlans(viewer)
  const managed = isPlanManager(viewer) ? (await adherenceTable(viewer, { sort: 'name' })).rows : []
  return {
    asMentor: mine.filter((p) => p.asMentor),
    asMentee: mine.filter((p) => !p.asMentor),
    managed,
    canCreate: can(viewer, 'manage:mentee-plans'),
    canTemplates: can(viewer, 'manage:plan-templates'),
  }
}

type Next = { kind: string; plannedDate: string } | null

export default function Plans() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const next = (n: Next) => (n ? `${enumLabel(t, 'plans.kind', ITEM_KINDS, n.kind)}, ${formatDate(n.plannedDate, lang)}` : '–')
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('plans.title')}
      </h1>
      <p className="ds-paragraph">{t('plans.intro')}</p>
      {data.canCreate || data.canTemplates ? (
        <p className="row-end">
          {data.canCreate ? (
            <>
              <Link to="/plans/new" className="ds-button" data-variant="primary">
                {t('plans.new')}
              </Link>
              <Link to="/plans/adherence" className="ds-button" data-variant="secondary">
                {t('plans.adherence')}
              </Link>
            </>
          ) : null}
          {data.canTemplates ? (
            <Link to="/plans/templates" className="ds-button" data-variant="secondary">
              {t('plans.templates')}
            </Link>
          ) : null}
        </p>
      ) : null}

      {data.asMentee.length ? (
        <section aria-labelledby="mine" className="stack-sm">
          <h2 id="mine" className="ds-heading" data-size="md">
            {t('plans.myPlan')}
          </h2>
          <ul>
            {data.asMentee.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/${p.id}`}>{p.menteeName}</Link> <span className="muted">· {p.unit}</span> · {t('plans.nextDue')}: {next(p.nextDue)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.asMentor.length ? (
        <section aria-labelledby="mentees" className="stack-sm">
          <h2 id="mentees" className="ds-heading" data-size="md">
            {t('plans.myMentees')}
          </h2>
          <div className="table-wrap">
            <table className="ds-table" data-border="true">
              <thead>
                <tr>
                  <th scope="col">{t('plans.mentee')}</th>
                  <th scope="col">{t('plans.nextDue')}</th>
                  <th scope="col">{t('plans.overdue')}</th>
                  <th scope="col">{t('plans.plannedSoFar')}</th>
                  <th scope="col">{t('plans.held')}</th>
                </tr>
              </thead>
              <tbody>
                {data.asMentor.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/plans/${p.id}`}>{p.menteeName}</Link> <span className="muted">· {p.unit}</span>
                    </td>
                    <td>{p.endedOn ? `${t('plans.endedOn')} ${formatDate(p.endedOn, lang)}` : next(p.nextDue)}</td>
                    <td>{p.overdue}</td>
                    <td>{p.plannedSoFar}</td>
                    <td>{p.held}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {data.canCreate ? (
        <section aria-labelledby="managed" className="stack-sm">
          <h2 id="managed" className="ds-heading" data-size="md">
            {t('plans.managed')}
          </h2>
          {data.managed.length ? (
            <ul>
              {data.managed.map((p) => (
                <li key={p.planId}>
                  <Link to={`/plans/${p.planId}`}>{p.name}</Link> <span className="muted">· {p.unit}</span>
                  {p.endedOn ? <span className="muted"> · {t('plans.endedOn')}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ds-paragraph">{t('plans.none')}</p>
          )}
        </section>
      ) : null}
      {!data.asMentee.length && !data.asMentor.length && !data.canCreate ? <p className="ds-paragraph">{t('plans.none')}</p> : null}
    </div>
  )
}
