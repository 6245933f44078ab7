import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { recordedCount } from '~/modules/attendance/index.ts'
import { rescheduleSchema } from '~/modules/attendance/schemas.ts'
import { osloParts } from '~/modules/curriculum/index.ts'
import { requireGathering, rescheduleGathering } from '~/modules/programmes/index.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'gathering.edit', data?.gathering.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { gathering } = await requireGathering(request, params, 'manage', 'manage:programmes')
  const start = osloParts(gathering.startsAt)
  const end = osloParts(new Date(gathering.startsAt.getTime() + gathering.durationMinutes * 60_000))
  return { gathering: { id: gathering.id, programmeId: gathering.programmeId, title: gathering.title }, recorded: await recordedCount(gathering.id), defaults: { date: start.date, start: start.time, end: end.time, location: gathering.location ?? '' } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { gathering, actor } = await requireGathering(request, params, 'manage', 'manage:programmes')
  const { submission } = await parseForm(request, rescheduleSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await rescheduleGathering({ ...actor, ip: context.clientIp }, gathering.programmeId, gathering.id, submission.value)
  if (!result.ok && result.notFound) notFound()
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect(`/programmes/${gathering.programmeId}/gatherings/${gathering.id}?moved=1`)
}

export default function EditGathering() {
  const t = useT()
  const { gathering, defaults, recorded } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('reschedule', rescheduleSchema, actionData?.result, defaults)
  return (
    <div className="stack form-narrow">
      <p className="ds-paragraph">
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}`}>{gathering.title}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('gathering.edit')}
      </h1>
      <p className="ds-paragraph">{t('gathering.editLead')}</p>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.date} label={t('programmes.date')} type="date" />
        <TextField field={f.start} label={t('programmes.start')} type="time" />
        <TextField field={f.end} label={t('programmes.end')} type="time" />
        <TextField field={f.location} label={t('programmes.location')} />
        {recorded ? (
          // Attendance is already recorded: moving or resizing the gathering asks what becomes of it.
          <fieldset className="ds-fieldset stack" aria-describedby={f.recorded.errors?.length ? f.recorded.errorId : undefined} aria-invalid={f.recorded.errors?.length ? true : undefined}>
            <legend className="ds-label" data-weight="medium">
              {t('gathering.recordedTitle', { count: recorded })}
            </legend>
            <p className="ds-paragraph">{t('gathering.recordedLead')}</p>
            {(['rescale', 'reopen'] as const).map((choice) => (
              <label key={choice} className="ds-paragraph">
                <input type="radio" className="ds-input" name={f.recorded.name} value={choice} defaultChecked={f.recorded.initialValue === choice} />{' '}
                {t(choice === 'rescale' ? 'gathering.recordedRescale' : 'gathering.recordedReopen')}
              </label>
            ))}
            {f.recorded.errors?.length ? (
              <p className="ds-validation-message" data-color="danger" id={f.recorded.errorId}>
                {f.recorded.errors.map((e) => translateMessage(t, e)).join(' ')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
