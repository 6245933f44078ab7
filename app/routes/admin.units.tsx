import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/form.tsx'
import { useZodForm } from '~/components/zod-form.tsx'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { isUniqueViolation, listDistricts, listUnits, saveDistrict, saveUnit } from '~/modules/tenancy/index.ts'
import { districtSchema, organisationActionSchema, SERVICE_TYPES, unitSchema } from '~/modules/tenancy/schemas.ts'
import { invalid } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'units.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:units')
  const municipalityId = requireMunicipalityId(viewer)
  const [districts, units] = await Promise.all([listDistricts(municipalityId), listUnits(municipalityId)])
  return { districts, units }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:units')
  const actor = { userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }
  const submission = parseWithZod(await request.formData(), { schema: organisationActionSchema })
  const intent = submission.payload.intent === 'district' ? 'district' : 'unit'
  if (submission.status !== 'success') return invalid(submission.reply(), { extra: { intent } })
  const value = submission.value
  try {
    const saved = value.intent === 'district' ? await saveDistrict(actor, value) : await saveUnit(actor, value)
    if (!saved) notFound()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return invalid(submission.reply({ fieldErrors: { name: ['error.duplicate'] } }), { extra: { intent } })
  }
  throw redirect('/admin/units')
}

function DistrictForm({ initial }: { initial?: { id: string; name: string } }) {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(initial ? `district-${initial.id}` : 'district-new', districtSchema, actionData?.intent === 'district' ? actionData.result : undefined, initial)
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="district" />
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField field={fields.name} label={t('units.districtName')} />
      <div>
        <SubmitButton>{initial ? t('common.save') : t('units.addDistrict')}</SubmitButton>
      </div>
    </Form>
  )
}

function UnitForm({ initial, districts }: { initial?: { id: string; name: string; serviceType: string; districtId: string | null }; districts: { id: string; name: string }[] }) {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useZodForm(initial ? `unit-${initial.id}` : 'unit-new', unitSchema, actionData?.intent === 'unit' ? actionData.result : undefined, initial && { ...initial, districtId: initial.districtId ?? '' })
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid form-narrow">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="unit" />
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField field={fields.name} label={t('units.unitName')} />
      <SelectField field={fields.serviceType} label={t('units.serviceType')} placeholder={t('common.choose')} options={SERVICE_TYPES.map((s) => ({ value: s, label: enumLabel(t, 'serviceType', SERVICE_TYPES, s) }))} />
      <SelectField field={fields.districtId} label={t('units.district')} placeholder={t('common.none')} options={districts.map((d) => ({ value: d.id, label: d.name }))} />
      <div>
        <SubmitButton>{initial ? t('common.save') : t('units.addUnit')}</SubmitButton>
      </div>
    </Form>
  )
}

export default function Units() {
  const t = useT()
  const { districts, units } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const editDistrict = districts.find((d) => d.id === params.get('district'))
  const editUnit = units.find((u) => u.id === params.get('unit'))
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('units.title')}
      </h1>

      <section className="stack" aria-labelledby="units-heading">
        <h2 className="ds-heading" data-size="md" id="units-heading">
          {t('units.units')}
        </h2>
        <div className="table-wrap">
          <table className="ds-table" data-border="true" aria-labelledby="units-heading">
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('units.serviceType')}</th>
                <th scope="col">{t('units.district')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{enumLabel(t, 'serviceType', SERVICE_TYPES, u.serviceType)}</td>
                  <td>{u.district?.name ?? '–'}</td>
                  <td>
                    <Link to={`?unit=${u.id}#unit-form`}>
                      {t('common.edit')}
                      <span className="visually-hidden"> {u.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="ds-heading" data-size="sm" id="unit-form">
          {editUnit ? t('units.editUnit', { name: editUnit.name }) : t('units.addUnit')}
        </h3>
        <UnitForm key={editUnit?.id ?? 'new'} initial={editUnit} districts={districts} />
      </section>

      <section className="stack" aria-labelledby="districts-heading">
        <h2 className="ds-heading" data-size="md" id="districts-heading">
          {t('units.districts')}
        </h2>
        <ul className="ds-list">
          {districts.map((d) => (
            <li key={d.id}>
              {d.name} ({t('units.unitCount', { count: d._count.units })}) ·{' '}
              <Link to={`?district=${d.id}#district-form`}>
                {t('common.edit')}
                <span className="visually-hidden"> {d.name}</span>
              </Link>
            </li>
          ))}
        </ul>
        <h3 className="ds-heading" data-size="sm" id="district-form">
          {editDistrict ? t('units.editDistrict', { name: editDistrict.name }) : t('units.addDistrict')}
        </h3>
        <DistrictForm key={editDistrict?.id ?? 'new'} initial={editDistrict} />
      </section>
    </div>
  )
}
