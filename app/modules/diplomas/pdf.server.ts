import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { env } from '~/env.server.ts'
import { createT, isLang, LOCALES, type Lang } from '~/i18n/index.ts'
import { formatDate, formatHours } from '~/utils/format.ts'
import { formatCode } from './code.ts'
import { parseSessions } from './diplomas.server.ts'

const require = createRequire(import.meta.url)
// Inter in full (TrueType), embedded so æ, ø, å and names from other alphabets print.
const FONT_REGULAR = require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf')
const FONT_BOLD = require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf')

export type DiplomaForPdf = {
  kind: string
  code: string
  lang: string
  holderName: string
  programmeName: string
  municipalityName: string
  coordinatorName: string
  periodStart: Date
  periodEnd: Date
  minutesAttended: number
  minutesCredited: number
  minutesRequired: number
  sessions: string
  issuedAt: Date
  revokedAt: Date | null
}

export function verifyUrl(code: string) {
  return new URL(`/verify/${formatCode(code)}`, env.APP_URL).toString()
}

/**
 * One page per diploma, in the diploma's language: a tagged PDF (headings,
 * paragraphs, a table of the sessions attended, the QR code as a figure with
 * alternative text) with the font embedded.
 */
export async function renderDiplomasPdf(diplomas: DiplomaForPdf[], requestLang: Lang): Promise<Buffer> {
  const first = diplomas[0]
  const docLang: Lang = first && isLang(first.lang) ? first.lang : requestLang
  const title = diplomas.length === 1 ? `${createT(docLang)(first.kind === 'diploma' ? 'diplomaPdf.title' : 'diplomaPdf.participationTitle')} – ${first.holderName}` : createT(docLang)('diplomaPdf.bulkTitle', { count: diplomas.length })
  const doc = new PDFDocument({ size: 'A4', margin: 56, tagged: true, displayTitle: true, lang: LOCALES[docLang], pdfVersion: '1.7', autoFirstPage: false, info: { Title: title, Author: 'Mentornett', Creator: 'Mentornett' } })
  doc.registerFont('Regular', FONT_REGULAR)
  doc.registerFont('Bold', FONT_BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const root = doc.struct('Document')
  doc.addStructure(root)
  for (const d of diplomas) {
    const lang: Lang = isLang(d.lang) ? d.lang : docLang
    const t = createT(lang)
    const hours = (minutes: number) => formatHours(minutes, lang)
    const qr = await QRCode.toBuffer(verifyUrl(d.code), { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' })
    doc.addPage()
    const section = doc.struct('Sect')
    root.add(section)
    const para = (text: string, opts: { font?: string; size?: number; gap?: number; color?: string } = {}) =>
      section.add(doc.struct('P', {}, () => doc.font(opts.font ?? 'Regular').fontSize(opts.size ?? 12).fillColor(opts.color ?? '#1a1a1a').text(text).moveDown(opts.gap ?? 0.4)))

    section.add(doc.struct('H1', {}, () => doc.font('Bold').fontSize(30).fillColor('#003d75').text(t(d.kind === 'diploma' ? 'diplomaPdf.title' : 'diplomaPdf.participationTitle')).moveDown(0.6)))
    section.add(doc.struct('H2', {}, () => doc.font('Bold').fontSize(22).fillColor('#1a1a1a').text(d.holderName).moveDown(0.4)))
    para(t('diplomaPdf.completed', { programme: d.programmeName, municipality: d.municipalityName, from: formatDate(d.periodStart, lang), to: formatDate(d.periodEnd, lang) }), { size: 13 })
    para(t('diplomaPdf.hours', { attended: hours(d.minutesAttended + d.minutesCredited), required: hours(d.minutesRequired) }), { font: 'Bold', size: 15 })
    if (d.minutesCredited > 0) para(t('diplomaPdf.credited', { hours: hours(d.minutesCredited) }), { size: 11 })
    if (d.revokedAt) para(t('diplomaPdf.revoked', { date: formatDate(d.revokedAt, lang) }), { font: 'Bold', color: '#b81a1a' })

    section.add(doc.struct('H3', {}, () => doc.moveDown(0.4).font('Bold').fontSize(13).fillColor('#1a1a1a').text(t('diplomaPdf.sessions')).moveDown(0.2)))
    const table = doc.struct('Table')
    section.add(table)
    for (const s of parseSessions(d.sessions)) {
      table.add(
        doc.struct('TR', {}, [
          doc.struct('TD', {}, () => doc.font('Regular').fontSize(10.5).text(`${formatDate(new Date(`${s.date}T12:00:00Z`), lang)}  ·  ${s.title}  ·  ${t('diplomaPdf.sessionHours', { hours: hours(s.minutes) })}`)),
        ]),
      )
    }
    table.end()

    doc.moveDown(1)
    para(t('diplomaPdf.issued', { coordinator: d.coordinatorName, date: formatDate(d.issuedAt, lang) }), { size: 11 })
    const y = Math.max(doc.y + 10, 600)
    section.add(doc.struct('Figure', { alt: t('diplomaPdf.qrAlt') }, () => doc.image(qr, 56, y, { width: 110 })))
    section.add(
      doc.struct('P', {}, () =>
        doc
          .font('Regular')
          .fontSize(10.5)
          .fillColor('#1a1a1a')
          .text(t('diplomaPdf.verify'), 180, y + 10, { width: 360 })
          .font('Bold')
          .fontSize(13)
          .text(formatCode(d.code), { width: 360 })
          .font('Regular')
          .fontSize(9.5)
          .text(verifyUrl(d.code), { width: 360 }),
      ),
    )
    section.end()
  }
  root.end()
  doc.end()
  return done
}
