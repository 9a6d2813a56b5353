import { describe, expect, it } from 'vitest'
import { loadHolidayCalendar, loadRegulationSet } from '../programmes/index.js'
import { draftInvoice, invoiceFines, invoiceNumber } from './domain/index.js'

const regs = loadRegulationSet()
const calendar = loadHolidayCalendar()
const large = { scale: 'large' as const, riskGroup: 1 as const }

describe('PU invoice (regulations.md §9 E1, E8)', () => {
  it('bills E1: wage 5,000,000, group I, March 2026 → 462,000 due 15 Apr 2026, JKP not billed', () => {
    const draft = draftInvoice(large, '2026-03', [{ participantId: 'w1', wageIdr: 5_000_000 }], regs, calendar)
    expect(draft.dueDate).toBe('2026-04-15')
    expect(draft.amountIdr).toBe(462_000)
    expect(draft.lines.map((l) => [l.programme, l.payer, l.amountIdr])).toEqual([
      ['jkk', 'employer', 12_000], ['jkm', 'employer', 15_000], ['jht', 'employer', 185_000], ['jht', 'worker', 100_000],
      ['jp', 'employer', 100_000], ['jp', 'worker', 50_000],
    ])
    expect(invoiceNumber('ABC123', '2026-03')).toBe('PU-ABC123-202603')
  })

  it('caps JP at the cap of the contribution month and bills only the mandatory programmes of the scale', () => {
    const draft = draftInvoice(large, '2026-03', [{ participantId: 'w1', wageIdr: 20_000_000 }], regs, calendar)
    const jpEmployer = draft.lines.find((l) => l.programme === 'jp' && l.payer === 'employer')
    expect(jpEmployer?.baseIdr).toBe(11_086_300)
    const micro = draftInvoice({ scale: 'micro', riskGroup: 3 }, '2026-03', [{ participantId: 'w1', wageIdr: 5_000_000 }], regs, calendar)
    expect(micro.lines.map((l) => l.programme)).toEqual(['jkk', 'jkm'])
  })

  it('fines E8: paid 15 Jun 2026 → 2 started months, 18,480; on time → none', () => {
    const draft = draftInvoice(large, '2026-03', [{ participantId: 'w1', wageIdr: 5_000_000 }], regs, calendar)
    const fines = invoiceFines(draft, '2026-06-15', regs)
    expect(fines.map((f) => f.fineIdr)).toEqual([480, 600, 7_400, 4_000, 4_000, 2_000])
    expect(fines.every((f) => f.lateMonths === 2)).toBe(true)
    expect(fines.reduce((s, f) => s + f.fineIdr, 0)).toBe(18_480)
    expect(invoiceFines(draft, '2026-04-15', regs)).toEqual([])
    expect(invoiceFines(draft, '2026-06-16', regs).every((f) => f.lateMonths === 3)).toBe(true)
  })

  it('refuses an invoice with no worker wages', () => {
    expect(() => draftInvoice(large, '2026-03', [], regs, calendar)).toThrow(/no worker/)
  })
})
