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

  it('encode whole and partial groups of five bits exactly (RFC 4648 test vectors in Crockford letters)', () => {
    // 'f' = 0x66 -> 01100 110(00) ; 'fooba' is exactly 40 bits, 8 characters, nothing left over
    expect(encodeBase32(new TextEncoder().encode('f'))).toBe('CR')
    expect(encodeBase32(new TextEncoder().encode('fo'))).toBe('CSQG')
    expect(encodeBase32(new TextEncoder().encode('fooba'))).toBe('CSQPYRK1')
    expect(encodeBase32(new TextEncoder().encode('foobar'))).toBe('CSQPYRK1E8')
    expect(encodeBase32(new Uint8Array(0))).toBe('')
  })

  it('ask for 16 random bytes for each code', () => {
    const asked: number[] = []
    newVerificationCode((n) => (asked.push(n), new Uint8Array(n)))
    expect(asked).toEqual([16])
  })

  it('accept only the whole code, nothing before or after it', () => {
    const code = '0123456789ABCDEFGHJKMNPQRS'
    expect(isCodeShaped(code)).toBe(true)
    expect(isCodeShaped(`X${code}`)).toBe(false)
    expect(isCodeShaped(`${code}0`)).toBe(false)
    expect(isCodeShaped(code.slice(1))).toBe(false)
    expect(isCodeShaped(code.replace('A', 'U'))).toBe(false)
  })
})
