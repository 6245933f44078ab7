import { useLang, useT } from '~/components/i18n.tsx'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { formatDateShort } from '~/utils/format.ts'
import type { GridViewRow } from '../grid.server.ts'

type GridGathering = { id: string; order: number; title: string; startsAt: Date | string; durationMinutes: number }

export function HoursMark({ eligible, canStillReach }: { eligible: boolean; canStillReach: boolean }) {
  const t = useT()
  const state = eligible ? 'eligible' : canStillReach ? 'reachable' : 'unreachable'
  return (
    <span className="mark" data-state={state}>
      {eligible ? `✓ ${t('hours.eligible')}` : canStillReach ? t('hours.reachable') : `✕ ${t('hours.unreachable')}`}
    </span>
  )
}

/** Mentors × sessions with minutes present, totals and who can still reach the requirement. */
export function AttendanceGrid({ programmeId, gatherings, rows }: { programmeId: string; gatherings: GridGathering[]; rows: (Omit<GridViewRow, 'leftOn'> & { leftOn: Date | string | null })[] }) {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  return (
    <div className="table-wrap">
      <table className="ds-table grid" data-border="true">
        <caption className="visually-hidden">{t('attendance.grid')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            {gatherings.map((g) => (
              <th key={g.id} scope="col">
                <abbr title={`${g.title}, ${formatDateShort(g.startsAt, lang)}`}>{g.order}</abbr>
              </th>
            ))}
            <th scope="col">{t('hours.attended')}</th>
            <th scope="col">{t('hours.credited')}</th>
            <th scope="col">{t('hours.possible')}</th>
            <th scope="col">{t('hours.remaining')}</th>
            <th scope="col">{t('hours.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId}>
              <th scope="row">
                <a href={`/programmes/${programmeId}/progress?user=${r.userId}`}>{r.name}</a>
                {r.leftOn ? <span className="register-note muted">{t('hours.leftOn', { date: formatDateShort(r.leftOn, lang) })}</span> : null}
              </th>
              {r.cells.map((c, i) => {
                const missed = r.missedIds.includes(gatherings[i].id)
                return (
                  <td key={gatherings[i].id} className={missed ? 'cell-missed' : undefined}>
                    {c === null ? (missed ? '0' : '–') : c}
                  </td>
                )
              })}
              <td>{hours(r.attendedMinutes)}</td>
              <td>{r.creditedMinutes ? hours(r.creditedMinutes) : '–'}</td>
              <td>{hours(r.possibleSinceJoinedMinutes)}</td>
              <td>{hours(r.remainingPossibleMinutes)}</td>
              <td>
                <HoursMark eligible={r.eligible} canStillReach={r.canStillReach} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ds-paragraph muted">{t('hours.legend')}</p>
    </div>
  )
}
