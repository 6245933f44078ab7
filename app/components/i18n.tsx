import { useRouteLoaderData } from '@remix-run/react'
import { createT, isLang, type Lang, type T } from '~/i18n/index.ts'

type RootData = { lang?: string }

export function useLang(): Lang {
  const data = useRouteLoaderData('root') as RootData | undefined
  return isLang(data?.lang) ? data.lang : 'nb'
}

export function useT(): T {
  return createT(useLang())
}
