import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dictionaries } from '~/i18n/index.ts'
import { CONTENT_DIR, contentLang, loadContent } from '~/modules/curriculum/content.server.ts'
import { bokmalForms } from '~/modules/curriculum/nynorsk.ts'

function nnFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return nnFiles(p)
    return path.basename(dir) === 'nn' && e.name.endsWith('.md') ? [p] : []
  })
}

describe('nynorsk content', () => {
  const files = nnFiles(CONTENT_DIR)

  it('has a nynorsk file for every bokmål file', () => {
    const nbFiles = files.map((f) => f.replace(`${path.sep}nn${path.sep}`, `${path.sep}nb${path.sep}`))
    expect(files.length).toBeGreaterThanOrEqual(19)
    for (const f of nbFiles) expect(fs.existsSync(f), f).toBe(true)
  })

  it('contains no bokmål-only word forms (ikke, hva, jeg, mye, noen …)', () => {
    const found = files.map((f) => ({ file: path.relative(CONTENT_DIR, f), forms: bokmalForms(fs.readFileSync(f, 'utf8')) })).filter((r) => r.forms.length)
    expect(found).toEqual([])
  })

  it('the interface dictionary in nynorsk has no bokmål-only word forms either', () => {
    const found = Object.entries(dictionaries.nn).filter(([, text]) => bokmalForms(text).length)
    expect(found).toEqual([])
  })

  it('finds the bokmål forms in a bokmål text (the check is not blind)', () => {
    expect(bokmalForms('Jeg vet ikke hva noen mener, men det er mye å være glad for.')).toEqual(['jeg', 'ikke', 'hva', 'noen', 'mye', 'være'])
    // Nynorsk forms and words that merely contain a bokmål form are not hits.
    expect(bokmalForms('Eg veit ikkje kva nokon meiner, men det er mykje å vere glad for. Ikkeverbal, Frakk.')).toEqual([])
    const nb = fs.readFileSync(path.join(CONTENT_DIR, 'curriculum/ntnu-2018/nb/01-kick-off.md'), 'utf8')
    expect(bokmalForms(nb).length).toBeGreaterThan(5)
  })

  it('content:check fails a nynorsk file that slipped into bokmål, or whose numbers and links differ', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mn-nn-'))
    fs.cpSync(CONTENT_DIR, dir, { recursive: true })
    const session = path.join(dir, 'curriculum/ntnu-2018/nn/10-experience-seminar.md')
    fs.writeFileSync(session, fs.readFileSync(session, 'utf8').replace('Føremålet er', 'Hva er egentlig formålet? Det er ikke').replace('ni av 14', 'ni av 15'))
    const method = path.join(dir, 'methods/nn/pedagogical-sun.md')
    fs.writeFileSync(method, fs.readFileSync(method, 'utf8').replace('(/curriculum/ntnu-2018/finding-focus)', '(/curriculum/ntnu-2018/kick-off)'))
    fs.rmSync(path.join(dir, 'methods/nn/group-contract.md'))
    // Content a capability adds later (say, plan templates) is held to the same rules.
    fs.mkdirSync(path.join(dir, 'plan-templates/nb'), { recursive: true })
    fs.mkdirSync(path.join(dir, 'plan-templates/nn'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'plan-templates/nb/home-care.yml'), 'title: Hjemmetjenesten\n')
    fs.writeFileSync(path.join(dir, 'plan-templates/nn/home-care.yml'), 'title: Hjemmetjenesten, hvis mulig\n')
    const errors = loadContent(dir).errors.join('\n')
    expect(errors).toContain('curriculum/ntnu-2018/nn/10-experience-seminar.md: nynorsk: bokmål word forms hva, ikke')
    expect(errors).toContain('curriculum/ntnu-2018/nn/10-experience-seminar.md: body: numbers (15, 2018) must match the bokmål file (14, 2018)')
    expect(errors).toContain('methods/nn/pedagogical-sun.md: body: links must match the bokmål file')
    expect(errors).toContain('methods/nn/group-contract.md: missing')
    expect(errors).toContain('plan-templates/en/home-care.yml: missing')
    expect(errors).toContain('plan-templates/nn/home-care.yml: nynorsk: bokmål word forms hvis, mulig')
    fs.rmSync(dir, { recursive: true })
  })

  it('nynorsk readers get the nynorsk text', () => {
    expect(contentLang('nn')).toBe('nn')
    const { content } = loadContent()
    const kickOff = content.curricula[0].sessions[0]
    expect(kickOff.text.nn.html).toContain('Føremål')
    expect(content.methods.find((m) => m.slug === 'cognitive-diamond')!.text.nn.title).toBe('Den kognitive diamanten')
  })
})
