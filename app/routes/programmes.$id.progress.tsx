import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { HoursMark } from '~/modules/attendance/components/grid.tsx'
import { mentorProgress } from '~/modules/attendance/index.ts'
import { holderDiplomas } from '~/modules/diplomas/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { requireProgramme } from '~/modules/programmes/index.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { CREDIT_KINDS } from '~/modules/attendance/statuses.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'progress.title', data?.progress.name)

/** A mentor's hours toward the requirement; coordinators may look at anyone's (?user=). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programmeId, viewer, access } = await requireProgramme(request, params.id, 'any')
  const asked = new URL(request.url).searchParams.get('user')
  const userId = access === 'manage' && asked ? asked : viewer.userId
  const [progress, diplomas] = await Promise.all([
    mentorProgress(programmeId, userId),
    holderDiplomas(programmeId, userId),
  ])
  if (!progress) notFound()
  const { gatherings, programme, credits, ...rest } = progress
  return { programmeId, programme, own: userId === viewer.userId, progress: { ...rest, missed: rest.hours.missed, partial: rest.hours.partial }, gatherings, diplomas, credits }
}

export default function Progress() {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  const { programmeId, programme, own, progress, gatherings, diplomas, credits } = useLoaderData<typeof loader>()
  const h = progress.hours
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${programmeId}`}>{programme}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {own ? t('progress.mine') : t('progress.of', { name: progress.name })}
      </h1>
      <div className="cards">
        <div className="ds-card">
          <p className="stat" data-testid="hours-total">
            {t('progress.hoursOf', { total: hours(h.totalMinutes), required: hours(h.requiredMinutes) })}
          </p>
          <p className="ds-paragraph">
            <HoursMark eligible={h.eligible} canStillReach={h.canStillReach} />
          </p>
        </div>
        <div className="ds-card">
          <p className="stat">{hours(h.possibleSinceJoinedMinutes)}</p>
          <p className="ds-paragraph">{t('progress.possible', { date: formatDate(progress.joinedOn, lang) })}</p>
        </div>
        <div className="ds-card">
          <p className="stat">{hours(h.remainingPossibleMinutes)}</p>
          <p className="ds-paragraph">{t('progress.remaining')}</p>
        </div>
      </div>
      {h.creditedMinutes ? <p className="ds-paragraph">{t('progress.credited', { hours: hours(h.creditedMinutes) })}</p> : null}
      {credits.length ? (
        <ul className="ds-list">
          {credits.map((c) => (
            <li key={c.id}>
              {c.minutes} min – {enumLabel(t, 'credit.kind', CREDIT_KINDS, c.kind)}: {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <section className="stack" aria-labelledby="sessions-heading">
        <h2 className="ds-heading" data-size="sm" id="sessions-heading">
          {t('progress.sessions')}
        </h2>
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <caption className="visually-hidden">{t('progress.sessions')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('curriculum.session')}</th>
                <th scope="col">{t('programmes.date')}</th>
                <th scope="col">{t('progress.present')}</th>
              </tr>
            </thead>
            <tbody>
              {gatherings.map((g, i) => {
                const missed = progress.missed.some((m) => m.id === g.id)
                const minutes = progress.cells[i]
                return (
                  <tr key={g.id}>
                    <td>{g.order}</td>
                    <td>{g.title}</td>
                    <td>{formatDate(g.startsAt, lang)}</td>
                    <td className={missed ? 'cell-missed' : undefined}>
                      {minutes === null ? (missed ? t('progress.missed') : '–') : t('progress.minutesOf', { minutes, duration: g.durationMinutes })}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </section>
      {diplomas.length ? (
        <section className="stack" aria-labelledby="diploma-heading">
          <h2 className="ds-heading" data-size="sm" id="diploma-heading">
            {t('diploma.title')}
          </h2>
          <ul className="ds-list">
            {diplomas.map((d) => (
              <li key={d.id}>
                <a href={`/diplomas/${d.id}/pdf`}>{t(d.kind === 'diploma' ? 'diploma.kind.diploma' : 'diploma.kind.participation')} ({formatDate(d.issuedAt, lang)})</a>
                {d.revokedAt ? ` – ${t('diploma.revokedOn', { date: formatDate(d.revokedAt, lang) })}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
