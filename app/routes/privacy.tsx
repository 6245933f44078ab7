import type { MetaFunction } from '@remix-run/node'
import { useT } from '~/components/i18n.tsx'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.title')

export default function Privacy() {
  const t = useT()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.title')}
      </h1>
      <p className="ds-paragraph">{t('privacy.controller')}</p>
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
    </div>
  )
}
