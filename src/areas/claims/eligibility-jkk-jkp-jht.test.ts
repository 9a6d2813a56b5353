import { describe, expect, it } from 'vitest'
import { account, calendar, factsAt, regs } from './claims.test-support.js'
import type { ClaimInput } from './domain/claim-input.js'
import { claimEligibility } from './domain/eligibility.js'
import { nextClaimStatus } from './domain/workflow.js'
import { workingDaysBetween, serviceLevelOutcome } from './domain/working-days.js'

const lapsing = account({ first: '2026-01', paid: 3, billedThrough: '2026-08' })
const claim = (over: Partial<ClaimInput> & Pick<ClaimInput, 'kind' | 'eventDate' | 'facts'>) =>
  claimEligibility({ filedOn: over.eventDate, rule: 'bpu_lapse', wageIdr: 1_000_000, ...over }, regs)

describe('JKK for a BPU in arrears (PP 44/2015 Pasal 39)', () => {
  const facts = factsAt(lapsing, '2026-05-20')
  it('medical care is paid at once, STMB cash after the arrears are paid', () => {
    expect(claim({ kind: 'jkk_medical', eventDate: '2026-05-20', facts, medicalCostIdr: 7_500_000 })).toMatchObject({ payNowIdr: 7_500_000, afterArrearsIdr: 0 })
    // 14 months: 12 × 100 % + 2 × 50 % of 1,000,000
    expect(claim({ kind: 'jkk_stmb', eventDate: '2026-05-20', facts, stmbMonths: 14 })).toMatchObject({ payNowIdr: 0, afterArrearsIdr: 13_000_000, decision: 'partial' })
  })
  it('death: 48 × wage + 12,000,000 + 10,000,000, all after the arrears; total disability 56 × wage; partial 40 % × 80 × wage', () => {
    expect(claim({ kind: 'jkk_death', eventDate: '2026-05-20', facts }).afterArrearsIdr).toBe(48_000_000 + 22_000_000)
    const paidUp = factsAt(lapsing, '2026-04-10')
    expect(claim({ kind: 'jkk_disability', eventDate: '2026-04-10', facts: paidUp, disabilityppm: 1_000_000 }).payNowIdr).toBe(56_000_000)
    expect(claim({ kind: 'jkk_disability', eventDate: '2026-04-10', facts: paidUp, disabilityppm: 400_000 }).payNowIdr).toBe(32_000_000)
  })
  it('is refused when filed more than 5 years after the accident (PP 82/2019 Pasal 26)', () => {
    const f = factsAt(lapsing, '2026-04-10')
    expect(claim({ kind: 'jkk_medical', eventDate: '2026-04-10', filedOn: '2031-04-09', facts: f, medicalCostIdr: 1 }).decision).toBe('eligible')
    const late = claim({ kind: 'jkk_medical', eventDate: '2026-04-10', filedOn: '2031-04-10', facts: f, medicalCostIdr: 1 })
    expect(late).toMatchObject({ decision: 'not_eligible', deadline: '2031-04-09', reasons: [{ code: 'deadline_passed' }] })
  })
  it('nothing after more than 3 months of arrears', () => {
    expect(claim({ kind: 'jkk_medical', eventDate: '2026-07-20', facts: factsAt(lapsing, '2026-07-20'), medicalCostIdr: 5 }).decision).toBe('not_eligible')
  })
})

describe('JKP: 12 paid months in the 24 to the PHK (PP 6/2025 Pasal 19(3), E12)', () => {
  const pu = (paid: number) => factsAt(account({ first: '2025-01', paid, billedThrough: '2026-03', rule: 'employer_carries' }), '2026-04-20')
  const jkp = (paid: number, over: Partial<ClaimInput> = {}) =>
    claim({ kind: 'jkp', eventDate: '2026-04-20', rule: 'employer_carries', facts: pu(paid), wageIdr: 7_000_000, phkReason: 'phk', ...over })
  it('12 months: 6 × 60 % of the 5,000,000 cap = 18,000,000; 11 months: nothing', () => {
    expect(jkp(12)).toMatchObject({ decision: 'eligible', payNowIdr: 18_000_000 })
    expect(jkp(11)).toMatchObject({ decision: 'not_eligible', reasons: [{ code: 'short_contributions' }] })
  })
  it('no JKP after a resignation, for a BPU, or after the 6-month deadline', () => {
    expect(jkp(15, { phkReason: 'mengundurkan_diri' }).decision).toBe('not_eligible')
    expect(jkp(15, { rule: 'bpu_lapse' }).decision).toBe('not_eligible')
    expect(jkp(15, { filedOn: '2026-10-19' }).decision).toBe('eligible')
    expect(jkp(15, { filedOn: '2026-10-20' }).reasons[0]?.code).toBe('deadline_passed')
  })
})

