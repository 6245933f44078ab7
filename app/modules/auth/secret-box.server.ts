import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { env } from '~/env.server.ts'

// Secrets we must read back (TOTP seeds, SSO client secrets) are sealed with
// AES-256-GCM under a key derived from SESSION_SECRET. The first secret seals;
// every listed secret still opens, so rotation works the same way as for cookies.
function keys(): Buffer[] {
  return env.SESSION_SECRET.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => createHash('sha256').update(`mentornett:secret-box:${s}`).digest())
}

export function seal(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys()[0]!, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

export function open(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) return null
  for (const key of keys()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    } catch {
      // try the next key
    }
  }
  return null
}
