import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requirePermission } from '~/modules/auth/index.ts'
import { AgendaTable, useHours } from '~/modules/curriculum/components/agenda.tsx'
import { PrintButton } from '~/modules/curriculum/components/print-button.tsx'
import { getContent, literatureIn, nationalCurriculum } from '~/modules/curriculum/index.ts'
import { notFound } from '~/utils/http.ts'
import { MethodLinks } from '~/modules/curriculum/components/method-links.tsx'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'curriculum.title', data?.session.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:curriculum')
  const { lang } = await getT(request, viewer)
  const curriculum = nationalCurriculum(params.curriculum ?? '', lang)
  const session = curriculum?.sessions.find((s) => s.slug === params.session)
  if (!curriculum || !session) notFound()
  const literature = getContent().literature.filter((l) => session.literature.includes(l.id)).map((l) => literatureIn(l, curriculum.contentLang))
  const index = curriculum.sessions.indexOf(session)
  return {
    curriculum: { slug: curriculum.slug, title: curriculum.title, contentLang: curriculum.contentLang },
    session,
    literature,
    // Only what the links need: the neighbours' full text would double the page's data.
    previous: index > 0 ? { slug: curriculum.sessions[index - 1].slug, title: curriculum.sessions[index - 1].title } : null,
    next: index < curriculum.sessions.length - 1 ? { slug: curriculum.sessions[index + 1].slug, title: curriculum.sessions[index + 1].title } : null,
  }
}

export default function SessionPage() {
  const t = useT()
  const hours = useHours()
  const { curriculum, session, literature, previous, next } = useLoaderData<typeof loader>()
  return (
    <article className="stack" lang={curriculum.contentLang}>
      <p className="ds-paragraph no-print">
        <Link to="/curriculum">{curriculum.title}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {session.order}. {session.title}
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {session.theme}
      </p>
      <p className="ds-paragraph">
        {t(`kind.${session.kind}`)} · {t('curriculum.hoursLong', { hours: hours(session.durationMinutes) })}
      </p>
      <div className="content-body" dangerouslySetInnerHTML={{ __html: session.html }} />
      <section className="stack" aria-labelledby="prep">
        <h2 className="ds-heading" data-size="sm" id="prep">
          {t('curriculum.preparation')}
        </h2>
        {session.preparation.length ? (
          <ol className="ds-list">
            {session.preparation.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
        ) : (
          <p className="ds-paragraph">{t('curriculum.noPreparation')}</p>
        )}
      </section>
      <section className="stack" aria-labelledby="agenda">
        <h2 className="ds-heading" data-size="sm" id="agenda">
          {t('curriculum.agenda')}
        </h2>
        <AgendaTable blocks={session.agenda} durationMinutes={session.durationMinutes} />
      </section>
      <MethodLinks methods={session.methods} headingId="methods" />
      {literature.length ? (
        <section className="stack" aria-labelledby="literature">
          <h2 className="ds-heading" data-size="sm" id="literature">
            {t('curriculum.literature')}
          </h2>
          <ul className="ds-list">
            {literature.map((l) => (
              <li key={l.id}>
                {l.authors} ({l.year}). {/* A book's own title, not interface text. */}<em data-user-content>{l.title}</em>. {l.publisher}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav className="row no-print" aria-label={t('curriculum.sessionNav')}>
        {previous ? <Link to={`/curriculum/${curriculum.slug}/${previous.slug}`}>← {previous.title}</Link> : null}
        {next ? <Link to={`/curriculum/${curriculum.slug}/${next.slug}`}>{next.title} →</Link> : null}
        <PrintButton />
      </nav>
    </article>
  )
}
