import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { AgendaTable, useHours } from '~/modules/curriculum/components/agenda.tsx'
import { PreparationForm, PreparationOverview } from '~/modules/programmes/components/preparation.tsx'
import { myAbsence, notifyAbsence, withdrawAbsence } from '~/modules/attendance/index.ts'
import { AbsenceForm } from '~/modules/attendance/components/absence-form.tsx'
import { enrolledAt, getPreparation, preparationOverview, requireGathering, savePreparation } from '~/modules/programmes/index.ts'
import { gatheringActionSchema } from '~/modules/programmes/schemas.server.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { gatheringMinutes } from '~/modules/minutes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { invalid, parseWithZod } from '~/utils/forms.server.ts'
import { MethodLinks } from '~/modules/curriculum/components/method-links.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { pageTitle } from '~/utils/meta.ts'
import { SESSION_KINDS } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'programmes.gathering', data?.gathering.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, access, gathering } = await requireGathering(request, params, 'any')
  const manage = access === 'manage'
  const [mine, overview, absence, enrolled] = await Promise.all([
    manage ? null : getPreparation(gathering.id, viewer.userId),
    manage ? preparationOverview(await loadAudience(viewer), gathering.programmeId, gathering) : null,
    manage ? null : myAbsence(viewer.userId, gathering.id),
    manage ? true : enrolledAt(gathering.programmeId, viewer.userId, gathering.startsAt),
  ])
  const upcoming = gathering.startsAt.getTime() + gathering.durationMinutes * 60_000 > Date.now()
  // Minutes of the gathering: a link for those who may read them; the coordinator may start them.
  const minutes = upcoming ? null : await gatheringMinutes(viewer, gathering.id)
  return { manage, gathering, mine, overview, absence, upcoming, left: !enrolled, minutes }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, access, gathering, municipalityId } = await requireGathering(request, params, 'any')
  if (access !== 'participant') throw new Response('Forbidden', { status: 403 })
  const submission = parseWithZod(await request.formData(), { schema: gatheringActionSchema })
  const intent = submission.payload.intent
  const here = `/programmes/${gathering.programmeId}/gatherings/${gathering.id}`
  // Someone who left the run before this gathering sends nothing more for it.
  if (intent !== 'withdraw-absence' && !(await enrolledAt(gathering.programmeId, viewer.userId, gathering.startsAt)))
    throw new Response((await getT(request)).t('enrol.leftBeforeGathering'), { status: 403 })
  if (submission.status !== 'success') {
    if (intent === 'absence') throw new Response('Unknown reason', { status: 400 })
    return invalid(submission.reply())
  }
  const value = submission.value
  if (value.intent === 'absence' || value.intent === 'withdraw-absence') {
    if (value.intent === 'withdraw-absence') await withdrawAbsence(viewer.userId, gathering.id)
    else await notifyAbsence(viewer.userId, gathering, value.reason)
    throw redirect(`${here}?absence=${value.intent === 'absence' ? 'sent' : 'withdrawn'}#absence-heading`)
  }
  const answers = gathering.preparation.map((_, i) => value.answers[i] ?? '')
  await savePreparation({ userId: viewer.userId }, { id: gathering.id, programmeId: gathering.programmeId, municipalityId }, answers, !!value.share)
  throw redirect(`/programmes/${gathering.programmeId}/gatherings/${gathering.id}?saved=1#prep-heading`)
}

export default function GatheringPage() {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const { gathering, manage, mine, overview, absence, upcoming, left } = data
  const actionData = useActionData<typeof action>()
  const end = new Date(new Date(gathering.startsAt).getTime() + gathering.durationMinutes * 60_000)
  return (
    <div className="stack">
      <p className="ds-paragraph no-print">
        <Link to={`/programmes/${gathering.programmeId}`}>{gathering.programme.name}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {gathering.order}. {gathering.title}
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {formatDate(gathering.startsAt, lang)}, {formatTime(gathering.startsAt, lang)}–{formatTime(end, lang)}
        {gathering.location ? ` · ${gathering.location}` : ''} · {enumLabel(t, 'kind', SESSION_KINDS, gathering.kind)}, {t('curriculum.hoursLong', { hours: hours(gathering.durationMinutes) })}
      </p>
      <p className="ds-paragraph">{gathering.theme}</p>
      {data.minutes?.id ? (
        <p className="ds-paragraph no-print">
          <Link to={`/minutes/${data.minutes.id}`}>{t('minutes.gatheringMinutes')}</Link>
        </p>
      ) : data.minutes?.writes ? (
        <p className="ds-paragraph no-print">
          <Link to={`/minutes/new?gathering=${gathering.id}`}>{t('networks.writeMinutes')}</Link>
        </p>
      ) : null}
      <p className="row no-print">
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/cases`}>{t('cases.picked')}</Link>
        {gathering.contentSlug && gathering.programme.sourceSlug ? <Link to={`/curriculum/${gathering.programme.sourceSlug}/${gathering.contentSlug}`}>{t('programmes.aboutSession')}</Link> : null}
        {manage ? (
          <>
            <Link className="ds-button" data-variant="primary" to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/facilitate`}>
              {t('facilitate.open')}
            </Link>
            <Link className="ds-button" data-variant="secondary" to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/register`}>
              {t('attendance.register')}
            </Link>
            <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/edit`}>{t('gathering.edit')}</Link>
          </>
        ) : null}
      </p>
      {!manage && upcoming && !left ? <AbsenceForm absence={absence} /> : null}
      <section className="stack" aria-labelledby="agenda-heading">
        <h2 className="ds-heading" data-size="sm" id="agenda-heading">
          {t('curriculum.agenda')}
        </h2>
        <AgendaTable blocks={gathering.agenda} durationMinutes={gathering.durationMinutes} startsAt={gathering.startsAt} />
      </section>
      <MethodLinks methods={gathering.methods} headingId="methods-heading" />
      <section className="stack" aria-labelledby="prep-heading">
        <h2 className="ds-heading" data-size="sm" id="prep-heading">
          {t('curriculum.preparation')}
        </h2>
        {!gathering.preparation.length ? (
          <p className="ds-paragraph">{t('curriculum.noPreparation')}</p>
        ) : manage ? (
          <>
            <ol className="ds-list">
              {gathering.preparation.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
            {overview ? <PreparationOverview rows={overview} /> : null}
          </>
        ) : left ? (
          <p className="ds-paragraph">{t('enrol.leftBeforeGathering')}</p>
        ) : (
          <PreparationForm
            tasks={gathering.preparation}
            // After a refused save the form shows what was typed, not what was stored.
            answers={(actionData?.result?.initialValue?.answers as string[] | undefined) ?? mine?.answers ?? []}
            shared={actionData ? actionData.result?.initialValue?.share === 'on' : (mine?.shared ?? false)}
            errors={actionData ? ['error'] : undefined}
          />
        )}
      </section>
    </div>
  )
}
