import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxGroup, FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { METHOD_SLUGS, SESSION_KINDS } from '~/modules/curriculum/content-schema.ts'
import { getTemplate, updateSession } from '~/modules/curriculum/index.ts'
import { sessionInput, sessionSchema } from '~/modules/curriculum/schemas.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'templates.editSession', data?.session.title)

async function load(request: Request, params: { id?: string; sessionId?: string }) {
  const viewer = await requirePermission(request, 'manage:templates')
  const template = await getTemplate(await loadAudience(viewer), params.id ?? '')
  const session = template?.sessions.find((s) => s.id === params.sessionId)
  if (!template || !session || !template.editable) notFound()
  return { viewer, template, session }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { template, session } = await load(request, params)
  return { template: { id: template.id, name: template.name }, session }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, template, session } = await load(request, params)
  const { submission } = await parseForm(request, sessionSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const ok = await updateSession({ userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }, template.id, session.id, sessionInput(submission.value))
  if (!ok) notFound()
  throw redirect(`/templates/${template.id}?saved=1`)
}

export default function EditSession() {
  const t = useT()
  const { template, session } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('session', sessionSchema, actionData?.result, {
    title: session.title,
    kind: session.kind,
    theme: session.theme,
    durationMinutes: session.durationMinutes,
    preparation: session.preparation.join('\n'),
    methods: session.methods,
  })
  return (
    <div className="stack form-narrow">
      <p className="ds-paragraph">
        <Link to={`/templates/${template.id}`}>{template.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('templates.editSession')}: {session.order}. {session.title}
      </h1>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.title} label={t('templates.sessionTitle')} />
        <SelectField field={f.kind} label={t('templates.kind')} options={SESSION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <TextareaField field={f.theme} label={t('curriculum.theme')} rows={3} />
        <TextField field={f.durationMinutes} label={t('templates.duration')} type="number" inputMode="numeric" />
        <TextareaField field={f.preparation} label={t('curriculum.preparation')} description={t('templates.preparationHelp')} rows={5} />
        <CheckboxGroup field={f.methods} label={t('curriculum.methods')} options={METHOD_SLUGS.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
