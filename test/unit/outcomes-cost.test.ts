import { describe, expect, it } from 'vitest'
import { DEFAULTS_2018, hireCost, modelOn, mulDivRound, schemeCost } from '~/modules/outcomes/cost-model.ts'

describe('cost model (appendix 4 of the 2018 report)', () => {
  it('home care: 378.11 NOK an hour, 37,055.25 without and 51,423.62 with a mentor', () => {
    const c = hireCost(DEFAULTS_2018.home_care)
    expect(c.hourlyOre).toBe(378_11)
    expect(c.training.minutes).toBe(70 * 60)
    expect(c.training.ore).toBe(26_468_04)
    expect(c.hiringMinutes).toEqual({ without: 28 * 60, with: 66 * 60 })
    expect(c.hiringOre.with).toBe(24_955_58)
    expect(c.mentor.minutes).toBe(38 * 60)
    expect(c.totalOre.without).toBe(37_055_25)
    expect(c.totalOre.with).toBe(51_423_62)
  })

  it('HVS: 411.65 NOK an hour, 40,342.08 without and 55,984.92 with a mentor', () => {
    const c = hireCost(DEFAULTS_2018.hvs)
    expect(c.hourlyOre).toBe(411_65)
    expect(c.training.ore).toBe(28_815_77)
    expect(c.hiringOre).toEqual({ without: 11_526_31, with: 27_169_15 })
    expect(c.totalOre.without).toBe(40_342_08)
    expect(c.totalOre.with).toBe(55_984_92)
    expect(c.extraWithMentorOre).toBe(55_984_92 - 40_342_08)
  })

  it('every figure is editable: ten shifts of 7.5 hours change the training line', () => {
    const c = hireCost({ ...DEFAULTS_2018.home_care, shiftMinutes: 450 })
    expect(c.training.minutes).toBe(75 * 60)
    expect(c.totalOre.without).toBe(mulDivRound(698_000_00, (75 + 28) * 60, 1846 * 60))
  })

  it('rounds half up exactly', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1)
    expect(mulDivRound(3, 1, 2)).toBe(2)
    expect(mulDivRound(1, 1, 3)).toBe(0)
    expect(mulDivRound(5, 1, 0)).toBe(0)
  })

  it('the scheme: programme cost, leavers × replacement and the break-even number of leavers', () => {
    const s = schemeCost(DEFAULTS_2018.home_care, { mentors: 12, mentorGatheringMinutes: 12 * 44 * 60, mentoredHires: 24, leavers: 12 })
    // 12 mentors × 44 h × 378.11… = 199,644.64 NOK; allowance 12 × 15,000
    expect(s.gatheringsOre).toBe(mulDivRound(698_000_00, 12 * 44 * 60, 1846 * 60))
    expect(s.gatheringsOre).toBe(199_644_64)
    expect(s.allowanceOre).toBe(180_000_00)
    expect(s.programmeOre).toBe(s.gatheringsOre + s.allowanceOre)
    expect(s.conversationsOre).toBe(24 * (51_423_62 - 37_055_25))
    expect(s.replacementOre).toBe(37_055_25)
    expect(s.leaversOre).toBe(12 * 37_055_25)
    expect(s.breakEven).toBeCloseTo(s.schemeOre / 37_055_25, 10)
    expect(s.breakEvenWhole).toBe(Math.ceil(s.schemeOre / 37_055_25))
  })

  it('picks the dated model in force on a date', () => {
    const models = [{ validFrom: '2018-01-01', v: 1 }, { validFrom: '2024-01-01', v: 2 }, { validFrom: '2030-01-01', v: 3 }]
    expect(modelOn(models, '2017-12-31')).toBeNull()
    expect(modelOn(models, '2018-06-01')?.v).toBe(1)
    expect(modelOn(models, '2026-12-07')?.v).toBe(2)
  })
})
