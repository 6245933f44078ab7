import { useLang, useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import type { CostLine, HireCost } from '../cost-model.ts'
import { formatCount, formatModelHours, formatNok } from '../cost-format.ts'

type Model = { annualCostOre: number; annualHours: number; validFrom: string }

/** Appendix 4 for one service type: every line with how it was computed. */
export function HireCostTable({ title, model, cost }: { title: string; model: Model; cost: HireCost }) {
  const t = useT()
  const lang = useLang()
  const nok = (ore: number) => formatNok(ore, lang)
  const h = (min: number) => formatModelHours(min, lang)
  const rate = nok(cost.hourlyOre)
  const how = (l: CostLine) =>
    l.count === 1 && l.persons === 1
      ? t('outcomes.cost.howHours', { hours: h(l.minutes), rate })
      : t('outcomes.cost.howTimes', { count: l.count, hours: h(l.minutesEach), persons: l.persons, rate })
  return (
    <div className="table-wrap">
      <table className="ds-table" data-border="true">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.cost.item')}</th>
            <th scope="col">{t('outcomes.cost.how')}</th>
            <th scope="col">{t('outcomes.cost.without')}</th>
            <th scope="col">{t('outcomes.cost.with')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('outcomes.cost.hourly')}</th>
            <td>{t('outcomes.cost.howHourly', { annual: nok(model.annualCostOre), hours: model.annualHours })}</td>
            <td>{rate}</td>
            <td>{rate}</td>
          </tr>
          {[cost.training, ...cost.hiring].map((l) => (
            <tr key={l.key}>
              <th scope="row">{t(`outcomes.cost.line.${l.key}`)}</th>
              <td>{how(l)}</td>
              <td>{nok(l.ore)}</td>
              <td>{nok(l.ore)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('outcomes.cost.line.mentorConversations')}</th>
            <td>{how(cost.mentor)}</td>
            <td>–</td>
            <td>{nok(cost.mentor.ore)}</td>
          </tr>
          <tr>
            <th scope="row">{t('outcomes.cost.totalHire')}</th>
            <td>{t('outcomes.cost.howTotal', { without: h(cost.totalMinutes.without), with: h(cost.totalMinutes.with), rate })}</td>
            <td>
              <strong>{nok(cost.totalOre.without)}</strong>
            </td>
            <td>
              <strong>{nok(cost.totalOre.with)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="ds-paragraph muted" data-size="sm">
        {t('outcomes.cost.validFrom', { date: model.validFrom })}
      </p>
    </div>
  )
}

type Scheme = {
  gatheringsOre: number
  allowanceOre: number
  programmeOre: number
  conversationsOre: number
  schemeOre: number
  replacementOre: number
  leaversOre: number
  breakEven: number
  breakEvenWhole: number
}
type SchemeInput = { mentors: number; mentorGatheringMinutes: number; mentoredHires: number; leavers: number }

/** The year's scheme: each figure, then how it was computed. */
export function SchemeFigures({ scheme: s, input, hourlyOre, allowanceOre, extraOre }: { scheme: Scheme; input: SchemeInput; hourlyOre: number; allowanceOre: number; extraOre: number }) {
  const t = useT()
  const lang = useLang()
  const nok = (ore: number) => formatNok(ore, lang)
  const rows: { key: MessageKey; value: string; how: string }[] = [
    { key: 'outcomes.cost.gatherings', value: nok(s.gatheringsOre), how: t('outcomes.cost.howGatherings', { hours: formatModelHours(input.mentorGatheringMinutes, lang), mentors: input.mentors, rate: nok(hourlyOre) }) },
    { key: 'outcomes.cost.allowance', value: nok(s.allowanceOre), how: t('outcomes.cost.howAllowance', { mentors: input.mentors, allowance: nok(allowanceOre) }) },
    { key: 'outcomes.cost.programme', value: nok(s.programmeOre), how: t('outcomes.cost.howProgramme') },
    { key: 'outcomes.cost.conversations', value: nok(s.conversationsOre), how: t('outcomes.cost.howConversations', { hires: input.mentoredHires, extra: nok(extraOre) }) },
    { key: 'outcomes.cost.scheme', value: nok(s.schemeOre), how: t('outcomes.cost.howScheme') },
    { key: 'outcomes.cost.leavers', value: nok(s.leaversOre), how: t('outcomes.cost.howLeavers', { leavers: input.leavers, replacement: nok(s.replacementOre) }) },
    {
      key: 'outcomes.cost.breakEven',
      value: t('outcomes.cost.breakEvenValue', { count: s.breakEvenWhole }),
      how: t('outcomes.cost.howBreakEven', { scheme: nok(s.schemeOre), replacement: nok(s.replacementOre), exact: formatCount(s.breakEven, lang) }),
    },
  ]
  return (
    <div className="table-wrap">
      <table className="ds-table" data-border="true" data-testid="scheme-figures">
        <thead>
          <tr>
            <th scope="col">{t('outcomes.cost.item')}</th>
            <th scope="col">{t('outcomes.cost.amount')}</th>
            <th scope="col">{t('outcomes.cost.how')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{t(r.key)}</th>
              <td>{r.value}</td>
              <td>{r.how}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
