// Verification codes: 128 random bits in Crockford's base32 (no I, L, O, U),
// printed in groups so they can be typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** 26 characters carrying 128 random bits. */
export function newVerificationCode(random: (n: number) => Uint8Array): string {
  return encodeBase32(random(16))
}

/** XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX */
export function formatCode(code: string): string {
  return code.match(/.{1,5}/g)!.join('-').replace(/-([A-Z0-9])$/, '$1')
}

/** What someone typed back to the stored form: case, separators and look-alikes forgiven. */
export function normaliseCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

export function isCodeShaped(code: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(code)
}
