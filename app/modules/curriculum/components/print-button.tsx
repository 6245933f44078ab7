import { useT } from '~/components/i18n.tsx'
import { useHydrated } from './timers.tsx'

/** A print button once JavaScript runs; without it the browser's own Print works the same (print CSS). */
export function PrintButton() {
  const t = useT()
  const hydrated = useHydrated()
  if (!hydrated) return <span className="muted">{t('common.printHint')}</span>
  return (
    <button type="button" className="ds-button" data-variant="secondary" onClick={() => window.print()}>
      {t('common.print')}
    </button>
  )
}
