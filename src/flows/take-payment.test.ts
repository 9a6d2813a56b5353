import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { refreshContributionState, statesDueForChange } from '../areas/contributions/index.js'
import { trialBalance } from '../areas/ledger/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { at, bill, ids, pay, registerBpu } from './contributions.test-support.js'
import { participantAccount } from './participant-account.js'
import { takePayment, type TakePaymentCommand } from './take-payment.js'

describeDb('taking a payment (issue 5 "Done when")', (ctx) => {
  const balanced = async () => expect((await trialBalance(ctx.sql)).balanced).toBe(true)

  it('a BPU who pays Jan–Mar then stops: aktif, menunggak from the April due date, nonaktif from the July one; September restarts', async () => {
    const p = await registerBpu(ctx.sql)
    const first = await pay(ctx.sql, p.id, '2026-01-10', { months: 3 })
    expect(first).toMatchObject({ replayed: false, months: ['2026-01', '2026-02', '2026-03'], paidThrough: '2026-03', creditIdr: 0, status: 'aktif' })
    expect(first.receiptNo).toMatch(/^BB-2026-\d{6}$/)
    for (const [month, on] of [['2026-04', '2026-04-01'], ['2026-05', '2026-05-01'], ['2026-06', '2026-06-01'], ['2026-07', '2026-07-01'], ['2026-08', '2026-08-01'], ['2026-09', '2026-09-01']] as const) {
      await bill(ctx.sql, month, on)
    }
    const status = async (asOf: string) => (await participantAccount(ctx.sql, p.id, asOf)).status
    expect(await status('2026-01-09')).toBe('terdaftar')
    expect(await status('2026-03-31')).toBe('aktif')
    expect(await status('2026-04-15')).toBe('aktif')
    expect(await status('2026-04-16')).toBe('menunggak')
    const july15 = await participantAccount(ctx.sql, p.id, '2026-07-15')
    expect(july15).toMatchObject({ status: 'menunggak', nextChange: { date: '2026-07-16', status: 'nonaktif' } })
    const aprilToJune = july15.months.filter((m) => m.month >= '2026-04' && m.month <= '2026-06')
    expect(aprilToJune.every((m) => m.dueIdr > 0)).toBe(true)
    expect(july15.arrearsIdr).toBe(aprilToJune.reduce((t, m) => t + m.dueIdr, 0))
    expect(await status('2026-07-16')).toBe('nonaktif')
    expect(await status('2026-09-09')).toBe('nonaktif')

    const again = await pay(ctx.sql, p.id, '2026-09-10', { months: 1 })
    expect(again).toMatchObject({ months: ['2026-09'], paidThrough: '2026-09', status: 'aktif', creditIdr: 0 })
    const account = await participantAccount(ctx.sql, p.id, '2026-09-10')
    expect(account).toMatchObject({ status: 'aktif', paidThrough: '2026-09', arrearsIdr: 0, creditIdr: 0 })
    expect(account.totalPaidIdr).toBe(first.amountIdr + again.amountIdr)
    expect(account.months.map((m) => [m.month, m.status, m.dueIdr > 0 ? 'due' : '-', m.paidIdr > 0 ? 'paid' : '-'])).toEqual([
      ['2026-01', 'aktif', 'due', 'paid'], ['2026-02', 'aktif', 'due', 'paid'], ['2026-03', 'aktif', 'due', 'paid'],
      ['2026-04', 'menunggak', '-', '-'], ['2026-05', 'menunggak', '-', '-'], ['2026-06', 'menunggak', '-', '-'],
      ['2026-07', 'nonaktif', '-', '-'], ['2026-08', 'nonaktif', '-', '-'], ['2026-09', 'aktif', 'due', 'paid'],
    ])
    const stored = await ctx.sql.query<{ status: string; next: string | null }>(
      `select status, to_char(next_change_on, 'YYYY-MM-DD') as next from contribution_states where participant_id = $1`, [p.id])
    expect(stored.rows[0]).toEqual({ status: 'aktif', next: '2026-10-16' })
    await balanced()
  })

  it('the same key twice, or ten at once, moves money once and replays the first answer', async () => {
    const p = await registerBpu(ctx.sql)
    const cmd: TakePaymentCommand = {
      participant: { kpj: p.kpj }, months: 2, paidOn: '2026-02-02', channel: 'counter', clientId: 'test-client', clientKey: `same-${p.id}`, requestId: 'r', actor: null,
    }
    const first = await takePayment(ctx.sql, cmd, at('2026-02-02'), ids)
    const second = await takePayment(ctx.sql, cmd, at('2026-02-02'), ids)
    expect(second).toEqual({ ...first, replayed: true })
    const racing = await Promise.all(Array.from({ length: 10 }, () => takePayment(ctx.sql, { ...cmd, clientKey: `race-${p.id}` }, at('2026-02-02'), ids)))
    expect(racing.filter((r) => !r.replayed)).toHaveLength(1)
    expect(new Set(racing.map((r) => r.paymentId)).size).toBe(1)
    const { rows } = await ctx.sql.query<{ n: number; total: number }>('select count(*)::int8 as n, sum(amount_idr)::int8 as total from payments where participant_id = $1', [p.id])
    expect(rows[0]).toEqual({ n: 2, total: first.amountIdr + racing[0]!.amountIdr })
    expect(racing[0]!.months).toEqual(['2026-04', '2026-05'])
    await expect(takePayment(ctx.sql, { ...cmd, months: 3 }, at('2026-02-02'), ids)).rejects.toMatchObject({ code: 'idempotency_conflict' })
    await balanced()
  })

  it('6 months ahead covers exactly 6 months; an amount short of a month is credit, used first next time', async () => {
    const p = await registerBpu(ctx.sql)
    const six = await pay(ctx.sql, p.id, '2026-05-04', { months: 6 })
    expect(six.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect(six.paidThrough).toBe('2026-10')
    const monthIdr = six.allocated[5]!.amountIdr
    const short = await pay(ctx.sql, p.id, '2026-05-05', { amountIdr: monthIdr - 1 })
    expect(short).toMatchObject({ months: [], creditIdr: monthIdr - 1, paidThrough: '2026-10' })
    const next = await pay(ctx.sql, p.id, '2026-05-06', { amountIdr: 1 })
    expect(next).toMatchObject({ months: ['2026-11'], creditIdr: 0, paidThrough: '2026-11' })
    const account = await participantAccount(ctx.sql, p.id, '2026-05-31')
    expect(account).toMatchObject({ status: 'aktif', creditIdr: 0, paidThrough: '2026-11' })
    await expect(pay(ctx.sql, p.id, '2026-05-07', { months: 13 })).rejects.toMatchObject({ code: 'out_of_range' })
    await balanced()
  })

  it('the daily refresh moves an unpaying BPU to menunggak then nonaktif, with the date each began', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 1 })
    expect((await statesDueForChange(ctx.sql, '2026-02-19', null, 10_000)).map((s) => s.participantId)).toContain(p.id)
    const participant = (await findParticipantById(ctx.sql, p.id))!
    expect((await refreshContributionState(ctx.sql, participant, '2026-02-20', at('2026-02-20'))).status).toBe('menunggak')
    expect((await refreshContributionState(ctx.sql, participant, '2026-06-01', at('2026-06-01'))).status).toBe('nonaktif')
    const { rows } = await ctx.sql.query<{ status: string; since: string }>(`select status, to_char(status_since, 'YYYY-MM-DD') as since from participants where id = $1`, [p.id])
    expect(rows[0]).toEqual({ status: 'nonaktif', since: '2026-05-19' })
    expect((await statesDueForChange(ctx.sql, '2026-12-31', null, 10_000)).map((s) => s.participantId)).not.toContain(p.id)
    await balanced()
  })

  it('an unknown participant is refused; nothing moves', async () => {
    await expect(pay(ctx.sql, '01900000-0000-7000-8000-000000000000', '2026-05-04', { months: 1 })).rejects.toMatchObject({ code: 'not_found' })
    await balanced()
  })
}, { referenceData: true })
