import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { createMinutes, existingMinutes, minutesSubject, type Target } from '~/modules/minutes/index.ts'
import { draftSchema } from '~/modules/minutes/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'minutes.new')

/** /minutes/new?meeting=<id> or ?gathering=<id>: only the contact person or the run's coordinator; others get 404. */
async function load(request: Request) {
  const viewer = await requirePermission(request, 'write:minutes')
  const url = new URL(request.url)
  const target: Target | null = url.searchParams.get('meeting') ? { kind: 'meeting', id: url.searchParams.get('meeting')! } : url.searchParams.get('gathering') ? { kind: 'gathering', id: url.searchParams.get('gathering')! } : null
  if (!target) notFound()
  const subject = await minutesSubject(viewer, target)
  if (!subject || !subject.writes) notFound()
  const existing = await existingMinutes(target)
  if (existing) throw redirect(`/minutes/${existing.id}`)
  return { viewer, subject }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { subject } = await load(request)
  return { title: subject.title }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer, subject } = await load(request)
  const { submission } = await parseForm(request, draftSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await createMinutes({ userId: viewer.userId, municipalityId: subject.municipalityId, ip: context.clientIp }, subject, submission.value)
  if (!result.ok) return invalid(submission.reply({ formErrors: result.formErrors }))
  throw redirect(`/minutes/${result.id}?saved=1`)
}

export default function NewMinutes() {
  const t = useT()
  const { title } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('minutes', draftSchema, actionData?.result, { title })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('minutes.for', { title })}
      </h1>
      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{t('minutes.reminder')}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <TextField field={f.title} label={t('minutes.titleField')} />
        <TextareaField field={f.body} label={t('minutes.body')} rows={14} />
        <div>
          <SubmitButton>{t('minutes.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}

/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
