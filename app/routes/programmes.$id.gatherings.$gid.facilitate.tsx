import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { AgendaTable } from '~/modules/curriculum/components/agenda.tsx'
import { AgendaClock, RoundTimer, useHydrated } from '~/modules/curriculum/components/timers.tsx'
import { contentLang, getContent } from '~/modules/curriculum/index.ts'
import { getGathering, programmeAccess } from '~/modules/programmes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'facilitate.title', data?.gathering.title)

/** The coordinator's screen during a gathering: the agenda with a running clock, and team-round timers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:programmes')
  const access = await programmeAccess(viewer, params.id ?? '')
  const gathering = access?.access === 'manage' ? await getGathering(params.id!, params.gid ?? '') : null
  if (!gathering) notFound()
  const cl = contentLang((await getT(request, viewer)).lang)
  const rt = gathering.methods.includes('reflecting-team') ? getContent().methods.find((m) => m.slug === 'reflecting-team')?.text[cl] : undefined
  return { gathering, rounds: rt?.steps?.filter((s) => s.minutes).map((s) => ({ title: s.title, minutes: s.minutes! })) ?? [], contentLang: cl }
}

export default function Facilitate() {
  const t = useT()
  const lang = useLang()
  const hydrated = useHydrated()
  const { gathering, rounds, contentLang: cl } = useLoaderData<typeof loader>()
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
