import { ImportSummary } from '~/components/csv-import.tsx'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import type { EnrolmentPreview } from '../enrolment.server.ts'

export function EnrolmentPreviewTable({ preview }: { preview: EnrolmentPreview }) {
  const t = useT()
  return (
    <div className="stack">
      <h3 className="ds-heading" data-size="xs" id="enrol-preview">
        {t('import.preview')}
      </h3>
      <ImportSummary fileErrors={preview.fileErrors} rows={preview.rows} />
      <div className="table-wrap">
        <table className="ds-table" data-border="true" aria-labelledby="enrol-preview">
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('field.unit')}</th>
              <th scope="col">{t('enrol.joined')}</th>
              <th scope="col">{t('import.result')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line} data-row-status={r.errors.length ? 'error' : 'ok'}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.unit || '–'}</td>
                <td>{r.joinedOn ?? '–'}</td>
                <td className={r.errors.length ? 'field-error' : undefined}>
                  {r.errors.length ? r.errors.map((e) => translateMessage(t, e)).join(' ') : r.status === 'existing' ? t('enrol.existing') : t('import.new')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
