import fc from 'fast-check'
import { account, PROGRAMMES, type Programme } from '../accounts.js'
import {
  allocation, benefitPaid, cashDeposited, channelReversal, channelSettled, creditHeld, dueRaised, dueRerated, fineRaised, invoicePaid,
  invoiceRaised, moneyReceived, moneyUnmatched, refundApproved, refundPaid, writeOff, type TransferDraft,
} from './index.js'

/** fast-check generators of the standard movements, for property tests (test code only: fast-check is a dev dependency). */
const amount = fc.integer({ min: 1, max: 50_000_000 })
const id = fc.uuid()
const programme = fc.constantFrom<Programme>(...PROGRAMMES)
const dueLine = fc.record({ dueId: id, programme, amountIdr: amount })
const payer = fc.record({ kind: fc.constantFrom('employer' as const, 'pemda' as const, 'apbn' as const, 'sponsor' as const), id })
const via = fc.oneof(id.map(account.bank), id.map(account.agentCash), id.map(account.channelInTransit))
const lines = <T>(line: fc.Arbitrary<T>) => fc.array(line, { minLength: 1, maxLength: 12 })

export const movementArbitrary: fc.Arbitrary<TransferDraft> = fc.oneof(
  fc.record({ participantId: id, amountIdr: amount, via }).map(moneyReceived),
  fc.record({ sourceId: id, amountIdr: amount, via }).map(moneyUnmatched),
  fc.record({ participantId: id, channelId: id, amountIdr: amount }).map(channelReversal),
  fc.tuple(id, id, amount, fc.nat()).map(([channelId, bankCode, grossIdr, fee]) => channelSettled({ channelId, bankCode, grossIdr, feeIdr: fee % grossIdr })),
  fc.record({ agentId: id, bankCode: id, amountIdr: amount }).map(cashDeposited),
  fc.record({ participantId: id, amountIdr: amount }).map(refundApproved),
  fc.record({ participantId: id, bankCode: id, amountIdr: amount }).map(refundPaid),
  fc.record({ participantId: id, lines: lines(dueLine) }).map(dueRaised),
  fc.record({ participantId: id, dueId: id, programme, deltaIdr: fc.integer({ min: -1e6, max: 1e6 }).filter((n) => n !== 0) }).map(dueRerated),
  fc.record({ participantId: id, lines: lines(fc.record({ dueId: id, amountIdr: amount })) }).map(allocation),
  fc.record({ participantId: id, dueId: id, amountIdr: amount }).map(creditHeld),
  fc.record({ participantId: id, lines: lines(dueLine) }).map(writeOff),
  fc.record({ payer, lines: lines(fc.record({ participantId: id, dueId: id, amountIdr: amount })) }).map(invoiceRaised),
  fc.record({ payer, amountIdr: amount, via }).map(invoicePaid),
  fc.record({ payer, programme, amountIdr: amount }).map(fineRaised),
  fc.record({ claimId: id, programme, amountIdr: amount }).map(benefitPaid),
)
