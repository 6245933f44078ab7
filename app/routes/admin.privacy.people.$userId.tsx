import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { getFormProps } from '@conform-to/react'
import { FormErrors, SubmitButton, TextField, useServerForm } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { erasePerson, previewErasure } from '~/modules/privacy/index.ts'
import { erasureSchema } from '~/modules/privacy/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'privacy.person.link', data?.person?.user.name)

/** Access and erasure for one person of the admin's municipality (404 for anyone else). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  const municipalityId = requireMunicipalityId(viewer)
  const erased = new URL(request.url).searchParams.get('erased') === '1'
  const person = await previewErasure(municipalityId, params.userId ?? '')
  if (!person && !erased) notFound()
  return { person, isSelf: params.userId === viewer.userId }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  const municipalityId = requireMunicipalityId(viewer)
  const userId = params.userId ?? ''
  const person = await previewErasure(municipalityId, userId)
  if (!person) notFound()
  const { submission } = await parseForm(request, erasureSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  if (submission.value.confirmName.toLocaleLowerCase('nb') !== person.user.name.trim().toLocaleLowerCase('nb')) {
    return invalid(submission.reply({ fieldErrors: { confirmName: ['privacy.erase.mismatch'] } }))
  }
  const result = await erasePerson({ userId: viewer.userId, municipalityId, ip: context.clientIp }, userId, { removeDiplomas: submission.value.removeDiplomas === 'on' })
  if (!result.ok && result.error === 'notFound') notFound()
  if (!result.ok) return invalid(submission.reply({ formErrors: [result.error] }))
  throw redirect(`/admin/privacy/people/${userId}?erased=1`)
}

export default function PrivacyPerson() {
  const t = useT()
  const { person, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useServerForm('erase', actionData?.result)
  if (!person) {
    return (
      <div className="stack form-narrow">
        <StatusMessage>{params.get('erased') ? t('privacy.erase.done') : null}</StatusMessage>
        <p className="ds-paragraph">
          <Link to="/admin/users">{t('users.back')}</Link>
        </p>
      </div>
    )
  }
  const { user, mode, counts } = person
  return (
    <div className="stack form-narrow">
      <StatusMessage>{params.get('erased') ? t('privacy.erase.done') : null}</StatusMessage>
      <p className="ds-paragraph">
        <Link to={`/admin/users/${user.id}`}>{t('privacy.person.back')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.person.title', { name: user.name })}
      </h1>
      <section className="stack" aria-labelledby="export-heading">
        <h2 className="ds-heading" data-size="md" id="export-heading">
          {t('privacy.export.heading')}
        </h2>
        <p className="ds-paragraph">{t('privacy.export.lead')}</p>
        <Form method="post" action={`/admin/privacy/people/${user.id}/export`} reloadDocument>
          <SubmitButton variant="secondary">{t('privacy.export.button')}</SubmitButton>
        </Form>
      </section>
      {isSelf ? null : (
        <section className="stack" aria-labelledby="erase-heading">
          <h2 className="ds-heading" data-size="md" id="erase-heading">
            {t('privacy.erase.heading')}
          </h2>
          <p className="ds-paragraph">{mode === 'full' ? t('privacy.erase.leadFull') : t('privacy.erase.leadLocal')}</p>
          <p className="ds-paragraph">{t('privacy.erase.counts', counts)}</p>
          <Form method="post" {...getFormProps(form)} className="form-grid">
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="ds-field">
              <input className="ds-input" type="checkbox" id="removeDiplomas" name="removeDiplomas" />
              <label className="ds-label" htmlFor="removeDiplomas">
                {t('privacy.erase.removeDiplomas')}
              </label>
            </div>
            <TextField field={fields.confirmName} label={t('privacy.erase.confirm')} autoComplete="off" />
            <div>
              <SubmitButton>{t('privacy.erase.button')}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  )
}
