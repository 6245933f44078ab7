import { enumLabel } from '~/i18n/lang.ts'
import { SHARE_SCOPES } from '../tags.ts'
import { translateMessage } from '~/i18n/lang.ts'
// Forms on the case page: sharing, review, reflections. Plain <Form> posts (work without JavaScript).
import { Form } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { formatDateShort } from '~/utils/format.ts'

type Choice = { id: string; name: string }

export function ShareForm({ scope, programmes, networks, blocked, errors }: { scope: string; programmes: Choice[]; networks: Choice[]; blocked: boolean; errors?: Record<string, string[] | undefined> }) {
  const t = useT()
  const options = [
    { value: 'private', label: t('cases.scope.private') },
    ...(programmes.length ? [{ value: 'programme', label: t('cases.scope.programme') }] : []),
    ...(networks.length ? [{ value: 'network', label: t('cases.scope.network') }] : []),
    { value: 'municipality', label: t('cases.scope.municipality') },
    { value: 'national', label: t('cases.scope.national') },
  ]
  return (
    <section className="stack" aria-labelledby="share">
      <h2 className="ds-heading" data-size="sm" id="share">
        {t('cases.share')}
      </h2>
      {blocked ? (
        <div className="ds-alert" data-color="danger">
          <p className="ds-paragraph">{t('cases.shareBlocked')}</p>
        </div>
      ) : null}
      <Form method="post" className="form-grid">
        <input type="hidden" name="intent" value="share" />
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t('cases.shareWith')}</legend>
          <p className="ds-paragraph muted" data-size="sm">
            {t('cases.shareHint')}
          </p>
          {options.map((o) => (
            <div key={o.value} className="row">
              <input className="ds-input" type="radio" id={`scope-${o.value}`} name="scope" value={o.value} defaultChecked={o.value === scope} />
              <label htmlFor={`scope-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
        {programmes.length ? <ChoiceSelect name="programmeId" label={t('cases.shareProgramme')} choices={programmes} errors={errors?.programmeId} /> : null}
        {networks.length ? <ChoiceSelect name="networkId" label={t('cases.shareNetwork')} choices={networks} errors={errors?.networkId} /> : null}
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('cases.share')}
          </button>
        </div>
      </Form>
    </section>
  )
}

function ChoiceSelect({ name, label, choices, errors }: { name: string; label: string; choices: Choice[]; errors?: string[] }) {
  const t = useT()
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={`share-${name}`}>
        {label}
      </label>
      <select className="ds-input" id={`share-${name}`} name={name} aria-invalid={errors?.length ? true : undefined}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {errors?.length ? <p className="ds-validation-message" data-color="danger">{translateMessage(t, errors[0])}</p> : null}
    </div>
  )
}

export function ReviewForm({ requestedScope, error }: { requestedScope: string; error?: string }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="review">
      <h2 className="ds-heading" data-size="sm" id="review">
        {t('cases.review')}: {enumLabel(t, 'cases.scope', SHARE_SCOPES, requestedScope)}
      </h2>
      <Form method="post" className="form-grid">
        <div className="ds-field">
          <label className="ds-label" htmlFor="review-comment">
            {t('cases.comment')}
          </label>
          <textarea className="ds-input" id="review-comment" name="comment" rows={3} aria-invalid={error ? true : undefined} aria-describedby={error ? 'review-error' : undefined} />
          {error ? <p className="ds-validation-message" data-color="danger" id="review-error">{translateMessage(t, error)}</p> : null}
        </div>
        <div className="row">
          <button type="submit" className="ds-button" data-variant="primary" name="intent" value="approve">
            {t('cases.approve')}
          </button>
          <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="send_back">
            {t('cases.sendBack')}
          </button>
        </div>
      </Form>
    </section>
  )
}

type Reflection = { id: string; name: string; hidden: boolean; html: string; createdAt: string | Date }

export function Reflections({ items, moderates, canWrite, error, value }: { items: Reflection[]; moderates: boolean; canWrite: boolean; error?: string; value?: string }) {
  const t = useT()
  const lang = useLang()
  return (
    <section className="stack" aria-labelledby="reflections">
      <h2 className="ds-heading" data-size="sm" id="reflections">
        {t('cases.reflections')}
      </h2>
      {!items.length ? <p className="ds-paragraph">{t('cases.reflectionsNone')}</p> : null}
      <ul className="stack">
        {items.map((r) => (
          <li key={r.id} className="stack">
            <p className="ds-paragraph muted" data-size="sm">
              {r.name}, {formatDateShort(r.createdAt, lang)}
              {r.hidden ? ` – ${t('cases.hidden')}` : ''}
            </p>
            {r.html ? <div className="content-body" dangerouslySetInnerHTML={{ __html: r.html }} /> : null}
            {moderates && !r.hidden ? (
              <Form method="post">
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="reflectionId" value={r.id} />
                <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                  {t('cases.hide')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="reflect" />
          <div className="ds-field">
            <label className="ds-label" htmlFor="reflection-body">
              {t('cases.reflect')}
            </label>
            <textarea className="ds-input" id="reflection-body" name="body" rows={3} maxLength={2000} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? 'reflection-error' : undefined} />
            {error ? <p className="ds-validation-message" data-color="danger" id="reflection-error">{translateMessage(t, error)}</p> : null}
          </div>
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {t('cases.reflectSubmit')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}