describe('JHT (PP 46/2015 Pasal 22; Permenaker 4/2022)', () => {
  const facts = factsAt(lapsing, '2026-07-20')
  it('is savings: paid in full even when the membership lapsed, after the one-month wait', () => {
    const base = { kind: 'jht' as const, eventDate: '2026-07-20', facts, jhtReason: 'berhenti_bekerja' as const, jhtBalanceIdr: 2_500_000 }
    expect(claim({ ...base, filedOn: '2026-08-19' }).reasons[0]?.code).toBe('waiting_period')
    expect(claim({ ...base, filedOn: '2026-08-20' })).toMatchObject({ decision: 'eligible', payNowIdr: 2_500_000, serviceLevelWorkingDays: 5 })
  })
  it('a partial withdrawal needs 120 months', () => {
    expect(claim({ kind: 'jht', eventDate: '2026-07-20', facts, jhtReason: 'sebagian_perumahan', jhtBalanceIdr: 1_000_000 }).decision).toBe('not_eligible')
  })
})

describe('scholarship claim (beasiswa)', () => {
  it('JKK: no minimum masa iur; JKM: 36 months', () => {
    const facts = factsAt(lapsing, '2026-04-10')
    const b = (basis: 'jkm' | 'jkk') => claim({ kind: 'beasiswa', eventDate: '2026-04-10', facts, scholarshipBasis: basis, children: ['smp', 'pt'] })
    expect(b('jkk')).toMatchObject({ decision: 'eligible', payNowIdr: 14_000_000, serviceLevelWorkingDays: 7 })
    expect(b('jkm')).toMatchObject({ decision: 'not_eligible', reasons: [{ code: 'scholarship_not_eligible' }] })
  })
})

describe('workflow and service levels', () => {
  const c = { kind: 'jkk_medical' as const, documents: { kartu_peserta: true, ktp_peserta: true, laporan_kecelakaan: true, surat_dokter: true, kuitansi_medis: true }, payableIdr: 1 }
  it('submitted → verified → approved → paid; reject needs a reason; nothing after paid', () => {
    expect(nextClaimStatus('submitted', 'verify', c).to).toBe('verified')
    expect(() => nextClaimStatus('submitted', 'verify', { ...c, documents: {} })).toThrow(/documents not checked/)
    expect(() => nextClaimStatus('submitted', 'approve', c)).toThrow(/must be verified/)
    expect(nextClaimStatus('verified', 'approve', c).to).toBe('approved')
    expect(() => nextClaimStatus('verified', 'approve', { ...c, payableIdr: 0 })).toThrow(/nothing is payable/)
    expect(nextClaimStatus('approved', 'pay', c).to).toBe('paid')
    expect(() => nextClaimStatus('approved', 'reject', c, '')).toThrow(/reason/)
    expect(nextClaimStatus('approved', 'reject', c, 'dokumen palsu')).toEqual({ to: 'rejected', reason: 'dokumen palsu' })
    expect(() => nextClaimStatus('paid', 'reject', c, 'terlambat')).toThrow(/paid/)
  })
  it('counts working days without weekends, holidays and cuti bersama', () => {
    // Tue 17 Mar 2026 → Wed 25 Mar: 18–24 are Nyepi, Idul Fitri, cuti bersama or the weekend; only the 25th counts
    expect(workingDaysBetween('2026-03-17', '2026-03-25', calendar)).toBe(1)
    expect(workingDaysBetween('2026-04-06', '2026-04-09', calendar)).toBe(3)
    expect(serviceLevelOutcome(3, 3)).toBe('within')
    expect(serviceLevelOutcome(4, 3)).toBe('late')
    expect(serviceLevelOutcome(9, null)).toBe('no_level')
  })
})
