import { personalDataKinds } from '~/modules/cases/index.ts'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { answerMinutes, closeApproval, lineDiff, loadMinutes, minutesDetails, publishMinutes, saveDraft, submitForApproval } from '~/modules/minutes/index.ts'
import { answerSchema, draftSchema, MINUTES_FORM_OF, minutesActionSchema, publishSchema } from '~/modules/minutes/schemas.ts'
import { invalid } from '~/utils/forms.server.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'
import { VersionCompare } from '~/modules/minutes/components/version-compare.tsx'
import { REVIEW_STATUSES } from '~/modules/minutes/rules.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'minutes.title', data?.minutes.title)

async function load(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, 'read:minutes')
  const found = await loadMinutes(viewer, id ?? '')
  if (!found) notFound()
  return { viewer, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { minutes, writes, myReview } = await load(request, params.id)
  const details = await minutesDetails(minutes)
  const url = new URL(request.url)
  const from = Number(url.searchParams.get('from'))
  const to = Number(url.searchParams.get('to'))
  const a = details.versions.find((v) => v.version === from)
  const b = details.versions.find((v) => v.version === to)
  return {
    minutes: { id: minutes.id, title: minutes.title, status: minutes.status, audience: minutes.audience, version: minutes.version, reviewDeadline: minutes.reviewDeadline, publishedAt: minutes.publishedAt, meetingId: minutes.meetingId },
    writes, myReview,
    html: details.html,
    body: details.body,
    versions: details.versions.map((v) => ({ version: v.version, createdAt: v.createdAt })),
    current: details.current,
    comments: details.reviews.filter((r) => r.comment),
    notAnswered: details.notAnswered,
    audiences: details.audiences,
    diff: a && b ? { from, to, lines: lineDiff(a.body, b.body) } : null,
    // The personal-data check of the case library, shown to the writer as a warning.
    personalData: writes ? personalDataKinds(details.body) : [],
    deadlinePassed: !!minutes.reviewDeadline && minutes.reviewDeadline.getTime() <= Date.now(),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, minutes, writes } = await load(request, params.id)
  const actor = { userId: viewer.userId, municipalityId: minutes.municipalityId, ip: context.clientIp }
  const here = `/minutes/${minutes.id}`
  const submission = parseWithZod(await request.formData(), { schema: minutesActionSchema })
  const form = MINUTES_FORM_OF[String(submission.payload.intent) as keyof typeof MINUTES_FORM_OF]
  if (!form) throw new Response('Unknown intent', { status: 400 })
  // Only the answer is not the writer's.
  if (form !== 'answer' && !writes) notFound()
  if (submission.status !== 'success') return invalid(submission.reply(), { extra: { form } })
  const { lang } = await getT(request, viewer)
  const value = submission.value
  if (value.intent === 'approve' || value.intent === 'request_changes') {
    const result = await answerMinutes(actor, minutes, value.intent, value.comment, lang)
    if (!result.ok) return invalid(submission.reply({ formErrors: result.formErrors }), { extra: { form } })
    throw redirect(`${here}?answered=1`)
  }
  if (value.intent === 'save' || value.intent === 'submit') {
    const result = value.intent === 'save' ? await saveDraft(actor, minutes, value) : await submitForApproval(actor, minutes, value, lang)
    if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { extra: { form } })
    throw redirect(`${here}?${value.intent === 'save' ? 'saved' : 'submitted'}=1`)
  }
  if (value.intent === 'close') {
    const result = await closeApproval(actor, minutes)
    if (!result.ok) return invalid({ status: 'error', error: { '': result.formErrors } }, { extra: { form } })
    throw redirect(here)
  }
  if (value.intent !== 'publish') throw new Response('Unknown intent', { status: 400 })
  const result = await publishMinutes(actor, minutes, value.audience)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { extra: { form } })
  throw redirect(here)
}

