import { AsyncLocalStorage } from 'node:async_hooks'

/** Per-request state that must not travel through function arguments. */
export type RequestStore = {
  /** SQL statements issued while handling this request. */
  queries: number
  /** Memoised values for this request (e.g. the signed-in viewer). */
  memo: Map<string, unknown>
}

const storage = new AsyncLocalStorage<RequestStore>()

export function runWithRequestStore<T>(fn: () => T): T {
  return storage.run({ queries: 0, memo: new Map() }, fn)
}

export function requestStore(): RequestStore | undefined {
  return storage.getStore()
}

/** Compute a value once per request (falls back to computing every time outside a request). */
export function memo<T>(key: string, compute: () => T): T {
  const store = storage.getStore()
  if (!store) return compute()
  if (!store.memo.has(key)) store.memo.set(key, compute())
  return store.memo.get(key) as T
}
