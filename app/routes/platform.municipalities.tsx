import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { LANGUAGES } from '~/i18n/lang.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { createMunicipality, isUniqueViolation, municipalityNumberTaken, municipalityOverview } from '~/modules/tenancy/index.ts'
import { newMunicipalitySchema } from '~/modules/tenancy/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'platform.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'create:municipality')
  return { municipalities: await municipalityOverview() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'create:municipality')
  const { submission } = await parseForm(request, newMunicipalitySchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  if (submission.value.number && (await municipalityNumberTaken(submission.value.number))) {
    return invalid(submission.reply({ fieldErrors: { number: ['error.numberTaken'] } }))
  }
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
  const lang = useLang()
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
      {/* A wide table scrolls sideways on small screens: the region takes focus so keyboard users can scroll it. */}
      <div className="table-wrap" role="region" aria-label={t('platform.title')} tabIndex={0}>
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('platform.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('platform.slug')}</th>
              <th scope="col">{t('municipality.defaultLanguage')}</th>
              <th scope="col">{t('onboard.number')}</th>
              <th scope="col">{t('platform.people')}</th>
              <th scope="col">{t('onboard.programmes')}</th>
              <th scope="col">{t('onboard.plans')}</th>
              <th scope="col">{t('onboard.events30')}</th>
              <th scope="col">{t('onboard.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.slug}</td>
                <td>{t(`language.${m.defaultLanguage as 'nb'}`)}</td>
                <td>{m.number ?? '–'}</td>
                <td className="num">{m._count.memberships}</td>
                <td className="num">{m._count.programmes}</td>
                <td className="num">{m.plans}</td>
                <td className="num">{m.events30}</td>
                <td>{m.lastActivity ? formatDateTime(m.lastActivity, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="ds-heading" data-size="md" id="new-municipality-heading">
        {t('platform.new')}
      </h2>
      <p className="ds-paragraph">{t('onboard.lead')}</p>
      {/* The onboarding wizard: one form in steps, so it works without JavaScript and nothing is half created. */}
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow" aria-labelledby="new-municipality-heading">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-heading" data-size="xs">{t('onboard.step1')}</legend>
          <TextField field={fields.name} label={t('field.name')} />
          <TextField field={fields.number} label={t('onboard.number')} description={t('onboard.numberHelp')} inputMode="numeric" />
          <TextField field={fields.slug} label={t('platform.slug')} description={t('platform.slugHelp')} />
        </fieldset>
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-heading" data-size="xs">{t('onboard.step2')}</legend>
          <SelectField field={fields.defaultLanguage} label={t('municipality.defaultLanguage')} options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </fieldset>
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-heading" data-size="xs">{t('onboard.step3')}</legend>
          <TextareaField field={fields.privacyController} label={t('privacy.notice.controller')} rows={3} />
          <TextField field={fields.privacyContactEmail} label={t('privacy.notice.contactEmail')} type="email" />
        </fieldset>
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-heading" data-size="xs">{t('onboard.step4')}</legend>
          {/* SSO settings (Entra ID tenant allow-list, Feide, ID-porten acr): added by the SSO work (issue 13, part A). */}
          <p className="ds-paragraph">{t('onboard.ssoPlaceholder')}</p>
        </fieldset>
        <fieldset className="ds-fieldset form-grid">
          <legend className="ds-heading" data-size="xs">{t('onboard.step5')}</legend>
          <TextField field={fields.adminName} label={t('platform.adminName')} />
          <TextField field={fields.adminEmail} label={t('platform.adminEmail')} type="email" />
        </fieldset>
        <div>
          <SubmitButton>{t('platform.create')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
