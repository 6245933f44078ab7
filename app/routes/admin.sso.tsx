import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { ssoSettingSchema } from '~/modules/auth/security-schemas.ts'
import { deleteSsoSetting, listSsoSettings, redirectUri, saveSsoSetting } from '~/modules/auth/sso.server.ts'
import { SSO_KINDS } from '~/modules/auth/sso.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sso.admin.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:municipality')
  return { providers: await listSsoSettings(requireMunicipalityId(viewer)), redirectUri: redirectUri() }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:municipality')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, ssoSettingSchema)
  // The secret is never sent back, not even after a mistake elsewhere in the form.
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['clientSecret'] }))
  const input = submission.value
  if (input.intent === 'remove') {
    // Another municipality's provider id: 404, nothing removed.
    if (!(await deleteSsoSetting(municipalityId, viewer.userId, input.providerId))) throw new Response('Not Found', { status: 404 })
    throw redirect('/admin/sso?removed=1')
  }
  await saveSsoSetting(municipalityId, viewer.userId, {
    kind: input.kind,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret || undefined,
    allowedTenants: input.allowedTenants,
    requiredAcr: input.requiredAcr,
    enabled: input.enabled === 'on',
  })
  throw redirect('/admin/sso?saved=1')
}

export default function SsoSettings() {
  const t = useT()
  const { providers, redirectUri } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useZodForm('sso', ssoSettingSchema, actionData?.result, { intent: 'save', kind: 'entra', requiredAcr: 'idporten-loa-substantial' })
  const kindLabel = (kind: string) => t(`sso.kind.${kind}` as MessageKey)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('sso.admin.title')}
      </h1>
      {params.get('saved') || params.get('removed') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t(params.get('saved') ? 'sso.admin.saved' : 'sso.admin.removed')}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">{t('sso.admin.lead')}</p>
      <p className="ds-paragraph">
        {t('sso.admin.redirect')}: <code data-testid="redirect-uri">{redirectUri}</code>
      </p>
      {providers.length ? (
        <ul className="cards">
          {providers.map((p) => (
            <li key={p.id} className="ds-card stack-sm" data-testid="sso-provider">
              <h2 className="ds-heading" data-size="xs">
                {kindLabel(p.kind)} – {t(p.enabled ? 'sso.admin.enabled' : 'sso.admin.disabled')}
              </h2>
              <p className="ds-paragraph" data-size="sm">
                {p.issuer} · {t('sso.field.clientId')}: {p.clientId} · {t(p.hasSecret ? 'sso.admin.secretStored' : 'sso.admin.noSecret')}
                {p.kind === 'entra' ? ` · ${t('sso.field.tenants')}: ${p.allowedTenants}` : null}
                {p.kind === 'idporten' && p.requiredAcr ? ` · ${p.requiredAcr}` : null} · {t('sso.admin.linkedCount', { count: p.linkedCount })}
              </p>
              <Form method="post">
                <input type="hidden" name="providerId" value={p.id} />
                <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" name="intent" value="remove">
                  {t('sso.admin.remove', { kind: kindLabel(p.kind) })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('sso.admin.none')}</p>
      )}
      <h2 className="ds-heading" data-size="sm">
        {t('sso.admin.form')}
      </h2>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <SelectField field={fields.kind} label={t('sso.field.kind')} options={SSO_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
        <TextField field={fields.issuer} label={t('sso.field.issuer')} type="url" />
        <TextField field={fields.clientId} label={t('sso.field.clientId')} />
        <TextField field={fields.clientSecret} label={t('sso.field.clientSecret')} description={t('sso.field.clientSecretHelp')} type="password" autoComplete="off" />
        <TextField field={fields.allowedTenants} label={t('sso.field.tenants')} />
        <SelectField
          field={fields.requiredAcr}
          label={t('sso.field.acr')}
          options={[
            { value: 'idporten-loa-substantial', label: t('sso.acr.substantial') },
            { value: 'idporten-loa-high', label: t('sso.acr.high') },
          ]}
        />
        <div className="ds-field">
          <input type="checkbox" className="ds-input" id="sso-enabled" name="enabled" defaultChecked />
          <label className="ds-label" htmlFor="sso-enabled">
            {t('sso.field.enabled')}
          </label>
        </div>
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
