// Benchmark floor: a full document render with no loader of its own. Requested
// without a session, nothing on it touches the database.
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
