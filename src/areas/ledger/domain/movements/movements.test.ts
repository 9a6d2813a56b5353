import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { account, PROGRAMMES, type Programme } from '../accounts.js'
import { assertBalancedEntries, sumEntriesIdr } from '../entries.js'
import {
  allocation, cashDeposited, channelReversal, channelSettled, creditHeld, dueRaised, dueRerated, fineRaised, invoicePaid,
  invoiceRaised, moneyReceived, moneyUnmatched, refundApproved, refundPaid, writeOff, type TransferDraft,
} from './index.js'

const amount = fc.integer({ min: 1, max: 50_000_000 })
const id = fc.uuid()
const programme = fc.constantFrom<Programme>(...PROGRAMMES)
const dueLine = fc.record({ dueId: id, programme, amountIdr: amount })
const payer = fc.record({ kind: fc.constantFrom('employer' as const, 'pemda' as const, 'apbn' as const, 'sponsor' as const), id })
const via = fc.oneof(id.map(account.bank), id.map(account.agentCash), id.map(account.channelInTransit))

const anyMovement: fc.Arbitrary<TransferDraft> = fc.oneof(
  fc.record({ participantId: id, amountIdr: amount, via }).map(moneyReceived),
  fc.record({ sourceId: id, amountIdr: amount, via }).map(moneyUnmatched),
  fc.record({ participantId: id, channelId: id, amountIdr: amount }).map(channelReversal),
  fc.tuple(id, id, amount, fc.nat()).map(([channelId, bankCode, grossIdr, fee]) => channelSettled({ channelId, bankCode, grossIdr, feeIdr: fee % grossIdr })),
  fc.record({ agentId: id, bankCode: id, amountIdr: amount }).map(cashDeposited),
  fc.record({ participantId: id, amountIdr: amount }).map(refundApproved),
  fc.record({ participantId: id, bankCode: id, amountIdr: amount }).map(refundPaid),
  fc.record({ participantId: id, lines: fc.array(dueLine, { minLength: 1, maxLength: 12 }) }).map(dueRaised),
  fc.record({ participantId: id, dueId: id, programme, deltaIdr: fc.integer({ min: -1e6, max: 1e6 }).filter((n) => n !== 0) }).map(dueRerated),
  fc.record({ participantId: id, lines: fc.array(fc.record({ dueId: id, amountIdr: amount }), { minLength: 1, maxLength: 12 }) }).map(allocation),
  fc.record({ participantId: id, dueId: id, amountIdr: amount }).map(creditHeld),
  fc.record({ participantId: id, lines: fc.array(dueLine, { minLength: 1, maxLength: 12 }) }).map(writeOff),
  fc.record({ payer, lines: fc.array(fc.record({ participantId: id, dueId: id, amountIdr: amount }), { minLength: 1, maxLength: 12 }) }).map(invoiceRaised),
  fc.record({ payer, amountIdr: amount, via }).map(invoicePaid),
  fc.record({ payer, programme, amountIdr: amount }).map(fineRaised),
)

describe('standard movements', () => {
  it('always build valid entries that sum to zero', () => {
    fc.assert(
      fc.property(anyMovement, (draft) => {
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
})
