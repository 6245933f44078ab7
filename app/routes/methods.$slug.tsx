import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { can, requirePermission } from '~/modules/auth/index.ts'
import { PrintButton } from '~/modules/curriculum/components/print-button.tsx'
import { QuestionBank, ReflectingTeamCard } from '~/modules/curriculum/components/method-parts.tsx'
import { DiamondWorksheet, SunWorksheet, WorksheetList } from '~/modules/curriculum/components/worksheets.tsx'
import { contentLang, getContent, getWorksheet, listWorksheets, saveWorksheet, type WorksheetKind } from '~/modules/curriculum/index.ts'
import { diamondFormSchema, sunData, sunFormSchema } from '~/modules/curriculum/worksheet-schemas.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { invalid } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'methods.title', data?.method.title)

function isWorksheet(kind: string): kind is WorksheetKind {
  return kind === 'cognitive-diamond' || kind === 'pedagogical-sun'
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:curriculum')
  const method = getContent().methods.find((m) => m.slug === params.slug)
  if (!method) notFound()
  const cl = contentLang((await getT(request, viewer)).lang)
  const canUse = can(viewer, 'use:worksheets') && isWorksheet(method.worksheet)
  const kind = method.worksheet as WorksheetKind
  const openId = new URL(request.url).searchParams.get('worksheet')
  const [mine, open] = await Promise.all([
    canUse ? listWorksheets(viewer.userId, kind) : [],
    canUse && openId ? getWorksheet(await loadAudience(viewer), openId, kind) : null,
  ])
  if (openId && canUse && !open) notFound()
  return { contentLang: cl, method: method.text[cl], canUse, mine, open }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'use:worksheets')
  const kind = params.slug ?? ''
  if (!isWorksheet(kind)) notFound()
  const formData = await request.formData()
  const owner = { userId: viewer.userId, municipalityId: viewer.municipality?.id ?? null }
  if (kind === 'cognitive-diamond') {
    const submission = parseWithZod(formData, { schema: diamondFormSchema })
    if (submission.status !== 'success') return invalid(submission.reply())
    const { id, ...sheet } = submission.value
    const saved = await saveWorksheet(owner, kind, sheet, id)
    if (!saved) notFound()
    throw redirect(`/methods/${kind}?worksheet=${saved}&saved=1`)
  }
  const submission = parseWithZod(formData, { schema: sunFormSchema })
  if (submission.status !== 'success') return invalid(submission.reply())
  const saved = await saveWorksheet(owner, kind, sunData(submission.value), submission.value.id)
  if (!saved) notFound()
  throw redirect(`/methods/${kind}?worksheet=${saved}&saved=1`)
}

export default function MethodPage() {
  const t = useT()
  const { method, canUse, mine, open, contentLang: cl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="stack">
      <p className="ds-paragraph no-print">
        <Link to="/methods">{t('methods.title')}</Link>
      </p>
      <article className="stack" lang={cl}>
        <h1 className="ds-heading" data-size="lg">
          {method.title}
        </h1>
        <p className="ds-paragraph" data-size="lg">
          {method.summary}
        </p>
        {method.worksheet === 'reflecting-team' && method.steps && method.roles ? <ReflectingTeamCard steps={method.steps} roles={method.roles} /> : null}
        {method.groups ? <QuestionBank groups={method.groups} /> : null}
        <div className="content-body" dangerouslySetInnerHTML={{ __html: method.html }} />
      </article>
      {canUse && method.worksheet === 'cognitive-diamond' && method.fields ? (
        <DiamondWorksheet fields={method.fields} open={open} lastResult={actionData?.result} contentLang={cl} />
      ) : null}
      {canUse && method.worksheet === 'pedagogical-sun' ? (
        <SunWorksheet maxRays={method.maxRays ?? 12} example={method.example} open={open} lastResult={actionData?.result} />
      ) : null}
      {canUse ? <WorksheetList slug={method.slug} items={mine} /> : null}
      <p className="no-print">
        <PrintButton />
      </p>
    </div>
  )
}
