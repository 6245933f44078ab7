// Demo cases: written without names or other personal data, in Trondheim's
// Østbyen network, shared to the municipality and nationally, one waiting for
// a coordinator's approval, and a private nynorsk draft in Bjørnafjorden.
// Idempotent: a case is found by its author and title.
import { db } from '../../app/db.server.ts'

type DemoCase = {
  author: string
  title: string
  situation: string
  question: string
  thoughts: string
  feelings: string
  actions: string
  bodily: string
  serviceType: 'home_care' | 'hvs'
  topic: 'personal' | 'professional' | 'social'
  method: string
  scope: 'private' | 'network' | 'municipality' | 'national'
  network?: string
  pending?: 'municipality' | 'national'
  reflections?: { author: string; body: string }[]
}

const CASES: DemoCase[] = [
  {
    author: 'mentor3@trondheim.demo', title: 'Mentee gruer seg til første kveldsvakt alene',
    situation: 'En nyansatt sykepleier i hjemmetjenesten fortalte i mentorsamtalen at hun lå søvnløs før sin første kveldsvakt uten erfaren kollega på samme rute. Hun hadde ikke sagt det til avdelingslederen.',
    question: 'Hvordan kan jeg som mentor hjelpe henne til å si fra selv, uten å ta over?',
    thoughts: 'Jeg tenkte at jeg burde ringe lederen med en gang.', feelings: 'Bekymring, og litt irritasjon over at turnusen var lagt slik.',
    actions: 'Jeg spurte hva som ville gjort vakta tryggere for henne, og vi skrev en liste sammen.', bodily: 'Spent i skuldrene under samtalen.',
    serviceType: 'home_care', topic: 'professional', method: 'cognitive-diamond', scope: 'network', network: 'Mentornettverk Østbyen',
    reflections: [{ author: 'mentor4@trondheim.demo', body: 'Jeg legger merke til at lista ble hennes egen. Det tror jeg gjør det lettere å ta den med til lederen.' }],
  },
  {
    author: 'mentor@trondheim.demo', title: 'Pårørende som ringer mange ganger om dagen',
    situation: 'En pårørende ringte avdelingen flere ganger hver dag og ble sint når svarene var ulike. Menteen tok mange av samtalene og følte seg ansvarlig for alt som hadde gått galt.',
    question: 'Hva kan vi gjøre for at menteen ikke står alene med slike samtaler?',
    thoughts: 'Dette er et systemproblem, ikke hennes feil.', feelings: 'Medfølelse med både menteen og den pårørende.',
    actions: 'Vi avtalte at hun tar det opp på personalmøtet, og at avdelingen lager en fast kontaktperson.', bodily: '',
    serviceType: 'hvs', topic: 'social', method: 'reflecting-team', scope: 'municipality',
  },
  {
    author: 'mentor4@trondheim.demo', title: 'Uenighet om prioriteringer på morgenvakta',
    situation: 'På en travel morgenvakt ba menteen om hjelp til å prioritere, men fikk to ulike råd fra to erfarne kolleger. Hun valgte ett av dem og ble etterpå kritisert av den andre.',
    question: 'Hvordan snakker vi om faglig uenighet uten at den nyansatte blir sittende i midten?',
    thoughts: 'Begge rådene var faglig forsvarlige.', feelings: 'Frustrasjon på hennes vegne.', actions: 'Vi brukte den kognitive diamanten for å skille hva hun tenkte og følte fra hva hun gjorde.', bodily: 'Hun beskrev klump i magen resten av vakta.',
    serviceType: 'hvs', topic: 'professional', method: 'cognitive-diamond', scope: 'national',
  },
  {
    author: 'mentor2@trondheim.demo', title: 'Når menteen vil slutte etter tre måneder',
    situation: 'Menteen sa i en samtale at hun vurderte å søke seg bort fordi hun ikke følte seg flink nok. Hun hadde likevel fått gode tilbakemeldinger i prøvetidssamtalen.',
    question: 'Hvordan kan jeg møte tvilen uten å overtale?', thoughts: 'Jeg ble redd for å miste henne.', feelings: 'Uro.', actions: 'Jeg spurte om tillatelse før jeg delte egne erfaringer fra mitt første år.', bodily: '',
    serviceType: 'home_care', topic: 'personal', method: 'empathic-communication', scope: 'private', pending: 'municipality',
  },
  {
    author: 'mentor@bjornafjorden.demo', title: 'Nattevakt med mange nye oppgåver',
    situation: 'Ein nytilsett sjukepleiar fekk ansvar for ei avdeling ho ikkje kjende, og fann ikkje rutinane for brannalarm.',
    question: 'Korleis kan opplæringa sikre at dei viktigaste rutinane er kjende før første nattevakt?', thoughts: '', feelings: '', actions: '', bodily: '',
    serviceType: 'hvs', topic: 'professional', method: 'reflecting-team', scope: 'private',
  },
]

export async function seedCases() {
  const editor = await db.user.findUnique({ where: { email: 'redaktor@ks.demo' } })
  const coordinator = await db.user.findUnique({ where: { email: 'koordinator@trondheim.demo' } })
  for (const c of CASES) {
    const author = await db.user.findUnique({ where: { email: c.author }, select: { id: true, memberships: { where: { deactivatedAt: null }, select: { municipalityId: true }, take: 1 } } })
    if (!author?.memberships[0]) continue
    if (await db.case.findFirst({ where: { ownerId: author.id, title: c.title }, select: { id: true } })) continue
    const network = c.network ? await db.network.findFirst({ where: { name: c.network }, select: { id: true } }) : null
    const reviewer = c.scope === 'national' ? editor : c.scope === 'municipality' ? coordinator : null
    const fields = { title: c.title, situation: c.situation, question: c.question, thoughts: c.thoughts, feelings: c.feelings, actions: c.actions, bodily: c.bodily }
    await db.case.create({
      data: {
        municipalityId: author.memberships[0].municipalityId, ownerId: author.id, ...fields,
        serviceType: c.serviceType, topic: c.topic, method: c.method, scope: c.scope, networkId: network?.id ?? null,
        requestedScope: c.pending ?? null, review: c.pending ? 'pending' : reviewer ? 'approved' : 'none',
        reviewedById: reviewer?.id ?? null, reviewedAt: reviewer ? new Date('2026-10-01T10:00:00Z') : null, sharedAt: c.scope !== 'private' ? new Date('2026-09-20T10:00:00Z') : null,
        versions: { create: { version: 1, fields: JSON.stringify(fields), createdById: author.id } },
        reflections: { create: await Promise.all((c.reflections ?? []).map(async (r) => ({ authorId: (await db.user.findUniqueOrThrow({ where: { email: r.author } })).id, body: r.body }))) },
      },
    })
  }
}
