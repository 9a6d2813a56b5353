import { benefitJkkDeath, benefitJkm, scholarshipFor, type RegulationSet } from '../../../src/areas/programmes/domain/index'

/** The benefit pitch's figures, from the same benefit engine and dated data as the server (offline). */
export interface Pitch {
  /** JKM for a BPU after the consecutive paid months the waiting rule asks (e.g. Rp42 juta after 3 months) */
  jkmIdr: number
  jkmAfterMonths: number
  /** before that many months: the funeral cost only */
  jkmFuneralOnlyIdr: number
  /** the scholarship's cap for two children, and the masa iur it needs under JKM (none under JKK) */
  scholarshipMaxIdr: number
  scholarshipJkmMinMonths: number
  /** JKK death for a worker at this income (48 × income + santunan berkala + funeral) */
  jkkDeathIdr: number
  citation: string
}

export function pitchFor(regs: RegulationSet, date: string, incomeIdr: number): Pitch {
  const after = regs.benefits.bpuJkmMinConsecutiveMonths.require(date)
  const jkm = benefitJkm({ date, contributionMonths: after.value, consecutivePaidMonths: after.value, segment: 'bpu' }, regs)
  const early = benefitJkm({ date, contributionMonths: 1, consecutivePaidMonths: 1, segment: 'bpu' }, regs)
  const rule = regs.benefits.scholarship.require(date).value
  const minMonths = rule.kind === 'yearly' ? (rule.jkmMinContributionMonths ?? 0) : 0
  const scholarship = scholarshipFor(regs, date, 'jkk', minMonths, ['tk', 'tk'])
  const jkk = benefitJkkDeath({ date, wageIdr: incomeIdr }, regs)
  return {
    jkmIdr: jkm.totalIdr,
    jkmAfterMonths: after.value,
    jkmFuneralOnlyIdr: early.totalIdr,
    scholarshipMaxIdr: scholarship.maxIdr,
    scholarshipJkmMinMonths: minMonths,
    jkkDeathIdr: jkk.totalIdr,
    citation: `${after.citation}; ${scholarship.citation}`,
  }
}
