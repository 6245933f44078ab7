import { useLang, useT } from '~/components/i18n.tsx'
import type { QuestionResult } from '../survey-results.ts'

const BAR_H = 22
const GAP = 6
const LABEL_W = 0

function percent(share: number, lang: string) {
  return `${(Math.round(share * 1000) / 10).toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO')} %`
}

/**
 * One question's distribution: an SVG bar chart (for sight, named for screen
 * readers, details left to the table) beside a table with the same numbers.
 */
export function SurveyQuestionResult({ result, label, unit, headingId }: { result: QuestionResult; label: string; unit: string | null; headingId: string }) {
  const t = useT()
  const lang = useLang()
  const hasPrevious = result.bars.some((b) => b.previousShare !== null)
  const height = result.bars.length * (BAR_H + GAP)
  return (
    <div className="survey-result">
      <svg role="img" aria-label={t('surveys.chartOf', { label })} viewBox={`0 0 300 ${height}`} width="300" height={height} className="survey-chart" focusable="false">
        {result.bars.map((b, i) => {
          const y = i * (BAR_H + GAP)
          const w = Math.round(b.share * 240)
          return (
            <g key={b.key}>
              <rect x={LABEL_W} y={y} width={Math.max(w, 1)} height={BAR_H} className="survey-bar" />
              {b.previousShare !== null ? <rect x={LABEL_W} y={y + BAR_H - 4} width={Math.max(Math.round(b.previousShare * 240), 1)} height={4} className="survey-bar-previous" /> : null}
              <text x={Math.max(w, 1) + 4} y={y + BAR_H - 6} className="survey-bar-text">
                {b.count}
              </text>
            </g>
          )
        })}
      </svg>
      <table className="ds-table" data-size="sm" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('surveys.answerOption')}</th>
            <th scope="col" className="num">
              {t('surveys.count')}
            </th>
            <th scope="col" className="num">
              {t('surveys.share')}
            </th>
            {hasPrevious ? (
              <th scope="col" className="num">
                {t('surveys.previousShare')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {result.bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">
                {b.label}
                {unit && result.type === 'number' ? ` ${unit}` : ''}
              </th>
              <td className="num">{b.count}</td>
              <td className="num">{percent(b.share, lang)}</td>
              {hasPrevious ? <td className="num">{b.previousShare === null ? '–' : percent(b.previousShare, lang)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
