import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SubmitButton, useServerForm } from '~/components/form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { caseSchema } from '~/modules/cases/schemas.ts'
import { actorOf, createCase, linkChoices } from '~/modules/cases/index.ts'
import { CaseFields } from '~/modules/cases/components/case-parts.tsx'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { formatDateShort } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'
import { resolveLang } from '~/i18n/lang.server.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'cases.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'write:cases')
  const lang = await resolveLang(request, viewer)
  const links = (await linkChoices(viewer)).map((l) => ({ value: l.value, label: `${l.label} (${formatDateShort(l.startsAt, lang)})` }))
  const link = new URL(request.url).searchParams.get('link')
  return { links, link: links.some((l) => l.value === link) ? link : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'write:cases')
  const { submission } = await parseForm(request, caseSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await createCase(actorOf(viewer, context.clientIp), viewer, submission.value)
  if (!result.ok) return invalid(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }))
  throw redirect(`/cases/${result.id}?done=saved`)
}

export default function NewCase() {
  const t = useT()
  const { links, link } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useServerForm('case', actionData?.result, { link: link ?? '' })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('cases.new')}
      </h1>
      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{t('cases.reminder')}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <CaseFields f={f} links={links} />
        <div>
          <SubmitButton name="intent" value="save">
            {t('cases.save')}
          </SubmitButton>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
