import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import {
  addMaterial, addMember, decideRequest, invitePerson, leaveNetwork, listMaterials, listMeetings,
  memberCandidates, networkMembers, removeMaterial, requestToJoin, requireNetwork,
} from '~/modules/networks/index.ts'
import { addMemberSchema, inviteSchema, NETWORK_INTENTS, networkActionSchema } from '~/modules/networks/schemas.ts'
import { invalid } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'
import { casesSharedTo } from '~/modules/cases/index.ts'
import { SharedCases } from '~/modules/cases/components/case-parts.tsx'
import { JoinRequests, MeetingList, MemberTable, NetworkMaterials } from '~/modules/networks/components/network-parts.tsx'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'networks.title', data?.network.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, access, runs, insider, viewer } = await requireNetwork(request, params.id, 'any')
  const [members, contact] = await Promise.all([
    insider ? networkMembers(network, runs ? ['active', 'requested', 'invited'] : ['active']) : Promise.resolve([]),
    networkMembers({ id: network.id, municipalityId: network.municipalityId }).then((m) => m.find((x) => x.userId === network.contactId)?.name ?? null),
  ])
  const [meetings, materials, candidates, cases] = await Promise.all([
    insider ? listMeetings(network.id) : Promise.resolve({ upcoming: [], past: [] }),
    insider ? listMaterials(network.id) : Promise.resolve([]),
    runs ? memberCandidates(network) : Promise.resolve([]),
    insider ? casesSharedTo(viewer, { networkId: network.id }) : Promise.resolve([]),
  ])
  return {
    network: { id: network.id, name: network.name, description: network.description, contactId: network.contactId },
    contact, access, runs, insider, me: viewer.userId,
    members: members.filter((m) => m.status === 'active' || (runs && m.status === 'invited')),
    requests: members.filter((m) => m.status === 'requested'),
    meetings, materials, candidates, cases,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { network, runs, insider, viewer, actor } = await requireNetwork(request, params.id, 'any')
  const here = `/networks/${network.id}`
  const submission = parseWithZod(await request.formData(), { schema: networkActionSchema })
  const intent = NETWORK_INTENTS.find((i) => i === submission.payload.intent)
  const fullActor = { ...actor, ip: context.clientIp }
  if (intent === 'leave' && !insider) notFound()
  // Everything but joining and leaving runs the network: the contact person or a manager of the owning municipality.
  if (intent !== 'join' && intent !== 'leave' && !runs) notFound()
  if (!intent) throw new Response('Unknown intent', { status: 400 })
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
          <MemberTable members={d.members} runs={d.runs} contactId={d.network.contactId} canLeave={d.access === 'member'} error={memberError && 'error' in memberError ? (memberError.error as Record<string, string[]>)[''] : undefined} />

          {d.runs && d.requests.length ? <JoinRequests requests={d.requests} /> : null}

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

          <SharedCases items={d.cases} />
          <NetworkMaterials materials={d.materials} runs={d.runs} lastResult={result('material')} />
        </>
      ) : null}
    </div>
  )
}

/** A 404 keeps the page's title (for screen readers and axe). */
export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
