import { ImportSummary } from '~/components/csv-import.tsx'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import type { ImportPreview } from '../import.server.ts'

/** The rows as they would be imported, with each row's problems. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT()
  return (
    <div className="stack">
      <h2 className="ds-heading" data-size="md" id="preview-heading">
        {t('import.preview')}
      </h2>
      <ImportSummary fileErrors={preview.fileErrors} rows={preview.rows} />
      {preview.rows.length ? (
        <div className="table-wrap">
          <table className="ds-table" data-border="true" aria-labelledby="preview-heading">
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('field.unit')}</th>
                <th scope="col">{t('import.result')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} data-row-status={r.errors.length ? 'error' : 'ok'}>
                  <td>{r.line}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
                  <td>{r.unit || '–'}</td>
                  <td className={r.errors.length ? 'field-error' : undefined}>
                    {r.errors.length ? r.errors.map((e) => translateMessage(t, e)).join(' ') : r.existing ? t('import.existing') : t('import.new')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
