import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { ImportPreviewTable } from '~/modules/users/components/import-preview.tsx'
import { previewImport, runImport } from '~/modules/users/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'import.title')

const MAX_BYTES = 1_000_000

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'import:users')
  return null
}

/** Reads the CSV from the uploaded file or, when none, from the text area. */
async function readCsv(form: FormData): Promise<string | null> {
  const file = form.get('file')
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) return null
    return new TextDecoder('utf-8').decode(await file.arrayBuffer())
  }
  const text = form.get('csv')
  return typeof text === 'string' && text.length <= MAX_BYTES ? text : null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'import:users')
  const municipalityId = requireMunicipalityId(viewer)
  const form = await request.formData()
  const csv = await readCsv(form)
  if (csv === null) return data({ csv: '', preview: null, error: 'import.tooLarge' }, { status: 413 })
  if (form.get('intent') === 'import') {
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
      <Form method="post" encType="multipart/form-data" className="form-grid">
        <div className="ds-field">
          <label className="ds-label" htmlFor="file">
            {t('import.file')}
          </label>
          {/* Remounted after each answer, so a corrected text is not overridden by the old file. */}
          <input key={actionData?.csv ?? ''} className="ds-input" id="file" name="file" type="file" accept=".csv,text/csv,text/plain" />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="csv">
            {t('import.text')}
          </label>
          <p className="ds-paragraph muted" data-size="sm" id="csv-help">
            {t('import.textHelp')}
          </p>
          <textarea className="ds-input" id="csv" name="csv" rows={10} aria-describedby="csv-help" defaultValue={actionData?.csv ?? ''} key={actionData?.csv ?? ''} />
        </div>
        <div className="row">
          <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="preview">
            {t('import.previewButton')}
          </button>
          {preview?.valid ? (
            <button type="submit" className="ds-button" data-variant="primary" name="intent" value="import">
              {t('import.confirm', { count: preview.rows.length })}
            </button>
          ) : null}
        </div>
      </Form>
      {preview ? <ImportPreviewTable preview={preview} /> : null}
    </div>
  )
}
