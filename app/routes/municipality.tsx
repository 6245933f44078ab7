import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import { requireUser, setCurrentMunicipality } from '~/modules/auth/index.ts'
import { switchMunicipalitySchema } from '~/modules/auth/schemas.ts'
import { safeRedirect } from '~/utils/redirect.ts'

export async function loader() {
  throw redirect('/dashboard')
}

/** Switches the session's municipality to one where the user has an active role. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: switchMunicipalitySchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const { municipalityId, redirectTo } = submission.value
  if (!viewer.municipalities.some((m) => m.id === municipalityId)) throw new Response('Forbidden', { status: 403 })
  await setCurrentMunicipality(viewer.sessionId, municipalityId)
  // Pages are scoped to the municipality: land on the dashboard unless the path is generic.
  const to = safeRedirect(redirectTo)
  throw redirect(/^\/(admin|programmes|networks)\//.test(to) ? '/dashboard' : to)
}
