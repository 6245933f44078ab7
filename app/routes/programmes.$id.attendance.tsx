import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { AttendanceGrid } from '~/modules/attendance/components/grid.tsx'
import { attendanceGridView, GRID_PAGE_SIZE, grantCredit, grantersOutsideGrid, listAbsences, pageParam } from '~/modules/attendance/index.ts'
import { attendanceActionSchema } from '~/modules/attendance/schemas.server.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { feedUrl, requireProgramme, rotateFeed } from '~/modules/programmes/index.ts'
import { formatDate, formatDateShort } from '~/utils/format.ts'
import { invalid, parseWithZod } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { CalendarFeedSection } from '~/modules/programmes/components/calendar-feed.tsx'
import { pageTitle } from '~/utils/meta.ts'
import { ABSENCE_REASONS, CREDIT_KINDS } from '~/modules/attendance/statuses.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'attendance.title', data?.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programmeId, head } = await requireProgramme(request, params.id, 'manage', 'record:attendance')
  const { grid, rows } = await attendanceGridView(programmeId, new Date(), head)
  const feed = head.viewerHasFeed
  // Large runs are shown a page of mentors at a time: the page's cost follows the rows shown.
  const pages = Math.max(1, Math.ceil(rows.length / GRID_PAGE_SIZE))
  const page = pageParam(request, pages)
  const shown = pages > 1 ? rows.slice((page - 1) * GRID_PAGE_SIZE, page * GRID_PAGE_SIZE) : rows
  const names = await grantersOutsideGrid(grid)
  return {
    programmeId,
    name: grid.name,
    requiredMinutes: grid.requiredMinutes,
    gatherings: grid.gatherings.map((g) => ({ id: g.id, order: g.order, title: g.title, startsAt: g.startsAt })),
    rows: shown,
    page,
    pages,
    credits: grid.credits.map((c) => ({ ...c, name: names.get(c.userId) ?? '–', grantedBy: names.get(c.grantedById) ?? '–' })),
    absences: await listAbsences(programmeId, names, grid.gatherings),
    feed,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { programmeId, viewer, municipalityId } = await requireProgramme(request, params.id, 'manage', 'record:attendance')
  const submission = parseWithZod(await request.formData(), { schema: attendanceActionSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  if (submission.value.intent === 'calendar') {
    const token = await rotateFeed('programme', viewer.userId, programmeId)
    return { feedUrl: feedUrl(token), result: undefined }
  }
  if (!(await grantCredit({ userId: viewer.userId, municipalityId, ip: context.clientIp }, programmeId, submission.value))) notFound()
  throw redirect(`/programmes/${programmeId}/attendance?credited=1#credits-heading`)
}

export default function AttendanceOverview() {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  // Validated on the server only: the grid page ships no zod.
  const [form, f] = useServerForm('credit', actionData?.result, { kind: 'catch-up' })
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${data.programmeId}`}>{data.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('attendance.title')}
      </h1>
      <p className="ds-paragraph">{t('attendance.required', { hours: hours(data.requiredMinutes) })}</p>
      <p className="row">
        <a href={`/programmes/${data.programmeId}/attendance.csv`} download>
          {t('attendance.csv')}
        </a>
        <Link to={`/programmes/${data.programmeId}/diplomas`}>{t('diploma.title')}</Link>
      </p>
      <AttendanceGrid programmeId={data.programmeId} gatherings={data.gatherings} rows={data.rows} />
      {data.pages > 1 ? (
        <nav aria-label={t('common.pagination')} className="row">
          {data.page > 1 ? <a href={`?page=${data.page - 1}`}>{t('common.previous')}</a> : null}
          <span>{t('common.pageOf', { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? <a href={`?page=${data.page + 1}`}>{t('common.next')}</a> : null}
        </nav>
      ) : null}

      <section className="stack" aria-labelledby="credits-heading">
        <h2 className="ds-heading" data-size="sm" id="credits-heading">
          {t('credit.title')}
        </h2>
        {params.get('credited') ? (
          <div className="ds-alert" data-color="success" role="status">
            <p className="ds-paragraph">{t('credit.saved')}</p>
          </div>
        ) : null}
        {data.credits.length ? (
          <ul className="ds-list">
            {data.credits.map((c) => (
              <li key={c.id}>
                {c.name}: {c.minutes} min, {enumLabel(t, 'credit.kind', CREDIT_KINDS, c.kind)} – {c.reason} ({t('credit.grantedBy', { name: c.grantedBy, date: formatDateShort(c.createdAt, lang) })})
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="credit" />
          <SelectField field={f.userId} label={t('enrol.who')} placeholder={t('common.choose')} options={data.rows.map((r) => ({ value: r.userId, label: r.name }))} />
          <TextField field={f.minutes} label={t('credit.minutes')} type="number" inputMode="numeric" />
          <SelectField field={f.kind} label={t('credit.kind')} options={CREDIT_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'credit.kind', CREDIT_KINDS, k) }))} />
          <TextField field={f.reason} label={t('credit.reason')} />
          <div>
            <SubmitButton variant="secondary">{t('credit.submit')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="absences-heading">
        <h2 className="ds-heading" data-size="sm" id="absences-heading">
          {t('absence.overview')}
        </h2>
        {data.absences.length ? (
          <ul className="ds-list">
            {data.absences.map((a) => (
              <li key={a.id}>
                {a.name} – {a.gathering.title} ({formatDate(a.gathering.startsAt, lang)}){a.reason ? `: ${enumLabel(t, 'absence.reason', ABSENCE_REASONS, a.reason)}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('absence.none')}</p>
        )}
      </section>

      <CalendarFeedSection title={t('calendar.programme')} lead={t('calendar.lead')} exists={data.feed} url={actionData && 'feedUrl' in actionData ? actionData.feedUrl : null} />
    </div>
  )
}
