import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { SubmitButton } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { applyRetention, retentionReport } from '~/modules/privacy/index.ts'
import { applyRetentionSchema } from '~/modules/privacy/schemas.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.admin.title')

/** The retention dry run for the admin's municipality: what would go today. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  return { report: await retentionReport({ municipalityId: requireMunicipalityId(viewer) }) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, applyRetentionSchema)
  if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
  const done = await applyRetention({ municipalityId, actorId: viewer.userId, ip: context.clientIp })
  throw redirect(`/admin/privacy?done=${Object.values(done).reduce((a, b) => a + b, 0)}`)
}

export default function PrivacyAdmin() {
  const t = useT()
  const { report } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const total = report.lines.reduce((n, l) => n + l.count, 0)
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.admin.title')}
      </h1>
      <StatusMessage>{done !== null && /^\d+$/.test(done) ? t('privacy.retention.applied', { count: done }) : null}</StatusMessage>
      <p className="ds-paragraph">{t('privacy.admin.lead')}</p>
      <ul className="ds-list">
        <li>
          <Link to="/admin/privacy/notice">{t('privacy.admin.noticeLink')}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t('privacy.admin.auditLink')}</Link>
        </li>
      </ul>
      <p className="ds-paragraph">{t('privacy.admin.personHint')}</p>
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('privacy.admin.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.retention.rule')}</th>
              <th scope="col">{t('privacy.retention.keep')}</th>
              <th scope="col">{t('privacy.retention.cutoff')}</th>
              <th scope="col">{t('privacy.retention.count')}</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">
                  {t(`privacy.retention.key.${line.key}`)} ({t(`privacy.retention.action.${line.action}`).toLowerCase()})
                </th>
                <td>{t('privacy.retention.months', { months: line.months })}</td>
                <td>{line.cutoff}</td>
                <td className="num">{line.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.lines
        .filter((l) => l.samples.length)
        .map((line) => (
          <section key={line.key} className="stack" aria-labelledby={`samples-${line.key}`}>
            <h2 className="ds-heading" data-size="sm" id={`samples-${line.key}`}>
              {t(`privacy.retention.key.${line.key}`)}: {t('privacy.retention.examples').toLowerCase()}
            </h2>
            <ul className="ds-list">
              {line.samples.map((s) => (
                <li key={s.id}>
                  {s.label} ({s.date})
                </li>
              ))}
            </ul>
          </section>
        ))}
      <p className="ds-paragraph">{t('privacy.retention.diplomas')}</p>
      {total > 0 ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="apply-retention" />
          <p className="ds-paragraph">{t('privacy.retention.applyHint')}</p>
          <div>
            <SubmitButton variant="secondary">{t('privacy.retention.apply')}</SubmitButton>
          </div>
        </Form>
      ) : (
        <p className="ds-paragraph">{t('privacy.retention.nothing')}</p>
      )}
    </div>
  )
}
