import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { TemplateSessions } from '~/modules/curriculum/components/template-view.tsx'
import { addSession, getTemplate, moveSession, removeSession, submitForPublication, updateTemplate } from '~/modules/curriculum/index.ts'
import { sessionInput, sessionSchema, templateActionSchema, templateDetailsSchema } from '~/modules/curriculum/schemas.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { invalid } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { pageTitle } from '~/utils/meta.ts'
import { PUBLICATION_STATUSES, SESSION_KINDS } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'templates.title', data?.template.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:templates')
  requireMunicipalityId(viewer)
  const template = await getTemplate(await loadAudience(viewer), params.id ?? '')
  if (!template) notFound()
  return { template, descriptionHtml: template.description ? renderMarkdown(template.description) : null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:templates')
  const actor = { userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }
  const id = params.id ?? ''
  const submission = parseWithZod(await request.formData(), { schema: templateActionSchema })
  if (submission.status !== 'success') {
    const form = submission.payload.intent
    if (form !== 'details' && form !== 'add') throw new Response('Unknown intent', { status: 400 })
    return invalid(submission.reply(), { extra: { form } })
  }
  const value = submission.value
  let ok: boolean
  switch (value.intent) {
    case 'details':
      ok = await updateTemplate(actor, id, { ...value, requiredMinutes: value.requiredHours ? Math.round(value.requiredHours * 60) : null })
      break
    case 'add':
      ok = !!(await addSession(actor, id, sessionInput(value)))
      break
    case 'up':
    case 'down':
      ok = await moveSession(actor, id, value.sessionId, value.intent)
      break
    case 'remove':
      ok = await removeSession(actor, id, value.sessionId)
      break
    case 'submit':
      ok = await submitForPublication(actor, id)
      break
  }
  if (!ok) notFound()
  throw redirect(`/templates/${id}${value.intent === 'details' || value.intent === 'add' || value.intent === 'submit' ? '?saved=1' : ''}`)
}

export default function TemplatePage() {
  const t = useT()
  const hours = useHours()
  const { template, descriptionHtml } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [details, d] = useZodForm('details', templateDetailsSchema, actionData?.form === 'details' ? actionData.result : undefined, {
    name: template.name,
    description: template.description ?? '',
    requiredHours: template.requiredMinutes ? template.requiredMinutes / 60 : '',
  })
  const [add, a] = useZodForm('add-session', sessionSchema, actionData?.form === 'add' ? actionData.result : undefined, { kind: 'gathering', durationMinutes: 180 })
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/templates">{t('templates.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {template.name}
      </h1>
      {params.get('forked') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('templates.forked')}</p>
        </div>
      ) : params.get('saved') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('common.saved')}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">
        {t('templates.summary', { sessions: template.sessions.length, hours: hours(template.totalMinutes) })} ·{' '}
        {t('templates.required', { hours: hours(template.effectiveRequiredMinutes) })}
        {template.requiredMinutes === null ? ` (${t('templates.followsSum')})` : ''}
        {template.sourceSlug ? ` · ${t('templates.source', { source: template.sourceSlug, version: template.sourceVersion ?? '' })}` : ''}
        {!template.editable ? ` · ${t('templates.sharedBy', { municipality: template.municipality.name })}` : ''}
      </p>
      {descriptionHtml ? <div className="content-body" data-testid="template-description" dangerouslySetInnerHTML={{ __html: descriptionHtml }} /> : null}
      {template.editable ? (
        <p className="ds-paragraph">
          <Link className="ds-button" data-variant="primary" to={`/programmes/new?source=template:${template.id}`}>
            {t('templates.planProgramme')}
          </Link>
        </p>
      ) : null}

      <section className="stack" aria-labelledby="sessions">
        <h2 className="ds-heading" data-size="md" id="sessions">
          {t('templates.sessions')}
        </h2>
        <TemplateSessions templateId={template.id} sessions={template.sessions} editable={template.editable} />
      </section>

      {template.editable ? (
        <>
          <section className="stack" aria-labelledby="add-heading">
            <h2 className="ds-heading" data-size="sm" id="add-heading">
              {t('templates.addSession')}
            </h2>
            <Form method="post" {...getFormProps(add)} className="form-grid form-narrow">
              <FormErrors id={add.errorId} errors={add.errors} />
              <input type="hidden" name="intent" value="add" />
              <TextField field={a.title} label={t('templates.sessionTitle')} />
              <SelectField field={a.kind} label={t('templates.kind')} options={SESSION_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'kind', SESSION_KINDS, k) }))} />
              <TextField field={a.theme} label={t('curriculum.theme')} />
              <TextField field={a.durationMinutes} label={t('templates.duration')} type="number" inputMode="numeric" />
              <div>
                <SubmitButton>{t('templates.addSession')}</SubmitButton>
              </div>
            </Form>
          </section>

          <section className="stack" aria-labelledby="details-heading">
            <h2 className="ds-heading" data-size="sm" id="details-heading">
              {t('templates.details')}
            </h2>
            <Form method="post" {...getFormProps(details)} className="form-grid form-narrow">
              <FormErrors id={details.errorId} errors={details.errors} />
              <input type="hidden" name="intent" value="details" />
              <TextField field={d.name} label={t('field.name')} />
              <TextareaField field={d.description} label={t('templates.description')} description={t('templates.markdownHelp')} rows={3} />
              <TextField field={d.requiredHours} label={t('templates.requiredHours')} description={t('templates.requiredHoursHelp', { hours: hours(template.totalMinutes) })} type="number" inputMode="numeric" />
              <div>
                <SubmitButton>{t('common.save')}</SubmitButton>
              </div>
            </Form>
          </section>

          <section className="stack" aria-labelledby="share-heading">
            <h2 className="ds-heading" data-size="sm" id="share-heading">
              {t('templates.share')}
            </h2>
            {template.publicationStatus ? <p className="ds-paragraph">{enumLabel(t, 'templates.status', PUBLICATION_STATUSES, template.publicationStatus)}</p> : null}
            {template.scope !== 'national' && template.publicationStatus !== 'submitted' ? (
              <Form method="post">
                <p className="ds-paragraph">{t('templates.shareLead')}</p>
                <button type="submit" name="intent" value="submit" className="ds-button" data-variant="secondary">
                  {t('templates.submit')}
                </button>
              </Form>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  )
}
