import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { contentLang, getContent } from '~/modules/curriculum/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'methods.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:curriculum')
  const cl = contentLang((await getT(request, viewer)).lang)
  return { contentLang: cl, methods: getContent().methods.map((m) => ({ slug: m.slug, title: m.text[cl].title, summary: m.text[cl].summary, worksheet: m.worksheet })) }
}

export default function Methods() {
  const t = useT()
  const { methods, contentLang: cl } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('methods.title')}
      </h1>
      <p className="ds-paragraph">{t('methods.lead')}</p>
      <ul className="cards" lang={cl}>
        {methods.map((m) => (
          <li key={m.slug} className="ds-card stack-sm">
            <h2 className="ds-heading" data-size="xs">
              <Link to={`/methods/${m.slug}`}>{m.title}</Link>
            </h2>
            <p className="ds-paragraph">{m.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
