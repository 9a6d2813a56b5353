import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { account } from '../domain/accounts.js'
import { dueRaised } from '../domain/movements/index.js'
import { accountBalance, dueBalances } from './balances.js'
import { postTransfer } from './post-transfers.js'
import { postTransfersFromSelect } from './post-transfers-from-select.js'
import { findTransfer } from './transfers.js'
import { trialBalance } from './trial-balance.js'

/** Billing-like rows: each row of $1..$4 is one participant's JKK due for a month, raised as one transfer. */
const BILLING_SELECT = `
  select b.transfer_id, $5::timestamptz as occurred_at, l.line, l.account_kind, l.account_ref, l.amount_idr,
         b.due_id, null::uuid as invoice_id, b.participant_id, null::uuid as payment_id
  from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[]) as b(transfer_id, participant_id, due_id, amount_idr0)
  cross join lateral (values (1, 'receivable', b.participant_id::text, b.amount_idr0),
                             (2, 'contribution_income', 'JKK', -b.amount_idr0)) as l(line, account_kind, account_ref, amount_idr)`

describeDb('posting transfers from a select', (ctx) => {
  const at = new Date('2026-03-01T00:00:00Z')
  const rows = Array.from({ length: 50 }, () => ({ transferId: newId(), participantId: newId(), dueId: newId(), amountIdr: 10_000 }))
  const params = [rows.map((r) => r.transferId), rows.map((r) => r.participantId), rows.map((r) => r.dueId), rows.map((r) => r.amountIdr), at]

  it('posts every transfer the select returns, and a re-run replays them', async () => {
    const before = await accountBalance(ctx.sql, account.programme('JKK'))
    expect(await ctx.sql.transaction((tx) => postTransfersFromSelect(tx, { kind: 'due_raised', select: BILLING_SELECT, params, requestId: 'bill-1' })))
      .toEqual({ transfers: 50, inserted: 50, replayed: 0 })
    expect(await postTransfersFromSelect(ctx.sql, { kind: 'due_raised', select: BILLING_SELECT, params })).toEqual({ transfers: 50, inserted: 0, replayed: 50 })
    expect(await accountBalance(ctx.sql, account.programme('JKK'))).toBe(before - 500_000)
    const dues = await dueBalances(ctx.sql, rows.map((r) => r.dueId))
    expect([...dues.values()].every((v) => v === 10_000)).toBe(true)
    expect(await findTransfer(ctx.sql, rows[0]!.transferId)).toMatchObject({ kind: 'due_raised', refs: { participantId: rows[0]!.participantId }, requestId: 'bill-1' })
  })

  it('stores the same content hash as postTransfer, so each path replays the other', async () => {
    const r = rows[1]!
    const again = await postTransfer(ctx.sql, {
      id: r.transferId, occurredAt: at, refs: { participantId: r.participantId },
      ...dueRaised({ participantId: r.participantId, lines: [{ dueId: r.dueId, programme: 'JKK', amountIdr: 10_000 }] }),
    })
    expect(again).toEqual({ id: r.transferId, replayed: true })
  })

  it('refuses a re-run with other amounts as a conflict, and unbalanced rows', async () => {
    const changed = [...params.slice(0, 3), rows.map(() => 12_000), at]
    await expect(postTransfersFromSelect(ctx.sql, { kind: 'due_raised', select: BILLING_SELECT, params: changed })).rejects.toMatchObject({ code: 'conflict' })
    const lopsided = BILLING_SELECT.replace("-b.amount_idr0", "-b.amount_idr0 + 1")
    const fresh = [rows.map(() => newId()), params[1], params[2], params[3], at]
    await expect(postTransfersFromSelect(ctx.sql, { kind: 'due_raised', select: lopsided, params: fresh })).rejects.toThrow(/ledger_unbalanced/)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })
})
