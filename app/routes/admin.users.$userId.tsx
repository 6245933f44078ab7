import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxGroup, FormErrors, SelectField, SubmitButton } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { ASSIGNABLE_ROLES, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { listUnits } from '~/modules/tenancy/index.ts'
import { deactivateMember, getMember, reactivateMember, setMemberRoles } from '~/modules/users/index.ts'
import { memberActionSchema, memberSchema } from '~/modules/users/schemas.ts'
import { invalid } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'users.edit', data?.member.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  const municipalityId = requireMunicipalityId(viewer)
  const [member, units] = await Promise.all([getMember(municipalityId, params.userId ?? ''), listUnits(municipalityId)])
  if (!member) notFound()
  return { member, units, isSelf: member.id === viewer.userId }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  const actor = { userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }
  const userId = params.userId ?? ''
  const submission = parseWithZod(await request.formData(), { schema: memberActionSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const value = submission.value
  if (value.intent === 'deactivate' || value.intent === 'reactivate') {
    const result = value.intent === 'deactivate' ? await deactivateMember(actor, userId) : await reactivateMember(actor, userId)
    if (!result.ok && result.error === 'notFound') notFound()
    if (!result.ok) return invalid({ status: 'error', error: { '': [result.error] } })
    throw redirect(`/admin/users/${userId}`)
  }
  if (value.intent !== 'save') throw new Response('Unknown intent', { status: 400 })
  const result = await setMemberRoles(actor, userId, value.roles, value.unitId ?? null)
  if (!result.ok && result.error === 'notFound') notFound()
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.error] }))
  throw redirect(`/admin/users/${userId}?saved=1`)
}

export default function EditUser() {
  const t = useT()
  const { member, units } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm('member', memberSchema, actionData?.result, { roles: member.roles, unitId: member.unitId ?? '' })
  return (
    <div className="stack form-narrow">
      <p className="ds-paragraph">
        <Link to="/admin/users">{t('users.back')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {member.name}
      </h1>
      <p className="ds-paragraph">
        {member.email} · {!member.active ? t('users.deactivated') : member.invited ? t('users.invitedStatus') : t('users.active')}
      </p>
      <p className="ds-paragraph">
        <Link to={`/admin/privacy/people/${member.id}`}>{t('privacy.person.link')}</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <CheckboxGroup field={fields.roles} label={t('users.roles')} options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField field={fields.unitId} label={t('field.unit')} placeholder={t('common.none')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={member.active ? 'deactivate' : 'reactivate'} />
        <button type="submit" className="ds-button" data-variant="secondary" data-color={member.active ? 'danger' : undefined}>
          {member.active ? t('users.deactivate') : t('users.reactivate')}
        </button>
      </Form>
    </div>
  )
}
