import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { type MessageKey } from '~/i18n/index.ts'
import { getT } from '~/i18n/lang.server.ts'
import {
  addMaterial, addMember, addMemberSchema, decideRequest, inviteSchema, invitePerson, leaveNetwork, listMaterials, listMeetings, materialSchema,
  memberCandidates, NETWORK_INTENTS, networkActionSchema, networkMembers, removeMaterial, requestToJoin, requireNetwork,
} from '~/modules/networks/index.ts'
import { invalid } from '~/utils/forms.server.ts'
import { formatDateTime } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'networks.title', data?.network.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, access, runs, insider, viewer } = await requireNetwork(request, params.id, 'any')
  const [members, contact] = await Promise.all([
    insider ? networkMembers(network, runs ? ['active', 'requested', 'invited'] : ['active']) : Promise.resolve([]),
    networkMembers({ id: network.id, municipalityId: network.municipalityId }).then((m) => m.find((x) => x.userId === network.contactId)?.name ?? null),
  ])
  const [meetings, materials, candidates] = await Promise.all([
    insider ? listMeetings(network.id) : Promise.resolve({ upcoming: [], past: [] }),
    insider ? listMaterials(network.id) : Promise.resolve([]),
    runs ? memberCandidates(network) : Promise.resolve([]),
  ])
  return {
    network: { id: network.id, name: network.name, description: network.description, contactId: network.contactId },
    contact, access, runs, insider, me: viewer.userId,
    members: members.filter((m) => m.status === 'active' || (runs && m.status === 'invited')),
    requests: members.filter((m) => m.status === 'requested'),
    meetings, materials, candidates,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { network, runs, insider, viewer, actor } = await requireNetwork(request, params.id, 'any')
  const here = `/networks/${network.id}`
  const submission = parseWithZod(await request.formData(), { schema: networkActionSchema })
  const intent = NETWORK_INTENTS.find((i) => i === submission.payload.intent)
  if (!intent) throw new Response('Unknown intent', { status: 400 })
  const fullActor = { ...actor, ip: context.clientIp }
  if (intent === 'leave' && !insider) notFound()
  // Everything but joining and leaving runs the network: the contact person or a manager of the owning municipality.
  if (intent !== 'join' && intent !== 'leave' && !runs) notFound()
  if (submission.status !== 'success') {
    if (intent === 'accept' || intent === 'decline' || intent === 'remove') throw new Response('Bad Request', { status: 400 })
    return invalid(submission.reply(), { extra: { form: intent } })
  }
  const value = submission.value
  switch (value.intent) {
    case 'join': {
      const result = await requestToJoin(viewer, network)
      if (!result.ok) throw new Response(result.error, { status: 403 })
      throw redirect(`${here}?requested=1`)
    }
    case 'leave': {
      const result = await leaveNetwork({ userId: viewer.userId, municipalityId: viewer.municipality?.id ?? null, ip: context.clientIp }, network, viewer.userId)
      if (!result.ok) return invalid({ status: 'error', error: { '': [result.error] } }, { extra: { form: 'leave' } })
      throw redirect('/networks')
    }
    case 'add': {
      const result = await addMember(fullActor, network, value.userId)
      if (!result.ok) return invalid(submission.reply({ fieldErrors: { userId: [result.error] } }), { extra: { form: 'add' } })
      throw redirect(`${here}?members=1`)
    }
    case 'invite': {
      const { lang } = await getT(request, viewer)
      const result = await invitePerson(fullActor, network, value.email, lang)
      if (!result.ok) return invalid(submission.reply({ fieldErrors: { email: [result.error] } }), { extra: { form: 'invite' } })
      throw redirect(`${here}?invited=1`)
    }
    case 'accept':
    case 'decline': {
      const result = await decideRequest(fullActor, network.id, value.userId, value.intent === 'accept')
      if (!result.ok) notFound()
      throw redirect(`${here}?members=1`)
    }
    case 'remove': {
      const result = await leaveNetwork(fullActor, network, value.userId)
      if (!result.ok) return invalid({ status: 'error', error: { '': [result.error] } }, { extra: { form: 'remove' } })
      throw redirect(`${here}?members=1`)
    }
    case 'material':
      await addMaterial(fullActor, network.id, value)
      throw redirect(`${here}?material=1`)
    case 'remove-material':
      if (!(await removeMaterial(network.id, value.materialId))) notFound()
      throw redirect(here)
  }
}

