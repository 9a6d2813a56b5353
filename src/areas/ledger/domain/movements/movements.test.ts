import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { movementArbitrary } from './movement-arbitraries.js'
import { account } from '../accounts.js'
import { assertBalancedEntries, sumEntriesIdr } from '../entries.js'
import { benefitPaid, channelSettled, dueRaised, moneyReceived, writeOff } from './index.js'

describe('standard movements', () => {
  it('always build valid entries that sum to zero', () => {
    fc.assert(
      fc.property(movementArbitrary, (draft) => {
        expect(sumEntriesIdr(draft.entries)).toBe(0)
        assertBalancedEntries(draft.entries)
      }),
      { numRuns: 300 },
    )
  })

  it('money received lands in the participant’s credit', () => {
    const draft = moneyReceived({ participantId: 'p1', amountIdr: 16_800, via: account.channelInTransit('pos') })
    expect(draft.entries).toEqual([
      { account: { kind: 'channel_in_transit', ref: 'pos' }, amountIdr: 16_800, dueId: undefined },
      { account: { kind: 'participant_credit', ref: 'p1' }, amountIdr: -16_800, dueId: undefined },
    ])
    expect(() => moneyReceived({ participantId: 'p1', amountIdr: 1, via: account.participantCredit('p2') })).toThrow(/received through/)
    expect(() => moneyReceived({ participantId: 'p1', amountIdr: 0, via: account.bank('b') })).toThrow(/positive/)
  })

  it('billing JHT credits the workers’ fund, JKK the income, both against the receivable per due', () => {
    const draft = dueRaised({ participantId: 'p1', lines: [{ dueId: 'd1', programme: 'JKK', amountIdr: 10_000 }, { dueId: 'd2', programme: 'JHT', amountIdr: 20_000 }] })
    expect(draft.entries.map((e) => [e.account.kind, e.account.ref, e.amountIdr, e.dueId])).toEqual([
      ['receivable', 'p1', 10_000, 'd1'],
      ['contribution_income', 'JKK', -10_000, 'd1'],
      ['receivable', 'p1', 20_000, 'd2'],
      ['programme_fund', 'JHT', -20_000, 'd2'],
    ])
  })

  it('writes a risk programme off as an expense and a savings programme off against its fund', () => {
    const draft = writeOff({ participantId: 'p1', lines: [{ dueId: 'd1', programme: 'JKM', amountIdr: 6_800 }, { dueId: 'd2', programme: 'JHT', amountIdr: 20_000 }] })
    expect(draft.entries.filter((e) => e.amountIdr > 0).map((e) => e.account)).toEqual([account.writeOff('JKM'), account.programme('JHT')])
  })

  it('a channel settlement splits the fee out of the gross', () => {
    const draft = channelSettled({ channelId: 'pos', bankCode: 'BRI-1', grossIdr: 100_000, feeIdr: 2_500 })
    expect(draft.entries.map((e) => e.amountIdr)).toEqual([97_500, 2_500, -100_000])
    expect(channelSettled({ channelId: 'pos', bankCode: 'BRI-1', grossIdr: 100, feeIdr: 0 }).entries).toHaveLength(2)
  })
  it('a paid benefit is the risk programme\'s expense (a JHT payout: its fund) against the claim\'s payable', () => {
    expect(benefitPaid({ claimId: 'c1', programme: 'JKM', amountIdr: 10_000_000 }).entries).toEqual([
      { account: { kind: 'benefit_expense', ref: 'JKM' }, amountIdr: 10_000_000, dueId: undefined },
      { account: { kind: 'benefit_payable', ref: 'c1' }, amountIdr: -10_000_000, dueId: undefined },
    ])
    expect(benefitPaid({ claimId: 'c2', programme: 'JHT', amountIdr: 5 }).entries[0]?.account).toEqual(account.programme('JHT'))
    expect(() => benefitPaid({ claimId: 'c3', programme: 'JKK', amountIdr: 0 })).toThrow(/positive/)
  })
})
