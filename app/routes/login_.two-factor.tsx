import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { completeSecondFactor, readPendingSignIn } from '~/modules/auth/mfa.server.ts'
import { codeSchema } from '~/modules/auth/security-schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'mfa.verifyTitle')

// The second step after the password: a code from the app or a recovery code.
export async function loader({ request }: LoaderFunctionArgs) {
  return { pending: !!(await readPendingSignIn(request)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, codeSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['code'] }))
  const outcome = await completeSecondFactor(request, submission.value.code)
  if (outcome.ok) {
    const headers = new Headers()
    for (const cookie of outcome.cookies) headers.append('Set-Cookie', cookie)
    throw redirect(outcome.location, { headers })
  }
  const { t } = await getT(request)
  const message =
    outcome.reason === 'expired' ? t('mfa.expired') : outcome.reason === 'rate_limited' ? t('login.rateLimited', { minutes: Math.ceil((outcome.retryAfterSeconds ?? 60) / 60) }) : t('mfa.invalidCode')
  return invalid(submission.reply({ formErrors: [message], hideFields: ['code'] }), { status: outcome.reason === 'rate_limited' ? 429 : 400 })
}

export default function TwoFactorLogin() {
  const t = useT()
  const { pending } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm('two-factor', codeSchema, actionData?.result)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('mfa.verifyTitle')}
      </h1>
      {pending ? (
        <>
          <p className="ds-paragraph">{t('mfa.verifyLead')}</p>
          <Form method="post" reloadDocument {...getFormProps(form)} className="form-grid">
            <FormErrors id={form.errorId} errors={form.errors} />
            <TextField field={fields.code} label={t('mfa.codeOrRecovery')} autoComplete="one-time-code" inputMode="text" />
            <div>
              <SubmitButton>{t('mfa.verifySubmit')}</SubmitButton>
            </div>
          </Form>
        </>
      ) : (
        <div className="ds-alert" data-color="warning" role="status">
          <p className="ds-paragraph">
            {t('mfa.expired')} <Link to="/login">{t('login.title')}</Link>
          </p>
        </div>
      )}
    </div>
  )
}
