import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { can, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { HireCostTable, SchemeFigures } from '~/modules/outcomes/components/cost-tables.tsx'
import { formatNok } from '~/modules/outcomes/cost-format.ts'
import { SERVICE_TYPES } from '~/modules/outcomes/cost-model.ts'
import { costView, saveCostModel } from '~/modules/outcomes/cost.server.ts'
import { costModelSchema, costQuerySchema } from '~/modules/outcomes/retention-schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.cost.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:costs')
  requireMunicipalityId(viewer)
  const q = costQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const view = await costView(viewer, { year: q.year, serviceType: q.type })
  return { q, ...view, canEdit: can(viewer, 'manage:cost-model') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:cost-model')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, costModelSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  await saveCostModel({ userId: viewer.userId, municipalityId, ip: context.clientIp }, submission.value)
  throw redirect(`/outcomes/cost?type=${submission.value.serviceType}&saved=1#model`)
}

const h = (min: number) => String(Math.round((min / 60) * 100) / 100)

export default function Cost() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const m = d.model
  const [form, f] = useServerForm('cost-model', actionData?.result, {
    serviceType: d.q.type,
    validFrom: `${d.q.year}-01-01`,
    annualCost: String(m.annualCostOre / 100),
    annualHours: String(m.annualHours),
    trainingShifts: String(m.trainingShifts),
    shiftHours: h(m.shiftMinutes),
    advertHours: h(m.advertMinutes),
    interviewsHours: h(m.interviewsMinutes),
    referencesHours: h(m.referencesMinutes),
    preparationHours: h(m.preparationMinutes),
    probationHours: h(m.probationMinutes),
    basicDayHours: h(m.basicDayMinutes),
    conversations: String(m.conversations),
    conversationHours: h(m.conversationMinutes),
    conversationPersons: String(m.conversationPersons),
    mentorAllowance: String(m.mentorAllowanceOre / 100),
  })
  const numberFields = ['annualCost', 'annualHours', 'trainingShifts', 'shiftHours', 'advertHours', 'interviewsHours', 'referencesHours', 'preparationHours', 'probationHours', 'basicDayHours', 'conversations', 'conversationHours', 'conversationPersons', 'mentorAllowance'] as const
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/outcomes/retention">{t('outcomes.retention.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.cost.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.cost.intro')}</p>
      <StatusMessage>{params.get('saved') ? t('outcomes.cost.saved') : null}</StatusMessage>
      <Form method="get" className="row-end">
        <div className="ds-field">
          <label className="ds-label" htmlFor="year">
            {t('outcomes.turnover.year')}
          </label>
          <input className="ds-input" type="number" inputMode="numeric" id="year" name="year" defaultValue={d.q.year} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="type">
            {t('outcomes.cost.serviceType')}
          </label>
          <select className="ds-input" id="type" name="type" defaultValue={d.q.type}>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`serviceType.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('outcomes.show')}
        </button>
      </Form>

      <section className="stack-sm" aria-labelledby="hire-heading">
        <h2 className="ds-heading" data-size="md" id="hire-heading">
          {t('outcomes.cost.hireHeading')}
        </h2>
        {SERVICE_TYPES.map((s) => (
          <HireCostTable key={s} title={t(`serviceType.${s}` as MessageKey)} model={d.byType[s]} cost={d.hires[s]} />
        ))}
      </section>

      <section className="stack-sm" aria-labelledby="scheme-heading">
        <h2 className="ds-heading" data-size="md" id="scheme-heading">
          {t('outcomes.cost.schemeHeading', { year: d.q.year, type: t(`serviceType.${d.q.type}` as MessageKey) })}
        </h2>
        <SchemeFigures scheme={d.scheme} input={d.input} hourlyOre={d.hires[d.q.type].hourlyOre} allowanceOre={m.mentorAllowanceOre} extraOre={d.hires[d.q.type].extraWithMentorOre} />
      </section>

      <section className="stack-sm" aria-labelledby="model">
        <h2 className="ds-heading" data-size="md" id="model">
          {t('outcomes.cost.modelHeading')}
        </h2>
        <ul className="ds-list">
          {d.models.map((x) => (
            <li key={`${x.serviceType}-${x.validFrom}`}>
              {t(`serviceType.${x.serviceType}` as MessageKey)}, {t('outcomes.cost.validFrom', { date: x.validFrom })}: {formatNok(x.annualCostOre, lang)} / {x.annualHours} h{x.id ? '' : ` (${t('outcomes.cost.default2018')})`}
            </li>
          ))}
        </ul>
        {d.canEdit ? (
          <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField field={f.serviceType} label={t('outcomes.cost.serviceType')} options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceType.${s}` as MessageKey) }))} />
            <TextField field={f.validFrom} label={t('outcomes.cost.field.validFrom')} type="date" />
            {numberFields.map((k) => (
              <TextField key={k} field={f[k]} label={t(`outcomes.cost.field.${k}` as MessageKey)} inputMode="text" />
            ))}
            <div>
              <SubmitButton>{t('outcomes.cost.saveModel')}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </section>
    </div>
  )
}
