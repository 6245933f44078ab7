import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { SessionDates } from '~/modules/programmes/components/session-dates.tsx'
import { coordinatorsOf, createProgramme, programmeSources, suggestFor } from '~/modules/programmes/index.ts'
import { programmeSchema } from '~/modules/programmes/schemas.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { invalid, parseForm } from '~/utils/forms.server.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'programmes.new')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:programmes')
  const municipalityId = requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const url = new URL(request.url)
  const sources = await programmeSources(await loadAudience(viewer), lang)
  const source = sources.find((s) => s.value === url.searchParams.get('source')) ?? sources[0]
  const thisYear = new Date().getUTCFullYear()
  const requestedYear = Number(url.searchParams.get('year'))
  const year = Number.isInteger(requestedYear) && requestedYear >= 2000 && requestedYear <= 2100 ? requestedYear : thisYear + 1
  const coordinators = await coordinatorsOf(municipalityId)
  return {
    sources: sources.map((s) => ({ value: s.value, label: s.label })),
    source: { value: source.value, label: source.label, sessions: source.sessions.map((s) => ({ title: s.title, kind: s.kind, durationMinutes: s.durationMinutes })) },
    year,
    coordinators,
    defaults: {
      source: source.value,
      name: `${source.label} ${year}`,
      year,
      coordinatorId: coordinators.some((c) => c.id === viewer.userId) ? viewer.userId : (coordinators[0]?.id ?? ''),
      location: '',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      sessions: suggestFor(source, year),
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:programmes')
  const municipalityId = requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, programmeSchema)
  if (submission.status !== 'success') return invalid(submission.reply())
  const { lang } = await getT(request, viewer)
  const result = await createProgramme({ userId: viewer.userId, municipalityId, ip: context.clientIp }, await loadAudience(viewer), submission.value, lang)
  if (!result.ok) return invalid(submission.reply({ fieldErrors: result.fieldErrors }))
  throw redirect(`/programmes/${result.id}?created=1`)
}

export default function NewProgramme() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('programmes.new')}
      </h1>
      <Form method="get" className="row-end" aria-labelledby="step1">
        <h2 className="visually-hidden" id="step1">
          {t('programmes.step1')}
        </h2>
        <div className="ds-field">
          <label className="ds-label" htmlFor="pick-source">
            {t('programmes.source')}
          </label>
          <select className="ds-input" id="pick-source" name="source" defaultValue={data.source.value}>
            {data.sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="pick-year">
            {t('programmes.year')}
          </label>
          <input className="ds-input" id="pick-year" name="year" type="number" inputMode="numeric" defaultValue={data.year} />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('programmes.suggest')}
        </button>
      </Form>

      {/* Keyed by the suggestion: a new source or year starts a new form state (with JavaScript on,
          the form library keeps its first default values for as long as it is mounted). */}
      <ProgrammeForm key={`${data.source.value}-${data.year}`} />
    </div>
  )
}

function ProgrammeForm() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, f] = useZodForm('programme', programmeSchema, actionData?.result, data.defaults)
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="source" value={data.source.value} />
      <input type="hidden" name="year" value={data.year} />
      <div className="form-narrow form-grid">
        <TextField field={f.name} label={t('field.name')} />
        <SelectField field={f.coordinatorId} label={t('programmes.coordinator')} options={data.coordinators.map((c) => ({ value: c.id, label: c.name }))} />
        <TextField field={f.location} label={t('programmes.location')} />
        <TextField field={f.startsOn} label={t('programmes.startsOn')} type="date" />
        <TextField field={f.endsOn} label={t('programmes.endsOn')} type="date" />
      </div>
      <SessionDates field={f.sessions} sessions={data.source.sessions} />
      <div>
        <SubmitButton>{t('programmes.create')}</SubmitButton>
      </div>
    </Form>
  )
}
