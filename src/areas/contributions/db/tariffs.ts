import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { materialiseBpuTariff, type HolidayCalendar, type RegulationSet } from '../../programmes/domain/index.js'
import { contributionDueDate, dueKindOf } from '../domain/due-dates.js'

/** One row of contribution_tariffs: the engine's amount for month × segment × income base × sector × payer × programme. */
export interface TariffRow {
  month: Month
  segment: 'bpu'
  incomeBaseIdr: number
  sector: 'transport' | 'other'
  payer: string
  programme: 'JKK' | 'JKM' | 'JHT'
  level: number
  fromIdr: number
  toIdr: number | null
  factorppm: number
  amountIdr: number
  dueDate: string
}

/** The BPU tariff rows of the months given, per programme, straight from the engine (no rate lives here). */
export function bpuTariffRows(regs: RegulationSet, calendar: HolidayCalendar, months: readonly Month[]): TariffRow[] {
  const rows: TariffRow[] = []
  const dates = new Map<string, string>()
  const dueOn = (month: Month, programme: string): string => {
    const key = `${month}|${programme}`
    let d = dates.get(key)
    if (d === undefined) dates.set(key, (d = contributionDueDate(month, dueKindOf('bpu', programme), regs.due, calendar).date))
    return d
  }
  for (const r of materialiseBpuTariff(regs, months)) {
    const common = { month: r.month, segment: 'bpu' as const, incomeBaseIdr: r.baseIdr, sector: r.sector, payer: r.payer, level: r.level, fromIdr: r.fromIdr, toIdr: r.toIdr, factorppm: r.factorppm }
    rows.push({ ...common, programme: 'JKK', amountIdr: r.jkkIdr, dueDate: dueOn(r.month, 'JKK') })
    rows.push({ ...common, programme: 'JKM', amountIdr: r.jkmIdr, dueDate: dueOn(r.month, 'JKM') })
    rows.push({ ...common, programme: 'JHT', factorppm: 1_000_000, amountIdr: r.jhtIdr, dueDate: dueOn(r.month, 'JHT') })
  }
  return rows
}

/**
 * Writes the months' tariff rows (DESIGN.md §7 "Rules in SQL"). Rows already there stay: a rate is a period row, never
 * updated; a dated rule that arrives later is re-rating's business. One statement per call.
 */
export async function materialiseTariff(sql: Sql, regs: RegulationSet, calendar: HolidayCalendar, months: readonly Month[]): Promise<number> {
  const rows = bpuTariffRows(regs, calendar, months)
  if (rows.length === 0) return 0
  const col = <K extends keyof TariffRow>(k: K) => rows.map((r) => r[k])
  const { rowCount } = await sql.query(
    `insert into contribution_tariffs (month, segment, income_base_idr, sector, payer, programme, level, from_idr, to_idr, factorppm, amount_idr, due_date)
     select * from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bigint[], $9::bigint[], $10::int[], $11::bigint[], $12::date[])
     on conflict do nothing`,
    [col('month'), col('segment'), col('incomeBaseIdr'), col('sector'), col('payer'), col('programme'), col('level'), col('fromIdr'), col('toIdr'), col('factorppm'), col('amountIdr'), col('dueDate')],
  )
  // fresh statistics, or the planner guesses one tariff row and nests loops over enrolments
  if (rowCount > 0) await sql.query('analyze contribution_tariffs')
  return rowCount
}

/** The stored tariff of a month (tests compare it with the engine's quotes). */
export async function readTariff(sql: Sql, month: Month): Promise<TariffRow[]> {
  const { rows } = await sql.query<TariffRow>(
    `select month, segment, income_base_idr as "incomeBaseIdr", sector, payer, programme, level, from_idr as "fromIdr", to_idr as "toIdr",
            factorppm, amount_idr as "amountIdr", to_char(due_date, 'YYYY-MM-DD') as "dueDate"
     from contribution_tariffs where month = $1 order by segment, sector, payer, level, programme`,
    [month],
  )
  return rows
}
