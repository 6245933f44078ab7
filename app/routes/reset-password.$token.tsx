import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { SetPasswordForm } from '~/modules/auth/components/set-password-form.tsx'
import { lookupToken, setPasswordWithToken, accessOf } from '~/modules/auth/index.ts'
import { afterFirstFactor } from '~/modules/auth/mfa.server.ts'
import { setPasswordSchema } from '~/modules/auth/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'
import { TokenInvalid } from '~/modules/auth/components/token-invalid.tsx'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reset.title')

export async function loader({ params }: LoaderFunctionArgs) {
  const token = await lookupToken(params.token ?? '', 'reset')
  if (!token) throw new Response('Not Found', { status: 404 })
  return { email: token.email }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, setPasswordSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['password', 'confirmPassword'] }))
  const done = await setPasswordWithToken(params.token ?? '', 'reset', submission.value.password)
  if (!done) {
    const { t } = await getT(request)
    return invalid(submission.reply({ formErrors: [t('token.invalid')], hideFields: ['password', 'confirmPassword'] }), { status: 410 })
  }
  const access = await accessOf(done.userId)
  if (!access.hasAccess) throw redirect('/login')
  // A reset link proves the e-mail address, not the second factor: that is still asked for.
  const next = await afterFirstFactor(request, { userId: done.userId, municipalityId: access.municipalityId, redirectTo: '/dashboard' })
  const headers = new Headers()
  for (const cookie of next.cookies) headers.append('Set-Cookie', cookie)
  throw redirect(next.location, { headers })
}

export default function ResetPassword() {
  const t = useT()
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('reset.title')}
      </h1>
      <p className="ds-paragraph">{t('reset.lead', { email })}</p>
      <SetPasswordForm id="reset" lastResult={actionData?.result} submitLabel={t('reset.submit')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <TokenInvalid />
}
