// /_floor is the benchmark's bare page: served only when the benchmark asks.
import { afterEach, describe, expect, it, vi } from 'vitest'

async function floorLoader(flag: string | undefined) {
  vi.resetModules()
  if (flag === undefined) delete process.env.BENCH_FLOOR
  else process.env.BENCH_FLOOR = flag
  return (await import('~/routes/[_]floor.tsx')).loader
}

afterEach(() => {
  delete process.env.BENCH_FLOOR
  vi.resetModules()
})

describe('/_floor', () => {
  it('is a 404 unless BENCH_FLOOR=1', async () => {
    const loader = await floorLoader(undefined)
    const thrown = await Promise.resolve()
      .then(() => loader())
      .then(() => null, (e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(404)
  })

  it('renders for the benchmark', async () => {
    const loader = await floorLoader('1')
    expect(loader()).toBeNull()
  })
})
