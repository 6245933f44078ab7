import { Form } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { useLang } from '~/components/i18n.tsx'
import { formatDateTime } from '~/utils/format.ts'
import type { MySession } from '../sessions.server.ts'

/** "My sessions" on the account page: device, sign-in and last activity; end one or all others. */
export function MySessions({ sessions, notice }: { sessions: MySession[]; notice: 'ended' | 'endedOthers' | null }) {
  const t = useT()
  const lang = useLang()
  const others = sessions.filter((s) => !s.current)
  return (
    <section className="stack-sm" aria-labelledby="sessions-heading">
      <h2 className="ds-heading" data-size="sm" id="sessions-heading">
        {t('sessions.title')}
      </h2>
      <p className="ds-paragraph">{t('sessions.lead')}</p>
      {notice ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t(notice === 'ended' ? 'sessions.ended' : 'sessions.endedOthers')}</p>
        </div>
      ) : null}
      <ul className="cards">
        {sessions.map((s) => (
          <li key={s.id} className="ds-card stack-sm" data-testid="session">
            <p className="ds-paragraph">
              <strong>{s.device ? t('sessions.deviceOn', s.device) : t('sessions.unknownDevice')}</strong>
              {s.current ? ` – ${t('sessions.current')}` : null}
            </p>
            <p className="ds-paragraph" data-size="sm">
              {t('sessions.started')}: {formatDateTime(s.signedInAt, lang)} · {t('sessions.lastSeen')}: {formatDateTime(s.lastSeenAt, lang)}
            </p>
            {s.current ? null : (
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" name="intent" value="end-session">
                  {t('sessions.end')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 1 ? (
        <Form method="post">
          <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="end-other-sessions">
            {t('sessions.endOthers')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
