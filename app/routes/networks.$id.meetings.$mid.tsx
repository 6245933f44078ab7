import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { RegisterForm } from '~/modules/attendance/components/register-form.tsx'
import { registerSchema } from '~/modules/attendance/schemas.ts'
import { minutesLink } from '~/modules/minutes/index.ts'
import { getMeeting, getMeetingRegister, requireNetwork, reuseOptions, saveMeetingRegister } from '~/modules/networks/index.ts'
import { formatDateTime, formatTime } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'networks.meeting', data?.meeting.topic)

async function load(request: Request, params: { id?: string; mid?: string }) {
  const found = await requireNetwork(request, params.id, 'insider')
  const meeting = await getMeeting(found.network.id, params.mid ?? '')
  if (!meeting) notFound()
  return { ...found, meeting }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, runs, meeting, viewer } = await load(request, params)
  const { lang } = await getT(request, viewer)
  const reuse = meeting.methodSlug ? `method:${meeting.methodSlug}` : meeting.sessionRef ? `session:${meeting.sessionRef}` : null
  const [register, minutes] = await Promise.all([runs ? getMeetingRegister(meeting) : null, minutesLink(viewer, { kind: 'meeting', id: meeting.id })])
  return {
    network: { id: network.id, name: network.name },
    meeting: { id: meeting.id, topic: meeting.topic, startsAt: meeting.startsAt, durationMinutes: meeting.durationMinutes, location: meeting.location, agenda: meeting.agenda },
    reuse: reuse ? { label: reuseOptions(lang).find((o) => o.value === reuse)?.label ?? reuse, href: meeting.methodSlug ? `/methods/${meeting.methodSlug}` : `/curriculum/${meeting.sessionRef}` } : null,
    register, runs, minutes,
    past: meeting.startsAt.getTime() <= Date.now(),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { network, runs, meeting, actor } = await load(request, params)
  if (!runs) notFound()
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: registerSchema })
  if (submission.status !== 'success') return data({ conflict: false, errors: submission.reply().error ?? undefined, current: undefined }, { status: 400 })
  const result = await saveMeetingRegister({ ...actor, ip: context.clientIp }, meeting, submission.value.version, submission.value.rows)
  if (result.ok) throw redirect(`/networks/${network.id}/meetings/${meeting.id}?saved=1`)
  if (result.reason === 'conflict') return data({ conflict: true, errors: undefined, current: await getMeetingRegister(meeting) }, { status: 409 })
  return data({ conflict: false, errors: result.fieldErrors, current: undefined }, { status: 400 })
}

export default function Meeting() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const register = actionData?.current ?? d.register
  const end = new Date(new Date(d.meeting.startsAt).getTime() + d.meeting.durationMinutes * 60_000)
  const status = params.get('saved') ? t('networks.registerSaved') : params.get('planned') ? t('networks.planned') : null
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/networks/${d.network.id}`}>{d.network.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.meeting.topic}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      {actionData?.conflict ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{t('networks.registerConflict')}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('networks.date')}</dt>
        <dd>
          {formatDateTime(d.meeting.startsAt, lang)}–{formatTime(end, lang)}
        </dd>
        {d.meeting.location ? (
          <>
            <dt>{t('networks.location')}</dt>
            <dd>{d.meeting.location}</dd>
          </>
        ) : null}
        {d.reuse ? (
          <>
            <dt>{t('networks.reusing')}</dt>
            <dd>
              <Link to={d.reuse.href}>{d.reuse.label}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {d.meeting.agenda ? (
        <section aria-labelledby="agenda">
          <h2 className="ds-heading" data-size="sm" id="agenda">
            {t('networks.agenda')}
          </h2>
          <p className="ds-paragraph pre-line">{d.meeting.agenda}</p>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="minutes">
        <h2 className="ds-heading" data-size="sm" id="minutes">
          {t('networks.minutes')}
        </h2>
        {d.minutes ? (
          <p className="ds-paragraph">
            <Link to={`/minutes/${d.minutes.id}`}>{t('networks.openMinutes')}</Link> ({t(`minutes.status.${d.minutes.status}`)})
          </p>
        ) : d.runs ? (
          <p className="ds-paragraph">
            <Link to={`/minutes/new?meeting=${d.meeting.id}`}>{t('networks.writeMinutes')}</Link>
          </p>
        ) : (
          <p className="ds-paragraph">–</p>
        )}
      </section>

      {d.runs && register ? (
        <section className="stack" aria-labelledby="register">
          <h2 className="ds-heading" data-size="sm" id="register">
            {t('networks.register')}
          </h2>
          <RegisterForm rows={register.rows} version={register.version} durationMinutes={d.meeting.durationMinutes} errors={actionData?.errors as Record<string, string[]> | undefined} />
        </section>
      ) : null}
    </div>
  )
}

/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
