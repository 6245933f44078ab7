import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getViewer } from '~/modules/auth/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home.title')

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect('/dashboard')
  return null
}

export default function Index() {
  const t = useT()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="xl">
        {t('home.heading')}
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {t('home.lead')}
      </p>
      <ul className="ds-list">
        <li>{t('home.forCoordinators')}</li>
        <li>{t('home.forMentors')}</li>
        <li>{t('home.forLeaders')}</li>
      </ul>
      <p className="ds-paragraph">
        <Link to="/login" className="ds-button" data-variant="primary">
          {t('layout.login')}
        </Link>
      </p>
    </div>
  )
}
