// Benchmark floor: a full document render whose loader reads nothing. Requested
// without a session, nothing on it touches the database. Only the benchmark
// serves it (BENCH_FLOOR=1, set by test/bench/run.mjs); elsewhere it is a 404.
import { env } from '~/env.server.ts'
import { notFound } from '~/utils/http.ts'

export function loader() {
  if (env.BENCH_FLOOR !== '1') notFound()
  return null
}

export default function Floor() {
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        Mentornett
      </h1>
      <p className="ds-paragraph">OK</p>
    </div>
  )
}
