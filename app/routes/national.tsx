import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { listMunicipalities } from '~/modules/tenancy/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'national.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'review:national')
  const municipalities = await listMunicipalities()
  return { municipalities: municipalities.length }
}

export default function National() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('national.title')}
      </h1>
      <p className="ds-paragraph">{t('national.lead', { count: data.municipalities })}</p>
      <p className="ds-paragraph">{t('national.empty')}</p>
    </div>
  )
}
