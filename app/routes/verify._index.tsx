import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { formatCode, normaliseCode } from '~/modules/diplomas/code.ts'
import { verifyLookupSchema } from '~/modules/diplomas/schemas.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'verify.title'), { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'X-Robots-Tag': 'noindex' }
}

/** Typing a code from a paper diploma leads to its verification page. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: verifyLookupSchema })
  const code = normaliseCode(submission.status === 'success' ? submission.value.code : '').slice(0, 40)
  throw redirect(`/verify/${code.length === 26 ? formatCode(code) : encodeURIComponent(code || '-')}`)
}

export default function VerifyForm() {
  const t = useT()
  return (
    <div className="stack form-narrow">
      <h1 className="ds-heading" data-size="lg">
        {t('verify.title')}
      </h1>
      <p className="ds-paragraph">{t('verify.lead')}</p>
      <Form method="post" className="form-grid">
        <div className="ds-field">
          <label className="ds-label" htmlFor="code">
            {t('verify.code')}
          </label>
          <input className="ds-input" id="code" name="code" required autoComplete="off" spellCheck={false} />
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('verify.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
