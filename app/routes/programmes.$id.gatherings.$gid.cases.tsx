import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FormErrors } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { parseSearch, pickSchema } from '~/modules/cases/schemas.ts'
import { actorOf, casesForGathering, pickForGathering, searchCases } from '~/modules/cases/index.ts'
import { requireGathering } from '~/modules/programmes/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'cases.picked', data?.gathering.title)

/** The cases picked for a gathering; the coordinator picks from the shared cases they can see (search with ?q=). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, access, gathering } = await requireGathering(request, params, 'any')
  const manage = access === 'manage'
  const url = new URL(request.url)
  const [picked, candidates] = await Promise.all([
    casesForGathering(viewer, gathering.id),
    manage ? searchCases(viewer, { ...parseSearch(url.searchParams), scope: undefined }) : Promise.resolve(null),
  ])
  const pickedIds = new Set(picked.map((c) => c.id))
  return {
    gathering: { id: gathering.id, title: gathering.title, programmeId: gathering.programmeId },
    picked,
    candidates: candidates?.hits.filter((h) => h.scope !== 'private' && !pickedIds.has(h.id)).map((h) => ({ id: h.id, title: h.title, scope: h.scope })) ?? [],
    manage,
    q: url.searchParams.get('q') ?? '',
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, gathering } = await requireGathering(request, params, 'manage')
  const submission = parseWithZod(await request.formData(), { schema: pickSchema })
  if (submission.status !== 'success') return data({ formErrors: ['cases.invalidChoice'] }, { status: 400 })
  const result = await pickForGathering(actorOf(viewer, context.clientIp), viewer, gathering, submission.value.caseId, submission.value.intent === 'pick')
  if (!result.ok) return data({ formErrors: result.formErrors ?? [] }, { status: 404 })
  throw redirect(`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/cases?done=1`)
}

export default function GatheringCases() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const a = useActionData<typeof action>()
  const [params] = useSearchParams()
  const row = (c: { id: string; title: string; scope: string }, intent: 'pick' | 'unpick') => (
    <li key={c.id} className="row">
      <Link to={`/cases/${c.id}`}>{c.title}</Link> <span className="muted">({t(`cases.scope.${c.scope}` as MessageKey)})</span>
      {d.manage ? (
        <Form method="post">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="caseId" value={c.id} />
          <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={`${t(intent === 'pick' ? 'cases.pick' : 'cases.unpick')}: ${c.title}`}>
            {t(intent === 'pick' ? 'cases.pick' : 'cases.unpick')}
          </button>
        </Form>
      ) : null}
    </li>
  )
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${d.gathering.programmeId}/gatherings/${d.gathering.id}`}>{d.gathering.title}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('cases.picked')}
      </h1>
      <StatusMessage>{params.get('done') ? t('cases.saved') : null}</StatusMessage>
      <FormErrors id="pick-errors" errors={a?.formErrors} />
      {d.picked.length ? <ul className="stack">{d.picked.map((c) => row(c, 'unpick'))}</ul> : <p className="ds-paragraph">{t('cases.usesNone')}</p>}
      {d.manage ? (
        <section className="stack" aria-labelledby="candidates">
          <h2 className="ds-heading" data-size="sm" id="candidates">
            {t('cases.pick')}
          </h2>
          <p className="ds-paragraph">{t('cases.pickHint')}</p>
          <Form method="get" role="search" aria-label={t('cases.search')} className="row">
            <label className="ds-label" htmlFor="pick-q">
              {t('cases.searchWords')}
            </label>
            <input className="ds-input" type="search" id="pick-q" name="q" defaultValue={d.q} />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('cases.searchButton')}
            </button>
          </Form>
          <ul className="stack">{d.candidates.map((c) => row(c, 'pick'))}</ul>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
