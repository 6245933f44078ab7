import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { FormErrors, SubmitButton, TextareaField, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useLang, useT } from '~/components/i18n.tsx'
import { formatDateTime } from '~/utils/format.ts'
import type { MethodFrontmatter } from '../content-schema.ts'
import { diamondSchema, sunSchema } from '../worksheet-schemas.ts'
import { SunFigure } from './sun.tsx'
import { useHydrated } from './timers.tsx'

type Open = { id: string; title: string; data: Record<string, unknown> } | null

function Saved() {
  const t = useT()
  const [params] = useSearchParams()
  return params.get('saved') ? (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{t('worksheet.saved')}</p>
    </div>
  ) : null
}

/** The cognitive diamond: the situation, then thoughts, feelings, actions and bodily reactions. */
export function DiamondWorksheet({ fields, open, lastResult, contentLang }: { fields: NonNullable<MethodFrontmatter['fields']>; open: Open; lastResult?: SubmissionResult<string[]> | null; contentLang: string }) {
  const t = useT()
  const [form, f] = useZodForm(`diamond-${open?.id ?? 'new'}`, diamondSchema, lastResult, open ? { title: open.title, ...open.data } : undefined)
  const byKey = Object.fromEntries(fields.map((x) => [x.key, x]))
  return (
    <section className="stack" aria-labelledby="ws-heading">
      <h2 className="ds-heading" data-size="md" id="ws-heading">
        {open ? t('worksheet.edit', { title: open.title }) : t('worksheet.newDiamond')}
      </h2>
      <Saved />
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormErrors id={form.errorId} errors={form.errors} />
        {open ? <input type="hidden" name="id" value={open.id} /> : null}
        <TextField field={f.title} label={t('worksheet.title')} />
        <div className="diamond" lang={contentLang}>
          {(['situation', 'thoughts', 'feelings', 'actions', 'body'] as const).map((key) => (
            <div key={key} className={key === 'situation' ? 'span-2' : undefined}>
              <TextareaField field={f[key]} label={byKey[key]?.title ?? key} description={byKey[key]?.prompt} rows={key === 'situation' ? 4 : 5} />
            </div>
          ))}
        </div>
        <div>
          <SubmitButton>{t('common.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

/** The pedagogical sun: a topic in the centre and up to twelve rays, drawn as it is filled in. */
export function SunWorksheet({ maxRays, example, open, lastResult }: { maxRays: number; example?: { centre: string; rays: string[] }; open: Open; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT()
  const hydrated = useHydrated()
  const initial = open ? { title: open.title, centre: String(open.data.centre ?? ''), rays: (open.data.rays as string[]) ?? [] } : null
  const [form, f] = useZodForm(`sun-${open?.id ?? 'new'}`, sunSchema, lastResult, initial ?? undefined)
  const [draft, setDraft] = useState(initial ?? { title: '', centre: '', rays: [] as string[] })
  const rayFields = f.rays.getFieldList()
  const shown = hydrated && draft.centre ? draft : (initial ?? (example ? { title: '', ...example } : null))
  return (
    <section className="stack" aria-labelledby="ws-heading">
      <h2 className="ds-heading" data-size="md" id="ws-heading">
        {open ? t('worksheet.edit', { title: open.title }) : t('worksheet.newSun')}
      </h2>
      <Saved />
      <div className="row-start">
        <Form
          method="post"
          {...getFormProps(form)}
          className="form-grid form-narrow"
          onChange={(e) => {
            const data = new FormData(e.currentTarget)
            setDraft({ title: String(data.get('title') ?? ''), centre: String(data.get('centre') ?? ''), rays: Array.from({ length: maxRays }, (_, i) => String(data.get(`rays[${i}]`) ?? '')).filter(Boolean) })
          }}
        >
          <FormErrors id={form.errorId} errors={form.errors} />
          {open ? <input type="hidden" name="id" value={open.id} /> : null}
          <TextField field={f.title} label={t('worksheet.title')} />
          <TextField field={f.centre} label={t('worksheet.centre')} />
          <fieldset className="ds-fieldset stack-sm">
            <legend className="ds-label">{t('worksheet.rays', { max: maxRays })}</legend>
            {Array.from({ length: maxRays }, (_, i) => {
              const field = rayFields[i]
              const id = `${form.id}-ray-${i}`
              return (
                <div key={i} className="ds-field">
                  <label className="ds-label" data-weight="regular" htmlFor={id}>
                    {t('worksheet.ray', { n: i + 1 })}
                  </label>
                  <input className="ds-input" id={id} name={`rays[${i}]`} defaultValue={(initial?.rays[i] as string) ?? ''} aria-invalid={field?.errors?.length ? true : undefined} />
                </div>
              )
            })}
          </fieldset>
          <div>
            <SubmitButton>{t('common.save')}</SubmitButton>
          </div>
        </Form>
        {shown ? (
          <figure className="stack-sm sun-box">
            <SunFigure centre={shown.centre} rays={shown.rays} label={t('method.pedagogical-sun')} />
            <figcaption className="ds-paragraph muted">{open || (hydrated && draft.centre) ? t('worksheet.preview') : t('worksheet.example')}</figcaption>
          </figure>
        ) : null}
      </div>
    </section>
  )
}

export function WorksheetList({ slug, items }: { slug: string; items: { id: string; title: string; updatedAt: Date | string }[] }) {
  const t = useT()
  const lang = useLang()
  return (
    <section className="stack no-print" aria-labelledby="mine">
      <h2 className="ds-heading" data-size="sm" id="mine">
        {t('worksheet.mine')}
      </h2>
      {items.length ? (
        <ul className="ds-list">
          {items.map((w) => (
            <li key={w.id}>
              <Link to={`/methods/${slug}?worksheet=${w.id}`}>{w.title}</Link> <span className="muted">({formatDateTime(w.updatedAt, lang)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('worksheet.none')}</p>
      )}
      <p className="ds-paragraph">
        <Link to={`/methods/${slug}`}>{t('worksheet.new')}</Link>
      </p>
    </section>
  )
}
