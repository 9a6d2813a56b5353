import { localDateAt, monthIndex, timeZoneOfRegion, type LocalDate } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { loadOccupationCatalogue, loadRegistrationRules, regencyCodeOf, type RegistrationContext } from '../areas/participants/index.js'
import { findIncomeLevel, loadRegulationSet, type RegulationSet } from '../areas/programmes/index.js'
import { listRegions, loadNikPrefixTable, type NikPrefixTable } from '../areas/regions/index.js'

type Tables = Omit<RegistrationContext, 'today'>

let cached: Tables | undefined

/**
 * The tables validateRegistration needs, read once per process: the NIK prefixes and Banuspa's regencies from
 * the regions area, the occupation catalogue and registration rules from reference/. A database without
 * reference data yet is not remembered, so the next call reads again.
 */
export async function registrationTables(sql: Sql): Promise<Tables> {
  if (cached) return cached
  const [nikPrefixes, regencies] = await Promise.all([loadNikPrefixTable(sql), listRegions(sql, { level: 'regency' })])
  const tables: Tables = {
    nikPrefixes: nikPrefixes as NikPrefixTable,
    banuspaRegencies: new Set(regencies.map((r) => r.code)),
    occupations: loadOccupationCatalogue(),
    rules: loadRegistrationRules(),
  }
  if (regencies.length > 0) cached = tables
  return tables
}

/** Today's local date where the person lives (WITA or WIT, DESIGN.md §7); WITA when the regency is not readable yet. */
export function registrationToday(now: Date, regencyInput: string | null | undefined): LocalDate {
  const code = regencyInput ? regencyCodeOf(regencyInput) : undefined
  return localDateAt(now, timeZoneOfRegion(code ?? '51'))
}

/** The BPU income-table base of a declared income in a month (regulations/bpu.yaml), or null outside the dated table. */
export function bpuIncomeBaseIdr(incomeIdr: number, month: string, regs: RegulationSet = loadRegulationSet()): number | null {
  const levels = regs.bpu.incomeLevels.period(monthIndex(month))?.value
  if (!levels || levels.length === 0) return null
  return levels[findIncomeLevel(levels, incomeIdr)]?.baseIdr ?? null
}
