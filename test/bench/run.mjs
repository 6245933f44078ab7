// npm run bench            build, start the production server on SQLite with demo
//                          data, and measure pages with autocannon
// npm run bench -- --check no timings (too noisy to gate on): assert queries per
//                          request and client JavaScript size, as CI does
// npm run bench -- --national [--scale 1]
//                          also load `seed:national` data and measure the grid,
//                          register and users list of its largest municipality,
//                          and the national figures over all municipalities
// Options: --no-build, --duration <seconds> (default 5)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import autocannon from 'autocannon'

// A slow fixture can outlast the server's keep-alive: a request sent on a socket
// the server has just closed is sent once more on a new one.
const rawFetch = globalThis.fetch
globalThis.fetch = async (...args) => {
  try {
    return await rawFetch(...args)
  } catch (error) {
    if (error?.cause?.code === 'UND_ERR_SOCKET') return rawFetch(...args)
    throw error
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const check = args.includes('--check')
const duration = Number(args[args.indexOf('--duration') + 1]) || 5
const national = args.includes('--national')
/** --only grid,register: measure throughput of these pages only (all are still checked). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 1
const PORT = Number(process.env.BENCH_PORT ?? 3300)
const BASE = `http://127.0.0.1:${PORT}`

/**
 * Gzipped client JavaScript a bare Remix 2 page downloads (entry, React, router).
 * A page without a form may take 1.3 times that; a page with a form that plus
 * what its form needs (`formKb`, zod and conform's zod adapter: ~95 KB). Pages
 * whose forms are validated on the server only (session, grid, register,
 * adherence, network report) ship no zod and take the page budget.
 */
const BARE_KB = 88
const PAGE_JS_KB = Math.round(BARE_KB * 1.3)

/** Pages measured, with the most SQL statements one request may take. */
const PAGES = [
  { name: 'floor', path: '/_floor', signedIn: false, maxQueries: 0 },
  { name: 'dashboard', path: '/dashboard', signedIn: true, maxQueries: 2, minRatio: 0.6 },
  { name: 'session', path: '/curriculum/ntnu-2018/reflecting-teams', signedIn: true, maxQueries: 1, minRatio: 0.7 },
]

if (!args.includes('--no-build')) {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const server = spawn(process.execPath, ['test/e2e/serve.mjs'], {
  cwd: root,
  env: { ...process.env, E2E_PORT: String(PORT), E2E_SQLITE_FILE: 'test/.tmp/bench.db', EXPOSE_QUERY_COUNT: '1', BENCH_FLOOR: '1', E2E_DATABASE_URL: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stop = () => server.exitCode === null && server.kill('SIGTERM')
process.on('exit', stop)
process.on('SIGINT', () => process.exit(130))

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/healthz/db`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('server did not start')
}

async function signIn(email = 'admin@trondheim.demo') {
  const res = await fetch(`${BASE}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'mentornett-demo' }),
    redirect: 'manual',
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed: ${res.status}`)
  return cookie
}

async function queriesFor(page, cookie) {
  // The second request: steady state, with caches warm.
  await (await fetch(`${BASE}${page.path}`, { headers: page.signedIn ? { cookie: page.cookie ?? cookie } : {} })).text()
  const res = await fetch(`${BASE}${page.path}`, { headers: page.signedIn ? { cookie: page.cookie ?? cookie } : {} })
  if (res.status !== 200) throw new Error(`${page.path}: ${res.status}`)
  page.htmlKb = Math.round((await res.text()).length / 1024)
  return Number(res.headers.get('x-query-count'))
}

function measure(page, cookie) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${BASE}${page.path}`, connections: 10, duration, headers: page.signedIn ? { cookie: page.cookie ?? cookie } : {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
  })
}

/**
 * JS files a page's document loads (entry, shared chunks, root and route
 * modules: the modulepreload links and the inline script's imports), gzipped.
 * Not every /build/ path in the HTML: with lazy route discovery the inline
 * manifest also names routes that might match a later navigation (e.g.
 * /networks beside /networks/report), which the browser loads only then.
 */
async function clientJsKb(page, cookie) {
  const html = await (await fetch(`${BASE}${page.path}`, { headers: page.signedIn ? { cookie: page.cookie ?? cookie } : {} })).text()
  const loaded = [
    ...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g),
    ...html.matchAll(/import(?:\s*\*\s*as\s+\w+\s+from\s*|\s*\(\s*)"(\/build\/[^"]+\.js)"/g),
  ]
  const files = new Set(loaded.map((m) => m[1]))
  let bytes = 0
  for (const f of files) bytes += zlib.gzipSync(fs.readFileSync(path.join(root, 'public', f))).length
  return { kb: Math.round(bytes / 1024), files: files.size }
}

function benchFixture(script = 'test/bench/fixture.ts', extra = []) {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [script, ...extra], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(root, 'test/.tmp/bench.db')}` },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`bench fixture failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

async function timeRequests(url, cookie, times) {
  const ms = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    const res = await fetch(url, { headers: { cookie } })
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    await res.arrayBuffer()
    ms.push(performance.now() - started)
  }
  ms.sort((a, b) => a - b)
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1] }
}

