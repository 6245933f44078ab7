import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { FormErrors, SubmitButton, useServerForm } from '~/components/form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { caseSchema } from '~/modules/cases/schemas.ts'
import { actorOf, caseFindings, highlightsOf, linkChoices, loadCase, saveCase } from '~/modules/cases/index.ts'
import { CaseFields, FindingsPanel } from '~/modules/cases/components/case-parts.tsx'
import { resolveLang } from '~/i18n/lang.server.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { formatDateShort } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'cases.edit', data?.values.title)

/** Only the author edits; anyone else gets 404. */
async function load(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, 'write:cases')
  const loaded = await loadCase(viewer, id ?? '')
  if (!loaded || !loaded.owner) notFound()
  return { viewer, loaded }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, loaded } = await load(request, params.id)
  const c = loaded.case
  const lang = await resolveLang(request, viewer)
  const [links, findings] = await Promise.all([linkChoices(viewer), caseFindings(c)])
  const link = c.gatheringId ? `gathering:${c.gatheringId}` : c.meetingId ? `meeting:${c.meetingId}` : ''
  return {
    id: c.id,
    values: { title: c.title, situation: c.situation, question: c.question, thoughts: c.thoughts, feelings: c.feelings, actions: c.actions, bodily: c.bodily, serviceType: c.serviceType ?? '', topic: c.topic ?? '', method: c.method ?? '', link },
    links: links.map((l) => ({ value: l.value, label: `${l.label} (${formatDateShort(l.startsAt, lang)})` })),
    highlights: highlightsOf(c, findings),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, loaded } = await load(request, params.id)
  const { submission } = await parseForm(request, caseSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const result = await saveCase(actorOf(viewer, context.clientIp), viewer, loaded, submission.value)
  if (!result.ok) return invalid(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }))
  if (submission.value.intent === 'autosave') return { autosaved: true, unshared: !!result.unshared, result: undefined }
  throw redirect(`/cases/${loaded.case.id}?done=${result.unshared ? 'unshared' : 'saved'}`)
}

/** Saves the draft in the background two seconds after the last keystroke (JavaScript only). */
function useAutosave(formId: string) {
  const fetcher = useFetcher<{ autosaved?: boolean }>({ key: `autosave-${formId}` })
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])
  const onChange = (e: React.FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const data = new FormData(form)
      data.set('intent', 'autosave')
      fetcher.submit(data, { method: 'post' })
    }, 2000)
  }
  return { onChange, saved: fetcher.state === 'idle' && fetcher.data?.autosaved === true }
}

export default function EditCase() {
  const t = useT()
  const { values, links, highlights } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useServerForm('case', actionData && 'result' in actionData ? actionData.result : undefined, values)
  const autosave = useAutosave(form.id)
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('cases.edit')}
      </h1>
      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{t('cases.reminder')}</p>
      </div>
      <FindingsPanel highlights={highlights} canDismiss={false} />
      <Form method="post" {...getFormProps(form)} className="form-grid" onChange={autosave.onChange}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CaseFields f={f} links={links} />
        <div aria-live="polite">{autosave.saved ? <StatusMessage>{t('cases.autosaved')}</StatusMessage> : null}</div>
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
