import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FormErrors } from '~/components/form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { actorOf, addReflection, caseDetails, dismissals, dismissFinding, hideReflection, loadCase, reviewCase, shareCase, shareChoices, withdrawCase, type Result } from '~/modules/cases/index.ts'
import { CASE_INTENTS, caseActionSchema } from '~/modules/cases/schemas.ts'
import { CaseBody, FindingsPanel } from '~/modules/cases/components/case-parts.tsx'
import { Reflections, ReviewForm, ShareForm } from '~/modules/cases/components/case-actions.tsx'
import { formatDateShort } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { data } from '@remix-run/node'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'cases.title', data?.case.title)

async function load(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, 'view:cases')
  const loaded = await loadCase(viewer, id ?? '')
  if (!loaded) notFound()
  return { viewer, loaded }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, loaded } = await load(request, params.id)
  const c = loaded.case
  const [details, choices, dismissed] = await Promise.all([
    caseDetails(viewer, loaded),
    loaded.owner ? shareChoices(viewer) : Promise.resolve({ programmes: [], networks: [] }),
    loaded.owner ? dismissals(c.id) : Promise.resolve([]),
  ])
  return {
    case: { id: c.id, title: c.title, scope: c.scope, requestedScope: c.requestedScope, review: c.review, reviewComment: c.reviewComment, serviceType: c.serviceType, topic: c.topic, method: c.method, updatedAt: c.updatedAt },
    owner: loaded.owner,
    reviewer: loaded.reviewer,
    canReflect: c.scope !== 'private' || loaded.owner,
    details,
    choices,
    dismissed,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, loaded } = await load(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: caseActionSchema })
  const intent = CASE_INTENTS.find((i) => i === submission.payload.intent)
  const fail = (r: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }, status = 400) =>
    data({ intent: intent ?? '', formErrors: r.formErrors ?? [], fieldErrors: r.fieldErrors ?? {}, value: String(submission.payload.body ?? '') }, { status })
  if (!intent) return fail({ formErrors: ['error.400.body'] })
  if (submission.status !== 'success') {
    const reply = submission.reply()
    return fail({ formErrors: reply.error?.[''] ?? undefined, fieldErrors: Object.fromEntries(Object.entries(reply.error ?? {}).filter(([k]) => k !== '').map(([k, v]) => [k, v ?? []])) })
  }
  const v = submission.value
  const actor = actorOf(viewer, context.clientIp)
  let result: Result
  if (v.intent === 'share') result = await shareCase(actor, loaded, v)
  else if (v.intent === 'dismiss') result = await dismissFinding(actor, loaded, v.fingerprint)
  else if (v.intent === 'withdraw') result = await withdrawCase(actor, loaded)
  else if (v.intent === 'reflect') result = await addReflection(actor, loaded, v.body)
  else if (v.intent === 'hide') result = await hideReflection(actor, viewer, loaded, v.reflectionId)
  else result = await reviewCase(actor, viewer, loaded, v.intent, v.comment)
  if (!result.ok) return fail(result, result.formErrors?.some((e) => /^cases\.not/.test(e)) ? 403 : 400)
  const done = { share: 'shared', dismiss: 'dismissed', withdraw: 'withdrawn', approve: 'reviewed', send_back: 'reviewed', reflect: 'reflected', hide: 'hidden' }[intent]
  // A reviewer who sent a case back may no longer see it.
  throw redirect(intent === 'send_back' ? `/cases?done=reviewed` : `/cases/${loaded.case.id}?done=${done}`)
}

const DONE: Record<string, MessageKey> = { saved: 'cases.saved', shared: 'cases.shared', dismissed: 'cases.dismissed', withdrawn: 'cases.withdrawn', reviewed: 'cases.reviewed', reflected: 'cases.reflected', hidden: 'cases.hidden', unshared: 'cases.unshared' }

export default function CasePage() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const a = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = DONE[params.get('done') ?? '']
  const c = d.case
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/cases">{t('cases.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {c.title}
      </h1>
      <p className="ds-paragraph muted">
        {t('cases.by', { name: d.details.ownerName, municipality: d.details.municipalityName })} · {t(`cases.scope.${c.scope}` as MessageKey)} · {formatDateShort(c.updatedAt, lang)}
        {c.serviceType ? ` · ${t(`cases.serviceType.${c.serviceType}` as MessageKey)}` : ''}
        {c.topic ? ` · ${t(`cases.topic.${c.topic}` as MessageKey)}` : ''}
        {c.method ? ` · ${t(`method.${c.method}` as MessageKey)}` : ''}
      </p>
      <StatusMessage>{done ? t(done) : null}</StatusMessage>
      {a && a.intent !== 'reflect' ? <FormErrors id="case-errors" errors={a.formErrors} /> : null}
      {c.review === 'pending' && c.requestedScope ? <p className="ds-paragraph">{t('cases.pending', { scope: t(`cases.scope.${c.requestedScope}` as MessageKey) })}</p> : null}
      {d.owner && c.review === 'sent_back' && c.reviewComment ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('cases.sentBack', { comment: c.reviewComment })}</p>
        </div>
      ) : null}
      <p className="ds-paragraph row">
        {d.owner ? <Link to={`/cases/${c.id}/edit`}>{t('cases.edit')}</Link> : null}
        <Link to={`/cases/${c.id}/worksheet`}>{t('cases.print')}</Link>
      </p>

      <CaseBody html={d.details.html} />

      {d.owner || d.reviewer ? <FindingsPanel highlights={d.details.highlights} canDismiss={d.owner} /> : null}
      {d.owner && d.dismissed.length ? (
        <ul>
          {d.dismissed.map((x, i) => (
            <li key={i} className="muted">
              {t('cases.dismissedBy', { kind: t(`cases.kind.${x.kind}` as MessageKey), name: x.name, date: formatDateShort(x.createdAt, lang) })}
            </li>
          ))}
        </ul>
      ) : null}
      {d.reviewer && c.requestedScope ? <ReviewForm requestedScope={c.requestedScope} error={a && (a.intent === 'send_back' || a.intent === 'approve') ? a.fieldErrors.comment?.[0] : undefined} /> : null}
      {d.owner ? (
        <>
          <ShareForm scope={c.scope} programmes={d.choices.programmes} networks={d.choices.networks} blocked={d.details.blocked} errors={a?.intent === 'share' ? a.fieldErrors : undefined} />
          {c.scope !== 'private' || c.review === 'pending' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="ds-button" data-variant="secondary">
                {t('cases.withdraw')}
              </button>
            </Form>
          ) : null}
          <section className="stack" aria-labelledby="uses">
            <h2 className="ds-heading" data-size="sm" id="uses">
              {t('cases.uses')}
            </h2>
            {d.details.uses.length ? (
              <ul>
                {d.details.uses.map((u) => (
                  <li key={u.href}>
                    <Link to={u.href}>{u.label}</Link> ({formatDateShort(u.startsAt, lang)})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="ds-paragraph">{t('cases.usesNone')}</p>
            )}
          </section>
          <details>
            <summary>{t('cases.history')}</summary>
            <ul>
              {d.details.versions.map((x) => (
                <li key={x.version}>
                  {t('cases.version', { version: x.version })}: {formatDateShort(x.createdAt, lang)}
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
      <Reflections items={d.details.reflections} moderates={d.details.moderates} canWrite={d.canReflect} error={a?.intent === 'reflect' ? (a.fieldErrors.body?.[0] ?? a.formErrors[0]) : undefined} value={a?.intent === 'reflect' ? a.value : undefined} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
