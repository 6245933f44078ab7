import type { LoaderFunctionArgs } from '@remix-run/node'
import { env } from '~/env.server.ts'
import { translate } from '~/i18n/index.ts'
import { planCalendarItems } from '~/modules/mentee-plans/index.ts'
import { feedEvents, toIcs, type AllDayEvent } from '~/modules/programmes/index.ts'

/** Calendar subscriptions: /calendar/<secret token>.ics, no session needed; a rotated token is gone (404). */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? ''
  const feed = file.endsWith('.ics') ? await feedEvents(file.slice(0, -4)) : null
  if (!feed) throw new Response('Not Found', { status: 404, headers: { 'X-Robots-Tag': 'noindex' } })
  // The personal feed also carries the open items of the mentee plans one mentors, leads or follows.
  const planItems: AllDayEvent[] = feed.personalUserId
    ? (await planCalendarItems(feed.personalUserId)).map((i) => ({
        uid: `plan-item-${i.id}@mentornett`,
        date: i.plannedDate,
        summary: translate(feed.lang, 'plans.calendarEvent', { kind: translate(feed.lang, `plans.kind.${i.kind}` as 'plans.kind.conversation'), name: i.plan.menteeName }),
        url: new URL(`/plans/${i.planId}`, env.APP_URL).toString(),
        stamp: i.updatedAt,
      }))
    : []
  return new Response(toIcs(feed.name, feed.gatherings, feed.lang, planItems), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300', 'X-Robots-Tag': 'noindex' },
  })
}
