import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getViewer } from '~/modules/auth/index.ts'
import { privacyController } from '~/modules/tenancy/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.title')

/** Public. With ?kommune=<slug> it names that municipality (and speaks its default language). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  const municipality = await privacyController(new URL(request.url).searchParams.get('kommune'), viewer?.municipality?.id ?? null)
  return { municipality }
}

export default function Privacy() {
  const t = useT()
  const { municipality } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.title')}
      </h1>
      <p className="ds-paragraph">{municipality ? t('privacy.controllerNamed', { municipality: municipality.name }) : t('privacy.controller')}</p>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.whatHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.what')}</p>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.notHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.not')}</p>
      <h2 className="ds-heading" data-size="sm">
        {t('privacy.rightsHeading')}
      </h2>
      <p className="ds-paragraph">{t('privacy.rights')}</p>
      {municipality?.privacyContactEmail ? <p className="ds-paragraph">{t('privacy.contact', { municipality: municipality.name, email: municipality.privacyContactEmail })}</p> : null}
    </div>
  )
}
