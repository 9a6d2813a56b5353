import { describe, expect, it } from 'vitest'
import { discountedLine, discountOf, lineLabel, noteYear, programmeLabel, type QuoteView } from './quote-view'

const line = { payer: 'self', baseIdr: 1_000_000, rateppm: 10_000, citation: 'PP 44/2015 Pasal 20' }

describe('reading a quote for display', () => {
  it('finds the discount of a line, only when there is one', () => {
    expect(discountOf({ ...line, programme: 'jkk', amountIdr: 5_000, discountppm: 500_000, factorppm: 500_000 })).toBe(500_000)
    expect(discountOf({ ...line, programme: 'jkk', amountIdr: 10_000 })).toBeNull()
    expect(discountOf({ ...line, programme: 'jkk', amountIdr: 10_000, discountppm: 0 })).toBeNull()
  })

  it('picks the first discounted line of a quote', () => {
    const view: QuoteView = {
      month: '2026-04', segment: 'bpu', billedIdr: 8_400, notBilled: [], dueDates: {}, notes: [],
      lines: [
        { ...line, programme: 'jkk', amountIdr: 5_000, discountppm: 500_000, discountCitation: 'PP 50/2025 Pasal 4(1)' },
        { ...line, programme: 'jkm', amountIdr: 3_400, discountppm: 500_000 },
      ],
    }
    expect(discountedLine(view)?.discountCitation).toBe('PP 50/2025 Pasal 4(1)')
    expect(discountedLine({ ...view, lines: [] })).toBeUndefined()
  })

  it('labels programmes as people know them', () => {
    expect(programmeLabel('jkk')).toBe('JKK')
    expect(programmeLabel('jkk_jkm')).toBe('JKK + JKM')
    expect(programmeLabel('denda')).toBe('Denda')
    expect(lineLabel({ ...line, programme: 'denda', amountIdr: 1_068, finedProgramme: 'jkk', finedPayer: 'employer', lateMonths: 2 })).toBe('Denda JKK')
    expect(lineLabel({ ...line, programme: 'jkm', amountIdr: 6_800 })).toBe('JKM')
  })

  it('reads the year of a holidays note', () => {
    expect(noteYear({ code: 'holidays_unknown', message: 'reference/holidays.yaml has no holiday list for 2031: due dates ...' })).toBe('2031')
  })
})
