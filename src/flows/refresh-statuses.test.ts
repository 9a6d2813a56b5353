import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { at, bill, ids, pay, registerBpu } from './contributions.test-support.js'
import { endParticipant } from './end-participant.js'
import { refreshStatuses, startStatusSchedule } from './refresh-statuses.js'

describeDb('the daily status job: time alone moves statuses', (ctx) => {
  const stored = async (id: string) =>
    (await ctx.sql.query<{ status: string; since: string; next: string | null; pstatus: string; psince: string }>(
      `select s.status, to_char(s.status_since, 'YYYY-MM-DD') as since, to_char(s.next_change_on, 'YYYY-MM-DD') as next,
              p.status as pstatus, to_char(p.status_since, 'YYYY-MM-DD') as psince
         from contribution_states s join participants p on p.id = s.participant_id where s.participant_id = $1`, [id])).rows[0]

  it('an unpaid BPU goes aktif → menunggak → nonaktif without any payment, and the lapsed spell is written off once', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 3 })
    for (const month of ['2026-04', '2026-05', '2026-06', '2026-07']) await bill(ctx.sql, month, `${month}-01`)
    expect(await stored(p.id)).toMatchObject({ status: 'aktif', next: '2026-04-16' })

    expect(await refreshStatuses(ctx.sql, { asOf: '2026-04-15' }, at('2026-04-15'), ids)).toMatchObject({ evaluated: 0, changed: 0 })
    const april = await refreshStatuses(ctx.sql, { asOf: '2026-04-16' }, at('2026-04-16'), ids)
    expect(april).toMatchObject({ evaluated: 1, changed: 1, byStatus: { menunggak: 1 }, writtenOffIdr: 0 })
    expect(await stored(p.id)).toEqual({ status: 'menunggak', since: '2026-04-16', next: '2026-07-16', pstatus: 'menunggak', psince: '2026-04-16' })
    expect(await refreshStatuses(ctx.sql, { asOf: '2026-07-15' }, at('2026-07-15'), ids)).toMatchObject({ evaluated: 0 })

    const july = await refreshStatuses(ctx.sql, { asOf: '2026-07-16' }, at('2026-07-16'), ids)
    const lapsed = await ctx.sql.query<{ total: number }>(
      `select sum(amount_idr)::int8 as total from dues where participant_id = $1 and month between '2026-04' and '2026-07'`, [p.id])
    expect(july).toMatchObject({ evaluated: 1, changed: 1, byStatus: { nonaktif: 1 }, writtenOffIdr: lapsed.rows[0]!.total })
    expect(july.writtenOffIdr).toBeGreaterThan(0)
    expect(await stored(p.id)).toEqual({ status: 'nonaktif', since: '2026-07-16', next: null, pstatus: 'nonaktif', psince: '2026-07-16' })
    const expense = (await accountBalance(ctx.sql, account.writeOff('JKK'))) + (await accountBalance(ctx.sql, account.writeOff('JKM')))
    expect(expense).toBe(july.writtenOffIdr)
    expect(await accountBalance(ctx.sql, account.receivable(p.id))).toBe(0)

    expect(await refreshStatuses(ctx.sql, { asOf: '2026-08-01' }, at('2026-08-01'), ids)).toMatchObject({ evaluated: 0, writtenOffIdr: 0 })
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('an ended membership stays berhenti: neither the daily job nor a later payment revives it', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 2 })
    await endParticipant(ctx.sql, { participantId: p.id, reason: 'stopped_working', month: '2026-02', actor: null, requestId: null }, at('2026-02-05'), ids)
    expect(await stored(p.id)).toEqual({ status: 'berhenti', since: '2026-02-28', next: null, pstatus: 'berhenti', psince: '2026-02-28' })
    expect(await refreshStatuses(ctx.sql, { asOf: '2026-03-16' }, at('2026-03-16'), ids)).toMatchObject({ evaluated: 0 })
    await expect(pay(ctx.sql, p.id, '2026-03-20', { months: 1 })).rejects.toThrow()
    expect(await stored(p.id)).toMatchObject({ status: 'berhenti', pstatus: 'berhenti', next: null })
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('a job that missed days dates each change exactly: from aktif straight to nonaktif since the lapse date', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 3 })
    for (const month of ['2026-04', '2026-05', '2026-06', '2026-07']) await bill(ctx.sql, month, `${month}-01`)
    const late = await refreshStatuses(ctx.sql, { asOf: '2026-08-03' }, at('2026-08-03'), ids)
    expect(late).toMatchObject({ evaluated: 1, changed: 1, byStatus: { nonaktif: 1 } })
    expect(late.writtenOffIdr).toBeGreaterThan(0)
    expect(await stored(p.id)).toMatchObject({ status: 'nonaktif', since: '2026-07-16', psince: '2026-07-16' })
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('runs on the job runner as a daily schedule', async () => {
    const p = await registerBpu(ctx.sql)
    await pay(ctx.sql, p.id, '2026-01-10', { months: 1 })
    const results: number[] = []
    const schedule = startStatusSchedule(ctx.sql, { now: () => at('2026-02-20'), newId: ids.newId, onDone: (r) => results.push(r.evaluated) })
    await schedule.runner.idle()
    await schedule.stop()
    expect(results).toEqual([1])
    expect(await stored(p.id)).toMatchObject({ status: 'menunggak', since: '2026-02-19' })
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })
}, { referenceData: true })
