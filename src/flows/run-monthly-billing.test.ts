import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { trialBalance } from '../areas/ledger/index.js'
import { billChunk, dueIdOf } from '../areas/contributions/index.js'
import { at, bill, pay, registerBpu } from './contributions.test-support.js'
import { currentMonth, runMonthlyBilling, startBillingSchedule } from './run-monthly-billing.js'

describeDb('monthly billing (issue 5 item 1)', (ctx) => {
  const duesOf = async (month: string) =>
    (await ctx.sql.query<{ participant_id: string; programme: string; payer: string; amount_idr: number; due_date: string }>(
      `select participant_id, programme, payer, amount_idr, to_char(due_date, 'YYYY-MM-DD') as due_date from dues where month = $1 order by participant_id, programme`, [month])).rows

  it('bills paying BPUs only (not terdaftar), pemda-paid without the PP 50/2025 discount (E13); twice changes nothing; resumes after a crash', async () => {
    const self = await registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' })
    const pemda = await registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' }, 'pemda')
    const waiting = await registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' })
    const more = await Promise.all([1, 2, 3].map(() => registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' })))
    await pay(ctx.sql, self.id, '2026-04-02', { months: 1 })
    for (const m of more) await pay(ctx.sql, m.id, '2026-04-02', { months: 1 })
    await ctx.sql.query(`update enrolments set start_month = '2026-05' where participant_id = $1`, [pemda.id]) // a pemda cohort's first due month

    const crashed = await runMonthlyBilling(ctx.sql, { month: '2026-05', chunkSize: 2, maxChunks: 1 }, at('2026-05-01'))
    expect(crashed.done).toBe(false)
    const resumed = await runMonthlyBilling(ctx.sql, { month: '2026-05', chunkSize: 2 }, at('2026-05-01'))
    expect(resumed.done).toBe(true)
    expect(resumed).toMatchObject({ month: '2026-05', enrolments: 5, dues: 10 })
    expect(crashed.newDues + resumed.newDues).toBe(10)
    const may = await duesOf('2026-05')
    expect(may.some((d) => d.participant_id === waiting.id)).toBe(false)
    expect(may.filter((d) => d.participant_id === pemda.id)).toEqual([
      { participant_id: pemda.id, programme: 'JKK', payer: 'pemda', amount_idr: 10_000, due_date: '2026-05-18' },
      { participant_id: pemda.id, programme: 'JKM', payer: 'pemda', amount_idr: 6_800, due_date: '2026-05-18' },
    ])
    expect(may.filter((d) => d.participant_id === self.id).reduce((t, d) => t + d.amount_idr, 0)).toBe(8_400)
    expect(resumed.billedIdr).toBe(16_800 + 4 * 8_400)

    const again = await bill(ctx.sql, '2026-05', '2026-05-02')
    expect(again).toMatchObject({ enrolments: 5, dues: 10, billedIdr: resumed.billedIdr, newDues: 0 })
    expect(await duesOf('2026-05')).toEqual(may)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('a payment for a month billing already created settles the billed dues (no second due)', async () => {
    const p = await registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' })
    await pay(ctx.sql, p.id, '2026-06-01', { months: 1 })
    await bill(ctx.sql, '2026-07', '2026-07-01')
    const paid = await pay(ctx.sql, p.id, '2026-07-03', { months: 1 })
    expect(paid.months).toEqual(['2026-07'])
    const { rows } = await ctx.sql.query<{ n: number; settled: number }>(
      `select count(*)::int8 as n, count(a.due_id)::int8 as settled from dues d left join payment_allocations a on a.due_id = d.id where d.participant_id = $1 and d.month = '2026-07'`, [p.id])
    expect(rows[0]).toEqual({ n: 2, settled: 2 })
    // billing (in SQL) and a payment (in TypeScript) name a due alike: md5 of its natural key
    const both = await ctx.sql.query<{ id: string; enrolment_id: string; month: string; programme: string; payer: string; origin: string }>(
      `select id, enrolment_id, month, programme, payer, origin from dues where participant_id = $1 order by month, programme`, [p.id])
    expect(new Set(both.rows.map((d) => d.origin))).toEqual(new Set(['payment', 'billing']))
    for (const d of both.rows) expect(d.id).toBe(dueIdOf(d.enrolment_id, d.month, d.programme, d.payer))
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('three workers on one-participant chunks bill each enrolment once; a chunk redone after a lost race (ON CONFLICT) adds nothing', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => registerBpu(ctx.sql, '2026-03-01', { penghasilan: '1000000' })))
    for (const p of people) await pay(ctx.sql, p.id, '2026-04-02', { months: 1 })
    const before = await duesOf('2026-09')
    const result = await runMonthlyBilling(ctx.sql, { month: '2026-09', chunkSize: 1, parallel: 3 }, at('2026-09-01'))
    expect(result.done).toBe(true)
    const mine = (await duesOf('2026-09')).filter((d) => people.some((p) => p.id === d.participant_id))
    expect(mine).toHaveLength(people.length * 2)
    expect(result.newDues).toBe((await duesOf('2026-09')).length - before.length)
    const { rows: run } = await ctx.sql.query<{ cursor: string | null; status: string }>(`select cursor, status from billing_runs where month = '2026-09'`)
    expect(run[0]?.status).toBe('done')
    // the retry of a chunk whose insert met a due created meanwhile: everything is there already, nothing moves
    const redone = await ctx.sql.transaction((tx) => billChunk(tx, '2026-09', null, null, at('2026-09-02'), { raced: true }))
    expect(redone).toEqual({ enrolments: 0, dues: 0, billedIdr: 0 })
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('the schedule bills the current month on start, once', async () => {
    const now = () => at('2026-08-01')
    const schedule = startBillingSchedule(ctx.sql, { now })
    await schedule.runner.idle()
    schedule.tick()
    await schedule.runner.idle()
    await schedule.stop()
    const { rows } = await ctx.sql.query<{ status: string }>(`select status from billing_runs where month = $1`, [currentMonth(now())])
    expect(rows).toEqual([{ status: 'done' }])
  })
}, { referenceData: true })
