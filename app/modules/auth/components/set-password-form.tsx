import { getFormProps } from '@conform-to/react'
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { setPasswordSchema } from '../schemas.ts'

/** New password twice; used by the invitation and the reset link pages. */
export function SetPasswordForm({ id, lastResult, submitLabel }: { id: string; lastResult?: SubmissionResult<string[]> | null; submitLabel: string }) {
  const t = useT()
  const [form, fields] = useZodForm(id, setPasswordSchema, lastResult)
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.password} label={t('field.newPassword')} description={t('field.passwordHint')} type="password" autoComplete="new-password" />
      <TextField field={fields.confirmPassword} label={t('field.confirmPassword')} type="password" autoComplete="new-password" />
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  )
}
