import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requestPasswordReset } from '~/modules/auth/index.ts'
import { forgotPasswordSchema } from '~/modules/auth/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title')

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, forgotPasswordSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const { limited, retryAfterSeconds } = await requestPasswordReset(submission.value.email, String(context.clientIp ?? 'unknown'))
  if (limited) {
    const { t } = await getT(request)
    return invalid(submission.reply({ formErrors: [t('error.429.body')] }), { status: 429, headers: { 'Retry-After': String(retryAfterSeconds ?? 60) } })
  }
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export default function ForgotPassword() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm('forgot', forgotPasswordSchema, actionData?.result)
  const sent = actionData && 'sent' in actionData
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('forgot.title')}
      </h1>
      {sent ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('forgot.sent')}</p>
        </div>
      ) : (
        <p className="ds-paragraph">{t('forgot.lead')}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t('field.email')} type="email" autoComplete="email" />
        <div>
          <SubmitButton>{t('forgot.submit')}</SubmitButton>
        </div>
      </Form>
      <p className="ds-paragraph">
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </div>
  )
}
