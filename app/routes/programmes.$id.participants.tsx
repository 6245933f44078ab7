import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CsvImportForm } from '~/components/csv-import.tsx'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { osloParts } from '~/modules/curriculum/index.ts'
import { EnrolmentPreviewTable } from '~/modules/programmes/components/enrolment-preview.tsx'
import { PickMentors } from '~/modules/programmes/components/pick-mentors.tsx'
import { enrolExisting, enrolmentCandidates, enrolOne, getProgramme, leaveProgramme, listEnrolments, previewEnrolment, requireProgramme, runEnrolment, unitInMunicipality } from '~/modules/programmes/index.ts'
import { enrolSchema, leaveSchema, participantsActionSchema } from '~/modules/programmes/schemas.ts'
import { uploadedCsv } from '~/utils/csv-upload.ts'
import { listPendingEnrolments } from '~/modules/auth/index.ts'
import { getMunicipality, listUnits } from '~/modules/tenancy/index.ts'
import { invalid } from '~/utils/forms.server.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'programmes.participants', data?.programme.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipalityId, programmeId } = await requireProgramme(request, params.id, 'manage', 'manage:programmes')
  const filter = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const [programme, enrolments, pending, units, pick] = await Promise.all([getProgramme(programmeId), listEnrolments(programmeId), listPendingEnrolments(programmeId), listUnits(municipalityId), enrolmentCandidates(municipalityId, programmeId, filter)])
  const today = osloParts(new Date()).date
  const start = osloParts(programme.startsOn).date
  // People with an account elsewhere are listed as typed and "invited" until they accept.
  const invited = pending.map((p) => ({ id: p.id, name: p.name, email: p.user.email, joinedOn: p.joinedOn }))
  return { programme: { id: programme.id, name: programme.name }, enrolments, invited, units, defaultJoined: today < start ? start : today, pick: { ...pick, filter } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, municipalityId, programmeId } = await requireProgramme(request, params.id, 'manage', 'manage:programmes')
  const municipality = await getMunicipality(municipalityId)
  if (!municipality) notFound()
  const actor = { userId: viewer.userId, municipalityId, ip: context.clientIp }
  const submission = parseWithZod(await request.formData(), { schema: participantsActionSchema })
  const intent = submission.payload.intent
  if (submission.status !== 'success') {
    if (intent === 'enrol' || intent === 'enrol-existing' || intent === 'leave') return invalid(submission.reply(), { extra: { form: intent } })
    if (intent === 'preview' || intent === 'import') return data({ form: 'csv', csv: '', preview: null, joinedOn: String(submission.payload.joinedOn ?? ''), error: 'enrol.badImport' }, { status: 400 })
    throw new Response('Unknown intent', { status: 400 })
  }
  const value = submission.value
  if (value.intent === 'enrol') {
    const unitId = await unitInMunicipality(municipalityId, value.unitId)
    if (unitId === false) return invalid(submission.reply({ fieldErrors: { unitId: ['users.unknownUnit'] } }), { extra: { form: 'enrol' } })
    await enrolOne(actor, municipality, programmeId, { ...value, unitId })
    throw redirect(`/programmes/${programmeId}/participants?enrolled=1`)
  }
  if (value.intent === 'enrol-existing') {
    const result = await enrolExisting(actor, programmeId, value.userIds, value.joinedOn)
    if (!result.ok) notFound()
    throw redirect(`/programmes/${programmeId}/participants?picked=${result.count}`)
  }
  if (value.intent === 'leave') {
    const result = await leaveProgramme(actor, programmeId, value.enrolmentId, value.leftOn, value.leftReason)
    if (result === 'notFound') notFound()
    if (result !== 'ok') return invalid(submission.reply({ fieldErrors: { leftOn: [result] } }), { extra: { form: 'leave' } })
    throw redirect(`/programmes/${programmeId}/participants?left=1`)
  }
  const { joinedOn } = value
  const csv = await uploadedCsv(value)
  if (csv === null) return data({ form: 'csv', csv: '', preview: null, joinedOn, error: 'enrol.badImport' }, { status: 400 })
  if (value.intent === 'import') {
    const result = await runEnrolment(actor, municipality, programmeId, csv, joinedOn)
    if (result.ok) throw redirect(`/programmes/${programmeId}/participants?imported=${result.count}`)
    return data({ form: 'csv', csv, preview: result.preview, joinedOn, error: null }, { status: 400 })
  }
  const preview = await previewEnrolment(municipalityId, programmeId, csv)
  return data({ form: 'csv', csv, preview, joinedOn, error: null }, { status: preview.valid ? 200 : 400 })
}

