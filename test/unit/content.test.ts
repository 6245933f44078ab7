import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_DIR, loadContent } from '~/modules/curriculum/content.server.ts'

describe('content/', () => {
  const { content, errors } = loadContent()

  it('passes every check', () => {
    expect(errors).toEqual([])
  })

  it('holds the national programme: 12 sessions, 44 hours, in bokmål and English', () => {
    const ntnu = content.curricula.find((c) => c.slug === 'ntnu-2018')!
    expect(ntnu.sessions).toHaveLength(12)
    expect(ntnu.sessions.reduce((sum, s) => sum + s.durationMinutes, 0)).toBe(44 * 60)
    expect(ntnu.requiredHours).toBe(44)
    expect(ntnu.sessions.map((s) => s.kind).filter((k) => k !== 'gathering')).toEqual(['kickoff', 'seminar'])
    expect(ntnu.sessions[0].referenceDate).toBe('2018-01-11')
    for (const s of ntnu.sessions) {
      expect(s.text.nb.theme).not.toBe(s.text.en.theme)
      expect(s.text.nb.agenda.reduce((a, b) => a + b.minutes, 0)).toBeLessThanOrEqual(s.durationMinutes)
    }
    expect(content.methods.map((m) => m.slug).sort()).toEqual(['cognitive-diamond', 'empathic-communication', 'group-contract', 'pedagogical-sun', 'question-bank', 'reflecting-team'])
  })

  it('reports a broken file with its name and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mn-content-'))
    fs.cpSync(CONTENT_DIR, dir, { recursive: true })
    const file = path.join(dir, 'curriculum/ntnu-2018/en/03-own-experiences-as-new-nurse.md')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('durationMinutes: 180', 'durationMinutes: 170').replace('/methods/', '/metoder/'))
    fs.rmSync(path.join(dir, 'methods/en/group-contract.md'))
    const broken = loadContent(dir).errors.join('\n')
    expect(broken).toContain('curriculum/ntnu-2018/en/03-own-experiences-as-new-nurse.md: durationMinutes: must match the bokmål file')
    expect(broken).toMatch(/03-own-experiences-as-new-nurse\.md: link: \/metoder\/[a-z-]+ does not resolve/)
    expect(broken).toContain('methods/en/group-contract.md: missing')
  })
})
