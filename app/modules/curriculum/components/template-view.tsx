import { Form, Link } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { useHours } from './agenda.tsx'
import { SESSION_KINDS } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

export type TemplateSessionRow = { id: string; order: number; kind: string; title: string; theme: string; durationMinutes: number; preparation: string[]; methods: string[] }

/** The sessions of a template; with `editable`, each row has edit, move and remove controls (plain forms). */
export function TemplateSessions({ templateId, sessions, editable }: { templateId: string; sessions: TemplateSessionRow[]; editable: boolean }) {
  const t = useT()
  const hours = useHours()
  return (
    <div className="table-wrap">
      <table className="ds-table" data-border="true">
        <caption className="visually-hidden">{t('templates.sessions')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('curriculum.session')}</th>
            <th scope="col">{t('curriculum.hours')}</th>
            <th scope="col">{t('curriculum.theme')}</th>
            <th scope="col">{t('curriculum.preparation')}</th>
            {editable ? (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s, i) => (
            <tr key={s.id}>
              <td>{s.order}</td>
              <td>
                {s.title}
                {s.kind !== 'gathering' ? <span className="muted"> ({enumLabel(t, 'kind', SESSION_KINDS, s.kind)})</span> : null}
              </td>
              <td>{hours(s.durationMinutes)}</td>
              <td>{s.theme}</td>
              <td>{s.preparation.length}</td>
              {editable ? (
                <td>
                  <div className="row">
                    <Link to={`/templates/${templateId}/sessions/${s.id}`}>
                      {t('common.edit')}
                      <span className="visually-hidden"> {s.title}</span>
                    </Link>
                    <Form method="post" className="row">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" name="intent" value="up" className="ds-button" data-variant="tertiary" data-size="sm" disabled={i === 0} aria-label={t('templates.moveUp', { title: s.title })}>
                        ↑
                      </button>
                      <button type="submit" name="intent" value="down" className="ds-button" data-variant="tertiary" data-size="sm" disabled={i === sessions.length - 1} aria-label={t('templates.moveDown', { title: s.title })}>
                        ↓
                      </button>
                      <button type="submit" name="intent" value="remove" className="ds-button" data-variant="tertiary" data-color="danger" data-size="sm" aria-label={t('templates.remove', { title: s.title })}>
                        ✕
                      </button>
                    </Form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
