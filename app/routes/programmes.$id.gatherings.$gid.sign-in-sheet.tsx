import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { getRegister } from '~/modules/attendance/index.ts'
import { PrintButton } from '~/modules/curriculum/components/print-button.tsx'
import { requireGathering } from '~/modules/programmes/index.ts'
import { formatDate, formatTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'attendance.signInSheet', data?.gathering.title)

/** A paper register for gatherings without a tablet; the result is entered in the register afterwards. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { gathering } = await requireGathering(request, params, 'manage', 'record:attendance')
  const { rows } = await getRegister(gathering)
  return { gathering: { id: gathering.id, programmeId: gathering.programmeId, title: gathering.title, startsAt: gathering.startsAt, durationMinutes: gathering.durationMinutes, location: gathering.location, programme: gathering.programme.name }, names: rows.map((r) => r.name) }
}

export default function SignInSheet() {
  const t = useT()
  const lang = useLang()
  const { gathering, names } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <p className="ds-paragraph no-print">
        <Link to={`/programmes/${gathering.programmeId}/gatherings/${gathering.id}/register`}>{t('attendance.register')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('attendance.signInSheet')}
      </h1>
      <p className="ds-paragraph">
        {gathering.programme} · {gathering.title} · {formatDate(gathering.startsAt, lang)}, {formatTime(gathering.startsAt, lang)}
        {gathering.location ? ` · ${gathering.location}` : ''}
      </p>
      <table className="ds-table sign-in-sheet" data-border="true">
        <caption className="visually-hidden">{t('attendance.signInSheet')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('attendance.arrived')}</th>
            <th scope="col">{t('attendance.left')}</th>
            <th scope="col">{t('attendance.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((n) => (
            <tr key={n}>
              <td>{n}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="no-print">
        <PrintButton />
      </p>
    </div>
  )
}
