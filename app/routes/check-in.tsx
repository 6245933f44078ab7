import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { checkInWithCode } from '~/modules/attendance/index.ts'
import { checkInSchema } from '~/modules/attendance/schemas.ts'
import { consumeRateLimit, requirePermission } from '~/modules/auth/index.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'checkin.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'view:programmes')
  return null
}

/** A mentor types the code shown at the gathering; the coordinator confirms afterwards. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'view:programmes')
  const { submission } = await parseForm(request, checkInSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const limit = await consumeRateLimit('publicLookupIp', `checkin:${viewer.userId}`)
  if (!limit.ok) return invalid(submission.reply({ formErrors: ['error.429.body'] }), { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
  const result = await checkInWithCode(viewer.userId, submission.value.code)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: { code: [result.reason === 'unknown' ? 'checkin.unknown' : 'checkin.notEnrolled'] } }))
  return { result: submission.reply({ resetForm: true }), done: { title: result.title, programmeId: result.programmeId, gatheringId: result.gatheringId } }
}

export default function CheckIn() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm('check-in', checkInSchema, actionData?.result)
  const done = actionData && 'done' in actionData ? actionData.done : null
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('checkin.title')}
      </h1>
      {done ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('checkin.done', { title: done.title })}</p>
          <p className="ds-paragraph">
            <Link to={`/programmes/${done.programmeId}/gatherings/${done.gatheringId}`}>{done.title}</Link>
          </p>
        </div>
      ) : (
        <p className="ds-paragraph">{t('checkin.mentorLead')}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.code} label={t('checkin.code')} autoComplete="off" />
        <div>
          <SubmitButton>{t('checkin.submit')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
