import { Form } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { formatDateTime } from '~/utils/format.ts'
import type { DiffLine } from '../rules.ts'

/** Two versions of the minutes side by side: pick them, see the lines added and removed. */
export function VersionCompare({ versions, diff }: { versions: { version: number; createdAt: Date | string }[]; diff: { from: number; to: number; lines: DiffLine[] } | null }) {
  const t = useT()
  const lang = useLang()
  return (
    <section className="stack" aria-labelledby="versions-heading">
      <h2 className="ds-heading" data-size="sm" id="versions-heading">
        {t('minutes.compare')}
      </h2>
      <Form method="get" className="row-end">
        <div className="ds-field">
          <label className="ds-label" htmlFor="diff-from">
            {t('minutes.from')}
          </label>
          <select className="ds-input" id="diff-from" name="from" defaultValue={diff?.from ?? versions[versions.length - 2].version}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t('minutes.version', { version: v.version })} ({formatDateTime(v.createdAt, lang)})
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="diff-to">
            {t('minutes.to')}
          </label>
          <select className="ds-input" id="diff-to" name="to" defaultValue={diff?.to ?? versions[versions.length - 1].version}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t('minutes.version', { version: v.version })} ({formatDateTime(v.createdAt, lang)})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('minutes.showDiff')}
        </button>
      </Form>
      {diff ? (
        <figure className="stack">
          <figcaption>{t('minutes.diffCaption', { from: diff.from, to: diff.to })}</figcaption>
          <ul className="diff" data-testid="diff">
            {diff.lines.map((l, i) => (
              <li key={i} className={l.kind === 'same' ? undefined : `diff-${l.kind}`}>
                {l.kind === 'added' ? <span className="visually-hidden">{t('minutes.added')}: </span> : l.kind === 'removed' ? <span className="visually-hidden">{t('minutes.removed')}: </span> : null}
                {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '− ' : '  '}
                {l.text || ' '}
              </li>
            ))}
          </ul>
        </figure>
      ) : null}
    </section>
  )
}
