/** Throws a Response (e.g. 404) unless `condition` holds. */
export function invariantResponse(condition: unknown, message: string, init: { status: number } = { status: 404 }): asserts condition {
  if (!condition) throw new Response(message, { status: init.status, statusText: message })
}

export function notFound(): never {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
}
