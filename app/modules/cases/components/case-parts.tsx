import { enumLabel } from '~/i18n/lang.ts'
import { SHARE_SCOPES } from '../tags.ts'
import { FINDING_KINDS } from '../pii.ts'
// UI pieces of the case library: the structured form, the findings panel with
// highlighted text, and the read view. Plain props, no server code, no zod.
import type { FieldMetadata } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { SelectField, TextareaField, TextField } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { METHOD_SLUGS } from '~/modules/curriculum/method-slugs.ts'
import { SERVICE_TYPES, TOPICS, type TextField as CaseTextField } from '../tags.ts'

type Fields = Record<string, FieldMetadata<any>>

/** The case form's fields: title, situation, question, the cognitive diamond, tags and an optional link. */
export function CaseFields({ f, links }: { f: Fields; links: { value: string; label: string }[] }) {
  const t = useT()
  return (
    <>
      <TextField field={f.title!} label={t('cases.field.title')} />
      <TextareaField field={f.situation!} label={t('cases.field.situation')} rows={8} />
      <TextareaField field={f.question!} label={t('cases.field.question')} rows={3} />
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="xs">
          {t('cases.diamond')}
        </legend>
        <p className="ds-paragraph muted" data-size="sm">
          {t('cases.diamondHint')}
        </p>
        <TextareaField field={f.thoughts!} label={t('cases.field.thoughts')} rows={3} />
        <TextareaField field={f.feelings!} label={t('cases.field.feelings')} rows={3} />
        <TextareaField field={f.actions!} label={t('cases.field.actions')} rows={3} />
        <TextareaField field={f.bodily!} label={t('cases.field.bodily')} rows={3} />
      </fieldset>
      <fieldset className="ds-fieldset stack">
        <legend className="ds-heading" data-size="xs">
          {t('cases.tags')}
        </legend>
        <SelectField field={f.serviceType!} label={t('cases.field.serviceType')} placeholder={t('cases.none')} options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`cases.serviceType.${s}`) }))} />
        <SelectField field={f.topic!} label={t('cases.field.topic')} placeholder={t('cases.none')} options={TOPICS.map((s) => ({ value: s, label: t(`cases.topic.${s}`) }))} />
        <SelectField field={f.method!} label={t('cases.field.method')} placeholder={t('cases.none')} options={METHOD_SLUGS.map((s) => ({ value: s, label: t(`method.${s}`) }))} />
        {links.length ? <SelectField field={f.link!} label={t('cases.field.link')} placeholder={t('cases.none')} options={links} /> : null}
      </fieldset>
    </>
  )
}

export type Highlight = { field: CaseTextField; segments: { text: string; kind?: string; severity?: 'block' | 'hint'; dismissed?: boolean; fingerprint?: string }[] }

/**
 * Each field with findings, the findings marked in the text with their reason;
 * the author can mark a finding "not personal data" (a plain form post).
 */
export function FindingsPanel({ highlights, canDismiss, action }: { highlights: Highlight[]; canDismiss: boolean; action?: string }) {
  const t = useT()
  const open = highlights.flatMap((h) => h.segments).filter((s) => s.kind && s.severity === 'block' && !s.dismissed).length
  return (
    <section className="stack" aria-labelledby="findings">
      <h2 className="ds-heading" data-size="sm" id="findings">
        {t('cases.findings')}
      </h2>
      {!highlights.length ? (
        <p className="ds-paragraph">{t('cases.findingsNone')}</p>
      ) : (
        <>
          {open ? (
            <div className="ds-alert" data-color="warning">
              <p className="ds-paragraph">{t('cases.findingsIntro')}</p>
            </div>
          ) : null}
          {highlights.map((h) => (
            <div key={h.field} className="stack">
              <h3 className="ds-heading" data-size="2xs">
                {t(`cases.field.${h.field}`)}
              </h3>
              <p className="ds-paragraph case-highlight">
                {h.segments.map((s, i) =>
                  s.kind ? (
                    <mark key={i} className={`finding finding-${s.dismissed ? 'dismissed' : s.severity}`} title={enumLabel(t, 'cases.kind', FINDING_KINDS, s.kind)}>
                      {s.text}
                      <span className="finding-reason"> [{enumLabel(t, 'cases.kind', FINDING_KINDS, s.kind)}{s.dismissed ? `: ${t('cases.dismissed')}` : ''}]</span>
                    </mark>
                  ) : (
                    <span key={i}>{s.text}</span>
                  ),
                )}
              </p>
              {canDismiss ? (
                <ul className="stack">
                  {h.segments
                    .filter((s) => s.kind && s.severity === 'block' && !s.dismissed)
                    .map((s, i) => (
                      <li key={i}>
                        <Form method="post" action={action} className="row">
                          <input type="hidden" name="intent" value="dismiss" />
                          <input type="hidden" name="fingerprint" value={s.fingerprint} />
                          <span>
                            {enumLabel(t, 'cases.kind', FINDING_KINDS, s.kind ?? '')} {t('cases.inField', { field: t(`cases.field.${h.field}`) })}
                          </span>
                          <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                            {t('cases.dismiss')}
                          </button>
                        </Form>
                      </li>
                    ))}
                </ul>
              ) : null}
            </div>
          ))}
        </>
      )}
    </section>
  )
}

/** The case's fields as sanitized HTML (from the server's markdown renderer). */
export function CaseBody({ html }: { html: Record<Exclude<CaseTextField, 'title'>, string> }) {
  const t = useT()
  const part = (field: Exclude<CaseTextField, 'title'>) =>
    html[field] ? (
      <section key={field} className="stack case-part">
        <h2 className="ds-heading" data-size="xs">
          {t(`cases.field.${field}`)}
        </h2>
        <div className="content-body" dangerouslySetInnerHTML={{ __html: html[field] }} />
      </section>
    ) : null
  return (
    <>
      {part('situation')}
      {part('question')}
      <h2 className="ds-heading" data-size="sm">
        {t('cases.diamond')}
      </h2>
      <div className="diamond-grid">
        {part('thoughts')}
        {part('feelings')}
        {part('actions')}
        {part('bodily')}
      </div>
    </>
  )
}

/** The shared cases on a network's or programme run's page. */
export function SharedCases({ items }: { items: { id: string; title: string; scope: string }[] }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="shared-cases">
      <h2 className="ds-heading" data-size="sm" id="shared-cases">
        {t('cases.sharedHere')}
      </h2>
      {items.length ? (
        <ul>
          {items.map((c) => (
            <li key={c.id}>
              <a href={`/cases/${c.id}`} data-user-content>{c.title}</a> <span className="muted">({enumLabel(t, 'cases.scope', SHARE_SCOPES, c.scope)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('cases.noResults')}</p>
      )}
    </section>
  )
}
