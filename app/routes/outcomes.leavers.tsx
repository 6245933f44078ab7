import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { LEAVE_REASONS } from '~/modules/outcomes/retention.ts'
import { deleteEmployment, listEmployments, openPlans, outcomeUnits, recordEmployment } from '~/modules/outcomes/retention.server.ts'
import { employmentActionSchema } from '~/modules/outcomes/retention-schemas.ts'
import { formatDate } from '~/utils/format.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.leavers.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'record:leavers')
  requireMunicipalityId(viewer)
  const units = await outcomeUnits(viewer)
  const ids = units.map((u) => u.id)
  const [plans, records] = await Promise.all([openPlans(viewer, ids), listEmployments(viewer, ids)])
  return { units, plans, records }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'record:leavers')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, employmentActionSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const actor = { ...viewer, ip: context.clientIp }
  if (submission.value.intent === 'delete') {
    if (!(await deleteEmployment(actor, submission.value.employmentId))) notFound()
    throw redirect('/outcomes/leavers?deleted=1')
  }
  const result = await recordEmployment(actor, submission.value)
  if (!result.ok && 'status' in result) notFound()
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect('/outcomes/leavers?saved=1')
}

export default function Leavers() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, f] = useServerForm('leaver', actionData?.result)
  const unitName = new Map(d.units.map((u) => [u.id, u.name]))
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/outcomes/retention">{t('outcomes.retention.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.leavers.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.leavers.intro')}</p>
      <StatusMessage>{params.get('saved') ? t('outcomes.leavers.saved') : params.get('deleted') ? t('outcomes.leavers.deleted') : null}</StatusMessage>
      <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="record" />
        <SelectField field={f.unitId} label={t('outcomes.unit')} placeholder={t('common.choose')} options={d.units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          field={f.menteePlanId}
          label={t('outcomes.leavers.plan')}
          description={t('outcomes.leavers.planHint')}
          placeholder={t('outcomes.leavers.noPlan')}
          options={d.plans.map((p) => ({ value: p.id, label: `${p.menteeName} (${unitName.get(p.unitId) ?? ''}, ${p.startDate})` }))}
        />
        <TextField field={f.startedOn} label={t('outcomes.leavers.startedOn')} description={t('outcomes.leavers.startedOnHint')} type="date" />
        <div className="ds-field">
          <div className="row">
            <input className="ds-input" type="checkbox" id="leaver-hadMentor" name="hadMentor" defaultChecked={f.hadMentor.initialValue === 'on'} />
            <label className="ds-label" htmlFor="leaver-hadMentor">
              {t('outcomes.leavers.hadMentor')}
            </label>
          </div>
        </div>
        <TextField field={f.leftOn} label={t('outcomes.leavers.leftOn')} description={t('outcomes.leavers.leftOnHint')} type="date" />
        <SelectField field={f.leftReason} label={t('outcomes.leavers.reason')} placeholder={t('common.choose')} options={LEAVE_REASONS.map((r) => ({ value: r, label: t(`outcomes.reason.${r}` as MessageKey) }))} />
        <div>
          <SubmitButton>{t('outcomes.leavers.submit')}</SubmitButton>
        </div>
      </Form>
      <section className="stack-sm" aria-labelledby="records">
        <h2 className="ds-heading" data-size="md" id="records">
          {t('outcomes.leavers.recorded')}
        </h2>
        {d.records.length ? (
          <div className="table-wrap">
            <table className="ds-table" data-border="true">
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.unit')}</th>
                  <th scope="col">{t('outcomes.leavers.startedOn')}</th>
                  <th scope="col">{t('outcomes.leavers.leftOn')}</th>
                  <th scope="col">{t('outcomes.leavers.reason')}</th>
                  <th scope="col">{t('outcomes.leavers.hadMentor')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('outcomes.leavers.delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.records.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.unit.name}
                      {r.menteePlan ? <span className="muted"> · {r.menteePlan.menteeName}</span> : null}
                    </td>
                    <td>{formatDate(r.startedOn, lang)}</td>
                    <td>{r.leftOn ? formatDate(r.leftOn, lang) : t('outcomes.leavers.stillEmployed')}</td>
                    <td>{r.leftReason ? t(`outcomes.reason.${r.leftReason}` as MessageKey) : '–'}</td>
                    <td>{r.hadMentor ? t('outcomes.yes') : t('outcomes.no')}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="employmentId" value={r.id} />
                        <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                          {t('outcomes.leavers.delete')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="ds-paragraph">{t('outcomes.leavers.none')}</p>
        )}
      </section>
    </div>
  )
}
