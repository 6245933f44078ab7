import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { db } from '~/db.server.ts'
import { type MessageKey } from '~/i18n/index.ts'
import { LANGUAGES } from '~/i18n/lang.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { feedUrl, hasFeed, rotateFeed } from '~/modules/programmes/index.ts'
import { CalendarFeedSection } from '~/modules/programmes/components/calendar-feed.tsx'
import { pageTitle } from '~/utils/meta.ts'
import { redirect } from '@remix-run/node'
import { isLang } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  return { name: viewer.name, email: viewer.email, language: viewer.language, roles: viewer.roles, platformRoles: viewer.platformRoles, municipality: viewer.municipality?.name ?? null, hasFeed: await hasFeed('personal', viewer.userId, null) }
}

/** Language preference (a language, or the municipality's default), and the personal calendar address. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const form = await request.formData()
  if (form.get('intent') === 'calendar') return { feedUrl: feedUrl(await rotateFeed('personal', viewer.userId, null)) }
  const value = form.get('language')
  if (value !== '' && !isLang(value)) throw new Response('Unknown language', { status: 400 })
  await db.user.update({ where: { id: viewer.userId }, data: { language: value === '' ? null : value } })
  throw redirect('/account')
}

export default function Account() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const roles = [...data.roles, ...data.platformRoles]
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('account.title')}
      </h1>
      <dl className="stack-sm">
        <dt className="ds-label">{t('field.name')}</dt>
        <dd>{data.name}</dd>
        <dt className="ds-label">{t('field.email')}</dt>
        <dd>{data.email}</dd>
        {data.municipality ? (
          <>
            <dt className="ds-label">{t('layout.municipality')}</dt>
            <dd>{data.municipality}</dd>
          </>
        ) : null}
        <dt className="ds-label">{t('account.roles')}</dt>
        <dd>{roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</dd>
      </dl>
      <Form method="post" className="form-narrow form-grid">
        <div className="ds-field">
          <label className="ds-label" htmlFor="language">
            {t('account.language')}
          </label>
          <select id="language" name="language" className="ds-input" defaultValue={data.language ?? ''}>
            <option value="">{t('account.languageDefault')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('common.save')}
          </button>
        </div>
      </Form>
      <p className="ds-paragraph">
        <Link to="/account/password">{t('password.title')}</Link>
      </p>
      <CalendarFeedSection title={t('calendar.personal')} lead={t('calendar.personalLead')} exists={data.hasFeed} url={actionData?.feedUrl} />
    </div>
  )
}