let failures = 0
try {
  await waitForServer()
  const fixture = benchFixture()
  const cookie = await signIn()
  const coordinatorCookie = await signIn('koordinator@trondheim.demo')
  // Signed in before the slow fixtures below, which outlast the server's keep-alive.
  const leadCookie = await signIn('hovedansvarlig@trondheim.demo')
  const run = `/programmes/${fixture.programmeId}`
  PAGES.push(
    { name: 'grid', path: `${run}/attendance`, signedIn: true, cookie: coordinatorCookie, maxQueries: 4, minRatio: 0.5 },
    { name: 'register', path: `${run}/gatherings/${fixture.gatheringId}/register`, signedIn: true, cookie: coordinatorCookie, maxQueries: 6, minRatio: 0.5 },
    { name: 'progress', path: `${run}/progress?user=${fixture.mentorId}`, signedIn: true, cookie: coordinatorCookie, maxQueries: 10 },
    { name: 'users', path: '/admin/users', signedIn: true, maxQueries: 4 },
  )
  if (national) {
    const started = Date.now()
    const nat = benchFixture('test/bench/national.ts', ['--scale', String(scale)])
    console.log(`seed:national --scale ${scale}: ${nat.users} users; largest municipality ${nat.members} memberships, ${nat.mentors} mentors in one run (${((Date.now() - started) / 1000).toFixed(0)} s)`)
    const natCoordinator = await signIn(nat.coordinator)
    const natAdmin = await signIn(nat.admin)
    const natRun = `/programmes/${nat.programmeId}`
    PAGES.push(
      { name: 'nat-grid', path: `${natRun}/attendance`, signedIn: true, cookie: natCoordinator, maxQueries: 4 },
      { name: 'nat-register', path: `${natRun}/gatherings/${nat.gatheringId}/register`, signedIn: true, cookie: natCoordinator, maxQueries: 6 },
      { name: 'nat-users', path: '/admin/users', signedIn: true, cookie: natAdmin, maxQueries: 4 },
    )
    // National figures over every municipality (all opted in), small cells suppressed; cached ten minutes.
    const figures = benchFixture('test/bench/national-figures-fixture.ts')
    const editorCookie = await signIn('redaktor@ks.demo')
    PAGES.push({ name: 'nat-figures', path: '/outcomes/national', signedIn: true, cookie: editorCookie, maxQueries: 2, minRatio: 0.5, note: `${figures.municipalities} municipalities` })
  }
  // Mentee plans: the municipality's adherence view over 2,000 mentees (one page of the table, the summary over all).
  const plansFixture = benchFixture('test/bench/plans-fixture.ts')
  PAGES.push({ name: 'adherence', path: '/plans/adherence', signedIn: true, cookie: coordinatorCookie, maxQueries: 3, minRatio: 0.5, note: `${plansFixture.plans} plans` })
  // The programme lead's report over 40 networks and two years of meetings.
  PAGES.push({ name: 'networks', path: `/networks/report?from=${fixture.reportFrom}&to=${fixture.reportTo}&lastN=3`, signedIn: true, cookie: leadCookie, maxQueries: 2, minRatio: 0.5 })
  console.log(`network report: ${fixture.networks} networks, ${fixture.meetings} meetings`)
  // Case search (issue 11): one page of full-text results over 50,000 cases, as a mentor sees them.
  const casesFixture = benchFixture('test/bench/cases-fixture.ts')
  const mentorCookie = await signIn('mentor@trondheim.demo')
  PAGES.push({ name: 'cases', path: `/cases?q=${encodeURIComponent(casesFixture.word)}`, signedIn: true, cookie: mentorCookie, maxQueries: 8, minRatio: 0.5, formKb: 0, note: `${casesFixture.cases} cases` })
  console.log(`case search: ${casesFixture.cases} cases`)
  const results = {}
  for (const page of PAGES) {
    const queries = await queriesFor(page, cookie)
    const ok = queries <= page.maxQueries
    const js = await clientJsKb(page, cookie)
    const budget = PAGE_JS_KB + (page.formKb ?? 0)
    const jsOk = js.kb <= budget
    if (!ok) failures++
    if (!jsOk) failures++
    results[page.name] = { queries, js: js.kb, htmlKb: page.htmlKb }
    console.log(`${page.name.padEnd(12)} queries/request ${String(queries).padStart(2)} (max ${page.maxQueries})${ok ? '' : ' FAIL'}   client JS ${js.kb} KB gz in ${js.files} files (budget ${budget} KB)${jsOk ? '' : ' FAIL'}   ${page.path}`)
  }

  if (!check) {
    if (!only) {
      const single = await timeRequests(`${BASE}/diplomas/${fixture.diplomaId}/pdf`, coordinatorCookie, 10)
      const bulk = await timeRequests(`${BASE}/programmes/${fixture.programmeId}/diplomas.pdf`, coordinatorCookie, 3)
      console.log(`diploma PDF: one ${single.median.toFixed(0)} ms (median of 10), ${fixture.diplomas} in one PDF ${bulk.median.toFixed(0)} ms (median of 3)`)
    }
    // The client shares the machine with the server, so throughput drifts. Each
    // page is measured in ROUNDS short runs interleaved with runs of the floor,
    // and its ratio is the median of the per-round ratios.
    const ROUNDS = 3
    const floorPage = PAGES[0]
    const measured = PAGES.slice(1).filter((p) => !only || only.includes(p.name))
    for (const page of [PAGES[0], ...measured]) await measure({ ...page, path: page.path }, cookie) // warm-up
    for (const page of measured) {
      const ratios = []
      const rps = []
      const p99 = []
      const floorRps = []
      for (let round = 0; round < ROUNDS; round++) {
        const f = await measure(floorPage, cookie)
        const r = await measure(page, cookie)
        if (r.non2xx || f.non2xx) throw new Error(`${page.path}: non-2xx responses`)
        floorRps.push(f.requests.average)
        rps.push(r.requests.average)
        p99.push(r.latency.p99)
        ratios.push(r.requests.average / f.requests.average)
      }
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
      Object.assign(results[page.name], { rps: median(rps), p99: median(p99), ratio: median(ratios) })
      results.floor.rps = median([...(results.floor.rps ? [results.floor.rps] : []), ...floorRps])
    }
    console.log(`\n${'page'.padEnd(12)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'× floor'.padStart(8)} queries  HTML KB   (median of ${ROUNDS} interleaved ${duration} s runs)`)
    console.log(`${'floor'.padEnd(12)} ${results.floor.rps.toFixed(0).padStart(8)} ${''.padStart(7)} ${'1.00'.padStart(8)} ${String(results.floor.queries).padStart(7)}`)
    for (const page of measured) {
      const r = results[page.name]
      const target = page.minRatio ? ` (target ≥ ${page.minRatio})` : ''
      console.log(`${page.name.padEnd(12)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p99).padStart(7)} ${r.ratio.toFixed(2).padStart(8)} ${String(r.queries).padStart(7)} ${String(r.htmlKb).padStart(8)}${target}`)
    }
  }
  if (process.env.BENCH_JSON) {
    fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ numPassedTests: PAGES.length + 1 - failures, numFailedTests: failures }))
  }
} catch (error) {
  console.error(error)
  failures++
} finally {
  stop()
}
process.exit(failures ? 1 : 0)
