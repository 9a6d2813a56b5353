import { closedMonths, coverageScope, informalByRegion, readCells, readRegionNames, readWorkforceFigures, type Workforce } from '../areas/coverage/index.js'
import type { Actor } from '../areas/access/index.js'
import { localDateAt } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { bringCoverageUpToDate } from './coverage-report.js'

export interface UncoveredRow {
  code: string
  name: string
  parentCode: string | null
  informalWorkers: Workforce
  terlindungiBpu: number
  uncoveredInformal: number | null
  lapsed: number
  neverPaid: number
  occupations: Array<{ code: string; terlindungi: number; nonaktif: number; terdaftar: number }>
}

/**
 * Issue 7 item 5: per regency, the estimated uncovered informal workers (informal workers − terlindungi BPU; the
 * informal count is the province's split × the regency's population share, so an estimate) and the people to call
 * first: nonaktif (lapsed) and terdaftar (never paid), with the same counts per occupation. The names behind these
 * counts are the worklists (`GET /api/v1/worklists/lapsed`, `never-paid`). No workforce split per occupation is
 * published, so occupations carry counts of people, not an uncovered estimate.
 */
export async function coverageUncovered(sql: Sql, query: { month?: Month; actor: Actor | null }, now: Date, ids: { newId(): string }): Promise<{ month: Month; rows: UncoveredRow[] }> {
  const month = query.month ?? localDateAt(now, 'Asia/Makassar').slice(0, 7)
  if (!isMonth(month)) throw new DomainError('invalid_month', `Bulan ${month} tidak valid (YYYY-MM).`, { field: 'month' })
  await bringCoverageUpToDate(sql, now, ids)
  const closed = (await closedMonths(sql)).includes(month)
  const [regions, figures, all, segments, occupations] = await Promise.all([
    readRegionNames(sql), readWorkforceFigures(sql), readCells(sql, month, 'all', closed), readCells(sql, month, 'segment', closed), readCells(sql, month, 'occupation', closed),
  ])
  const informal = informalByRegion(figures, regions)
  const regencies = regions.filter((r) => r.level === 'regency')
  const scope = query.actor ? coverageScope(query.actor, regencies.map((r) => r.code)) : 'all'
  const sum = (cells: typeof all, code: string, measures: readonly string[], value?: string) =>
    cells.filter((c) => c.regencyCode === code && measures.includes(c.measure) && (value === undefined || c.value === value)).reduce((s, c) => s + c.n, 0)
  const rows = regencies.filter((r) => scope === 'all' || scope.includes(r.code)).map((r): UncoveredRow => {
    const workers = informal.get(r.code) ?? { value: null, metric: 'informal_workers', period: null, source: 'tidak ditemukan', status: 'not_found' as const }
    const bpu = sum(segments, r.code, ['aktif', 'menunggak'], 'bpu')
    const codes = [...new Set(occupations.filter((c) => c.regencyCode === r.code).map((c) => c.value))].sort()
    return {
      code: r.code, name: r.name, parentCode: r.parentCode, informalWorkers: workers, terlindungiBpu: bpu,
      uncoveredInformal: workers.value === null ? null : Math.max(0, workers.value - bpu),
      lapsed: sum(all, r.code, ['nonaktif']), neverPaid: sum(all, r.code, ['terdaftar']),
      occupations: codes.map((code) => ({
        code, terlindungi: sum(occupations, r.code, ['aktif', 'menunggak'], code), nonaktif: sum(occupations, r.code, ['nonaktif'], code), terdaftar: sum(occupations, r.code, ['terdaftar'], code),
      })).filter((o) => o.terlindungi + o.nonaktif + o.terdaftar > 0),
    }
  })
  return { month, rows }
}
