import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { createPlan, osloToday, planFormOptions } from '~/modules/mentee-plans/index.ts'
import { createPlanSchema } from '~/modules/mentee-plans/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:mentee-plans')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const options = await planFormOptions(viewer, lang)
  const own = options.templates.find((o) => o.value === `content:${viewer.municipality!.slug}`)
  return {
    ...options,
    defaults: {
      unitId: options.units[0]?.id ?? '',
      serviceType: options.units[0]?.serviceType ?? 'home_care',
      template: own?.value ?? options.templates[0]?.value ?? '',
      startDate: osloToday(),
      leaderId: options.leaders.some((l) => l.id === viewer.userId) ? viewer.userId : (options.leaders[0]?.id ?? ''),
      mentorId: '',
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:mentee-plans')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, createPlanSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const { lang } = await getT(request, viewer)
  const result = await createPlan(viewer, submission.value, lang, { ip: context.clientIp as string | undefined })
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect(`/plans/${result.id}?created=1`)
}

export default function NewPlan() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('plan', createPlanSchema, actionData?.result, data.defaults)
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('plans.new')}
      </h1>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.menteeName} label={t('plans.menteeName')} />
        <TextField field={f.menteeEmail} label={t('plans.menteeEmail')} type="email" description={t('plans.menteeEmailHelp')} />
        <SelectField field={f.unitId} label={t('plans.unit')} options={data.units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          field={f.serviceType}
          label={t('plans.serviceType')}
          options={[
            { value: 'home_care', label: t('serviceType.home_care') },
            { value: 'hvs', label: t('serviceType.hvs') },
          ]}
        />
        <SelectField field={f.template} label={t('plans.template')} options={data.templates} />
        <TextField field={f.startDate} label={t('plans.startDate')} type="date" />
        <SelectField field={f.leaderId} label={t('plans.leader')} options={data.leaders.map((l) => ({ value: l.id, label: l.name }))} />
        <SelectField field={f.mentorId} label={t('plans.mentorPick')} placeholder="–" options={data.mentors.map((m) => ({ value: m.id, label: m.name }))} />
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-label">{t('plans.mentorInvite')}</legend>
          <TextField field={f.mentorEmail} label={t('plans.mentorEmail')} type="email" />
          <TextField field={f.mentorName} label={t('plans.mentorName')} />
        </fieldset>
        <div>
          <SubmitButton>{t('plans.create')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
