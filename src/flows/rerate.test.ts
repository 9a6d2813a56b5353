import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { materialiseTariff } from '../areas/contributions/index.js'
import { account, accountBalance, trialBalance } from '../areas/ledger/index.js'
import { loadHolidayCalendar, parseRegulationSet, readRegulationFiles, type RegulationSet } from '../areas/programmes/index.js'
import { at, bill, ids, pay, registerBpu } from './contributions.test-support.js'
import { participantAccount } from './participant-account.js'
import { rerate } from './rerate.js'

/** The regulation set as it stood before PP 50/2025 was signed: no BPU discount in any month. */
function regulationsWithoutPp50(): RegulationSet {
  const files = structuredClone(readRegulationFiles()) as Record<string, { parameters: Record<string, { periods: Array<Record<string, unknown>> }> }>
  for (const name of ['pp50_2025_bpu_factor_ppm_transport', 'pp50_2025_bpu_factor_ppm_other']) {
    const parameter = files.relief!.parameters[name]!
    const normal = parameter.periods[0]!
    parameter.periods = [{ ...normal, to: null }]
  }
  return parseRegulationSet(files)
}

describeDb('re-rating when a dated rule arrives after billing (PP 50/2025)', (ctx) => {
  it('Jan–Mar 2026 billed and paid at 16,800 become 8,400 each with 25,200 held as credit; an open April due drops too; a second run changes nothing', async () => {
    const old = regulationsWithoutPp50()
    await materialiseTariff(ctx.sql, old, loadHolidayCalendar(), ['2026-01', '2026-02', '2026-03', '2026-04'])
    const p = await registerBpu(ctx.sql, '2025-12-20', { pekerjaan: 'ojek', penghasilan: '1000000' })
    await ctx.sql.query(`update enrolments set start_month = '2026-01' where participant_id = $1`, [p.id])
    for (const month of ['2026-01', '2026-02', '2026-03']) await bill(ctx.sql, month, `${month}-01`)
    const billed = await ctx.sql.query<{ month: string; total: number }>(`select month, sum(amount_idr)::int8 as total from dues where participant_id = $1 group by month order by month`, [p.id])
    expect(billed.rows).toEqual([{ month: '2026-01', total: 16_800 }, { month: '2026-02', total: 16_800 }, { month: '2026-03', total: 16_800 }])

    const paid = await pay(ctx.sql, p.id, '2026-01-10', { months: 3 })
    expect(paid).toMatchObject({ amountIdr: 50_400, months: ['2026-01', '2026-02', '2026-03'], creditIdr: 0 })
    await bill(ctx.sql, '2026-04', '2026-04-01')

    const first = await rerate(ctx.sql, { from: '2026-01', asOf: '2026-04-10' }, at('2026-04-10'), ids)
    expect(first).toMatchObject({ from: '2026-01', duesRerated: 8, paidDues: 6, openDues: 2, creditIdr: 25_200, deltaIdr: -4 * 8_400, participants: 1 })
    expect(first.tariffRows).toBeGreaterThan(0)
    const after = await ctx.sql.query<{ month: string; total: number }>(`select month, sum(amount_idr)::int8 as total from dues where participant_id = $1 group by month order by month`, [p.id])
    expect(after.rows.map((r) => r.total)).toEqual([8_400, 8_400, 8_400, 8_400])
    expect(await accountBalance(ctx.sql, account.participantCredit(p.id))).toBe(-25_200)
    expect(await accountBalance(ctx.sql, account.receivable(p.id))).toBe(0)
    const view = await participantAccount(ctx.sql, p.id, '2026-04-10')
    expect(view).toMatchObject({ status: 'aktif', paidThrough: '2026-03', creditIdr: 25_200 })

    const second = await rerate(ctx.sql, { from: '2026-01', asOf: '2026-04-10' }, at('2026-04-11'), ids)
    expect(second).toMatchObject({ tariffRows: 0, duesRerated: 0, creditIdr: 0, deltaIdr: 0 })
    expect(await accountBalance(ctx.sql, account.participantCredit(p.id))).toBe(-25_200)
    expect((await trialBalance(ctx.sql)).balanced).toBe(true)
  })

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(rerate(ctx.sql, { from: '2026-13' }, new Date(), ids)).rejects.toMatchObject({ code: 'invalid_month' })
  })
}, { referenceData: true })
