import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useState } from 'react'
import { FormErrors, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import type { Candidate } from '../pick.server.ts'
import { enrolExistingSchema } from '../schemas.ts'

/**
 * Pick mentors of the municipality to enrol, several at once, from one joining
 * date. Without JavaScript the filter is a small GET form (?q=) and the list a
 * plain checkbox list; with JavaScript typing in the filter narrows the list at
 * once and keeps what is ticked.
 */
export function PickMentors({ candidates, total, filter, defaultJoined, lastResult }: { candidates: Candidate[]; total: number; filter: string; defaultJoined: string; lastResult?: Parameters<typeof useZodForm>[2] }) {
  const t = useT()
  const [typed, setTyped] = useState(filter)
  const [form, f] = useZodForm('enrol-existing', enrolExistingSchema, lastResult, { joinedOn: defaultJoined })
  const words = typed.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean)
  const shown = (c: Candidate) => words.every((w) => `${c.name} ${c.email} ${c.unit ?? ''}`.toLocaleLowerCase('nb').includes(w))
  const visible = candidates.filter(shown).length
  return (
    <section className="stack" aria-labelledby="pick-heading">
      <h2 className="ds-heading" data-size="sm" id="pick-heading">
        {t('enrol.pick')}
      </h2>
      <p className="ds-paragraph">{t('enrol.pickLead')}</p>
      <Form method="get" className="row-end" preventScrollReset>
        <div className="ds-field">
          <label className="ds-label" htmlFor="pick-filter">
            {t('enrol.pickFilter')}
          </label>
          <input className="ds-input" id="pick-filter" name="q" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="pick-count" />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('enrol.pickSearch')}
        </button>
      </Form>
      <p className="ds-paragraph muted" id="pick-count" aria-live="polite">
        {total > candidates.length ? t('enrol.pickMore', { shown: candidates.length, total }) : t('enrol.pickCount', { count: visible })}
      </p>
      {candidates.length ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="enrol-existing" />
          <fieldset className="ds-fieldset" aria-describedby={f.userIds.errors?.length ? f.userIds.errorId : undefined} aria-invalid={f.userIds.errors?.length ? true : undefined}>
            <legend className="ds-label" data-weight="medium">
              {t('enrol.pickWho')}
            </legend>
            <ul className="checkbox-list pick-list">
              {candidates.map((c) => (
                <li key={c.userId} hidden={!shown(c)}>
                  <label>
                    <input type="checkbox" className="ds-input" name={f.userIds.name} value={c.userId} />{' '}
                    {c.name} <span className="muted">({c.unit ? `${c.unit}, ` : ''}{c.email})</span>
                  </label>
                </li>
              ))}
            </ul>
            {f.userIds.errors?.length ? (
              <p className="ds-validation-message" data-color="danger" id={f.userIds.errorId}>
                {f.userIds.errors.map((e) => translateMessage(t, e)).join(' ')}
              </p>
            ) : null}
          </fieldset>
          <div className="form-narrow">
            <TextField field={f.joinedOn} label={t('enrol.joined')} type="date" />
          </div>
          <div>
            <SubmitButton>{t('enrol.pickSubmit')}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  )
}
