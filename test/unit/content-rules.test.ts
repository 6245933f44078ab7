// The content check's counterparts to "valid content passes": each rule is
// broken once in a copy of content/ and must be reported.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_DIR, loadContent } from '~/modules/curriculum/content.server.ts'

function brokenCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mn-content-'))
  fs.cpSync(CONTENT_DIR, dir, { recursive: true })
  edit(dir)
  try {
    return loadContent(dir).errors.join('\n')
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

describe('content check', () => {
  it('notices when the sessions no longer add up to the required hours', () => {
    const errors = brokenCopy((dir) => {
      for (const lang of fs.readdirSync(path.join(dir, 'curriculum/ntnu-2018')).filter((l) => !l.includes('.'))) {
        const file = fs.readdirSync(path.join(dir, 'curriculum/ntnu-2018', lang)).find((f) => f.startsWith('03-'))!
        replaceIn(dir, `curriculum/ntnu-2018/${lang}/${file}`, 'durationMinutes: 180', 'durationMinutes: 240')
      }
    })
    expect(errors).toMatch(/_programme\.md: requiredHours: sessions add up to 45 h, not 44 h/)
  })

  it('notices an agenda that runs past its session', () => {
    const errors = brokenCopy((dir) => replaceIn(dir, 'curriculum/ntnu-2018/nb/03-own-experiences-as-new-nurse.md', 'minutes: 60', 'minutes: 200'))
    expect(errors).toMatch(/03-own-experiences-as-new-nurse\.md: agenda: agenda blocks add up to more than durationMinutes/)
  })

  it('accepts an agenda that fills its session exactly', () => {
    const file = path.join(CONTENT_DIR, 'curriculum/ntnu-2018/nb/03-own-experiences-as-new-nurse.md')
    const text = fs.readFileSync(file, 'utf8')
    const total = [...text.matchAll(/^\s+minutes: (\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0)
    const errors = brokenCopy((dir) => {
      for (const lang of fs.readdirSync(path.join(dir, 'curriculum/ntnu-2018')).filter((l) => !l.includes('.'))) {
        const name = fs.readdirSync(path.join(dir, 'curriculum/ntnu-2018', lang)).find((f) => f.startsWith('03-'))!
        replaceIn(dir, `curriculum/ntnu-2018/${lang}/${name}`, 'minutes: 60', `minutes: ${60 + 180 - total}`)
      }
    })
    expect(total).toBeLessThan(180)
    expect(errors).toBe('')
  })
})
