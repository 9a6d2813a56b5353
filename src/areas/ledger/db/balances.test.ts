import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { account } from '../domain/accounts.js'
import { allocation, dueRaised, moneyReceived, writeOff, type TransferDraft } from '../domain/movements/index.js'
import { accountBalance, balancesOfKind, dueBalances } from './balances.js'
import { postTransfer } from './post-transfers.js'
import { participantStatement } from './statement.js'

const day = (d: string) => new Date(`${d}T02:00:00Z`)

describeDb('ledger balances and statements', (ctx) => {
  const participantId = newId()
  const jan = newId()
  const feb = newId()
  const janJht = newId()

  it('gives balances as of a time, per due, per kind and as a statement', async () => {
    const post = (occurredAt: Date, draft: TransferDraft) =>
      postTransfer(ctx.sql, { id: newId(), occurredAt, refs: { participantId }, ...draft })
    await post(day('2026-01-01'), dueRaised({ participantId, lines: [{ dueId: jan, programme: 'JKK', amountIdr: 10_000 }, { dueId: janJht, programme: 'JHT', amountIdr: 20_000 }] }))
    await post(day('2026-02-01'), dueRaised({ participantId, lines: [{ dueId: feb, programme: 'JKK', amountIdr: 10_000 }] }))
    await post(day('2026-01-10'), moneyReceived({ participantId, amountIdr: 35_000, via: account.channelInTransit('pos') }))
    await post(day('2026-01-10'), allocation({ participantId, lines: [{ dueId: jan, amountIdr: 10_000 }, { dueId: janJht, amountIdr: 20_000 }] }))
    await post(day('2026-06-01'), writeOff({ participantId, lines: [{ dueId: feb, programme: 'JKK', amountIdr: 10_000 }] }))

    const receivable = account.receivable(participantId)
    expect(await accountBalance(ctx.sql, receivable, { asOf: day('2026-01-05') })).toBe(30_000)
    expect(await accountBalance(ctx.sql, receivable, { asOf: day('2026-01-10') })).toBe(0)
    expect(await accountBalance(ctx.sql, receivable, { asOf: day('2026-03-01') })).toBe(10_000)
    expect(await accountBalance(ctx.sql, receivable)).toBe(0)
    expect(await accountBalance(ctx.sql, account.participantCredit(participantId))).toBe(-5_000)
    expect(await accountBalance(ctx.sql, account.bank('never-used'))).toBe(0)

    const dues = await dueBalances(ctx.sql, [jan, feb, newId()], { asOf: day('2026-03-01') })
    expect(Object.fromEntries(dues)).toEqual({ [jan]: 0, [feb]: 10_000 })

    expect(await balancesOfKind(ctx.sql, 'contribution_income')).toEqual([{ account: account.programme('JKK'), balanceIdr: -20_000 }])
    expect(await balancesOfKind(ctx.sql, 'programme_fund', { refs: ['JHT', 'JP'] })).toEqual([{ account: account.programme('JHT'), balanceIdr: -20_000 }])
    expect(await balancesOfKind(ctx.sql, 'write_off', { asOf: day('2026-05-01') })).toEqual([{ account: account.writeOff('JKK'), balanceIdr: 0 }])

    const statement = await participantStatement(ctx.sql, participantId, { from: day('2026-01-10'), to: day('2026-06-01') })
    expect(statement.opening).toEqual([
      { account: account.participantCredit(participantId), balanceIdr: 0 },
      { account: receivable, balanceIdr: 30_000 },
    ])
    expect(statement.lines.map((l) => [l.kind, l.account.kind, l.amountIdr])).toEqual([
      ['money_received', 'participant_credit', -35_000],
      ['allocation', 'participant_credit', 30_000],
      ['allocation', 'receivable', -10_000],
      ['allocation', 'receivable', -20_000],
      ['due_raised', 'receivable', 10_000],
    ])
    expect(statement.truncated).toBe(false)
    expect((await participantStatement(ctx.sql, participantId, { limit: 2 })).truncated).toBe(true)
  })
})
