import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { contactCandidates, createNetwork, districtsOf } from '~/modules/networks/index.ts'
import { networkSchema } from '~/modules/networks/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'networks.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:networks')
  const municipalityId = requireMunicipalityId(viewer)
  const [districts, contacts] = await Promise.all([districtsOf(municipalityId), contactCandidates(municipalityId)])
  return { districts, contacts }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:networks')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, networkSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await createNetwork({ userId: viewer.userId, municipalityId, ip: context.clientIp }, submission.value)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect(`/networks/${result.id}?created=1`)
}

export default function NewNetwork() {
  const t = useT()
  const { districts, contacts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('network', networkSchema, actionData?.result, { rhythmMonths: 2 })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('networks.new')}
      </h1>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.name} label={t('networks.name')} />
        <SelectField field={f.districtId} label={t('networks.district')} placeholder={t('networks.noDistrict')} options={districts.map((d) => ({ value: d.id, label: d.name }))} />
        <SelectField field={f.contactId} label={t('networks.contact')} description={t('networks.contactHint')} placeholder={t('common.choose')} options={contacts.map((c) => ({ value: c.id, label: c.name }))} />
        <TextField field={f.rhythmMonths} label={t('networks.rhythm')} description={t('networks.rhythmHint')} type="number" inputMode="numeric" />
        <TextareaField field={f.description} label={t('networks.description')} rows={3} />
        <div>
          <SubmitButton>{t('networks.create')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
