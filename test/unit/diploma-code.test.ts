import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeBase32, formatCode, isCodeShaped, newVerificationCode, normaliseCode } from '~/modules/diplomas/code.ts'

describe('verification codes', () => {
  it('carry 128 bits in 26 characters without look-alikes', () => {
    const code = newVerificationCode((n) => randomBytes(n))
    expect(code).toHaveLength(26)
    expect(isCodeShaped(code)).toBe(true)
    expect(code).not.toMatch(/[ILOU]/)
    expect(encodeBase32(new Uint8Array(16).fill(255))).toBe('ZZZZZZZZZZZZZZZZZZZZZZZZZW')
  })

  it('print in groups and read back however they are typed', () => {
    const code = '0123456789ABCDEFGHJKMNPQRS'
    expect(formatCode(code)).toBe('01234-56789-ABCDE-FGHJK-MNPQRS')
    expect(normaliseCode(' o1234-56789-abcde-fghjk-mnpqrs ')).toBe(code)
    expect(normaliseCode('0l234 56789 ABCDE FGHJK MNPQRS')).toBe('01234' + code.slice(5))
  })

  it('are different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newVerificationCode((n) => randomBytes(n))))
    expect(codes.size).toBe(1000)
  })
})