export default function Participants() {
  const t = useT()
  const lang = useLang()
  const { programme, enrolments, invited, units, defaultJoined, pick } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const result = (form: string) => (actionData && 'form' in actionData && actionData.form === form && 'result' in actionData ? actionData.result : undefined)
  const [enrol, e] = useZodForm('enrol', enrolSchema, result('enrol'), { joinedOn: defaultJoined })
  const [leave, l] = useZodForm('leave', leaveSchema, result('leave'), { leftOn: osloParts(new Date()).date })
  const csvData = actionData && 'csv' in actionData ? actionData : null
  const active = enrolments.filter((x) => !x.leftOn)
  const status = params.get('enrolled') ? t('enrol.done') : params.get('left') ? t('enrol.leftDone') : params.get('imported') ? t('import.done', { count: params.get('imported')! }) : params.get('picked') ? t('enrol.pickDone', { count: params.get('picked')! }) : null
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('programmes.participants')}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      <p className="ds-paragraph">{t('enrol.count', { active: active.length + invited.length, total: enrolments.length + invited.length })}</p>
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('programmes.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('enrol.joined')}</th>
              <th scope="col">{t('enrol.left')}</th>
            </tr>
          </thead>
          <tbody>
            {enrolments.map((x) => (
              <tr key={x.id} data-left={x.leftOn ? 'true' : undefined}>
                <td>
                  {x.name}
                  {x.invited ? <span className="muted"> ({t('users.invitedStatus')})</span> : null}
                </td>
                <td>{x.email}</td>
                <td>{formatDate(x.joinedOn, lang)}</td>
                <td>{x.leftOn ? `${formatDate(x.leftOn, lang)}${x.leftReason ? ` – ${x.leftReason}` : ''}` : '–'}</td>
              </tr>
            ))}
            {invited.map((x) => (
              <tr key={x.id} data-pending="true">
                <td>
                  {x.name}
                  <span className="muted"> ({t('users.invitedStatus')})</span>
                </td>
                <td>{x.email}</td>
                <td>{x.joinedOn ? formatDate(x.joinedOn, lang) : '–'}</td>
                <td>–</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <PickMentors candidates={pick.candidates} total={pick.total} filter={pick.filter} defaultJoined={defaultJoined} lastResult={result('enrol-existing')} />

      <section className="stack" aria-labelledby="enrol-heading">
        <h2 className="ds-heading" data-size="sm" id="enrol-heading">
          {t('enrol.one')}
        </h2>
        <Form method="post" {...getFormProps(enrol)} className="form-grid form-narrow">
          <FormErrors id={enrol.errorId} errors={enrol.errors} />
          <input type="hidden" name="intent" value="enrol" />
          <TextField field={e.name} label={t('field.name')} />
          <TextField field={e.email} label={t('field.email')} type="email" />
          <SelectField field={e.unitId} label={t('field.unit')} placeholder={t('common.none')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <TextField field={e.joinedOn} label={t('enrol.joined')} type="date" />
          <div>
            <SubmitButton>{t('enrol.submit')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="csv-heading">
        <h2 className="ds-heading" data-size="sm" id="csv-heading">
          {t('enrol.csv')}
        </h2>
        <p className="ds-paragraph">{t('enrol.csvLead')}</p>
        {csvData?.error ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{t('enrol.badImport')}</p>
          </div>
        ) : null}
        <CsvImportForm id="enrol" help={t('enrol.textHelp')} csv={csvData?.csv ?? ''} confirm={csvData?.preview?.valid ? t('enrol.confirm', { count: csvData.preview.rows.length }) : null}>
          <div className="ds-field form-narrow">
            <label className="ds-label" htmlFor="enrol-joined">
              {t('enrol.joined')}
            </label>
            <input className="ds-input" id="enrol-joined" name="joinedOn" type="date" defaultValue={csvData?.joinedOn || defaultJoined} required />
          </div>
        </CsvImportForm>
        {csvData?.preview ? <EnrolmentPreviewTable preview={csvData.preview} /> : null}
      </section>

      {active.length ? (
        <section className="stack" aria-labelledby="leave-heading">
          <h2 className="ds-heading" data-size="sm" id="leave-heading">
            {t('enrol.leave')}
          </h2>
          <Form method="post" {...getFormProps(leave)} className="form-grid form-narrow">
            <FormErrors id={leave.errorId} errors={leave.errors} />
            <input type="hidden" name="intent" value="leave" />
            <SelectField field={l.enrolmentId} label={t('enrol.who')} placeholder={t('common.choose')} options={active.map((x) => ({ value: x.id, label: x.name }))} />
            <TextField field={l.leftOn} label={t('enrol.left')} type="date" />
            <TextField field={l.leftReason} label={t('enrol.reason')} description={t('enrol.reasonHelp')} />
            <div>
              <SubmitButton variant="secondary">{t('enrol.leaveSubmit')}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
