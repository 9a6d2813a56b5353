import { describe, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { account } from '../domain/accounts.js'
import { allocation, dueRaised, moneyReceived } from '../domain/movements/index.js'
import { accountBalance } from './balances.js'
import { postTransfer, postTransfers } from './post-transfers.js'
import { trialBalance } from './trial-balance.js'

const at = new Date('2026-01-05T02:00:00Z')

describe('postTransfer input checks (before any SQL)', () => {
  const sql = { query: () => Promise.reject(new Error('no SQL expected')), transaction: () => Promise.reject(new Error('no SQL expected')) }
  it('refuses unbalanced entries, a reversal kind, a bad id and personal data in refs', async () => {
    const base = { id: newId(), kind: 'money_received' as const, occurredAt: at, requestId: 'r1' }
    await expect(postTransfer(sql, { ...base, entries: [{ account: account.bank('B'), amountIdr: 5 }, { account: account.participantCredit('p'), amountIdr: -4 }] }))
      .rejects.toThrow(/sum to zero/)
    await expect(postTransfer(sql, { ...base, kind: 'reversal' as never, entries: [] })).rejects.toThrow(/reverseTransfer/)
    await expect(postTransfer(sql, { ...base, id: 'x', ...moneyReceived({ participantId: 'p', amountIdr: 5, via: account.bank('B') }) })).rejects.toThrow(/UUID/)
    await expect(postTransfer(sql, { ...base, ...moneyReceived({ participantId: 'p', amountIdr: 5, via: account.bank('B') }), refs: { name: 'Ni Luh Putu' } }))
      .rejects.toThrow(/must be an id/)
  })
})

describeDb('posting transfers', (ctx) => {
  const participantId = newId()
  const dueId = newId()

  it('posts a balanced transfer, creating its accounts on first use', async () => {
    const id = newId()
    const posted = await ctx.sql.transaction((tx) =>
      postTransfer(tx, { id, occurredAt: at, requestId: 'req-1', refs: { participantId }, ...moneyReceived({ participantId, amountIdr: 50_000, via: account.channelInTransit('pos') }) }),
    )
    expect(posted).toEqual({ id, replayed: false })
    expect(await accountBalance(ctx.sql, account.participantCredit(participantId))).toBe(-50_000)
    expect(await accountBalance(ctx.sql, account.channelInTransit('pos'))).toBe(50_000)
  })

  it('posts several transfers in one call, all or none', async () => {
    const draftDue = dueRaised({ participantId, lines: [{ dueId, programme: 'JKK', amountIdr: 10_000 }, { dueId: newId(), programme: 'JHT', amountIdr: 20_000 }] })
    const results = await postTransfers(ctx.sql, [
      { id: newId(), occurredAt: at, ...draftDue },
      { id: newId(), occurredAt: at, ...allocation({ participantId, lines: [{ dueId, amountIdr: 10_000 }] }) },
    ])
    expect(results.map((r) => r.replayed)).toEqual([false, false])
    const failingId = newId()
    await expect(postTransfers(ctx.sql, [
      { id: failingId, occurredAt: at, ...moneyReceived({ participantId, amountIdr: 1, via: account.bank('B') }) },
      { id: newId(), occurredAt: at, kind: 'money_received', entries: [{ account: account.bank('B'), amountIdr: 1 }, { account: account.bank('C'), amountIdr: 1 }] },
    ])).rejects.toThrow(/sum to zero/)
    const { rows } = await ctx.sql.query(`select 1 from ledger_transfers where id = $1`, [failingId])
    expect(rows).toHaveLength(0)
  })

  it('is idempotent by transfer id: the same content again moves nothing, other content is a conflict', async () => {
    const id = newId()
    const input = { id, occurredAt: at, refs: { participantId }, ...moneyReceived({ participantId, amountIdr: 16_800, via: account.agentCash('agent-7') }) }
    expect(await postTransfer(ctx.sql, { ...input, requestId: 'first' })).toEqual({ id, replayed: false })
    expect(await postTransfer(ctx.sql, { ...input, requestId: 'retry' })).toEqual({ id, replayed: true })
    expect(await accountBalance(ctx.sql, account.agentCash('agent-7'))).toBe(16_800)
    await expect(postTransfer(ctx.sql, { ...input, ...moneyReceived({ participantId, amountIdr: 16_801, via: account.agentCash('agent-7') }) }))
      .rejects.toMatchObject({ code: 'conflict' })
    await expect(postTransfer(ctx.sql, { ...input, occurredAt: new Date(at.getTime() + 1) })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('moves money once when the same transfer is posted concurrently', async () => {
    const id = newId()
    const input = { id, occurredAt: at, ...moneyReceived({ participantId, amountIdr: 7_000, via: account.bank('CONC') }) }
    const results = await Promise.all([1, 2, 3].map(() => ctx.sql.transaction((tx) => postTransfer(tx, input))))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await accountBalance(ctx.sql, account.bank('CONC'))).toBe(7_000)
  })

  it('leaves the ledger balanced', async () => {
    const trial = await trialBalance(ctx.sql)
    expect(trial).toMatchObject({ balanced: true, totalIdr: 0, unbalancedTransferIds: [] })
    expect(trial.transfers).toBeGreaterThan(0)
  })
})
