import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { LANGUAGES } from '~/i18n/lang.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { getMunicipality, updateMunicipalitySettings } from '~/modules/tenancy/index.ts'
import { municipalitySettingsSchema } from '~/modules/tenancy/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'municipality.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:municipality')
  const municipality = await getMunicipality(requireMunicipalityId(viewer))
  if (!municipality) notFound()
  return { municipality }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:municipality')
  const { submission } = await parseForm(request, municipalitySettingsSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  await updateMunicipalitySettings({ userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }, submission.value)
  throw redirect('/admin/municipality?saved=1')
}

export default function MunicipalitySettings() {
  const t = useT()
  const { municipality } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useZodForm('municipality', municipalitySettingsSchema, actionData?.result, {
    name: municipality.name,
    defaultLanguage: municipality.defaultLanguage,
    accessibilityStatementUrl: municipality.accessibilityStatementUrl ?? '',
  })
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('municipality.title')}
      </h1>
      {params.get('saved') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('common.saved')}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t('field.name')} />
        <SelectField field={fields.defaultLanguage} label={t('municipality.defaultLanguage')} options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        <TextField field={fields.accessibilityStatementUrl} label={t('municipality.a11yUrl')} description={t('municipality.a11yUrlHelp')} type="url" />
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
      <p className="ds-paragraph">
        <Link to="/admin/sso">{t('sso.admin.title')}</Link>
      </p>
    </div>
  )
}
