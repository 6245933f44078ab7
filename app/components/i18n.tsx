import { useRouteLoaderData } from '@remix-run/react'
import type { Messages } from '~/i18n/index.ts'
import { isLang, translatorFor, type Lang, type T } from '~/i18n/lang.ts'

/** The root loader sends the active language and only its dictionary. */
type RootData = { lang?: string; messages?: Messages }

export function useLang(): Lang {
  const data = useRouteLoaderData('root') as RootData | undefined
  return isLang(data?.lang) ? data.lang : 'nb'
}

export function useT(): T {
  const data = useRouteLoaderData('root') as RootData | undefined
  return translatorFor(data?.messages)
}
