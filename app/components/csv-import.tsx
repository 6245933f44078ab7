import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { translateMessage } from '~/i18n/lang.ts'
import { useT } from './i18n.tsx'

/** What a preview found: file-level problems and the number of bad rows, or that all rows are fine. */
export function ImportSummary({ fileErrors, rows }: { fileErrors: string[]; rows: { errors: string[] }[] }) {
  const t = useT()
  const bad = rows.filter((r) => r.errors.length).length
  return fileErrors.length || bad ? (
    <div className="ds-alert" data-color="danger" role="alert">
      {fileErrors.map((e) => (
        <p key={e} className="ds-paragraph">
          {translateMessage(t, e)}
        </p>
      ))}
      {bad ? <p className="ds-paragraph">{t('import.rowsWithErrors', { count: bad })}</p> : null}
    </div>
  ) : (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{t('import.ready', { count: rows.length })}</p>
    </div>
  )
}

/**
 * Upload or paste a CSV file, preview, correct in the text area, confirm. The
 * text area holds the file's text after a preview, so a bad row is fixed in
 * place; the file input is remounted so the old file does not win.
 */
export function CsvImportForm({ id, csv, confirm, help, children }: { id: string; csv: string; confirm: string | null; help?: string; children?: ReactNode }) {
  const t = useT()
  return (
    <Form method="post" encType="multipart/form-data" className="form-grid">
      <div className="ds-field">
        <label className="ds-label" htmlFor={`${id}-file`}>
          {t('import.file')}
        </label>
        <input key={csv} className="ds-input" id={`${id}-file`} name="file" type="file" accept=".csv,text/csv,text/plain" />
      </div>
      <div className="ds-field">
        <label className="ds-label" htmlFor={`${id}-csv`}>
          {t('import.text')}
        </label>
        <p className="ds-paragraph muted" data-size="sm" id={`${id}-help`}>
          {help ?? t('import.textHelp')}
        </p>
        <textarea key={csv} className="ds-input" id={`${id}-csv`} name="csv" rows={10} aria-describedby={`${id}-help`} defaultValue={csv} />
      </div>
      {children}
      <div className="row">
        <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="preview">
          {t('import.previewButton')}
        </button>
        {confirm ? (
          <button type="submit" className="ds-button" data-variant="primary" name="intent" value="import">
            {confirm}
          </button>
        ) : null}
      </div>
    </Form>
  )
}
