import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { getViewer, loginWithPassword } from '~/modules/auth/index.ts'
import { afterFirstFactor } from '~/modules/auth/mfa.server.ts'
import { SsoButtons, SsoRefusalAlert } from '~/modules/auth/components/sso-buttons.tsx'
import { listLoginProviders } from '~/modules/auth/sso.server.ts'
import { loginSchema } from '~/modules/auth/schemas.ts'
import { safeRedirect } from '~/utils/redirect.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect('/dashboard')
  return { providers: await listLoginProviders() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  // remix-auth reads the body itself: validate a clone.
  const { submission } = await parseForm(request.clone(), loginSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['password'] }))
  const { email, redirectTo } = submission.value
  const outcome = await loginWithPassword(request, { email, ip: String(context.clientIp ?? 'unknown') })
  if (!outcome.ok) {
    const { t } = await getT(request)
    const message =
      outcome.reason === 'rate_limited'
        ? t('login.rateLimited', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) })
        : outcome.reason === 'no_access'
          ? t('login.noAccess')
          : t('login.invalid')
    return invalid(submission.reply({ formErrors: [message], hideFields: ['password'] }), {
      status: outcome.reason === 'rate_limited' ? 429 : 400,
      headers: outcome.reason === 'rate_limited' ? { 'Retry-After': String(outcome.retryAfterSeconds) } : undefined,
    })
  }
  // A second factor, or setting one up, may come between the password and the session.
  const next = await afterFirstFactor(request, { userId: outcome.userId, municipalityId: outcome.municipalityId, redirectTo: safeRedirect(redirectTo) })
  const headers = new Headers()
  for (const cookie of next.cookies) headers.append('Set-Cookie', cookie)
  throw redirect(next.location, { headers })
}

export default function Login() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const { providers } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useZodForm('login', loginSchema, actionData?.result)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('login.title')}
      </h1>
      <SsoRefusalAlert reason={searchParams.get('sso')} />
      {/* A full page load after signing in: fresh session, fresh root data. */}
      <Form method="post" reloadDocument {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField field={fields.email} label={t('field.email')} type="email" autoComplete="username" />
        <TextField field={fields.password} label={t('field.password')} type="password" autoComplete="current-password" />
        <div>
          <SubmitButton>{t('login.submit')}</SubmitButton>
        </div>
      </Form>
      <p className="ds-paragraph">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <SsoButtons providers={providers} redirectTo={searchParams.get('redirectTo') ?? ''} />
    </div>
  )
}
