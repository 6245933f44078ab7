import { Form } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'

/** Make or renew a secret calendar address; the new address is shown once. */
export function CalendarFeedSection({ title, lead, exists, url }: { title: string; lead: string; exists: boolean; url?: string | null }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="feed-heading">
      <h2 className="ds-heading" data-size="sm" id="feed-heading">
        {title}
      </h2>
      <p className="ds-paragraph">{lead}</p>
      {url ? (
        <p className="ds-paragraph pre-wrap" data-testid="feed-url">
          {url}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="calendar" />
        <button type="submit" className="ds-button" data-variant="secondary">
          {exists ? t('calendar.rotate') : t('calendar.create')}
        </button>
      </Form>
    </section>
  )
}
