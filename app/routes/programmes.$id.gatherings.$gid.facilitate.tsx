import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { env } from '~/env.server.ts'
import { checkInCode, currentCheckInCode } from '~/modules/attendance/index.ts'
import { useLang, useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { AgendaTable } from '~/modules/curriculum/components/agenda.tsx'
import { AgendaClock, RoundTimer, useHydrated } from '~/modules/curriculum/components/timers.tsx'
import { contentLang, getContent } from '~/modules/curriculum/index.ts'
import { requireGathering } from '~/modules/programmes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'facilitate.title', data?.gathering.title)

/** The coordinator's screen during a gathering: the agenda with a running clock, and team-round timers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, gathering } = await requireGathering(request, params, 'manage', 'manage:programmes')
  const cl = contentLang((await getT(request, viewer)).lang)
  const rt = gathering.methods.includes('reflecting-team') ? getContent().methods.find((m) => m.slug === 'reflecting-team')?.text[cl] : undefined
  const code = await currentCheckInCode(gathering.id)
  return { gathering, rounds: rt?.steps?.filter((s) => s.minutes).map((s) => ({ title: s.title, minutes: s.minutes! })) ?? [], contentLang: cl, code, checkInUrl: new URL('/check-in', env.APP_URL).toString() }
}

/** Shows (making it if needed) the short code mentors check in with. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { gathering, viewer } = await requireGathering(request, params, 'manage', 'record:attendance')
  await checkInCode(viewer.userId, gathering)
  throw redirect(`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/facilitate#checkin-heading`)
}

export default function Facilitate() {
  const t = useT()
  const lang = useLang()
  const hydrated = useHydrated()
  const { gathering, rounds, contentLang: cl, code, checkInUrl } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}`}>{t('facilitate.back')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('facilitate.title')}: {gathering.title}
      </h1>
      <p className="ds-paragraph">
        {formatDate(gathering.startsAt, lang)}, {formatTime(gathering.startsAt, lang)}
      </p>
      {hydrated && gathering.agenda.length ? <AgendaClock blocks={gathering.agenda} /> : <p className="ds-paragraph muted">{t('facilitate.noScript')}</p>}
      <section className="stack" aria-labelledby="static-agenda">
        <h2 className="ds-heading" data-size="sm" id="static-agenda">
          {t('curriculum.agenda')}
        </h2>
        <AgendaTable blocks={gathering.agenda} durationMinutes={gathering.durationMinutes} startsAt={gathering.startsAt} />
      </section>
      <section className="stack ds-card" aria-labelledby="checkin-heading">
        <h2 className="ds-heading" data-size="sm" id="checkin-heading">
          {t('checkin.title')}
        </h2>
        {code ? (
          <>
            <p className="ds-paragraph">{t('checkin.instructions', { url: checkInUrl })}</p>
            <p className="checkin-code" data-testid="checkin-code">
              {code.code}
            </p>
            <p className="ds-paragraph muted">{t('checkin.validUntil', { time: formatTime(code.expiresAt, lang) })}</p>
          </>
        ) : (
          <Form method="post">
            <p className="ds-paragraph">{t('checkin.lead')}</p>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('checkin.show')}
            </button>
          </Form>
        )}
      </section>
      {rounds.length ? (
        <section className="stack" aria-labelledby="rt-heading">
          <h2 className="ds-heading" data-size="sm" id="rt-heading">
            {t('facilitate.rounds')}
          </h2>
          <p className="ds-paragraph">{t('facilitate.roundsLead')}</p>
          {hydrated ? (
            <div className="timers" lang={cl}>
              {rounds.map((r, i) => (
                <RoundTimer key={i} label={r.title} minutes={r.minutes} warnAt={3} />
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
