import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { getT } from '~/i18n/lang.server.ts'
import { attendanceGrid } from '~/modules/attendance/index.ts'
import { DiplomaTable } from '~/modules/diplomas/components/diploma-table.tsx'
import { issueDiplomas, listDiplomas, reissueDiploma, revokeDiploma } from '~/modules/diplomas/index.ts'
import { DIPLOMA_INTENTS, diplomaActionSchema } from '~/modules/diplomas/schemas.ts'
import { getProgramme, requireProgramme } from '~/modules/programmes/index.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'diploma.title', data?.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programmeId } = await requireProgramme(request, params.id, 'manage', 'issue:diplomas')
  const [programme, grid, diplomas] = await Promise.all([getProgramme(programmeId), attendanceGrid(programmeId), listDiplomas(programmeId)])
  const rows = grid.rows.map((r) => ({ userId: r.userId, name: r.name, totalMinutes: r.hours.totalMinutes, requiredMinutes: r.hours.requiredMinutes, eligible: r.hours.eligible, canStillReach: r.hours.canStillReach }))
  const active = new Set(diplomas.filter((d) => !d.revokedAt).map((d) => d.userId))
  return { programmeId, name: programme.name, rows, diplomas, waiting: rows.filter((r) => r.eligible && !active.has(r.userId)).length, anyActive: active.size > 0 }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { programmeId, viewer, municipalityId } = await requireProgramme(request, params.id, 'manage', 'issue:diplomas')
  const actor = { userId: viewer.userId, municipalityId, ip: context.clientIp }
  const { lang } = await getT(request, viewer)
  const submission = parseWithZod(await request.formData(), { schema: diplomaActionSchema })
  const here = `/programmes/${programmeId}/diplomas`
  if (submission.status !== 'success') {
    if (!DIPLOMA_INTENTS.some((i) => i === submission.payload.intent)) throw new Response('Unknown intent', { status: 400 })
    return data({ error: 'diploma.reasonRequired' }, { status: 400 })
  }
  const value = submission.value
  if (value.intent === 'bulk') {
    const r = await issueDiplomas(actor, programmeId, 'eligible', 'diploma', lang)
    throw redirect(`${here}?issued=${r.issued.length}`)
  }
  if (value.intent === 'issue-diploma' || value.intent === 'issue-participation') {
    const r = await issueDiplomas(actor, programmeId, [value.userId], value.intent === 'issue-diploma' ? 'diploma' : 'participation', lang)
    if (!r.issued.length) return data({ error: r.skipped[0]?.reason ?? 'notFound' }, { status: 400 })
    throw redirect(`${here}?issued=1`)
  }
  if (value.intent !== 'revoke' && value.intent !== 'reissue') throw new Response('Unknown intent', { status: 400 })
  if (value.intent === 'revoke') {
    if (!(await revokeDiploma(actor, programmeId, value.diplomaId, value.reason))) notFound()
    throw redirect(`${here}?revoked=1`)
  }
  const r = await reissueDiploma(actor, programmeId, value.diplomaId, value.reason, lang)
  if (!r) notFound()
  if (r.issued.length) throw redirect(`${here}?reissued=${r.revoked ? 'replaced' : 'new'}`)
  // Nothing new was issued: say so, and whether the old one was revoked by this request.
  if (r.revoked) throw redirect(`${here}?revoked=1&notReissued=${encodeURIComponent(r.skipped[0]?.reason ?? 'notFound')}`)
  return data({ error: r.skipped[0]?.reason ?? 'notFound' }, { status: 409 })
}

export default function Diplomas() {
  const t = useT()
  const { programmeId, name, rows, diplomas, waiting, anyActive } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const status = params.get('issued') ? t('diploma.issuedCount', { count: params.get('issued')! }) : params.get('revoked')
        ? params.get('notReissued')
          ? `${t('diploma.revokedDone')} ${t('diploma.notReissued')} ${translateMessage(t, params.get('notReissued')!)}`
          : t('diploma.revokedDone')
        : params.get('reissued')
          ? t(params.get('reissued') === 'new' ? 'diploma.reissuedNew' : 'diploma.reissuedDone')
          : null
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${programmeId}`}>{name}</Link> · <Link to={`/programmes/${programmeId}/attendance`}>{t('attendance.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('diploma.title')}
      </h1>
      <p className="ds-paragraph">{t('diploma.lead')}</p>
      {status && !actionData ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{status}</p>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{t(actionData.error === 'notFound' ? 'error.404.body' : (actionData.error as 'diploma.reasonRequired'))}</p>
        </div>
      ) : null}
      <div className="row">
        <Form method="post">
          <button type="submit" name="intent" value="bulk" className="ds-button" data-variant="primary" disabled={!waiting}>
            {t('diploma.bulk', { count: waiting })}
          </button>
        </Form>
        {anyActive ? (
          <a className="ds-button" data-variant="secondary" href={`/programmes/${programmeId}/diplomas.pdf`}>
            {t('diploma.downloadAll')}
          </a>
        ) : null}
      </div>
      <DiplomaTable rows={rows} diplomas={diplomas} />
    </div>
  )
}
