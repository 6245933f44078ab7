import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedEvents, toIcs } from '~/modules/programmes/index.ts'

/** Calendar subscriptions: /calendar/<secret token>.ics, no session needed; a rotated token is gone (404). */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? ''
  const feed = file.endsWith('.ics') ? await feedEvents(file.slice(0, -4)) : null
  if (!feed) throw new Response('Not Found', { status: 404, headers: { 'X-Robots-Tag': 'noindex' } })
  return new Response(toIcs(feed.name, feed.gatherings, feed.lang), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300', 'X-Robots-Tag': 'noindex' },
  })
}
