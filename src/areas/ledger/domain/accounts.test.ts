import { describe, expect, it } from 'vitest'
import { account, assertAccountKey, naturalBalanceIdr } from './accounts.js'

describe('chart of accounts', () => {
  it('puts JKK/JKM/JKP contributions in income and JHT/JP in the workers’ fund', () => {
    expect(account.programme('JKK')).toEqual({ kind: 'contribution_income', ref: 'JKK' })
    expect(account.programme('JKP')).toEqual({ kind: 'contribution_income', ref: 'JKP' })
    expect(account.programme('JHT')).toEqual({ kind: 'programme_fund', ref: 'JHT' })
    expect(account.programme('JP')).toEqual({ kind: 'programme_fund', ref: 'JP' })
  })

  it('refuses unknown kinds, malformed refs and refs of the wrong sort', () => {
    expect(() => assertAccountKey({ kind: 'cash' as never, ref: 'x' })).toThrow(/unknown ledger account kind/)
    expect(() => assertAccountKey({ kind: 'bank', ref: '' })).toThrow(/not an id/)
    expect(() => assertAccountKey({ kind: 'bank', ref: 'a b' })).toThrow(/not an id/)
    expect(() => assertAccountKey({ kind: 'contribution_income', ref: 'JHT' })).toThrow(/does not take/)
    expect(() => assertAccountKey({ kind: 'programme_fund', ref: 'JKK' })).toThrow(/does not take/)
    expect(() => assertAccountKey({ kind: 'payer_receivable', ref: 'pemda:' })).toThrow(/does not take/)
    expect(() => assertAccountKey(account.payerReceivable('pemda', 'p-51.71'))).not.toThrow()
  })

  it('reads a liability’s negative balance as money owed', () => {
    expect(naturalBalanceIdr('participant_credit', -16_800)).toBe(16_800)
    expect(naturalBalanceIdr('receivable', 16_800)).toBe(16_800)
  })
})
