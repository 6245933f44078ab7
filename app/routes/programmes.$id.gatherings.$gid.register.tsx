import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { RegisterForm } from '~/modules/attendance/components/register-form.tsx'
import { attendanceGrid, confirmCheckIns, getRegister, GRID_PAGE_SIZE, markAllPresent, pageParam, registerNeighbours, saveRegister } from '~/modules/attendance/index.ts'
import { registerActionSchema } from '~/modules/attendance/schemas.server.ts'
import { requireGathering } from '~/modules/programmes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { getT } from '~/i18n/lang.server.ts'
import { parseWithZod } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'attendance.register', data?.gathering.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { gathering, head } = await requireGathering(request, params, 'manage', 'record:attendance')
  // The run's cached grid (current under the version read with the access check) gives the enrolments and the neighbours.
  const grid = await attendanceGrid(gathering.programmeId, new Date(), head)
  const [register, neighbours] = await Promise.all([getRegister(gathering, grid.rows), registerNeighbours(gathering, grid.gatherings)])
  // A run with hundreds of mentors is registered a page at a time: the page's cost follows the rows shown.
  const pages = Math.max(1, Math.ceil(register.rows.length / GRID_PAGE_SIZE))
  const page = pageParam(request, pages)
  const rows = pages > 1 ? register.rows.slice((page - 1) * GRID_PAGE_SIZE, page * GRID_PAGE_SIZE) : register.rows
  return { neighbours, gathering: { id: gathering.id, programmeId: gathering.programmeId, title: gathering.title, startsAt: gathering.startsAt, durationMinutes: gathering.durationMinutes, programme: gathering.programme.name }, ...register, rows, page, pages }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { gathering, actor } = await requireGathering(request, params, 'manage', 'record:attendance')
  const fullActor = { ...actor, ip: context.clientIp }
  const submission = parseWithZod(await request.formData(), { schema: registerActionSchema })
  const page = new URL(request.url).searchParams.get('page')
  const here = `/programmes/${gathering.programmeId}/gatherings/${gathering.id}/register${page && /^\d{1,4}$/.test(page) ? `?page=${page}&` : '?'}`
  if (submission.status !== 'success') {
    if (submission.payload.intent === 'all-present') throw new Response((await getT(request)).t('request.badInput'), { status: 400 })
    const reply = submission.reply()
    return data({ conflict: false, errors: reply.error ?? undefined, attempted: undefined, current: undefined }, { status: 400 })
  }
  const value = submission.value
  if (value.intent === 'confirm-check-ins') {
    const count = await confirmCheckIns(fullActor, gathering)
    throw redirect(`${here}confirmed=${count}`)
  }
  if (value.intent === 'all-present') {
    const result = await markAllPresent(fullActor, gathering, value.version)
    if (!result.ok) return data({ conflict: true, errors: undefined, attempted: undefined, current: await getRegister(gathering) }, { status: 409 })
    throw redirect(`${here}saved=1`)
  }
  const result = await saveRegister(fullActor, gathering, value.version, value.rows)
  if (result.ok) throw redirect(`${here}saved=1`)
  // A 409 does not reload the page's data, so the current register travels with the answer.
  if (result.reason === 'conflict') return data({ conflict: true, errors: undefined, attempted: value.rows, current: await getRegister(gathering) }, { status: 409 })
  return data({ conflict: false, errors: result.fieldErrors, attempted: undefined, current: undefined }, { status: 400 })
}

export default function Register() {
  const t = useT()
  const lang = useLang()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { gathering, neighbours } = loaded
  const registerOf = (id: string) => `/programmes/${gathering.programmeId}/gatherings/${id}/register`
  const { rows, version } = actionData?.current ?? loaded
  const [params] = useSearchParams()
  const pending = rows.filter((r) => r.checkIn && !r.checkIn.confirmed).length
  return (
    <div className="stack">
      <p className="ds-paragraph no-print">
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}`}>{gathering.title}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('attendance.register')}: {gathering.title}
      </h1>
      <p className="ds-paragraph">
        {gathering.programme} · {formatDate(gathering.startsAt, lang)}, {formatTime(gathering.startsAt, lang)} · {t('attendance.duration', { minutes: gathering.durationMinutes })}
      </p>
      {actionData?.conflict ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{t('attendance.conflict')}</p>
        </div>
      ) : null}
      {params.get('saved') && !actionData ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('attendance.saved')}</p>
        </div>
      ) : null}
      {params.get('confirmed') && !actionData ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('checkin.confirmedCount', { count: params.get('confirmed')! })}</p>
        </div>
      ) : null}
      <div className="row no-print">
        <Form method="post">
          <input type="hidden" name="intent" value="all-present" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('attendance.allPresent')}
          </button>
        </Form>
        {pending ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm-check-ins" />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('checkin.confirm', { count: pending })}
            </button>
          </Form>
        ) : null}
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/sign-in-sheet`}>{t('attendance.signInSheet')}</Link>
      </div>
      {loaded.pages > 1 ? (
        <nav aria-label={t('common.pagination')} className="row no-print">
          {loaded.page > 1 ? <a href={`?page=${loaded.page - 1}`}>{t('common.previous')}</a> : null}
          <span>{t('common.pageOf', { page: loaded.page, pages: loaded.pages })}</span>
          {loaded.page < loaded.pages ? <a href={`?page=${loaded.page + 1}`}>{t('common.next')}</a> : null}
        </nav>
      ) : null}
      {rows.length ? (
        <RegisterForm key={version} rows={rows} version={version} durationMinutes={gathering.durationMinutes} errors={actionData?.errors as Record<string, string[]> | undefined} attempted={actionData?.attempted} />
      ) : (
        <p className="ds-paragraph">{t('attendance.nobody')}</p>
      )}
      {neighbours.previous || neighbours.next ? (
        <nav className="row no-print register-steps" aria-label={t('attendance.otherRegisters')}>
          {neighbours.previous ? (
            <Link to={registerOf(neighbours.previous.id)} rel="prev">
              ← {t('attendance.previousRegister', { title: neighbours.previous.title, date: formatDate(neighbours.previous.startsAt, lang) })}
            </Link>
          ) : null}
          {neighbours.next ? (
            <Link to={registerOf(neighbours.next.id)} rel="next">
              {t('attendance.nextRegister', { title: neighbours.next.title, date: formatDate(neighbours.next.startsAt, lang) })} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  )
}
