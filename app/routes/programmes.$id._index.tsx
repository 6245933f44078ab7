import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { attendanceGrid, unmarkedRegisters } from '~/modules/attendance/index.ts'
import { getProgramme, requireProgramme } from '~/modules/programmes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'
import { casesSharedTo } from '~/modules/cases/index.ts'
import { SharedCases } from '~/modules/cases/components/case-parts.tsx'
import { SESSION_KINDS } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'programmes.title', data?.programme.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, programmeId, viewer } = await requireProgramme(request, params.id, 'any')
  const [programme, cases] = await Promise.all([getProgramme(programmeId), casesSharedTo(viewer, { programmeId })])
  const now = Date.now()
  // Coordinators see which registers still lack someone's attendance.
  const unmarked = access === 'manage' ? unmarkedRegisters(await attendanceGrid(programmeId), new Date(now)) : []
  return {
    unmarked,
    cases,
    manage: access === 'manage',
    programme: { ...programme, gatherings: programme.gatherings.map(({ preparation, agenda, ...g }) => ({ ...g, tasks: preparation.length })) },
    nextId: programme.gatherings.find((g) => new Date(g.startsAt).getTime() + g.durationMinutes * 60_000 > now)?.id ?? null,
    totalMinutes: programme.gatherings.reduce((s, g) => s + g.durationMinutes, 0),
  }
}

export default function ProgrammePage() {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  const { programme, manage, nextId, totalMinutes, unmarked, cases } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/programmes">{t('programmes.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {programme.name}
      </h1>
      {params.get('created') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('programmes.created')}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">
        {programme.municipality.name} · {formatDate(programme.startsOn, lang)} – {formatDate(programme.endsOn, lang)} · {t('programmes.coordinator')}: {programme.coordinator.name}
        {programme.location ? ` · ${programme.location}` : ''}
      </p>
      <p className="ds-paragraph">
        {t('programmes.hoursSummary', { total: hours(totalMinutes), required: hours(programme.requiredMinutes) })}
      </p>
      <p className="row">
        {manage ? (
          <>
            <Link to={`/programmes/${programme.id}/participants`} className="ds-button" data-variant="secondary">
              {t('programmes.participants')}
            </Link>
            <Link to={`/programmes/${programme.id}/attendance`} className="ds-button" data-variant="secondary">
              {t('attendance.title')}
            </Link>
            <Link to={`/programmes/${programme.id}/diplomas`} className="ds-button" data-variant="secondary">
              {t('diploma.title')}
            </Link>
          </>
        ) : (
          <Link to={`/programmes/${programme.id}/progress`} className="ds-button" data-variant="secondary">
            {t('progress.mine')}
          </Link>
        )}
      </p>
      {manage && unmarked.length ? (
        <section className="ds-alert" data-color="warning" aria-labelledby="unmarked-registers">
          <h2 className="ds-heading" data-size="xs" id="unmarked-registers">
            {t('programmes.unmarkedRegisters', { count: unmarked.length })}
          </h2>
          <ul className="ds-list">
            {unmarked.map((g) => (
              <li key={g.id}>
                <Link to={`/programmes/${programme.id}/gatherings/${g.id}/register`}>
                  {g.order}. <span data-user-content>{g.title}</span> ({formatDate(g.startsAt, lang)})
                </Link>
                : {t('programmes.unmarkedCount', { unmarked: g.unmarked, enrolled: g.enrolled })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('programmes.gatherings')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('programmes.date')}</th>
              <th scope="col">{t('curriculum.time')}</th>
              <th scope="col">{t('curriculum.session')}</th>
              <th scope="col">{t('curriculum.hours')}</th>
              <th scope="col">{t('curriculum.theme')}</th>
            </tr>
          </thead>
          <tbody>
            {programme.gatherings.map((g) => (
              <tr key={g.id} aria-current={g.id === nextId ? 'date' : undefined}>
                <td>{g.order}</td>
                <td>{formatDate(g.startsAt, lang)}</td>
                <td>
                  {formatTime(g.startsAt, lang)}–{formatTime(new Date(new Date(g.startsAt).getTime() + g.durationMinutes * 60_000), lang)}
                </td>
                <td>
                  <Link to={`/programmes/${programme.id}/gatherings/${g.id}`} data-user-content>{g.title}</Link>
                  {g.kind !== 'gathering' ? <span className="muted"> ({enumLabel(t, 'kind', SESSION_KINDS, g.kind)})</span> : null}
                  {g.id === nextId ? <strong> · {t('programmes.next')}</strong> : null}
                </td>
                <td>{hours(g.durationMinutes)}</td>
                <td>{g.theme}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SharedCases items={cases} />
    </div>
  )
}
