import { describe, expect, it } from 'vitest'
import { defaultAppUrl } from '~/env.server.ts'

describe('the default APP_URL', () => {
  it('follows PORT when only PORT is set', () => {
    expect(defaultAppUrl({ PORT: '8080' })).toBe('http://localhost:8080')
  })

  it('is http://localhost:3000 when nothing is set', () => {
    expect(defaultAppUrl({})).toBe('http://localhost:3000')
  })

  it('uses HOST unless it is a wildcard address', () => {
    expect(defaultAppUrl({ PORT: '4000', HOST: 'mentornett.test' })).toBe('http://mentornett.test:4000')
    expect(defaultAppUrl({ PORT: '4000', HOST: '0.0.0.0' })).toBe('http://localhost:4000')
    expect(defaultAppUrl({ PORT: '4000', HOST: '::1' })).toBe('http://[::1]:4000')
  })

  it('ignores a PORT that is not a number', () => {
    expect(defaultAppUrl({ PORT: 'abc' })).toBe('http://localhost:3000')
  })
})
