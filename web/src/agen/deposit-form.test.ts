import { describe, expect, it } from 'vitest'
import { depositBodyOf } from './deposit-form'

const TODAY = '2026-11-26'

describe('depositBodyOf', () => {
  it('reads rupiah with dots, a dd/mm/yyyy date and a trimmed slip reference', () => {
    expect(depositBodyOf({ amount: 'Rp 20.000', date: '25/11/2026', to: 'bank', reference: ' SLIP-01 ' }, TODAY))
      .toEqual({ ok: true, body: { amountIdr: 20_000, depositedOn: '2026-11-25', to: 'bank', reference: 'SLIP-01' } })
  })

  it('names each field that is missing or wrong', () => {
    expect(depositBodyOf({ amount: '', date: '', to: '', reference: '  ' }, TODAY))
      .toEqual({ ok: false, problems: { amount: 'required', date: 'required', to: 'required', reference: 'required' } })
    expect(depositBodyOf({ amount: '12,5', date: '31/02/2026', to: 'cabang', reference: 'x' }, TODAY))
      .toEqual({ ok: false, problems: { amount: 'amount', date: 'date' } })
    expect(depositBodyOf({ amount: '0', date: '26/11/2026', to: 'cabang', reference: 'x' }, TODAY))
      .toEqual({ ok: false, problems: { amount: 'amount' } })
  })

  it('refuses a deposit dated after today (the slip is recorded at or after the bank)', () => {
    expect(depositBodyOf({ amount: '1000', date: '27/11/2026', to: 'bank', reference: 'x' }, TODAY)).toEqual({ ok: false, problems: { date: 'future' } })
    expect(depositBodyOf({ amount: '1000', date: '26/11/2026', to: 'bank', reference: 'x' }, TODAY).ok).toBe(true)
  })
})
