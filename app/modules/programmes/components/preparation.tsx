import { Form, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { formatDateTime } from '~/utils/format.ts'

/** The mentor's answers to the preparation tasks: one field per task, private unless shared. */
export function PreparationForm({ tasks, answers, shared, errors }: { tasks: string[]; answers: string[]; shared: boolean; errors?: string[] }) {
  const t = useT()
  const [params] = useSearchParams()
  return (
    <Form method="post" className="form-grid" aria-labelledby="prep-heading">
      {params.get('saved') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('prep.saved')}</p>
        </div>
      ) : null}
      {errors?.length ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{t('error.tooLong')}</p>
        </div>
      ) : null}
      {tasks.map((task, i) => (
        <div key={i} className="ds-field">
          <label className="ds-label" htmlFor={`answer-${i}`}>
            {i + 1}. {task}
          </label>
          <textarea className="ds-input" id={`answer-${i}`} name={`answers[${i}]`} rows={4} defaultValue={answers[i] ?? ''} maxLength={4000} />
        </div>
      ))}
      <div className="checkbox-list">
        <label>
          <input className="ds-input" type="checkbox" name="share" defaultChecked={shared} />
          {t('prep.share')}
        </label>
      </div>
      <div>
        <button type="submit" className="ds-button" data-variant="primary">
          {t('prep.save')}
        </button>
      </div>
    </Form>
  )
}

export function PreparationOverview({ rows }: { rows: { userId: string; name: string; prepared: boolean; updatedAt: Date | string | null; answers: string[] | null }[] }) {
  const t = useT()
  const lang = useLang()
  const prepared = rows.filter((r) => r.prepared).length
  return (
    <div className="stack">
      <p className="ds-paragraph">{t('prep.overview', { prepared, total: rows.length })}</p>
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('prep.who')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('prep.status')}</th>
              <th scope="col">{t('prep.sharedAnswers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.userId}>
                <td>{r.name}</td>
                <td>{r.prepared ? t('prep.done', { when: formatDateTime(r.updatedAt!, lang) }) : t('prep.notYet')}</td>
                <td>{r.answers ? <ol className="ds-list">{r.answers.map((a, i) => (a ? <li key={i}>{a}</li> : null))}</ol> : r.prepared ? t('prep.private') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
