// Issue 8, items 3 and 4: bodies are limited before they are read, and only
// form bodies reach the actions. Over real HTTP against the Express guard.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refusalText } from '~/utils/refusal.server.ts'
import { CSV_LIMIT, FORM_LIMIT, refusalPage, requestGuards } from '../../server/limits.js'

let base = ''
let received = 0
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(requestGuards({ refuse: (req, res, status, key) => void refusalText(req.headers.cookie, key).then((text) => refusalPage(req, res, status, text)) }))
  app.post('*', (req, res) => {
    let n = 0
    req.on('data', (c: Buffer) => (n += c.length))
    req.on('end', () => {
      received = n
      res.status(200).send('ok')
    })
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

function post(path: string, body: string | Uint8Array, type = 'application/x-www-form-urlencoded', headers: Record<string, string> = {}) {
  return fetch(base + path, { method: 'POST', body: body as BodyInit, headers: { 'Content-Type': type, ...headers } })
}

describe('body limits', () => {
  it('refuses an oversized ordinary form with a translated 413, without reading it', async () => {
    received = -1
    const res = await post('/login', `email=a&password=${'x'.repeat(FORM_LIMIT)}`)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('Forespørselen er for stor.')
    expect(received).toBe(-1)
    const en = await post('/login', 'x'.repeat(FORM_LIMIT + 1), undefined, { Cookie: `mn_lang=${Buffer.from(JSON.stringify('en')).toString('base64')}` })
    expect(await en.text()).toContain('The request is too large.')
  })

  it('lets a normal form through and gives the CSV imports their own, larger limit', async () => {
    expect((await post('/login', 'email=a%40b.no&password=secret')).status).toBe(200)
    const csv = new Uint8Array(FORM_LIMIT * 2)
    expect((await post('/admin/users/import', csv, 'multipart/form-data; boundary=x')).status).toBe(200)
    expect(received).toBe(csv.length)
    expect((await post('/programmes/abc/participants.data', csv, 'multipart/form-data; boundary=x')).status).toBe(200)
    expect((await post('/admin/users/import', new Uint8Array(CSV_LIMIT + 1), 'multipart/form-data; boundary=x')).status).toBe(413)
    expect((await post('/admin/users', csv, 'multipart/form-data; boundary=x')).status).toBe(413)
  })

  it('refuses a body without a declared length', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('email=a'))
        c.close()
      },
    })
    const res = await fetch(`${base}/login`, { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } as RequestInit)
    expect(res.status).toBe(411)
  })
})

describe('form-only bodies', () => {
  it('answers 415 to JSON or text sent to a form action, and lets empty posts through', async () => {
    for (const path of ['/login', '/forgot-password', '/verify', '/language']) {
      const res = await post(path, JSON.stringify({ email: 'a@b.no' }), 'application/json')
      expect(res.status, path).toBe(415)
      expect(await res.text()).toContain('Skjemaet må sendes som et vanlig skjema.')
    }
    expect((await post('/login', 'email=a', 'text/plain')).status).toBe(415)
    expect((await fetch(`${base}/logout`, { method: 'POST' })).status).toBe(200)
  })
})
