import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { CsvImportForm } from '~/components/csv-import.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { ImportPreviewTable } from '~/modules/users/components/import-preview.tsx'
import { previewImport, runImport } from '~/modules/users/index.ts'
import { importSchema } from '~/modules/users/schemas.ts'
import { uploadedCsv } from '~/utils/csv-upload.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'import.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'import:users')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'import:users')
  const municipalityId = requireMunicipalityId(viewer)
  const submission = parseWithZod(await request.formData(), { schema: importSchema })
  const value = submission.status === 'success' ? submission.value : null
  const csv = value ? await uploadedCsv(value) : null
  if (csv === null) return data({ csv: '', preview: null, error: 'import.tooLarge' }, { status: 413 })
  if (value?.intent === 'import') {
    const result = await runImport({ userId: viewer.userId, ip: context.clientIp }, viewer.municipality!, csv)
    if (result.ok) throw redirect(`/admin/users?imported=${result.count}`)
    return data({ csv, preview: result.preview, error: null }, { status: 400 })
  }
  const preview = await previewImport(municipalityId, csv)
  return data({ csv, preview, error: null }, { status: preview.valid ? 200 : 400 })
}

export default function ImportUsers() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const preview = actionData?.preview
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('import.title')}
      </h1>
      <p className="ds-paragraph">{t('import.lead')}</p>
      <pre className="ds-paragraph pre-wrap" aria-label={t('import.example')}>
        {'navn;e-post;rolle;enhet\nKari Nordmann;kari@example.no;mentor;Bergheim hjemmetjeneste'}
      </pre>
      {actionData?.error ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{t('import.tooLarge')}</p>
        </div>
      ) : null}
      <CsvImportForm id="users" csv={actionData?.csv ?? ''} confirm={preview?.valid ? t('import.confirm', { count: preview.rows.length }) : null} />
      {preview ? <ImportPreviewTable preview={preview} /> : null}
    </div>
  )
}
