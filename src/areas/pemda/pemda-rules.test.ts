import { describe, expect, it } from 'vitest'
import { loadHolidayCalendar, loadRegulationSet } from '../programmes/index.js'
import { budgetView } from './domain/budget.js'
import { decideCohortRows, firstDueMonth, memberMonthsThrough, type CohortRow } from './domain/cohort.js'
import { chargeTable, draftInvoice } from './domain/invoice.js'
import { parseProgramme } from './domain/programme.js'

const regs = loadRegulationSet()
const calendar = loadHolidayCalendar()

describe('programme input', () => {
  it('parses the CLI flags: dotted region, groups with quotas, non-ASN on its own basis', () => {
    const p = parseProgramme({ name: 'Denpasar', regionCode: '5171', year: '2025', budgetIdr: '1.500.000.000', programmes: 'jkk,jkm', incomeIdr: '1000000', honorariumIdr: 2_000_000, groups: 'nelayan:349,non_asn:5302', startMonth: '2025-01', endMonth: '2025-12' })
    expect(p).toMatchObject({ regionCode: '51.71', year: 2025, budgetIdr: 1_500_000_000, programmes: ['jkk', 'jkm'] })
    expect(p.groups).toEqual([{ code: 'nelayan', quota: 349, category: 'bpu', incomeIdr: 1_000_000 }, { code: 'non_asn', quota: 5302, category: 'non_asn', incomeIdr: 2_000_000 }])
  })

  it.each([
    [{ groups: 'nelayan' }, 'invalid_input', 'groups'],
    [{ groups: 'nelayan:1,nelayan:2' }, 'invalid_input', 'groups'],
    [{ programmes: 'jkk,jp' }, 'invalid_input', 'programmes'],
    [{ regionCode: '51.71.01' }, 'invalid_input', 'regionCode'],
    [{ endMonth: '2024-12' }, 'invalid_input', 'endMonth'],
    [{ startMonth: '2025-13' }, 'invalid_month', 'startMonth'],
  ])('refuses %o with %s on %s', (change, code, field) => {
    const base = { name: 'X', regionCode: '51.71', year: 2025, budgetIdr: 1, incomeIdr: 1_000_000, groups: 'nelayan:1', startMonth: '2025-01', endMonth: '2025-12' }
    expect(() => parseProgramme({ ...base, ...change })).toThrow(expect.objectContaining({ code, details: expect.objectContaining({ field }) }))
  })
})

describe('cohort rules', () => {
  const programme = { id: 'p1', regionCode: '51.71', programmes: ['jkk', 'jkm'], startMonth: '2026-01', endMonth: '2026-12' }
  const group = { code: 'nelayan', quota: 2, category: 'bpu' as const, incomeIdr: 1_000_000 }
  const row = (line: number, over: Partial<CohortRow> = {}): CohortRow => ({
    line, regencyCode: '51.71', category: 'bpu', declaredIncomeIdr: 1_000_000, programmes: ['JKK', 'JKM'], participantId: null, paidBy: null, memberOf: null, ...over,
  })

  it('rejects outside the region and past the quota one by one, flags a worker another payer pays, keeps members, warns where the programme wins', () => {
    const decisions = decideCohortRows(programme, group, 1, [
      row(2, { regencyCode: '51.03' }),
      row(3, { participantId: 'a', paidBy: { payer: 'pemda', payerRef: 'other' } }),
      row(4, { declaredIncomeIdr: 1_500_000 }),
      row(5),
      row(6, { participantId: 'b', memberOf: 'nelayan' }),
      row(7, { participantId: 'c', paidBy: { payer: 'pemda', payerRef: 'p1' } }),
    ])
    expect(decisions.map((d) => [d.line, d.verdict, d.issues.map((i) => i.code)])).toEqual([
      [2, 'rejected', ['outside_region']],
      [3, 'flagged', ['already_sponsored']],
      [4, 'admit', ['income_overridden']],
      [5, 'rejected', ['quota_exceeded']],
      [6, 'already_member', []],
      [7, 'rejected', ['quota_exceeded']],
    ])
  })

  it('a province programme covers its kab/kota; the first due month is the later of the start and --from', () => {
    expect(decideCohortRows({ ...programme, regionCode: '51' }, group, 0, [row(2, { regencyCode: '51.03' })])[0]!.verdict).toBe('admit')
    expect(firstDueMonth(programme, undefined)).toBe('2026-01')
    expect(firstDueMonth(programme, '2025-06')).toBe('2026-01')
    expect(firstDueMonth(programme, '2026-04')).toBe('2026-04')
    expect(() => firstDueMonth(programme, '2027-01')).toThrow(expect.objectContaining({ code: 'out_of_range' }))
    expect(memberMonthsThrough({ firstMonth: '2026-02', endMonth: null }, '2026-12', '2026-04')).toEqual(['2026-02', '2026-03', '2026-04'])
    expect(memberMonthsThrough({ firstMonth: '2026-02', endMonth: '2026-03' }, '2026-12', '2026-04')).toEqual(['2026-02', '2026-03'])
  })
})

describe('invoice amounts', () => {
  it('E13: an APBD payer pays 16,800 for a BPU worker at the lowest base in May 2026 (no PP 50/2025 discount); 100 workers 1,680,000', () => {
    const chargeOf = chargeTable(['jkk', 'jkm'], regs, calendar)
    const bpu = { code: 'petani', quota: 100, category: 'bpu' as const, incomeIdr: 1_000_000 }
    expect(chargeOf(bpu, '2026-05')).toEqual({ lines: [{ programme: 'JKK', amountIdr: 10_000 }, { programme: 'JKM', amountIdr: 6_800 }], totalIdr: 16_800 })
    const members = Array.from({ length: 100 }, (_, i) => ({ participantId: `w${i}`, groupCode: 'petani', month: '2026-05' }))
    expect(draftInvoice([bpu], members, chargeOf)).toMatchObject({ workers: 100, amountIdr: 1_680_000, lines: [{ group: 'petani', workers: 100, amountIdr: 1_680_000 }] })
  })

  it('non-ASN follow the state-worker basis, never the BPU rate: JKK 0.24 % + JKM 0.30 % of the honorarium', () => {
    const chargeOf = chargeTable(['jkk', 'jkm'], regs, calendar)
    expect(chargeOf({ code: 'non_asn', quota: 1, category: 'non_asn', incomeIdr: 1_000_000 }, '2026-05').totalIdr).toBe(5_400)
  })
})

describe('budget', () => {
  it('used, committed at the current size, the run-out month and the room left', () => {
    const view = budgetView({
      budgetIdr: 1_000, startMonth: '2026-01', endMonth: '2026-06', invoiced: [{ month: '2026-01', amountIdr: 150, paidIdr: 150 }],
      monthlyCostIdr: () => 200, perWorkerIdr: () => 10,
    })
    // January 150, then 200 a month: 950 by May, 1,150 by June
    expect(view).toMatchObject({ usedIdr: 150, paidIdr: 150, committedIdr: 1_150, runOutMonth: '2026-06', remainingCapacityWorkers: 0 })
    const roomy = budgetView({ budgetIdr: 2_000, startMonth: '2026-01', endMonth: '2026-06', invoiced: [], monthlyCostIdr: () => 200, perWorkerIdr: () => 10 })
    expect(roomy).toMatchObject({ committedIdr: 1_200, runOutMonth: null, remainingCapacityWorkers: 13 })
  })
})
