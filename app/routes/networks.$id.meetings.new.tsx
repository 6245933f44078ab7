import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { meetingDefaults, planMeeting, requireNetwork, reuseOptions } from '~/modules/networks/index.ts'
import { meetingSchema } from '~/modules/networks/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'networks.planMeeting', data?.network.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, viewer } = await requireNetwork(request, params.id, 'run')
  const { lang } = await getT(request, viewer)
  return { network: { id: network.id, name: network.name, rhythmMonths: network.rhythmMonths }, defaults: await meetingDefaults(network), reuse: reuseOptions(lang) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { network, actor } = await requireNetwork(request, params.id, 'run')
  const { submission } = await parseForm(request, meetingSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await planMeeting({ ...actor, ip: context.clientIp }, network, submission.value)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect(`/networks/${network.id}/meetings/${result.id}?planned=1`)
}

export default function PlanMeeting() {
  const t = useT()
  const { network, defaults, reuse } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('meeting', meetingSchema, actionData?.result, defaults)
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/networks/${network.id}`}>{network.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('networks.planMeeting')}
      </h1>
      <p className="ds-paragraph">{t('networks.suggested', { months: network.rhythmMonths })}</p>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.date} label={t('networks.date')} type="date" />
        <TextField field={f.start} label={t('networks.start')} type="time" />
        <TextField field={f.end} label={t('networks.end')} type="time" />
        <TextField field={f.location} label={t('networks.location')} />
        <TextField field={f.topic} label={t('networks.topic')} />
        <SelectField field={f.reuse} label={t('networks.reuse')} placeholder={t('networks.reuseNone')} options={reuse} />
        <TextareaField field={f.agenda} label={t('networks.agenda')} rows={5} />
        <div>
          <SubmitButton>{t('networks.planMeeting')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}

/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
