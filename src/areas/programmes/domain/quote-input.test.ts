import { describe, expect, it } from 'vitest'
import { parseQuoteInput } from './quote-input.js'

describe('parseQuoteInput', () => {
  it('reads CLI strings and JSON numbers alike, with defaults', () => {
    expect(parseQuoteInput({ segment: 'bpu', month: '2026-04', income: '1000000', programmes: 'jkk,jkm,jht' })).toEqual({
      segment: 'bpu', month: '2026-04', incomeIdr: 1_000_000, programmes: ['jkk', 'jkm', 'jht'], payer: 'self',
    })
    expect(parseQuoteInput({ segment: 'pu', month: '2026-03', wage: 5_000_000, riskGroup: '5', scale: 'LARGE', pp72025: true })).toMatchObject({
      wageIdr: 5_000_000, riskGroup: 5, scale: 'large', pp72025: true,
    })
  })

  it('names the field and the reason of each bad value', () => {
    const fail = (raw: Record<string, unknown>) => {
      try {
        parseQuoteInput(raw)
      } catch (e) {
        return e
      }
      throw new Error('no error')
    }
    expect(fail({ month: '2026-03' })).toMatchObject({ code: 'missing_field', details: { field: 'segment' } })
    expect(fail({ segment: 'pu', month: '2026-03', wage: '1e6', riskGroup: 1, scale: 'micro' })).toMatchObject({ code: 'invalid_input', details: { field: 'wage' } })
    expect(fail({ segment: 'pu', month: '2026-03', wage: 1, riskGroup: 0, scale: 'micro' })).toMatchObject({ code: 'out_of_range', details: { field: 'riskGroup' } })
    expect(fail({ segment: 'pmi', month: '2026-03', contractMonths: 24 })).toMatchObject({ code: 'missing_field', details: { field: 'via' } })
    expect(fail({ segment: 'pu', month: '2026-03', bogus: 1 })).toMatchObject({ code: 'invalid_input', details: { field: 'bogus' } })
  })
})
