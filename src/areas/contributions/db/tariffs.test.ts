import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { monthIndex } from '../../../kernel/month.js'
import { loadHolidayCalendar, loadRegulationSet, newBpuAmounts, parseQuoteInput, quote, quoteBpuMonthly } from '../../programmes/index.js'
import { materialiseTariff, readTariff } from './tariffs.js'

const regs = loadRegulationSet()
const calendar = loadHolidayCalendar()

describeDb('contribution_tariffs (DESIGN.md §7 "Rules in SQL")', (ctx) => {
  it('equals the engine\'s quotes for every row of a month, and materialising twice changes nothing', async () => {
    const month = '2026-03'
    const written = await materialiseTariff(ctx.sql, regs, calendar, [month])
    expect(await materialiseTariff(ctx.sql, regs, calendar, [month])).toBe(0)
    const rows = await readTariff(ctx.sql, month)
    expect(rows).toHaveLength(written)
    expect(rows.length).toBeGreaterThan(0)
    const out = newBpuAmounts()
    for (const r of rows) {
      const incomeIdr = Math.max(r.fromIdr, regs.bpu.minimumIncome.value(monthIndex(month)))
      const fast = quoteBpuMonthly(regs, monthIndex(month), incomeIdr, true, r.sector, r.payer as 'self', out)
      const full = quote(parseQuoteInput({ segment: 'bpu', month, income: incomeIdr, sector: r.sector, payer: r.payer, programmes: 'jkk,jkm,jht' }), regs, calendar)
      const programme = r.programme.toLowerCase()
      const line = full.lines.find((l) => l.programme === programme)
      expect({ base: r.incomeBaseIdr, amount: r.amountIdr, due: r.dueDate }).toEqual({ base: fast.baseIdr, amount: line?.amountIdr, due: full.dueDates[programme] })
    }
  })
})
