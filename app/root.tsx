import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import dsCss from '@digdir/designsystemet-css/index.css'
import themeCss from '@digdir/designsystemet-css/theme.css'
import { cssBundleHref } from '@remix-run/css-bundle'
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { Layout as PageLayout } from './components/layout.tsx'
import { HTML_LANG, isLang } from './i18n/lang.ts'
import { dictionaries } from './i18n/index.ts'
import { resolveLang } from './i18n/lang.server.ts'
import { getViewer, viewerRoles } from './modules/auth/viewer.server.ts'
import appCss from './styles/app.css'
import { useNonce } from './utils/nonce.tsx'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.ico', sizes: 'any' },
  ...(cssBundleHref ? [{ rel: 'stylesheet', href: cssBundleHref }] : []),
  { rel: 'stylesheet', href: dsCss },
  { rel: 'stylesheet', href: themeCss },
  { rel: 'stylesheet', href: appCss },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  const lang = await resolveLang(request, viewer)
  return {
    lang,
    // Only the active language's dictionary travels to the browser (see i18n/lang.ts).
    messages: dictionaries[lang],
    viewer: viewer && {
      name: viewer.name,
      roles: viewerRoles(viewer),
      municipality: viewer.municipality && {
        id: viewer.municipality.id,
        name: viewer.municipality.name,
        accessibilityStatementUrl: viewer.municipality.accessibilityStatementUrl,
      },
      municipalities: viewer.municipalities,
    },
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  const lang = isLang(data?.lang) ? data.lang : 'nb'
  return (
    <html lang={HTML_LANG[lang]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <PageLayout lang={lang} viewer={data?.viewer ?? null}>
          {children}
        </PageLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
