import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxGroup, FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { ASSIGNABLE_ROLES, invite, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { listUnits } from '~/modules/tenancy/index.ts'
import { inviteSchema } from '~/modules/users/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.invite')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  return { units: await listUnits(requireMunicipalityId(viewer)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, inviteSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const { unitId, ...rest } = submission.value
  const units = await listUnits(municipalityId)
  if (unitId && !units.some((u) => u.id === unitId)) return invalid(submission.reply({ fieldErrors: { unitId: ['users.unknownUnit'] } }))
  await invite({ actorId: viewer.userId, municipality: viewer.municipality!, ip: context.clientIp }, { ...rest, unitId: unitId ?? null })
  throw redirect(`/admin/users?${new URLSearchParams({ invited: rest.email })}`)
}

export default function InviteUser() {
  const t = useT()
  const { units } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm('invite-user', inviteSchema, actionData?.result, { roles: ['mentor'] })
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('users.invite')}
      </h1>
      <p className="ds-paragraph">{t('users.inviteLead')}</p>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t('field.name')} autoComplete="off" />
        <TextField field={fields.email} label={t('field.email')} type="email" autoComplete="off" />
        <CheckboxGroup field={fields.roles} label={t('users.roles')} options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField field={fields.unitId} label={t('field.unit')} placeholder={t('common.none')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <div>
          <SubmitButton>{t('users.sendInvite')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
