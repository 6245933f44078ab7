import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { ItemActions } from '~/modules/mentee-plans/components/item-actions.tsx'
import { applyPlanAction, ITEM_KINDS, planView } from '~/modules/mentee-plans/index.ts'
import { planActionSchema } from '~/modules/mentee-plans/schemas.server.ts'
import { isOneOf } from '~/utils/one-of.ts'
import { formatDate, formatDateTime } from '~/utils/format.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'plans.title', data?.plan.menteeName)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:plans')
  const { lang } = await getT(request, viewer)
  const view = await planView(viewer, params.id ?? '', lang)
  if (!view) notFound()
  return view
}

type Errors = Record<string, string[] | null | undefined>

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'view:plans')
  const { submission } = await parseForm(request, planActionSchema)
  const values = Object.fromEntries(Object.entries(submission.payload).map(([k, v]) => [k, String(v ?? '')]))
  if (submission.status !== 'success') return data({ errors: (submission.error ?? {}) as Errors, values }, { status: 400 })
  const result = await applyPlanAction(viewer, params.id ?? '', submission.value, { ip: context.clientIp as string | undefined })
  if (!result.ok) {
    if (result.status === 404) notFound()
    return data({ errors: (result.fieldErrors ?? {}) as Errors, values }, { status: 400 })
  }
  const anchor = 'itemId' in submission.value ? `#item-${submission.value.itemId}` : ''
  throw redirect(`/plans/${params.id}?saved=1${anchor}`)
}

