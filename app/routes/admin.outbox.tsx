import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { env } from '~/env.server.ts'
import { permissionScope, protectedRecipients, requirePermission } from '~/modules/auth/index.ts'
import { listOutbox } from '~/modules/mail/index.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outbox.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:outbox')
  // Municipal admins see their municipality's mail; a platform admin sees all.
  const scope = permissionScope(viewer, 'read:outbox')
  const municipalityId = scope === 'platform' ? null : scope!.municipalityId
  // Bodies hold one-time links. They are shown only while no SMTP server is set
  // up (development and demos); in production admins see who got what, when.
  const showBodies = !env.SMTP_URL
  const messages = await listOutbox({ municipalityId })
  // Never a one-time link for an account that reaches beyond this municipality
  // (a platform role, or a role elsewhere): reading it would be a takeover.
  const linkBearing = messages.filter((m) => m.kind === 'invite' || m.kind === 'reset')
  const hidden = municipalityId && showBodies ? await protectedRecipients(linkBearing.map((m) => m.toAddress), municipalityId) : new Set<string>()
  const bodyOf = (m: (typeof messages)[number]) => (showBodies && !((m.kind === 'invite' || m.kind === 'reset') && hidden.has(m.toAddress)) ? m.textBody : null)
  return {
    showBodies,
    messages: messages.map((m) => ({ id: m.id, to: m.toAddress, subject: m.subject, status: m.status, kind: m.kind, createdAt: m.createdAt, text: bodyOf(m) })),
  }
}

export default function Outbox() {
  const t = useT()
  const lang = useLang()
  const { messages, showBodies } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('outbox.title')}
      </h1>
      <p className="ds-paragraph">{showBodies ? t('outbox.leadNoSmtp') : t('outbox.lead')}</p>
      {messages.length === 0 ? <p className="ds-paragraph">{t('outbox.empty')}</p> : null}
      <ol className="stack" aria-label={t('outbox.title')}>
        {messages.map((m) => (
          <li key={m.id} className="ds-card" data-testid="outbox-message">
            {/* The e-mail as sent, in its recipient's language: content, not interface text. */}
            <p className="ds-paragraph" data-user-content>
              <strong>{m.subject}</strong>
            </p>
            <p className="ds-paragraph muted" data-size="sm">
              {t('outbox.to')}: <span data-testid="outbox-to">{m.to}</span> · {formatDateTime(m.createdAt, lang)} · {t(`outbox.status.${m.status as 'pending'}`)}
            </p>
            {m.text ? <pre className="ds-paragraph pre-wrap" data-user-content>{m.text}</pre> : null}
          </li>
        ))}
      </ol>
    </div>
  )
}
