// content/surveys: the valid templates load, and each rule of the checker is broken once in a copy.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_DIR } from '~/modules/curriculum/content.server.ts'
import { loadSurveyTemplates } from '~/modules/outcomes/surveys-content.server.ts'

function brokenCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mn-surveys-'))
  fs.cpSync(path.join(CONTENT_DIR, 'surveys'), path.join(dir, 'surveys'), { recursive: true })
  edit(path.join(dir, 'surveys'))
  try {
    return loadSurveyTemplates(path.join(dir, 'surveys')).errors.join('\n')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function replaceIn(dir: string, rel: string, from: string | RegExp, to: string) {
  const file = path.join(dir, rel)
  const before = fs.readFileSync(file, 'utf8')
  const after = before.replace(from, to)
  expect(after).not.toBe(before)
  fs.writeFileSync(file, after)
}

describe('survey templates', () => {
  it('has the three templates with every question type, worded in nb, nn and en', () => {
    const { templates, errors } = loadSurveyTemplates()
    expect(errors).toEqual([])
    expect(templates.map((t) => t.slug)).toEqual(['mentee-probation', 'mentor-six-months', 'programme-evaluation'])
    const types = new Set(templates.flatMap((t) => t.questions.map((q) => q.type)))
    expect([...types].sort()).toEqual(['multiple', 'number', 'scale', 'single', 'text'])
    const q = templates.find((t) => t.slug === 'mentee-probation')!.questions.find((x) => x.key === 'recommend')!
    expect(q.text.nn.label).toMatch(/tilrå/)
    expect(q.text.en.options).toEqual({ yes: 'Yes', maybe: 'Maybe', no: 'No' })
  })

  it('reports a missing option label', () => {
    expect(brokenCopy((d) => replaceIn(d, 'mentee-probation/en.md', 'maybe: Maybe, ', '')))
      .toMatch(/mentee-probation\/en\.md: questions\.recommend\.options\.maybe: missing label/)
  })

  it('reports a question without wording and wording without a question', () => {
    const errors = brokenCopy((d) => replaceIn(d, 'mentee-probation/nb.md', '  better:', '  worse:'))
    expect(errors).toMatch(/nb\.md: questions\.better: missing/)
    expect(errors).toMatch(/nb\.md: questions\.worse: not in _survey\.md/)
  })

  it('reports a number question whose bins do not start at min', () => {
    expect(brokenCopy((d) => replaceIn(d, 'mentee-probation/_survey.md', 'bins: [0, 5', 'bins: [1, 5')))
      .toMatch(/_survey\.md: questions\.0\.bins: bins must start at min/)
  })

  it('reports a choice question without options and bokmål in nynorsk', () => {
    const errors = brokenCopy((d) => {
      replaceIn(d, 'programme-evaluation/_survey.md', '{ key: gathering-length, type: single, options: [too-short, right, too-long] }', '{ key: gathering-length, type: single }')
      replaceIn(d, 'programme-evaluation/nn.md', 'Kva er det viktigaste', 'Hva er det viktigaste')
    })
    expect(errors).toMatch(/_survey\.md: questions\.4\.options: choice questions need options/)
    expect(brokenCopy((d) => replaceIn(d, 'programme-evaluation/nn.md', 'Kva er det viktigaste', 'Hva er det viktigaste'))).toMatch(/nn\.md: nynorsk: bokmål word forms hva/)
  })
})
