import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { LANGUAGES } from '~/i18n/lang.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { createMunicipality, isUniqueViolation, listMunicipalities } from '~/modules/tenancy/index.ts'
import { newMunicipalitySchema } from '~/modules/tenancy/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'platform.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'create:municipality')
  return { municipalities: await listMunicipalities() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'create:municipality')
  const { submission } = await parseForm(request, newMunicipalitySchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  try {
    await createMunicipality({ userId: viewer.userId, ip: context.clientIp }, submission.value)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return invalid(submission.reply({ fieldErrors: { slug: ['error.duplicate'] } }))
  }
  throw redirect(`/platform/municipalities?created=${encodeURIComponent(submission.value.name)}`)
}

export default function PlatformMunicipalities() {
  const t = useT()
  const { municipalities } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useZodForm('new-municipality', newMunicipalitySchema, actionData?.result, { defaultLanguage: 'nb' })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('platform.title')}
      </h1>
      {params.get('created') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('platform.created', { name: params.get('created')! })}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('platform.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('platform.slug')}</th>
              <th scope="col">{t('municipality.defaultLanguage')}</th>
              <th scope="col">{t('platform.people')}</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.slug}</td>
                <td>{t(`language.${m.defaultLanguage as 'nb'}`)}</td>
                <td>{m._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="ds-heading" data-size="md">
        {t('platform.new')}
      </h2>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t('field.name')} />
        <TextField field={fields.slug} label={t('platform.slug')} description={t('platform.slugHelp')} />
        <SelectField field={fields.defaultLanguage} label={t('municipality.defaultLanguage')} options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        <TextField field={fields.adminName} label={t('platform.adminName')} />
        <TextField field={fields.adminEmail} label={t('platform.adminEmail')} type="email" />
        <div>
          <SubmitButton>{t('platform.create')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
