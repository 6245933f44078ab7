import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { changePassword, requirePermission } from '~/modules/auth/index.ts'
import { changePasswordSchema } from '~/modules/auth/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'password.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'update:own-account')
  return null
}

const SECRET_FIELDS = ['currentPassword', 'password', 'confirmPassword']

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const { submission } = await parseForm(request, changePasswordSchema)
  if (submission.status !== 'success') return invalid(submission.reply({ hideFields: SECRET_FIELDS }))
  const ok = await changePassword(viewer.userId, viewer.sessionId, submission.value.currentPassword, submission.value.password)
  if (!ok) return invalid(submission.reply({ fieldErrors: { currentPassword: ['password.wrongCurrent'] }, hideFields: SECRET_FIELDS }))
  throw redirect('/account/password?changed=1')
}

export default function ChangePassword() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useZodForm('change-password', changePasswordSchema, actionData?.result)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('password.title')}
      </h1>
      {params.get('changed') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('password.changed')}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.currentPassword} label={t('field.currentPassword')} type="password" autoComplete="current-password" />
        <TextField field={fields.password} label={t('field.newPassword')} description={t('field.passwordHint')} type="password" autoComplete="new-password" />
        <TextField field={fields.confirmPassword} label={t('field.confirmPassword')} type="password" autoComplete="new-password" />
        <div>
          <SubmitButton>{t('password.submit')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