function statusText(t: ReturnType<typeof useT>, params: URLSearchParams) {
  if (params.get('created')) return t('networks.created')
  if (params.get('members')) return t('networks.memberSaved')
  if (params.get('invited')) return t('networks.inviteSent')
  if (params.get('material')) return t('networks.materialSaved')
  if (params.get('requested')) return t('networks.requestSent')
  if (params.get('joined')) return t('networks.inviteAnswered')
  if (params.get('planned')) return t('networks.planned')
  return null
}

export default function NetworkPage() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const result = (form: string) => (actionData && 'form' in actionData && actionData.form === form ? actionData.result : undefined)
  const [add, a] = useZodForm('add', addMemberSchema, result('add'))
  const [invite, i] = useZodForm('invite', inviteSchema, result('invite'))
  const [material, m] = useZodForm('material', materialSchema, result('material'), { kind: 'page' })
  const status = statusText(t, params)
  const memberError = result('remove') ?? result('leave')
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/networks">{t('networks.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.network.name}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      <p className="ds-paragraph">
        {t('networks.contact')}: {d.contact ?? '–'}
      </p>
      {d.network.description ? <p className="ds-paragraph">{d.network.description}</p> : null}

      {d.access === 'invited' ? (
        <Form method="post" action="/networks" className="row">
          <input type="hidden" name="networkId" value={d.network.id} />
          <button type="submit" className="ds-button" data-variant="primary" name="answer" value="accept">
            {t('networks.acceptInvite')}
          </button>
          <button type="submit" className="ds-button" data-variant="secondary" name="answer" value="decline">
            {t('networks.declineInvite')}
          </button>
        </Form>
      ) : null}
      {d.access === 'colleague' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="join" />
          <SubmitButton variant="secondary">{t('networks.askToJoin')}</SubmitButton>
        </Form>
      ) : null}
      {d.access === 'requested' ? <p className="ds-paragraph">{t('networks.status.requested')}</p> : null}

      {d.insider ? (
        <>
          <section className="stack" aria-labelledby="members">
            <h2 className="ds-heading" data-size="sm" id="members">
              {t('networks.members')}
            </h2>
            {memberError && 'error' in memberError ? <FormErrors id="member-errors" errors={(memberError.error as Record<string, string[]>)['']} /> : null}
            <div className="table-wrap">
              <table className="ds-table" data-border="true">
                <caption className="visually-hidden">{t('networks.members')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('networks.unit')}</th>
                    <th scope="col">{t('networks.serviceType')}</th>
                    {d.runs ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {d.members.map((p) => (
                    <tr key={p.userId}>
                      <td>
                        {p.name}
                        {p.userId === d.network.contactId ? <span className="muted"> ({t('networks.contact')})</span> : null}
                        {p.status === 'invited' ? <span className="muted"> ({t('networks.status.invited')})</span> : null}
                      </td>
                      {p.external ? (
                        <td colSpan={2}>{t('networks.fromMunicipality', { municipality: p.municipality })}</td>
                      ) : (
                        <>
                          <td>{p.unit ?? '–'}</td>
                          <td>{p.serviceType ? t(`serviceType.${p.serviceType}` as MessageKey) : '–'}</td>
                        </>
                      )}
                      {d.runs ? (
                        <td>
                          {p.userId !== d.network.contactId ? (
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
            {d.access === 'member' ? (
              <Form method="post">
                <input type="hidden" name="intent" value="leave" />
                <SubmitButton variant="secondary">{t('networks.leave')}</SubmitButton>
              </Form>
            ) : null}
          </section>

          {d.runs && d.requests.length ? (
            <section className="stack" aria-labelledby="requests">
              <h2 className="ds-heading" data-size="sm" id="requests">
                {t('networks.requests')}
              </h2>
              <ul className="stack">
                {d.requests.map((r) => (
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
          ) : null}

          {d.runs ? (
            <div className="row-start">
              <Form method="post" {...getFormProps(add)} className="form-grid" aria-labelledby="add-heading">
                <h2 className="ds-heading" data-size="xs" id="add-heading">
                  {t('networks.addMember')}
                </h2>
                <FormErrors id={add.errorId} errors={add.errors} />
                <input type="hidden" name="intent" value="add" />
                <SelectField field={a.userId} label={t('networks.person')} placeholder={t('common.choose')} options={d.candidates.map((c) => ({ value: c.id, label: c.name }))} />
                <div>
                  <SubmitButton variant="secondary">{t('networks.add')}</SubmitButton>
                </div>
              </Form>
              <Form method="post" {...getFormProps(invite)} className="form-grid" aria-labelledby="invite-heading">
                <h2 className="ds-heading" data-size="xs" id="invite-heading">
                  {t('networks.invite')}
                </h2>
                <FormErrors id={invite.errorId} errors={invite.errors} />
                <input type="hidden" name="intent" value="invite" />
                <TextField field={i.email} label={t('field.email')} description={t('networks.inviteHint')} type="email" />
                <div>
                  <SubmitButton variant="secondary">{t('networks.sendInvite')}</SubmitButton>
                </div>
              </Form>
            </div>
          ) : null}

          <section className="stack" aria-labelledby="upcoming">
            <h2 className="ds-heading" data-size="sm" id="upcoming">
              {t('networks.upcoming')}
            </h2>
            {d.runs ? (
              <p className="ds-paragraph">
                <Link to={`/networks/${d.network.id}/meetings/new`}>{t('networks.planMeeting')}</Link>
              </p>
            ) : null}
            <MeetingList networkId={d.network.id} meetings={d.meetings.upcoming} lang={lang} />
          </section>
          <section className="stack" aria-labelledby="past">
            <h2 className="ds-heading" data-size="sm" id="past">
              {t('networks.past')}
            </h2>
            <MeetingList networkId={d.network.id} meetings={d.meetings.past} lang={lang} showPresent />
          </section>

          <section className="stack" aria-labelledby="materials">
            <h2 className="ds-heading" data-size="sm" id="materials">
              {t('networks.materials')}
            </h2>
            {d.materials.length ? null : <p className="ds-paragraph">{t('networks.noMaterials')}</p>}
            {d.materials.map((x) => (
              <article key={x.id} className="stack" aria-labelledby={`material-${x.id}`}>
                <h3 className="ds-heading" data-size="xs" id={`material-${x.id}`}>
                  {x.kind === 'link' ? <a href={x.url!} rel="noopener noreferrer">{x.title}</a> : x.title}
                </h3>
                {x.html ? <div className="content-body" dangerouslySetInnerHTML={{ __html: x.html }} /> : null}
                {d.runs ? (
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
            {d.runs ? (
              <Form method="post" {...getFormProps(material)} className="form-grid form-narrow" aria-labelledby="material-heading">
                <h3 className="ds-heading" data-size="xs" id="material-heading">
                  {t('networks.addMaterial')}
                </h3>
                <FormErrors id={material.errorId} errors={material.errors} />
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
        </>
      ) : null}
    </div>
  )
}

function MeetingList({ networkId, meetings, lang, showPresent }: { networkId: string; meetings: { id: string; startsAt: string | Date; topic: string; location: string | null; present: number }[]; lang: ReturnType<typeof useLang>; showPresent?: boolean }) {
  const t = useT()
  if (!meetings.length) return <p className="ds-paragraph">{t('networks.noMeetings')}</p>
  return (
    <ul className="stack" data-testid="meetings">
      {meetings.map((x) => (
        <li key={x.id}>
          <Link to={`/networks/${networkId}/meetings/${x.id}`}>
            {formatDateTime(x.startsAt, lang)}: {x.topic}
          </Link>
          {x.location ? <span className="muted"> – {x.location}</span> : null}
          {showPresent ? <span className="muted"> – {t('networks.presentCount', { count: x.present })}</span> : null}
        </li>
      ))}
    </ul>
  )
}

/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
