import { Link } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { METHOD_SLUGS } from '~/modules/curriculum/method-slugs.ts'
import { enumLabel } from '~/i18n/lang.ts'

/** The methods a session uses, linked to their pages. */
export function MethodLinks({ methods, headingId }: { methods: readonly string[]; headingId: string }) {
  const t = useT()
  if (!methods.length) return null
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="ds-heading" data-size="sm" id={headingId}>
        {t('curriculum.methods')}
      </h2>
      <ul className="ds-list">
        {methods.map((m) => (
          <li key={m}>
            <Link to={`/methods/${m}`}>{enumLabel(t, 'method', METHOD_SLUGS, m)}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
