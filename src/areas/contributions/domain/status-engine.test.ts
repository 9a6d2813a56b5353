import { describe, expect, it } from 'vitest'
import { accountView } from './account-view.js'
import { bpuSchedule, CALENDAR_2026, DUE_RULES, monthlyDues, puSchedule } from './fixtures.test-support.js'
import { LAPSE_RULE, parseLapseRule } from './lapse-rule.js'
import { contributionStatus } from './status-engine.js'
import type { AccountInput } from './types.js'
import { contributionDueDate } from './due-dates.js'

/** A BPU who pays Jan–Mar 2026 on 10 Jan, then nothing until 10 Sep (pays September). Billing stops at the lapse. */
const lapsingBpu = (lapse = LAPSE_RULE): AccountInput => ({
  rule: 'bpu_lapse',
  lapse,
  dues: [
    ...monthlyDues('2026-01', 7, { '2026-01': '2026-01-10', '2026-02': '2026-01-10', '2026-03': '2026-01-10' }),
    ...monthlyDues('2026-09', 1, { '2026-09': '2026-09-10' }),
  ],
  schedule: bpuSchedule(),
})

const at = (input: AccountInput, date: string) => contributionStatus(input, date)

describe('status engine: a BPU who pays Jan–Mar 2026 then stops (issue 5)', () => {
  const input = lapsingBpu()

  it('is terdaftar before the first payment, which starts the first due month', () => {
    expect(at(input, '2026-01-09')).toMatchObject({ status: 'terdaftar', paidThrough: null, nextChange: null, nextPayableMonth: '2026-01' })
    expect(at({ ...input, dues: monthlyDues('2026-03', 2, { '2026-03': '2026-03-02' }) }, '2026-03-02')).toMatchObject({ status: 'aktif', paidThrough: '2026-03' })
  })

  it('is aktif through March and on the April due date itself', () => {
    for (const d of ['2026-01-10', '2026-03-31', '2026-04-15']) expect(at(input, d).status).toBe('aktif')
    expect(at(input, '2026-03-31')).toMatchObject({ paidThrough: '2026-03', arrearsIdr: 0, nextChange: { date: '2026-04-16', status: 'menunggak' } })
    expect(at(input, '2026-03-31').benefit.level).toBe('full')
  })

  it('is menunggak from the day after the April due date until the July due date', () => {
    const april = at(input, '2026-04-16')
    expect(april).toMatchObject({ status: 'menunggak', arrearsIdr: 16_800, arrears: [{ month: '2026-04', openIdr: 16_800 }] })
    expect(april.nextChange).toEqual({ date: '2026-07-16', status: 'nonaktif' })
    expect(april.benefit).toMatchObject({ level: 'partial', payableNow: ['jkk_medical_care', 'jkm_funeral'] })
    expect(at(input, '2026-05-18')).toMatchObject({ status: 'menunggak', arrearsIdr: 16_800 }) // May's due moved to Mon 18 May
    expect(at(input, '2026-05-19')).toMatchObject({ status: 'menunggak', arrearsIdr: 33_600 })
    expect(at(input, '2026-07-15')).toMatchObject({ status: 'menunggak', arrearsIdr: 50_400, paidThrough: '2026-03' })
  })

  it('is nonaktif after the July due date: the spell is written off, no arrears, nothing changes with time', () => {
    const july = at(input, '2026-07-16')
    expect(july).toMatchObject({ status: 'nonaktif', arrearsIdr: 0, arrears: [], nextChange: null, paidThrough: '2026-03', nextPayableMonth: '2026-08' })
    expect(july.writtenOff.map((w) => w.month)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07'])
    expect(july.benefit.level).toBe('none')
    expect(at(input, '2026-09-09')).toMatchObject({ status: 'nonaktif', nextPayableMonth: '2026-09' })
  })

  it('paying in September starts a new spell at September, collecting nothing for April–August', () => {
    const sep = at(input, '2026-09-10')
    expect(sep).toMatchObject({ status: 'aktif', paidThrough: '2026-09', arrearsIdr: 0, nextChange: { date: '2026-10-16', status: 'menunggak' } })
  })

  it('keeps the gap visible month by month', () => {
    const view = accountView(input, '2026-09-10')
    expect(view.months.map((m) => [m.month, m.status, m.state, m.dueIdr, m.paidIdr])).toEqual([
      ['2026-01', 'aktif', 'paid', 16_800, 16_800],
      ['2026-02', 'aktif', 'paid', 16_800, 16_800],
      ['2026-03', 'aktif', 'paid', 16_800, 16_800],
      ['2026-04', 'menunggak', 'written_off', 0, 0],
      ['2026-05', 'menunggak', 'written_off', 0, 0],
      ['2026-06', 'menunggak', 'written_off', 0, 0],
      ['2026-07', 'nonaktif', 'written_off', 0, 0],
      ['2026-08', 'nonaktif', 'not_accrued', 0, 0],
      ['2026-09', 'aktif', 'paid', 16_800, 16_800],
    ])
    expect(view).toMatchObject({ status: 'aktif', paidThrough: '2026-09', arrearsIdr: 0, totalPaidIdr: 67_200, creditIdr: 0 })
  })

  it('lists months paid ahead on the statement, settled, after the month of the date asked', () => {
    const ahead: AccountInput = { ...input, dues: monthlyDues('2026-01', 3, { '2026-01': '2026-01-10', '2026-02': '2026-01-10', '2026-03': '2026-01-10' }) }
    expect(accountView(ahead, '2026-01-10').months.map((m) => [m.month, m.status, m.state, m.paidIdr])).toEqual([
      ['2026-01', 'aktif', 'paid', 16_800],
      ['2026-02', 'aktif', 'paid', 16_800],
      ['2026-03', 'aktif', 'paid', 16_800],
    ])
    // a date before the payment shows nothing paid ahead
    expect(accountView(ahead, '2026-01-09').months.every((m) => m.state !== 'paid')).toBe(true)
  })

  it('shows unbilled months from the schedule while in arrears (billing lag does not hide arrears)', () => {
    const billedOnlyToMarch = { ...input, dues: monthlyDues('2026-01', 3, { '2026-01': '2026-01-10', '2026-02': '2026-01-10', '2026-03': '2026-01-10' }) }
    expect(at(billedOnlyToMarch, '2026-06-30')).toMatchObject({ status: 'menunggak', arrearsIdr: 50_400 })
    expect(at(billedOnlyToMarch, '2026-07-16').status).toBe('nonaktif')
  })
})

describe('status engine: reactivating in the month of the lapse', () => {
  it('a payment on 20 July (lapsed on 16 July) may pay from August: a new spell, aktif at once', () => {
    const base = lapsingBpu()
    expect(at(base, '2026-07-20').nextPayableMonth).toBe('2026-08')
    const input = { ...base, dues: [...base.dues.filter((d) => d.month <= '2026-07'), ...monthlyDues('2026-08', 1, { '2026-08': '2026-07-20' })] }
    expect(at(input, '2026-07-20')).toMatchObject({ status: 'aktif', paidThrough: '2026-08', arrearsIdr: 0, nextChange: { date: '2026-09-16', status: 'menunggak' } })
    expect(accountView(input, '2026-08-31').months.slice(3).map((m) => m.state)).toEqual(['written_off', 'written_off', 'written_off', 'written_off', 'paid'])
  })
})

describe('status engine: the lapse window is data', () => {
  it('a 2-month window lapses at the June due date instead', () => {
    const two = parseLapseRule({ windowMonths: 2, lapseWhen: 'more_than_window', citation: 'test', evidence: 'R' })
    expect(at(lapsingBpu(two), '2026-05-19').status).toBe('menunggak')
    expect(at(lapsingBpu(two), '2026-06-16').status).toBe('nonaktif')
    expect(at(lapsingBpu(two), '2026-04-16').nextChange).toEqual({ date: '2026-06-16', status: 'nonaktif' })
  })

  it('"at the window" lapses one month earlier than "more than the window"', () => {
    const atWindow = parseLapseRule({ windowMonths: 3, lapseWhen: 'at_window', citation: 'test', evidence: 'R' })
    expect(at(lapsingBpu(atWindow), '2026-06-16').status).toBe('nonaktif')
    expect(at(lapsingBpu(), '2026-06-16').status).toBe('menunggak')
  })
})

describe('status engine: paying arrears in time', () => {
  it('paying April–June on the July due date keeps the spell: aktif again, nothing written off', () => {
    const input: AccountInput = {
      rule: 'bpu_lapse',
      lapse: LAPSE_RULE,
      dues: monthlyDues('2026-01', 7, { '2026-01': '2026-01-10', '2026-02': '2026-02-10', '2026-03': '2026-03-10', '2026-04': '2026-07-15', '2026-05': '2026-07-15', '2026-06': '2026-07-15', '2026-07': '2026-07-15' }),
      schedule: bpuSchedule(),
    }
    expect(at(input, '2026-07-14').status).toBe('menunggak')
    expect(at(input, '2026-07-15')).toMatchObject({ status: 'aktif', paidThrough: '2026-07', writtenOff: [] })
  })
})

describe('status engine: PU (employer carries the arrears)', () => {
  const pu = (paid: Record<string, string>): AccountInput => ({
    rule: 'employer_carries',
    lapse: LAPSE_RULE,
    firstDueMonth: '2026-01',
    dues: monthlyDues('2026-01', 7, paid, { kind: 'employer', amountIdr: 462_000 }),
    schedule: puSchedule(),
  })

  it('stays aktif while the employer is 5 months late; the arrears are the employer\'s', () => {
    const s = at(pu({ '2026-01': '2026-02-10' }), '2026-07-20')
    // Feb–Jun past due (15 Mar, 15 Apr, 18 May, 15 Jun, 15 Jul): 5 months
    expect(s).toMatchObject({ status: 'aktif', paidThrough: '2026-01', arrearsIdr: 5 * 462_000, nextChange: null })
    expect(s.benefit).toMatchObject({ level: 'full' })
    expect(s.benefit.reason).toMatch(/employer pays the benefits first/)
    expect(accountView(pu({ '2026-01': '2026-02-10' }), '2026-07-20').months.every((m) => m.status === 'aktif')).toBe(true)
  })

  it('is terdaftar until the first contribution is paid, and berhenti after the ending', () => {
    expect(at(pu({}), '2026-03-01').status).toBe('terdaftar')
    const ended = { ...pu({ '2026-01': '2026-02-10' }), end: { month: '2026-04', reason: 'resigned' } }
    expect(at(ended, '2026-04-30')).toMatchObject({ status: 'aktif', nextChange: { date: '2026-05-01', status: 'berhenti' } })
    expect(at(ended, '2026-05-01').status).toBe('berhenti')
  })
})

describe('status engine: a pemda cohort member', () => {
  const pemda = (paid: Record<string, string>): AccountInput => ({
    rule: 'bpu_lapse',
    lapse: LAPSE_RULE,
    firstDueMonth: '2026-05',
    dues: monthlyDues('2026-05', 3, paid, { payer: 'pemda' }),
    schedule: bpuSchedule(),
  })

  it('is terdaftar until the first invoice covering them is paid, then follows the BPU rules', () => {
    expect(at(pemda({}), '2026-06-30')).toMatchObject({ status: 'terdaftar', nextChange: null, nextPayableMonth: '2026-05' })
    const paidMay = pemda({ '2026-05': '2026-06-20' })
    expect(at(paidMay, '2026-06-20')).toMatchObject({ status: 'menunggak', arrears: [{ month: '2026-06', openIdr: 16_800 }] })
    expect(accountView(paidMay, '2026-06-19').months.map((m) => m.status)).toEqual(['terdaftar', 'terdaftar'])
  })
})

describe('status engine: PMI and construction (protection period)', () => {
  const pmi: AccountInput = {
    rule: 'protection_period',
    lapse: LAPSE_RULE,
    dues: [],
    protections: [{ from: '2026-02-01', to: '2028-08-31', amountIdr: 370_000, paidOn: '2026-01-20' }],
  }

  it('is aktif through the paid period, with no monthly dues, and nonaktif after it', () => {
    expect(at(pmi, '2026-01-25')).toMatchObject({ status: 'terdaftar', nextChange: { date: '2026-02-01', status: 'aktif' } })
    expect(at(pmi, '2027-06-01')).toMatchObject({ status: 'aktif', arrearsIdr: 0, paidThrough: '2028-08', nextChange: { date: '2028-09-01', status: 'nonaktif' } })
    expect(at(pmi, '2028-09-01').status).toBe('nonaktif')
    expect(accountView(pmi, '2027-06-01')).toMatchObject({ status: 'aktif', totalPaidIdr: 370_000, months: [] })
  })
})

describe('status engine: due dates moved by holidays', () => {
  it('a due date on cuti bersama (Fri 15 May 2026) moves to Monday 18 May: still aktif on the 16th and 18th', () => {
    expect(contributionDueDate('2026-05', 'bpu_jkk_jkm', DUE_RULES, CALENDAR_2026).date).toBe('2026-05-18')
    const input: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues: monthlyDues('2026-04', 2, { '2026-04': '2026-04-10' }), schedule: bpuSchedule() }
    expect(at(input, '2026-05-16').status).toBe('aktif')
    expect(at(input, '2026-05-18')).toMatchObject({ status: 'aktif', nextChange: { date: '2026-05-19', status: 'menunggak' } })
    expect(at(input, '2026-05-19').status).toBe('menunggak')
  })

  it('a due date on a Sunday (15 Mar 2026) moves to Monday 16 Mar', () => {
    const input: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues: monthlyDues('2026-02', 2, { '2026-02': '2026-02-02' }), schedule: bpuSchedule() }
    expect(at(input, '2026-03-16').status).toBe('aktif')
    expect(at(input, '2026-03-17').status).toBe('menunggak')
  })
})
