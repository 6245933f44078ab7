import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { SetPasswordForm } from '~/modules/auth/components/set-password-form.tsx'
import { TokenInvalid } from '~/modules/auth/components/token-invalid.tsx'
import { lookupToken, setPasswordWithToken } from '~/modules/auth/index.ts'
import { afterFirstFactor } from '~/modules/auth/mfa.server.ts'
import { listMunicipalityProviders } from '~/modules/auth/sso.server.ts'
import type { MessageKey } from '~/i18n/index.ts'
import { setPasswordSchema } from '~/modules/auth/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invite.title')

export async function loader({ params }: LoaderFunctionArgs) {
  const token = await lookupToken(params.token ?? '', 'invite')
  if (!token) throw new Response('Not Found', { status: 404 })
  // The municipality's sign-in services: accept the invitation by linking one instead of a password.
  const providers = token.municipalityId ? await listMunicipalityProviders(token.municipalityId) : []
  return { name: token.name, email: token.email, providers }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, setPasswordSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['password', 'confirmPassword'] }))
  const done = await setPasswordWithToken(params.token ?? '', 'invite', submission.value.password)
  if (!done) {
    const { t } = await getT(request)
    return invalid(submission.reply({ formErrors: [t('token.invalid')], hideFields: ['password', 'confirmPassword'] }), { status: 410 })
  }
  // An invited administrator goes on to set up the second factor their role requires.
  const next = await afterFirstFactor(request, { userId: done.userId, municipalityId: done.municipalityId, redirectTo: '/dashboard' })
  const headers = new Headers()
  for (const cookie of next.cookies) headers.append('Set-Cookie', cookie)
  throw redirect(next.location, { headers })
}

export default function AcceptInvitation() {
  const t = useT()
  const { name, email, providers } = useLoaderData<typeof loader>()
  const { token } = useParams()
  const actionData = useActionData<typeof action>()
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('invite.title')}
      </h1>
      <p className="ds-paragraph">{t('invite.lead', { name, email })}</p>
      <SetPasswordForm id="invite" lastResult={actionData?.result} submitLabel={t('invite.submit')} />
      {providers.map((p) => (
        <p key={p.id}>
          <a className="ds-button" data-variant="secondary" href={`/auth/sso/${p.id}?${new URLSearchParams({ intent: 'invite', token: token ?? '' })}`}>
            {t('sso.invite.accept', { kind: t(`sso.kind.${p.kind}` as MessageKey) })}
          </a>
        </p>
      ))}
    </div>
  )
}

export function ErrorBoundary() {
  return <TokenInvalid />
}