export default function MinutesPage() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const result = (form: string) => (actionData && 'form' in actionData && actionData.form === form ? actionData.result : undefined)
  const editable = d.writes && (d.minutes.status === 'draft' || d.minutes.status === 'changes_requested')
  const [draft, f] = useZodForm('draft', draftSchema, result('draft'), { title: d.minutes.title, body: d.body })
  const [answer, a] = useZodForm('answer', answerSchema, result('answer'))
  const [publish, p] = useZodForm('publish', publishSchema, result('publish'), { audience: d.minutes.audience })
  const closeErrors = (result('close') as { error?: Record<string, string[]> } | undefined)?.error?.['']
  const status = params.get('saved') ? t('minutes.saved') : params.get('submitted') ? t('minutes.submitted') : params.get('answered') ? t('minutes.answered') : null
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {d.minutes.title}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      <dl className="facts">
        <dt>{t('minutes.state')}</dt>
        <dd data-testid="minutes-status">{t(`minutes.status.${d.minutes.status}`)}</dd>
        <dt>{t('minutes.versions')}</dt>
        <dd>{t('minutes.version', { version: d.minutes.version })}</dd>
        {d.minutes.reviewDeadline && d.minutes.status === 'in_review' ? (
          <>
            <dt>{t('minutes.deadline')}</dt>
            <dd>{formatDate(d.minutes.reviewDeadline, lang)}</dd>
          </>
        ) : null}
        {d.minutes.status === 'published' ? (
          <>
            <dt>{t('minutes.audience')}</dt>
            <dd>{t(`minutes.audience.${d.minutes.audience}`)}</dd>
          </>
        ) : null}
      </dl>
      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{t('minutes.reminder')}</p>
      </div>
      {d.personalData.length ? (
        <div className="ds-alert" data-color="danger" data-testid="minutes-personal-data">
          <p className="ds-paragraph">
            {t('cases.minutesFindings')}: {d.personalData.map((k) => t(`cases.kind.${k}`)).join(', ')}
          </p>
        </div>
      ) : null}
      {d.notAnswered.length ? (
        <p className="ds-paragraph" data-testid="closed-note">
          {t('minutes.closedNote', { names: d.notAnswered.join(', ') })}
        </p>
      ) : null}

      {editable ? (
        <Form method="post" {...getFormProps(draft)} className="form-grid">
          <FormErrors id={draft.errorId} errors={draft.errors} />
          <TextField field={f.title} label={t('minutes.titleField')} />
          <TextareaField field={f.body} label={t('minutes.body')} rows={14} />
          <TextField field={f.deadline} label={t('minutes.deadline')} description={t('minutes.deadlineHint')} type="date" />
          <div className="row">
            <SubmitButton name="intent" value="save" variant="secondary">
              {t('minutes.save')}
            </SubmitButton>
            <SubmitButton name="intent" value="submit">
              {t('minutes.submit')}
            </SubmitButton>
          </div>
        </Form>
      ) : (
        <article className="content-body" aria-label={t('minutes.title')} dangerouslySetInnerHTML={{ __html: d.html }} />
      )}

      {d.myReview && d.minutes.status === 'in_review' ? (
        <section className="stack" aria-labelledby="answer-heading">
          <h2 className="ds-heading" data-size="sm" id="answer-heading">
            {t('minutes.yourAnswer')}
          </h2>
          {d.myReview.status === 'pending' ? (
            <Form method="post" {...getFormProps(answer)} className="form-grid form-narrow">
              <FormErrors id={answer.errorId} errors={answer.errors} />
              <TextareaField field={a.comment} label={t('minutes.comment')} rows={3} />
              <div className="row">
                <SubmitButton name="intent" value="approve">
                  {t('minutes.approve')}
                </SubmitButton>
                <SubmitButton name="intent" value="request_changes" variant="secondary">
                  {t('minutes.requestChanges')}
                </SubmitButton>
              </div>
            </Form>
          ) : (
            <p className="ds-paragraph">{t('minutes.youAnswered', { answer: enumLabel(t, 'minutes.review', REVIEW_STATUSES, d.myReview.status) })}</p>
          )}
        </section>
      ) : null}

      {d.writes && d.current.length ? (
        <section className="stack" aria-labelledby="reviews-heading">
          <h2 className="ds-heading" data-size="sm" id="reviews-heading">
            {t('minutes.reviews', { version: d.minutes.version })}
          </h2>
          <ul>
            {d.current.map((r) => (
              <li key={r.userId}>
                {r.name}: {enumLabel(t, 'minutes.review', REVIEW_STATUSES, r.status)}
                {r.comment ? ` – «${r.comment}»` : ''}
              </li>
            ))}
          </ul>
          {d.minutes.status === 'in_review' && d.deadlinePassed ? (
            <Form method="post" className="stack">
              <FormErrors id="close-errors" errors={closeErrors} />
              <p className="ds-paragraph">{t('minutes.closeHint')}</p>
              <div>
                <SubmitButton name="intent" value="close" variant="secondary">
                  {t('minutes.close')}
                </SubmitButton>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.writes && d.comments.length ? (
        <section className="stack" aria-labelledby="comments-heading">
          <h2 className="ds-heading" data-size="sm" id="comments-heading">
            {t('minutes.allComments')}
          </h2>
          <ul>
            {d.comments.map((c) => (
              <li key={`${c.version}-${c.userId}`}>
                {t('minutes.version', { version: c.version })}, {c.name}: «{c.comment}»
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.writes && d.minutes.status === 'approved' ? (
        <Form method="post" {...getFormProps(publish)} className="form-grid form-narrow">
          <FormErrors id={publish.errorId} errors={publish.errors} />
          <input type="hidden" name="intent" value="publish" />
          <SelectField field={p.audience} label={t('minutes.audience')} options={d.audiences.map((x) => ({ value: x, label: t(`minutes.audience.${x}`) }))} />
          <div>
            <SubmitButton>{t('minutes.publish')}</SubmitButton>
          </div>
        </Form>
      ) : null}

      {d.versions.length > 1 ? <VersionCompare versions={d.versions} diff={d.diff} /> : null}
    </div>
  )
}


/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
