import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CheckboxGroup, FormErrors, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { getTemplateCopy, updateTemplateCopy } from '~/modules/mentee-plans/index.ts'
import { editTemplateSchema, parsePhases } from '~/modules/mentee-plans/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.templates')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:plan-templates')
  const copy = await getTemplateCopy(requireMunicipalityId(viewer), params.id ?? '')
  if (!copy) notFound()
  return {
    name: copy.name,
    defaults: {
      name: copy.name,
      conversations: copy.structure.conversations.map((p) => `${p.weeks.join(', ')}: ${p.minutes}`).join('\n'),
      shiftCount: String(copy.structure.trainingShifts.count),
      withMentor: copy.structure.trainingShifts.withMentor,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:plan-templates')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, editTemplateSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const conversations = parsePhases(submission.value.conversations)
  if (!conversations) return invalid(submission.reply({ fieldErrors: { conversations: ['plans.badPhases'] } }))
  const ok = await updateTemplateCopy(viewer, params.id ?? '', { ...submission.value, conversations })
  if (!ok) notFound()
  throw redirect(`/plans/templates/${params.id}?saved=1`)
}

export default function EditPlanTemplate() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, f] = useZodForm('plan-template', editTemplateSchema, actionData?.result, d.defaults)
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {d.name}
      </h1>
      {params.get('saved') ? (
        <div className="ds-alert" data-color="success" role="status">
          {t('plans.saved')}
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={f.name} label={t('field.name')} />
        <TextareaField field={f.conversations} label={t('plans.conversationWeeks')} description={t('plans.conversationWeeksHelp')} rows={4} />
        <TextField field={f.shiftCount} label={t('plans.shiftCount')} type="number" inputMode="numeric" />
        <CheckboxGroup
          field={f.withMentor}
          label={t('plans.shiftsWithMentor')}
          options={(['start', 'middle', 'end'] as const).map((p) => ({ value: p, label: t(`plans.position.${p}`) }))}
        />
        <div>
          <SubmitButton>{t('plans.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
