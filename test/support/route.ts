import { startSession } from '~/modules/auth/index.ts'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest } from './factories.ts'

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>

/** Calls a route's loader or action as Remix would and gives back the HTTP answer (thrown or returned). */
export async function callRoute(fn: RouteFn, request: Request, params: Record<string, string> = {}, clientIp = '10.8.0.1'): Promise<Response> {
  return runWithRequestStore(async () => {
    try {
      const value = await fn({ request, params, context: { clientIp, cspNonce: 'test' } })
      if (value instanceof Response) return value
      const d = value as { type?: string; init?: { status?: number; headers?: HeadersInit }; data?: unknown }
      const body = d && d.type === 'DataWithResponseInit' ? d.data : value
      const headers = new Headers(d?.init?.headers)
      headers.set('Content-Type', 'application/json')
      return new Response(JSON.stringify(body ?? null), { status: d?.init?.status ?? 200, headers })
    } catch (e) {
      if (e instanceof Response) return e
      throw e
    }
  })
}

/** A signed-in cookie for the user, working in the municipality. */
export async function signIn(userId: string, municipalityId: string | null) {
  return cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
}
