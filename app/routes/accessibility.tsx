import type { MetaFunction } from '@remix-run/node'
import { useT } from '~/components/i18n.tsx'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'a11y.title')

/** Shown when the municipality has not yet linked its official statement on uustatus.no. */
export default function Accessibility() {
  const t = useT()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('a11y.title')}
      </h1>
      <p className="ds-paragraph">{t('a11y.lead')}</p>
      <p className="ds-paragraph">{t('a11y.official')}</p>
      <p className="ds-paragraph">
        <a href="https://uustatus.no/">uustatus.no</a>
      </p>
    </div>
  )
}
