import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SubmitButton, TextareaField, TextField, useServerForm } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { StatusMessage } from '~/components/status-message.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { getNotice, saveNotice } from '~/modules/privacy/index.ts'
import { noticeSchema } from '~/modules/privacy/schemas.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy.notice.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  return { notice: await getNotice(requireMunicipalityId(viewer)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, noticeSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  await saveNotice({ userId: viewer.userId, municipalityId, ip: context.clientIp }, submission.value)
  throw redirect('/admin/privacy/notice?saved=1')
}

export default function PrivacyNoticeEdit() {
  const t = useT()
  const { notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useServerForm('notice', actionData?.result, notice)
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('privacy.notice.title')}
      </h1>
      <StatusMessage>{params.get('saved') ? t('privacy.notice.saved') : null}</StatusMessage>
      <p className="ds-paragraph">{t('privacy.notice.lead')}</p>
      <p className="ds-paragraph">
        <Link to={`/privacy?kommune=${notice.municipality.slug}`}>{t('privacy.notice.view')}</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.controller} label={t('privacy.notice.controller')} description={`${t('privacy.notice.defaultShown')} ${t('privacy.controllerNamed', { municipality: notice.municipality.name })}`} rows={3} />
        <TextField field={fields.privacyContactEmail} label={t('privacy.notice.contactEmail')} type="email" />
        <TextareaField field={fields.purposes} label={t('privacy.notice.purposes')} description={`${t('privacy.notice.defaultShown')} ${t('privacy.default.purposes')}`} rows={5} />
        <TextareaField field={fields.retention} label={t('privacy.notice.retention')} rows={5} />
        <div>
          <SubmitButton>{t('privacy.notice.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
