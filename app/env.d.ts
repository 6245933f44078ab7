/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import '@remix-run/node'
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request CSP nonce from server/index.js. */
    cspNonce?: string
    /** The client's address (Express `req.ip`, proxy-aware). */
    clientIp?: string
  }
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}
