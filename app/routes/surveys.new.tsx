import { getFormProps, getInputProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { openRoundSchema } from '~/modules/outcomes/survey-schemas.ts'
import { openRound, roundFormOptions } from '~/modules/outcomes/surveys.server.ts'
import { osloToday, addDays } from '~/modules/mentee-plans/index.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'surveys.newRound')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const { sources, programmes } = await roundFormOptions(viewer)
  const today = osloToday()
  return {
    sources: sources.map((s) => ({ value: s.value, label: s.title[lang], cohort: s.cohort })),
    programmes: programmes.map((p) => ({ value: p.id, label: `${p.name} (${p.year})` })),
    defaults: { opensOn: today, closesOn: addDays(today, 21), cohort: 'programme' },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, openRoundSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await openRound(viewer, submission.value)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: { [result.field]: [result.message] } }))
  throw redirect(`/surveys/${result.id}?opened=${result.invited}`)
}

export default function NewRound() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useServerForm('round', actionData?.result, d.defaults)
  const { key: _k, ...anonymousProps } = getInputProps(f.anonymous, { type: 'checkbox', ariaDescribedBy: 'anonymous-help' })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('surveys.newRound')}
      </h1>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={f.template} label={t('surveys.template')} placeholder={t('common.choose')} options={d.sources} />
        <TextField field={f.title} label={t('surveys.roundTitle')} />
        <div className="ds-field">
          <div className="row">
            <input className="ds-input" {...anonymousProps} />
            <label className="ds-label" htmlFor={f.anonymous.id}>
              {t('surveys.anonymous')}
            </label>
          </div>
          <p className="ds-paragraph muted" data-size="sm" id="anonymous-help">
            {t('surveys.anonymousHelp')}
          </p>
        </div>
        <SelectField
          field={f.cohort}
          label={t('surveys.cohort')}
          options={[
            { value: 'programme', label: t('surveys.cohortProgramme') },
            { value: 'probation', label: t('surveys.cohortProbation') },
          ]}
        />
        <SelectField field={f.programmeId} label={t('surveys.programme')} placeholder={t('common.choose')} options={d.programmes} />
        <TextField field={f.periodFrom} label={t('surveys.periodFrom')} type="date" />
        <TextField field={f.periodTo} label={t('surveys.periodTo')} type="date" />
        <TextField field={f.opensOn} label={t('surveys.opensOn')} type="date" />
        <TextField field={f.closesOn} label={t('surveys.closesOn')} type="date" />
        <div>
          <SubmitButton>{t('surveys.open')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
