import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT, type useLang } from '~/components/i18n.tsx'
import { formatDateTime } from '~/utils/format.ts'
import { SERVICE_TYPES } from '~/modules/tenancy/schemas.ts'
import { isOneOf } from '~/utils/one-of.ts'
import { materialSchema } from '../schemas.ts'

type Member = { userId: string; name: string; status: string; external: boolean; municipality: string; unit: string | null; serviceType: string | null }

/** The network's members; whoever runs the network may remove them, a member may leave. */
export function MemberTable({ members, runs, contactId, canLeave, error }: { members: Member[]; runs: boolean; contactId: string; canLeave: boolean; error?: string[] }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="members">
      <h2 className="ds-heading" data-size="sm" id="members">
        {t('networks.members')}
      </h2>
      {error ? <FormErrors id="member-errors" errors={error} /> : null}
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('networks.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('networks.unit')}</th>
              <th scope="col">{t('networks.serviceType')}</th>
              {runs ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((p) => (
              <tr key={p.userId}>
                <td>
                  {p.name}
                  {p.userId === contactId ? <span className="muted"> ({t('networks.contact')})</span> : null}
                  {p.status === 'invited' ? <span className="muted"> ({t('networks.status.invited')})</span> : null}
                </td>
                {p.external ? (
                  <td colSpan={2}>{t('networks.fromMunicipality', { municipality: p.municipality })}</td>
                ) : (
                  <>
                    <td>{p.unit ?? '–'}</td>
                    <td>{isOneOf(SERVICE_TYPES, p.serviceType) ? t(`serviceType.${p.serviceType}`) : '–'}</td>
                  </>
                )}
                {runs ? (
                  <td>
                    {p.userId !== contactId ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={p.userId} />
                        <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                          {t('networks.remove', { name: p.name })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canLeave ? (
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <SubmitButton variant="secondary">{t('networks.leave')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}

/** Requests to join, accepted or declined by whoever runs the network. */
export function JoinRequests({ requests }: { requests: { userId: string; name: string }[] }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="requests">
      <h2 className="ds-heading" data-size="sm" id="requests">
        {t('networks.requests')}
      </h2>
      <ul className="stack">
        {requests.map((r) => (
          <li key={r.userId}>
            <Form method="post" className="row">
              <input type="hidden" name="userId" value={r.userId} />
              <span>{r.name}</span>
              <button type="submit" className="ds-button" data-variant="primary" data-size="sm" name="intent" value="accept">
                {t('networks.accept', { name: r.name })}
              </button>
              <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" name="intent" value="decline">
                {t('networks.decline', { name: r.name })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Pages and links shared in the network; whoever runs it adds and removes them. */
export function NetworkMaterials({ materials, runs, lastResult }: { materials: { id: string; kind: 'page' | 'link'; title: string; url: string | null; html: string | null }[]; runs: boolean; lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const [form, m] = useZodForm('material', materialSchema, lastResult, { kind: 'page' })
  return (
    <section className="stack" aria-labelledby="materials">
      <h2 className="ds-heading" data-size="sm" id="materials">
        {t('networks.materials')}
      </h2>
      {materials.length ? null : <p className="ds-paragraph">{t('networks.noMaterials')}</p>}
      {materials.map((x) => (
        <article key={x.id} className="stack" aria-labelledby={`material-${x.id}`}>
          <h3 className="ds-heading" data-size="xs" id={`material-${x.id}`}>
            {x.kind === 'link' ? <a href={x.url!} rel="noopener noreferrer">{x.title}</a> : x.title}
          </h3>
          {x.html ? <div className="content-body" dangerouslySetInnerHTML={{ __html: x.html }} /> : null}
          {runs ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-material" />
              <input type="hidden" name="materialId" value={x.id} />
              <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                {t('networks.removeMaterial', { title: x.title })}
              </button>
            </Form>
          ) : null}
        </article>
      ))}
      {runs ? (
        <Form method="post" {...getFormProps(form)} className="form-grid form-narrow" aria-labelledby="material-heading">
          <h3 className="ds-heading" data-size="xs" id="material-heading">
            {t('networks.addMaterial')}
          </h3>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="material" />
          <SelectField field={m.kind} label={t('networks.materialKind')} options={[{ value: 'page', label: t('networks.materialKind.page') }, { value: 'link', label: t('networks.materialKind.link') }]} />
          <TextField field={m.title} label={t('networks.materialTitle')} />
          <TextareaField field={m.body} label={t('networks.materialBody')} rows={5} />
          <TextField field={m.url} label={t('networks.materialUrl')} type="url" />
          <div>
            <SubmitButton variant="secondary">{t('networks.addMaterial')}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  )
}

export function MeetingList({ networkId, meetings, lang, showPresent }: { networkId: string; meetings: { id: string; startsAt: string | Date; topic: string; location: string | null; present: number }[]; lang: ReturnType<typeof useLang>; showPresent?: boolean }) {
  const t = useT()
  if (!meetings.length) return <p className="ds-paragraph">{t('networks.noMeetings')}</p>
  return (
    <ul className="stack" data-testid="meetings">
      {meetings.map((x) => (
        <li key={x.id}>
          <Link to={`/networks/${networkId}/meetings/${x.id}`}>
            {formatDateTime(x.startsAt, lang)}: <span data-user-content>{x.topic}</span>
          </Link>
          {x.location ? <span className="muted"> – {x.location}</span> : null}
          {showPresent ? <span className="muted"> – {t('networks.presentCount', { count: x.present })}</span> : null}
        </li>
      ))}
    </ul>
  )
}
