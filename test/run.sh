#!/usr/bin/env bash
# Every test, as CI runs them: type check; unit and integration tests and the
# full end-to-end suite on SQLite; then unit, integration and the @smoke
# end-to-end tests on PostgreSQL. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS="$PWD/test/.tmp/reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
status=0
# Each step's duration is printed at the end, so a slow CI run shows where the time went.
STEP_START=$(date +%s); STEP_NAME=""; TIMES=()
step() {
  local now; now=$(date +%s)
  [ -n "$STEP_NAME" ] && TIMES+=("$(printf '%5ds  %s' $((now - STEP_START)) "$STEP_NAME")")
  STEP_START=$now; STEP_NAME="$*"
  printf '\n== %s\n' "$*"
}
fail() { echo "FAILED: $*"; status=1; }

# --- Chromium (Debian's package; Playwright's own download does not work offline)
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$candidate" ] && export CHROMIUM_PATH="$candidate" && break
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing Debian's chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || { echo "apt-get install chromium failed"; exit 1; }
    export CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "Chromium is missing: install the Debian package 'chromium' (sudo apt-get install chromium) or set CHROMIUM_PATH."
    exit 1
  fi
fi

# --- PostgreSQL for the second pass
PG_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
if ! node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$PG_URL"; then
  echo "PostgreSQL does not answer at $PG_URL: start it or set TEST_DATABASE_URL."
  exit 1
fi
E2E_PG_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/mn_'+(process.env.TEST_NS||'test').replace(/[^a-z0-9_]/gi,'').toLowerCase()+'_e2e';console.log(u.toString())" "$PG_URL")"

step "type check"
npx tsc -p . || fail "type check"

if [ -f app/modules/curriculum/check-content.ts ]; then
  step "content check"
  npm run --silent content:check || fail "content check"
fi

step "unit + integration tests on SQLite"
env -u TEST_DATABASE_URL VITEST_JSON="$REPORTS/vitest-sqlite.json" npx vitest run -c test/vitest.config.ts || fail "vitest on SQLite"

step "production build"
npm run --silent build || { fail "build"; exit 1; }

step "end-to-end tests on SQLite (full suite, language sweep included)"
env -u E2E_DATABASE_URL PLAYWRIGHT_JSON="$REPORTS/e2e-sqlite.json" npx playwright test -c test/e2e || fail "e2e on SQLite"

step "benchmark check: queries per request and client JavaScript size"
BENCH_JSON="$REPORTS/bench-check.json" node test/bench/run.mjs --check --no-build || fail "benchmark check"

step "unit + integration tests on PostgreSQL"
TEST_DATABASE_URL="$PG_URL" VITEST_JSON="$REPORTS/vitest-postgres.json" npx vitest run -c test/vitest.config.ts || fail "vitest on PostgreSQL"

step "end-to-end @smoke tests on PostgreSQL"
E2E_DATABASE_URL="$E2E_PG_URL" PLAYWRIGHT_JSON="$REPORTS/e2e-postgres.json" npx playwright test -c test/e2e --grep @smoke || fail "e2e on PostgreSQL"

step "summary"
printf '%s\n' "${TIMES[@]}"
node test/summary.mjs "$REPORTS" || status=1
exit $status
