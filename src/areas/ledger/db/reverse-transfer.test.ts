import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { account } from '../domain/accounts.js'
import { moneyReceived } from '../domain/movements/index.js'
import { accountBalance } from './balances.js'
import { postTransfer } from './post-transfers.js'
import { reverseTransfer } from './reverse-transfer.js'
import { findTransfer, transferIdsOfPayment } from './transfers.js'
import { trialBalance } from './trial-balance.js'

const paidAt = new Date('2026-02-10T03:00:00Z')
const reversedAt = new Date('2026-02-11T03:00:00Z')

describeDb('reversing a transfer', (ctx) => {
  const participantId = newId()
  const paymentId = newId()
  const transferId = newId()
  const reversalId = newId()

  it('posts the mirror entries linked to the original with a reason code', async () => {
    await postTransfer(ctx.sql, { id: transferId, occurredAt: paidAt, refs: { paymentId, participantId }, ...moneyReceived({ participantId, amountIdr: 42_000, via: account.channelInTransit('bri') }) })
    const posted = await ctx.sql.transaction((tx) => reverseTransfer(tx, { id: reversalId, transferId, reasonCode: 'channel_reversal', occurredAt: reversedAt, requestId: 'req-9' }))
    expect(posted).toEqual({ id: reversalId, replayed: false })
    const reversal = await findTransfer(ctx.sql, reversalId)
    expect(reversal).toMatchObject({ kind: 'reversal', reversesTransferId: transferId, reasonCode: 'channel_reversal', refs: { paymentId, participantId } })
    expect(reversal?.entries.map((e) => e.amountIdr)).toEqual([-42_000, 42_000])
    expect((await findTransfer(ctx.sql, transferId))?.reversedBy).toBe(reversalId)
    expect(await transferIdsOfPayment(ctx.sql, paymentId)).toEqual([
      { id: transferId, kind: 'money_received', reversedBy: reversalId },
      { id: reversalId, kind: 'reversal', reversedBy: null },
    ])
  })

  it('keeps the history: the balance as of before the reversal still shows the money', async () => {
    const credit = account.participantCredit(participantId)
    expect(await accountBalance(ctx.sql, credit, { asOf: paidAt })).toBe(-42_000)
    expect(await accountBalance(ctx.sql, credit, { asOf: reversedAt })).toBe(0)
  })

  it('replays the same reversal and refuses a second one', async () => {
    expect(await reverseTransfer(ctx.sql, { id: reversalId, transferId, reasonCode: 'channel_reversal', occurredAt: reversedAt })).toEqual({ id: reversalId, replayed: true })
    await expect(reverseTransfer(ctx.sql, { id: newId(), transferId, reasonCode: 'entry_error', occurredAt: reversedAt })).rejects.toMatchObject({ code: 'invalid_state' })
    await expect(reverseTransfer(ctx.sql, { id: newId(), transferId: reversalId, reasonCode: 'entry_error', occurredAt: reversedAt })).rejects.toMatchObject({ code: 'invalid_state' })
  })

  it('refuses a second reversal racing the first', async () => {
    const id = newId()
    await postTransfer(ctx.sql, { id, occurredAt: paidAt, ...moneyReceived({ participantId, amountIdr: 1_000, via: account.bank('RACE') }) })
    const outcomes = await Promise.allSettled([newId(), newId()].map((rid) => ctx.sql.transaction((tx) => reverseTransfer(tx, { id: rid, transferId: id, reasonCode: 'duplicate', occurredAt: reversedAt }))))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'invalid_state' } })
    expect(await accountBalance(ctx.sql, account.bank('RACE'))).toBe(0)
  })

  it('refuses an unknown transfer, an unknown reason and a reversal dated before the original', async () => {
    await expect(reverseTransfer(ctx.sql, { id: newId(), transferId: newId(), reasonCode: 'entry_error', occurredAt: reversedAt })).rejects.toMatchObject({ code: 'not_found' })
    await expect(reverseTransfer(ctx.sql, { id: newId(), transferId, reasonCode: 'oops' as never, occurredAt: reversedAt })).rejects.toMatchObject({ code: 'invalid_input' })
    const id = newId()
    await postTransfer(ctx.sql, { id, occurredAt: paidAt, ...moneyReceived({ participantId, amountIdr: 500, via: account.bank('B') }) })
    await expect(reverseTransfer(ctx.sql, { id: newId(), transferId: id, reasonCode: 'entry_error', occurredAt: new Date(paidAt.getTime() - 1) })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('leaves the ledger balanced', async () => {
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })
})
