import { describe, expect, it } from 'vitest'
import { initialQuoteForm, readQuoteForm } from './quote-form-state'

describe('reading the calculator form', () => {
  const form = initialQuoteForm('2026-03')

  it('starts on BPU with JKK+JKM, other sector, paid by the participant, income Rp1.000.000', () => {
    expect(readQuoteForm(form)).toEqual({
      kind: 'ready',
      request: { segment: 'bpu', month: '2026-03', income: 1_000_000, programmes: ['jkk', 'jkm'], sector: 'other', payer: 'self' },
    })
  })

  it('adds JHT when ticked', () => {
    const reading = readQuoteForm({ ...form, jht: true })
    expect(reading.kind === 'ready' && reading.request.segment === 'bpu' && reading.request.programmes).toEqual(['jkk', 'jkm', 'jht'])
  })

  it('reads a PU wage, risk group and scale, and the payment date only when given', () => {
    expect(readQuoteForm({ ...form, segment: 'pu', wage: '4.500.000', riskGroup: '3', scale: 'large' })).toEqual({
      kind: 'ready',
      request: { segment: 'pu', month: '2026-03', wage: 4_500_000, riskGroup: 3, scale: 'large' },
    })
    const late = readQuoteForm({ ...form, segment: 'pu', paidOn: '2026-05-02' })
    expect(late.kind === 'ready' && late.request).toMatchObject({ paidOn: '2026-05-02' })
  })

  it('reads PMI and construction requests', () => {
    expect(readQuoteForm({ ...form, segment: 'pmi', contractMonths: '12', via: 'individual' })).toMatchObject({
      request: { segment: 'pmi', contractMonths: 12, via: 'individual' },
    })
    expect(readQuoteForm({ ...form, segment: 'jakon', contractValue: 'Rp 250.000.000' })).toMatchObject({
      request: { segment: 'jakon', contractValue: 250_000_000 },
    })
  })

  it('waits for an empty field and names a field that is not an amount', () => {
    expect(readQuoteForm({ ...form, income: '' })).toEqual({ kind: 'incomplete' })
    expect(readQuoteForm({ ...form, month: '' })).toEqual({ kind: 'incomplete' })
    expect(readQuoteForm({ ...form, segment: 'pu', wage: '3,5 juta' })).toEqual({ kind: 'not-amount', field: 'wage' })
  })
})
