import { useLang, useT } from '~/components/i18n.tsx'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { formatDateShort } from '~/utils/format.ts'
import type { GridViewRow } from '../grid.server.ts'
import { GRID_MARK } from '../statuses.ts'

type GridGathering = { id: string; order: number; title: string; startsAt: Date | string }

export function HoursMark({ eligible, canStillReach }: { eligible: boolean; canStillReach: boolean }) {
  const t = useT()
  const state = eligible ? 'eligible' : canStillReach ? 'reachable' : 'unreachable'
  return (
    <span className="mark" data-state={state}>
      {eligible ? `✓ ${t('hours.eligible')}` : canStillReach ? t('hours.reachable') : `✕ ${t('hours.unreachable')}`}
    </span>
  )
}

/**
 * Mentors × sessions with minutes present, totals and who can still reach the
 * requirement. Laid out for a 1280 px screen: the name column stays put when the
 * table scrolls, and the totals and status come right after it, before the sessions.
 */
export function AttendanceGrid({ programmeId, gatherings, rows }: { programmeId: string; gatherings: GridGathering[]; rows: (Omit<GridViewRow, 'leftOn'> & { leftOn: Date | string | null })[] }) {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  return (
    <div className="stack">
      <div className="table-wrap grid-wrap">
        <table className="ds-table grid" data-border="true" data-size="sm">
          <caption className="visually-hidden">{t('attendance.grid')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('hours.status')}</th>
              <th scope="col">{t('hours.attended')}</th>
              <th scope="col">{t('hours.credited')}</th>
              <th scope="col">{t('hours.possible')}</th>
              <th scope="col">{t('hours.remaining')}</th>
              {gatherings.map((g) => (
                <th key={g.id} scope="col" className="grid-session">
                  <abbr title={`${g.title}, ${formatDateShort(g.startsAt, lang)}`}>{g.order}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.userId}>
                <th scope="row">
                  <a href={`/programmes/${programmeId}/progress?user=${r.userId}`}>{r.name}</a>
                  {r.leftOn ? <span className="register-note muted">{t('hours.leftOn', { date: formatDateShort(r.leftOn, lang) })}</span> : null}
                </th>
                <td className="grid-status">
                  <HoursMark eligible={r.eligible} canStillReach={r.canStillReach} />
                </td>
                <td>{hours(r.attendedMinutes)}</td>
                <td>{r.creditedMinutes ? hours(r.creditedMinutes) : '–'}</td>
                <td>{hours(r.possibleSinceJoinedMinutes)}</td>
                <td>{hours(r.remainingPossibleMinutes)}</td>
                {r.cells.map((c, i) => {
                  const id = gatherings[i].id
                  const mark = r.marks[i]
                  if (c !== null) return <td key={id} className={c === 0 && mark === GRID_MARK.missed ? 'cell-missed' : undefined}>{c}</td>
                  if (mark === GRID_MARK.out) return <td key={id} className="cell-out" data-cell="not-enrolled">–</td>
                  return <td key={id} className={mark === GRID_MARK.missed ? 'cell-missed' : undefined} data-cell="not-recorded">?</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="grid-legend" aria-label={t('hours.legendTitle')}>
        <li>
          <span className="grid-legend__mark">123</span> {t('hours.legendMinutes')}
        </li>
        <li>
          <span className="grid-legend__mark">0</span> {t('hours.legendAbsent')}
        </li>
        <li>
          <span className="grid-legend__mark">?</span> {t('hours.legendNotRecorded')}
        </li>
        <li>
          <span className="grid-legend__mark cell-out">–</span> {t('hours.legendNotEnrolled')}
        </li>
      </ul>
    </div>
  )
}
