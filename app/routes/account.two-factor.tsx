import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { RecoveryCodes, TotpSetup } from '~/modules/auth/components/two-factor.tsx'
import { beginEnrolment, confirmEnrolment, disableMfa, mfaStatus, pendingEnrolment, regenerateRecoveryCodes } from '~/modules/auth/mfa.server.ts'
import { codeSchema, twoFactorSettingsSchema } from '~/modules/auth/security-schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'mfa.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const status = await mfaStatus(viewer.userId)
  return { status, mustEnrol: viewer.mustEnrolMfa, setup: status.enabled ? null : await pendingEnrolment(viewer.userId, viewer.email) }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const { submission } = await parseForm(request, twoFactorSettingsSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['code'] }))
  const input = submission.value
  if (input.intent === 'begin') {
    await beginEnrolment(viewer.userId, viewer.email)
    throw redirect('/account/two-factor')
  }
  if (input.intent === 'confirm') {
    const codes = await confirmEnrolment(viewer.userId, input.code)
    if (!codes) return invalid(submission.reply({ fieldErrors: { code: ['mfa.invalidCode'] }, hideFields: ['code'] }))
    return data({ result: null, recoveryCodes: codes })
  }
  if (input.intent === 'recovery') {
    const codes = await regenerateRecoveryCodes(viewer.userId)
    if (!codes) throw new Response('Bad Request', { status: 400 })
    return data({ result: null, recoveryCodes: codes })
  }
  if (!(await disableMfa(viewer.userId))) return invalid(submission.reply({ formErrors: ['mfa.cannotDisable'] }), { status: 403 })
  throw redirect('/account/two-factor?off=1')
}

export default function TwoFactorSettings() {
  const t = useT()
  const { status, mustEnrol, setup } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const recoveryCodes = actionData && 'recoveryCodes' in actionData ? (actionData.recoveryCodes as string[]) : null
  const [form, fields] = useZodForm('totp-confirm', codeSchema, actionData?.result)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('mfa.title')}
      </h1>
      {mustEnrol && !status.enabled ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{t('mfa.required')}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">{t('mfa.lead')}</p>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : status.enabled ? (
        <>
          <p className="ds-paragraph" role="status">
            {t('mfa.on')} {t('mfa.recoveryLeft', { count: status.recoveryLeft })}
          </p>
          <Form method="post" className="row">
            <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="recovery">
              {t('mfa.recoveryNew')}
            </button>
            {status.required ? null : (
              <button type="submit" className="ds-button" data-variant="tertiary" name="intent" value="disable">
                {t('mfa.disable')}
              </button>
            )}
          </Form>
          {status.required ? <p className="ds-paragraph muted">{t('mfa.cannotDisable')}</p> : null}
        </>
      ) : setup ? (
        <>
          <TotpSetup secret={setup.secret} qrSvg={setup.qrSvg} />
          <Form method="post" {...getFormProps(form)} className="form-grid">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="confirm" />
            <TextField field={fields.code} label={t('mfa.code')} autoComplete="one-time-code" inputMode="numeric" />
            <div>
              <SubmitButton>{t('mfa.confirm')}</SubmitButton>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="ds-paragraph">{t('mfa.offState')}</p>
          <Form method="post">
            <button type="submit" className="ds-button" name="intent" value="begin">
              {t('mfa.start')}
            </button>
          </Form>
        </>
      )}
      {recoveryCodes ? (
        <p className="ds-paragraph">
          <Link to="/dashboard">{t('mfa.continue')}</Link>
        </p>
      ) : null}
    </div>
  )
}