export default function PlanPage() {
  const t = useT()
  const lang = useLang()
  const v = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const failed = actionData && 'errors' in actionData ? actionData : null
  const kind = (k: string) => (isOneOf(ITEM_KINDS, k) ? t(`plans.kind.${k}`) : k)
  const isManager = v.roles.includes('manager')
  const showPrompts = v.roles.includes('mentor') || v.roles.includes('mentee')
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {v.plan.menteeName}
      </h1>
      {params.get('created') ? (
        <div className="ds-alert" data-color="success" role="status">
          {t('plans.created')}
        </div>
      ) : params.get('saved') ? (
        <div className="ds-alert" data-color="success" role="status">
          {t('plans.saved')}
        </div>
      ) : null}
      {failed ? (
        <div className="ds-alert" data-color="danger" role="alert">
          {Object.values(failed.errors).flat().filter(Boolean).map((e) => translateMessage(t, e as string)).join(' ')}
        </div>
      ) : null}
      {v.plan.endedOn ? (
        <div className="ds-alert" data-color="info">
          {t('plans.endedBecause', { date: formatDate(v.plan.endedOn, lang), reason: v.plan.endReason ?? '' })}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('plans.unit')}</dt>
        <dd>{v.plan.unit}</dd>
        <dt>{t('plans.mentor')}</dt>
        <dd>{v.plan.mentor}</dd>
        <dt>{t('plans.leader')}</dt>
        <dd>{v.plan.leader}</dd>
        <dt>{t('plans.startDate')}</dt>
        <dd>{formatDate(v.plan.startDate, lang)}</dd>
        <dt>{t('plans.template')}</dt>
        <dd>{v.plan.templateName}</dd>
        <dt>{t('plans.plannedSoFar')}</dt>
        <dd>{v.adherence.plannedSoFar}</dd>
        <dt>{t('plans.held')}</dt>
        <dd>{v.adherence.held}</dd>
        <dt>{t('plans.overdue')}</dt>
        <dd>{v.adherence.overdue}</dd>
        <dt>{t('plans.nextDue')}</dt>
        <dd data-testid="next-due">{v.adherence.nextDue ? `${kind(v.adherence.nextDue.kind)}, ${formatDate(v.adherence.nextDue.plannedDate, lang)}` : '–'}</dd>
      </dl>

      {showPrompts && v.prompts.length ? (
        <section aria-labelledby="prompts" className="stack-sm">
          <h2 id="prompts" className="ds-heading" data-size="md">
            {t('plans.prompts')}
          </h2>
          {v.prompts.map((g) => (
            <div key={g.key}>
              <h3 className="ds-heading" data-size="xs">
                {g.title}
              </h3>
              <ul>
                {g.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="items" className="stack-sm">
        <h2 id="items" className="ds-heading" data-size="md">
          {t('plans.items')}
        </h2>
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <thead>
              <tr>
                <th scope="col">{t('plans.what')}</th>
                <th scope="col">{t('plans.planned')}</th>
                <th scope="col">{t('plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((i) => (
                <tr key={i.id} id={`item-${i.id}`} data-kind={i.kind}>
                  <th scope="row">
                    {kind(i.kind)} {i.seq}
                    {i.kind === 'training_shift' && i.withMentor ? <span className="muted"> · {t('plans.withMentor')}</span> : null}
                    {i.expectedMinutes ? <span className="muted"> · {t('plans.minutes', { n: i.expectedMinutes })}</span> : null}
                  </th>
                  <td>
                    {formatDate(i.plannedDate, lang)}
                    {i.movedReason ? (
                      <div className="muted" data-size="sm">
                        {t('plans.movedFrom', { date: formatDate(i.originalDate, lang), reason: i.movedReason })}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {i.heldDate ? (
                      <span>
                        {t('plans.heldOn', { date: formatDate(i.heldDate, lang) })}
                        {i.minutesUsed ? ` · ${t('plans.minutes', { n: i.minutesUsed })}` : ''}
                        {i.note ? <span className="muted"> · {i.note}</span> : null}
                      </span>
                    ) : i.overdue ? (
                      <strong>{t('plans.overdue')}</strong>
                    ) : (
                      <span className="muted">{t('plans.upcoming')}</span>
                    )}
                    {i.mayLog && !i.heldDate ? <ItemActions item={i} label={`${kind(i.kind)} ${i.seq}`} today={v.today} failed={failed} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {v.checklist.length ? (
        <section aria-labelledby="checklist" className="stack-sm">
          <h2 id="checklist" className="ds-heading" data-size="md">
            {t('plans.checklist')}
          </h2>
          <ul className="checklist">
            {v.checklist.map((c) => (
              <li key={c.key}>
                <Form method="post" className="row-end">
                  <input type="hidden" name="intent" value="tick" />
                  <input type="hidden" name="itemKey" value={c.key} />
                  <input type="hidden" name="ticked" value={c.tickedAt ? '0' : '1'} />
                  <span>
                    {c.tickedAt ? '✓ ' : ''}
                    {c.label} —{' '}
                    <span className="muted">{c.tickedAt ? t('plans.tickedBy', { date: formatDateTime(c.tickedAt, lang), name: c.tickedBy ?? '' }) : t('plans.notTicked')}</span>
                  </span>
                  {v.plan.endedOn ? null : (
                    <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={`${c.tickedAt ? t('plans.untick') : t('plans.tick')}: ${c.label}`}>
                      {c.tickedAt ? t('plans.untick') : t('plans.tick')}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isManager && !v.plan.endedOn ? (
        <section aria-labelledby="end" className="stack-sm">
          <h2 id="end" className="ds-heading" data-size="md">
            {t('plans.end')}
          </h2>
          <p className="ds-paragraph muted">{t('plans.endHelp')}</p>
          <Form method="post" className="row-end">
            <input type="hidden" name="intent" value="end" />
            <div className="ds-field">
              <label className="ds-label" htmlFor="end-date">
                {t('plans.endedOn')}
              </label>
              <input className="ds-input" type="date" id="end-date" name="endedOn" required defaultValue={failed?.values.intent === 'end' ? failed.values.endedOn : v.today} />
            </div>
            <div className="ds-field">
              <label className="ds-label" htmlFor="end-reason">
                {t('plans.reason')}
              </label>
              <input className="ds-input" type="text" id="end-reason" name="reason" required maxLength={200} defaultValue={failed?.values.intent === 'end' ? failed.values.reason : ''} />
            </div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('plans.end')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
