import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { navFor } from '~/components/nav.ts'
import { can, requirePermission, viewerRoles } from '~/modules/auth/index.ts'
import { municipalityStats } from '~/modules/tenancy/index.ts'
import { upcomingGatherings } from '~/modules/programmes/index.ts'
import { myOpenRounds } from '~/modules/outcomes/surveys.server.ts'
import { useLang } from '~/components/i18n.tsx'
import { formatDate, formatTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:dashboard')
  const [stats, upcoming, surveys] = await Promise.all([
    viewer.municipality && can(viewer, 'manage:users') ? municipalityStats(viewer.municipality.id) : null,
    can(viewer, 'view:programmes') ? upcomingGatherings(viewer) : [],
    // Only mentors and mentees are ever asked (a run's mentors, or mentees and their mentors).
    viewer.roles.some((r) => r === 'mentor' || r === 'mentee') ? myOpenRounds(viewer) : [],
  ])
  return {
    name: viewer.name,
    municipality: viewer.municipality?.name ?? null,
    roles: viewer.roles,
    platformRoles: viewer.platformRoles,
    allRoles: viewerRoles(viewer),
    stats,
    upcoming,
    surveys,
  }
}

function isToday(value: Date | string) {
  const d = new Date(value)
  return Math.abs(d.getTime() - Date.now()) < 12 * 3_600_000
}

export default function Dashboard() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const lang = useLang()
  const links = navFor(data.allRoles).filter((i) => i.to !== '/dashboard')
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('dashboard.greeting', { name: data.name })}
      </h1>
      {data.municipality ? (
        <p className="ds-paragraph">
          {t('dashboard.rolesIn', { municipality: data.municipality })}{' '}
          <strong>{data.roles.map((r) => t(`role.${r}`)).join(', ')}</strong>
        </p>
      ) : null}
      {data.platformRoles.length ? (
        <p className="ds-paragraph">
          {t('dashboard.platformRoles')} <strong>{data.platformRoles.map((r) => t(`role.${r}`)).join(', ')}</strong>
        </p>
      ) : null}
      {data.surveys.length ? (
        <section aria-labelledby="surveys-heading" className="stack-sm">
          <h2 className="ds-heading" data-size="md" id="surveys-heading">
            {t('dashboard.surveys')}
          </h2>
          <ul>
            {data.surveys.map((r) => (
              <li key={r.id}>
                <Link to={`/surveys/${r.id}/answer`}>{r.title}</Link> <span className="muted">({t('surveys.closes', { date: formatDate(r.closesOn, lang) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.upcoming.length ? (
        <section aria-labelledby="upcoming-heading" className="stack">
          <h2 className="ds-heading" data-size="md" id="upcoming-heading">
            {t('dashboard.upcoming')}
          </h2>
          <ul className="cards">
            {data.upcoming.map((g, i) => (
              <li key={g.id} className="ds-card stack-sm" data-testid="upcoming-gathering">
                <h3 className="ds-heading" data-size="xs">
                  <Link to={`/programmes/${g.programmeId}/gatherings/${g.id}`}>{g.title}</Link>
                </h3>
                <p className="ds-paragraph">
                  {formatDate(g.startsAt, lang)}, {formatTime(g.startsAt, lang)}
                  {g.location ? ` · ${g.location}` : ''}
                </p>
                <p className="ds-paragraph muted">{g.programme.name}</p>
                {i === 0 && isToday(g.startsAt) && !data.roles.includes('coordinator') ? (
                  <p className="ds-paragraph">
                    <Link to="/check-in">{t('checkin.title')}</Link>
                  </p>
                ) : null}
                {i === data.upcoming.findIndex((u) => u.tasks.length > 0) ? (
                  <>
                    <p className="ds-paragraph">
                      <strong>{t('curriculum.preparation')}</strong>
                    </p>
                    <ol className="ds-list">
                      {g.tasks.map((task, k) => (
                        <li key={k}>{task}</li>
                      ))}
                    </ol>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.stats ? (
        <section aria-labelledby="stats-heading" className="stack">
          <h2 className="ds-heading" data-size="md" id="stats-heading">
            {t('dashboard.municipalityOverview')}
          </h2>
          <div className="cards">
            <div className="ds-card">
              <p className="stat">{data.stats.users}</p>
              <p className="ds-paragraph">{t('dashboard.activeUsers')}</p>
            </div>
            <div className="ds-card">
              <p className="stat">{data.stats.pendingInvites}</p>
              <p className="ds-paragraph">{t('dashboard.pendingInvites')}</p>
            </div>
            <div className="ds-card">
              <p className="stat">{data.stats.units}</p>
              <p className="ds-paragraph">{t('dashboard.units')}</p>
            </div>
          </div>
        </section>
      ) : null}
      {links.length ? (
        <section aria-labelledby="shortcuts-heading" className="stack">
          <h2 className="ds-heading" data-size="md" id="shortcuts-heading">
            {t('dashboard.shortcuts')}
          </h2>
          <ul className="ds-list">
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{t(l.label)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="ds-paragraph">{t('dashboard.comingSoon')}</p>
      )}
    </div>
  )
}
