// The extra cost of hiring a nurse, with and without a mentor, following the
// structure of the 2018 report's appendix 4 (seed 000). Pure: no database.
//
// Money is whole øre (integers), durations whole minutes. Every amount is
// computed exactly (BigInt) from the annual cost and annual hours and rounded
// half up to the øre once, as the report does: its total is the total hours
// times the hourly cost, not the sum of the rounded lines.

export const SERVICE_TYPES = ['home_care', 'hvs'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** The hiring steps of appendix 4, in the report's order, with minutes each. */
export const HIRING_STEPS = ['advert', 'interviews', 'references', 'preparation', 'probation', 'basicDay'] as const
export type HiringStep = (typeof HIRING_STEPS)[number]

export type CostInputs = {
  /** Annual cost of one nurse (årsverkskostnad), øre. */
  annualCostOre: number
  /** Annual working hours (årstimer). */
  annualHours: number
  /** Training shifts (opplæringsvakter) and their length. */
  trainingShifts: number
  shiftMinutes: number
  /** Hiring time per step, minutes. */
  advertMinutes: number
  interviewsMinutes: number
  referencesMinutes: number
  preparationMinutes: number
  probationMinutes: number
  basicDayMinutes: number
  /** Mentor conversations: count × length × persons present. */
  conversations: number
  conversationMinutes: number
  conversationPersons: number
  /** The mentor allowance a year (øre), for the programme's own cost. */
  mentorAllowanceOre: number
}

const COMMON_2018 = {
  annualHours: 1846,
  trainingShifts: 10,
  shiftMinutes: 7 * 60,
  advertMinutes: 60,
  interviewsMinutes: 12 * 60,
  referencesMinutes: 60,
  preparationMinutes: 60,
  probationMinutes: 6 * 60,
  basicDayMinutes: 7 * 60,
  conversations: 19,
  conversationMinutes: 60,
  conversationPersons: 2,
  mentorAllowanceOre: 15_000_00,
} satisfies Omit<CostInputs, 'annualCostOre'>

/** Appendix 4's figures (2018): the defaults until a municipality dates its own. */
export const DEFAULTS_2018: Record<ServiceType, CostInputs> = {
  home_care: { ...COMMON_2018, annualCostOre: 698_000_00 },
  hvs: { ...COMMON_2018, annualCostOre: 759_913_00 },
}
export const DEFAULTS_VALID_FROM = '2018-01-01'

/** a × b / c rounded half up, exactly (non-negative inputs). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c <= 0) return 0
  const num = BigInt(Math.round(a)) * BigInt(Math.round(b))
  const den = BigInt(Math.round(c))
  return Number((2n * num + den) / (2n * den))
}

/** Cost in øre of `minutes` of a nurse's time. */
export function minutesCost(inputs: Pick<CostInputs, 'annualCostOre' | 'annualHours'>, minutes: number): number {
  return mulDivRound(inputs.annualCostOre, minutes, inputs.annualHours * 60)
}

export type CostLine = {
  key: 'training' | HiringStep | 'mentorConversations'
  /** How the minutes came about, as numbers the page words. */
  count: number
  minutesEach: number
  persons: number
  minutes: number
  ore: number
}

export type HireCost = {
  hourlyOre: number
  training: CostLine
  hiring: CostLine[]
  mentor: CostLine
  /** Minutes and cost of the hiring steps (the report's "sum tidsbruk" without mentor). */
  hiringMinutes: { without: number; with: number }
  hiringOre: { without: number; with: number }
  totalMinutes: { without: number; with: number }
  totalOre: { without: number; with: number }
  /** What the mentor adds to one hire. */
  extraWithMentorOre: number
}

export function hireCost(inputs: CostInputs): HireCost {
  const line = (key: CostLine['key'], count: number, minutesEach: number, persons = 1): CostLine => {
    const minutes = count * minutesEach * persons
    return { key, count, minutesEach, persons, minutes, ore: minutesCost(inputs, minutes) }
  }
  const stepMinutes: Record<HiringStep, number> = {
    advert: inputs.advertMinutes,
    interviews: inputs.interviewsMinutes,
    references: inputs.referencesMinutes,
    preparation: inputs.preparationMinutes,
    probation: inputs.probationMinutes,
    basicDay: inputs.basicDayMinutes,
  }
  const training = line('training', inputs.trainingShifts, inputs.shiftMinutes)
  const hiring = HIRING_STEPS.map((s) => line(s, 1, stepMinutes[s]))
  const mentor = line('mentorConversations', inputs.conversations, inputs.conversationMinutes, inputs.conversationPersons)
  const hiringWithout = hiring.reduce((s, l) => s + l.minutes, 0)
  const hiringWith = hiringWithout + mentor.minutes
  const totalWithout = training.minutes + hiringWithout
  const totalWith = training.minutes + hiringWith
  const totalOre = { without: minutesCost(inputs, totalWithout), with: minutesCost(inputs, totalWith) }
  return {
    hourlyOre: minutesCost(inputs, 60),
    training,
    hiring,
    mentor,
    hiringMinutes: { without: hiringWithout, with: hiringWith },
    hiringOre: { without: minutesCost(inputs, hiringWithout), with: minutesCost(inputs, hiringWith) },
    totalMinutes: { without: totalWithout, with: totalWith },
    totalOre,
    extraWithMentorOre: totalOre.with - totalOre.without,
  }
}

export type ProgrammeCostInput = {
  /** Mentors in the programme run(s) of the year (each gets the allowance). */
  mentors: number
  /** Minutes in gatherings over all mentors: Σ mentors × the run's required minutes. */
  mentorGatheringMinutes: number
  /** New hires with a mentor in the year. */
  mentoredHires: number
  /** Leavers in the year (retirements left out). */
  leavers: number
}

export type SchemeCost = {
  /** Mentors' time in gatherings: Σ mentors × hours × hourly cost. */
  gatheringsOre: number
  /** Allowance: mentors × allowance. */
  allowanceOre: number
  /** The programme's own cost: gatherings + allowance. */
  programmeOre: number
  /** Mentor conversations for the year's mentored hires: hires × extra per hire. */
  conversationsOre: number
  /** What the scheme costs in the year. */
  schemeOre: number
  /** Replacing one leaver: the cost of a new hire without a mentor. */
  replacementOre: number
  /** Leavers × replacement cost. */
  leaversOre: number
  /** Fewer leavers a year that pay for the scheme: scheme / replacement (exact, and rounded up). */
  breakEven: number
  breakEvenWhole: number
}

export function schemeCost(inputs: CostInputs, p: ProgrammeCostInput): SchemeCost {
  const hire = hireCost(inputs)
  const gatheringsOre = minutesCost(inputs, p.mentorGatheringMinutes)
  const allowanceOre = p.mentors * inputs.mentorAllowanceOre
  const programmeOre = gatheringsOre + allowanceOre
  const conversationsOre = p.mentoredHires * hire.extraWithMentorOre
  const schemeOre = programmeOre + conversationsOre
  const replacementOre = hire.totalOre.without
  const breakEven = replacementOre > 0 ? schemeOre / replacementOre : 0
  return {
    gatheringsOre,
    allowanceOre,
    programmeOre,
    conversationsOre,
    schemeOre,
    replacementOre,
    leaversOre: p.leavers * replacementOre,
    breakEven,
    breakEvenWhole: Math.ceil(breakEven - 1e-9),
  }
}

/** The model in force on a date: the latest dated one not after it, else the 2018 defaults. */
export function modelOn<M extends { validFrom: string }>(models: M[], date: string): M | null {
  let best: M | null = null
  for (const m of models) if (m.validFrom <= date && (!best || m.validFrom > best.validFrom)) best = m
  return best
}
