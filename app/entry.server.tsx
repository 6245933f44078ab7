import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleDataRequestFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { env } from './env.server.ts'
import { NonceProvider } from './utils/nonce.tsx'
import { requestStore } from './utils/request-context.server.ts'

// Hooks for server/index.js (reached through build.entry.module).
export { runWithRequestStore } from './utils/request-context.server.ts'
export { pingDatabase } from './db.server.ts'
export { startBackgroundJobs, stopBackgroundJobs } from './utils/background.server.ts'
export { refusalText } from './utils/refusal.server.ts'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

function addQueryCount(headers: Headers) {
  if (env.EXPOSE_QUERY_COUNT === '1') headers.set('X-Query-Count', String(requestStore()?.queries ?? 0))
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  addQueryCount(response.headers)
  return response
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? ''
  const bot = isbot(request.headers.get('user-agent') ?? '')
  addQueryCount(responseHeaders)
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [bot ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY + 1000)
  })
}
