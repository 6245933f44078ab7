import { useT } from '~/components/i18n.tsx'
import type { MethodFrontmatter } from '../content-schema.ts'
import { RoundTimer, useHydrated } from './timers.tsx'

type Steps = NonNullable<MethodFrontmatter['steps']>
type Roles = NonNullable<MethodFrontmatter['roles']>
type Groups = NonNullable<MethodFrontmatter['groups']>

/** The facilitator card: roles, the steps in order, and (with JavaScript) a timer per team round. */
export function ReflectingTeamCard({ steps, roles }: { steps: Steps; roles: Roles }) {
  const t = useT()
  const hydrated = useHydrated()
  const rounds = steps.filter((s) => s.minutes)
  return (
    <section className="ds-card stack" aria-labelledby="rt-card">
      <h2 className="ds-heading" data-size="sm" id="rt-card">
        {t('methods.facilitatorCard')}
      </h2>
      <h3 className="ds-heading" data-size="xs">
        {t('methods.roles')}
      </h3>
      <dl className="stack-sm">
        {roles.map((r) => (
          <div key={r.key}>
            <dt className="ds-label">{r.title}</dt>
            <dd>{r.text}</dd>
          </div>
        ))}
      </dl>
      <h3 className="ds-heading" data-size="xs">
        {t('methods.steps')}
      </h3>
      <ol className="ds-list">
        {steps.map((s, i) => (
          <li key={i}>
            <strong>{s.title}</strong>
            {s.minutes ? ` (${t('methods.aboutMinutes', { minutes: s.minutes })})` : ''}: {s.text}
          </li>
        ))}
      </ol>
      {hydrated && rounds.length ? (
        <div className="timers no-print">
          {rounds.map((r, i) => (
            <RoundTimer key={i} label={r.title} minutes={r.minutes!} warnAt={r.minutes! > 3 ? 3 : undefined} />
          ))}
        </div>
      ) : null}
    </section>
  )
}

export function QuestionBank({ groups }: { groups: Groups }) {
  return (
    <div className="cards">
      {groups.map((g) => (
        <section key={g.key} className="ds-card stack-sm" aria-labelledby={`qb-${g.key}`}>
          <h2 className="ds-heading" data-size="xs" id={`qb-${g.key}`}>
            {g.title}
          </h2>
          <ul className="ds-list">
            {g.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
