import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { outcomeSettings, saveOutcomeSettings } from '~/modules/outcomes/national.server.ts'
import { outcomeSettingsSchema } from '~/modules/outcomes/retention-schemas.ts'
import { formatDate } from '~/utils/format.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.settings.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:national-optin')
  return { settings: await outcomeSettings(requireMunicipalityId(viewer)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:national-optin')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, outcomeSettingsSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  await saveOutcomeSettings({ userId: viewer.userId, municipalityId, ip: context.clientIp }, submission.value)
  throw redirect('/outcomes/settings?saved=1')
}

export default function OutcomeSettings() {
  const t = useT()
  const lang = useLang()
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, f] = useServerForm('outcome-settings', actionData?.result, { unitsForEstimate: settings.unitsForEstimate ? String(settings.unitsForEstimate) : '' })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.settings.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.settings.intro')}</p>
      <StatusMessage>{params.get('saved') ? t('outcomes.settings.saved') : null}</StatusMessage>
      <p className="ds-paragraph" data-testid="optin-status">
        {settings.nationalOptIn && settings.optedInAt ? t('outcomes.settings.optedIn', { date: formatDate(settings.optedInAt, lang) }) : t('outcomes.settings.notOptedIn')}
      </p>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="ds-field">
          <div className="row">
            <input className="ds-input" type="checkbox" id="nationalOptIn" name="nationalOptIn" defaultChecked={settings.nationalOptIn} />
            <label className="ds-label" htmlFor="nationalOptIn">
              {t('outcomes.settings.optIn')}
            </label>
          </div>
        </div>
        <TextField field={f.unitsForEstimate} label={t('outcomes.settings.units')} description={t('outcomes.settings.unitsHint')} type="number" inputMode="numeric" />
        <div>
          <SubmitButton>{t('outcomes.settings.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
