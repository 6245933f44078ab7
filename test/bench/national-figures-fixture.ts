// Bench data for the national figures page: every municipality in the bench
// database (the demo ones and `seed:national`'s) opts in to national
// statistics, and each unit records a few starters and leavers. Prints {"municipalities","employments"}.
import { db } from '../../app/db.server.ts'

const municipalities = await db.municipality.findMany({ select: { id: true, units: { select: { id: true } } } })
const year = new Date().getUTCFullYear()
let employments = 0
for (const m of municipalities) {
  await db.outcomeSettings.upsert({ where: { municipalityId: m.id }, create: { municipalityId: m.id, nationalOptIn: true, optedInAt: new Date() }, update: { nationalOptIn: true } })
  const data = m.units.flatMap((u, i) =>
    Array.from({ length: 4 }, (_, k) => ({
      municipalityId: m.id,
      unitId: u.id,
      startedOn: `${year - 2}-0${1 + ((i + k) % 9)}-15`,
      leftOn: k === 0 ? `${year - 1}-0${1 + (i % 9)}-01` : null,
      leftReason: k === 0 ? 'other_job' : null,
      hadMentor: k % 2 === 0,
      recordedById: 'bench',
    })),
  )
  if (data.length) await db.employment.createMany({ data })
  employments += data.length
}
console.log(JSON.stringify({ municipalities: municipalities.length, employments }))
