// The one schema per action: each form's fields reach the action only through it.
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { registerActionSchema } from '~/modules/attendance/schemas.ts'
import { diplomaActionSchema } from '~/modules/diplomas/schemas.ts'
import { MINUTES_FORM_OF, minutesActionSchema } from '~/modules/minutes/schemas.ts'
import { networkActionSchema, networksListActionSchema } from '~/modules/networks/schemas.ts'
import { gatheringActionSchema, participantsActionSchema } from '~/modules/programmes/schemas.ts'
import { organisationActionSchema } from '~/modules/tenancy/schemas.ts'
import { uploadedCsv } from '~/utils/csv-upload.ts'

function form(fields: Record<string, string | File>) {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  return fd
}
const parse = <S extends Parameters<typeof parseWithZod>[1]['schema']>(schema: S, fields: Record<string, string | File>) => parseWithZod(form(fields), { schema: schema as never }) as { status?: string; value?: any; error?: Record<string, string[] | null> | null; payload: Record<string, unknown> }

describe('one schema per action', () => {
  it('tells the forms apart by intent and keeps each form’s own errors', () => {
    expect(parse(organisationActionSchema, { intent: 'district', name: 'Midtbyen' }).value).toEqual({ intent: 'district', name: 'Midtbyen' })
    expect(parse(organisationActionSchema, { intent: 'unit', name: 'Bergheim' }).error).toEqual({ serviceType: ['error.required'] })
    expect(parse(organisationActionSchema, { intent: 'other', name: 'X' }).status).toBe('error')
  })

  it('minutes: every intent belongs to one form, and a bad answer reports on the comment', () => {
    expect(Object.keys(MINUTES_FORM_OF).sort()).toEqual(['approve', 'close', 'publish', 'request_changes', 'save', 'submit'])
    expect(parse(minutesActionSchema, { intent: 'request_changes' }).error).toEqual({ comment: ['minutes.commentRequired'] })
    expect(parse(minutesActionSchema, { intent: 'close' }).value).toEqual({ intent: 'close' })
    expect(parse(minutesActionSchema, { intent: 'save', title: 'Referat', body: 'Tekst' }).value).toEqual({ intent: 'save', title: 'Referat', body: 'Tekst' })
  })

  it('networks: removing material without an id is a lookup of nothing, not a crash', () => {
    expect(parse(networkActionSchema, { intent: 'remove-material' }).value).toEqual({ intent: 'remove-material', materialId: '' })
    expect(parse(networkActionSchema, { intent: 'material', kind: 'link', title: 'Lenke' }).error).toEqual({ url: ['error.required'] })
    expect(parse(networksListActionSchema, { networkId: 'n1', answer: 'decline' }).value).toEqual({ networkId: 'n1', answer: 'decline' })
    expect(parse(networksListActionSchema, { intent: 'join', networkId: 'n1' }).value).toEqual({ intent: 'join', networkId: 'n1' })
  })

  it('gathering page: the preparation has no intent; an unknown absence reason is refused', () => {
    expect(parse(gatheringActionSchema, { 'answers[0]': 'Svar', share: 'on' }).value).toEqual({ answers: ['Svar'], share: 'on' })
    expect(parse(gatheringActionSchema, { intent: 'absence', reason: 'sick' }).status).toBe('error')
    expect(parse(gatheringActionSchema, { intent: 'absence' }).value).toEqual({ intent: 'absence' })
    expect(parse(gatheringActionSchema, { intent: 'nonsense' }).status).toBe('error')
  })

  it('register: "all present" needs a whole-number version; confirm needs nothing', () => {
    expect(parse(registerActionSchema, { intent: 'all-present', version: '12' }).value).toEqual({ intent: 'all-present', version: 12 })
    expect(parse(registerActionSchema, { intent: 'all-present', version: '1.5' }).status).toBe('error')
    expect(parse(registerActionSchema, { intent: 'confirm-check-ins' }).value).toEqual({ intent: 'confirm-check-ins' })
  })

  it('diplomas: revoking needs a reason of at most 300 characters', () => {
    expect(parse(diplomaActionSchema, { intent: 'revoke', diplomaId: 'd1', reason: '  ' }).status).toBe('error')
    expect(parse(diplomaActionSchema, { intent: 'revoke', diplomaId: 'd1', reason: 'x'.repeat(301) }).status).toBe('error')
    expect(parse(diplomaActionSchema, { intent: 'reissue', diplomaId: 'd1', reason: ' Feil navn ' }).value).toEqual({ intent: 'reissue', diplomaId: 'd1', reason: 'Feil navn' })
    expect(parse(diplomaActionSchema, { intent: 'issue-diploma' }).value).toEqual({ intent: 'issue-diploma', userId: '' })
  })

  it('participants: a CSV needs a joining date; the file wins over the text area', async () => {
    expect(parse(participantsActionSchema, { intent: 'preview', csv: 'a,b', joinedOn: '14.01.2027' }).error).toEqual({ joinedOn: ['error.date'] })
    const file = new File(['navn,e-post\nKari,kari@example.no\n'], 'x.csv', { type: 'text/csv' })
    const value = parse(participantsActionSchema, { intent: 'import', file, csv: 'ignored', joinedOn: '2027-01-14' }).value
    expect(await uploadedCsv(value)).toBe('navn,e-post\nKari,kari@example.no\n')
    expect(await uploadedCsv({ csv: 'abc' })).toBe('abc')
    expect(await uploadedCsv({})).toBe('')
    expect(await uploadedCsv({ csv: 'abcd' }, 3)).toBeNull()
    expect(await uploadedCsv({ file: new File(['abcd'], 'x.csv') }, 3)).toBeNull()
  })
})
