import {
  buildReport, coverageScope, foldCoverage, probeCoverage, type RegionName, type Workforce, informalByRegion, listTargets, paceOf, protectedAt, readCells, readRegionNames,
  readWorkforceFigures, workforceByRegion, type Breakdown, type CoverageReport,
} from '../areas/coverage/index.js'
import type { Actor } from '../areas/access/index.js'
import { localDateAt, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { addMonths, isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { refreshStatuses } from './refresh-statuses.js'

export interface CoverageQuery {
  month?: Month
  level?: 'province' | 'regency'
  by?: Breakdown
  /** The caller (scope of the rows); null = the whole of Banuspa (an operator's CLI). */
  actor: Actor | null
}

/**
 * Brings the rollups up to date before a report (issue 7 item 4: correct whether or not the server and its jobs
 * have run): the daily status job for any participant whose next change date has come by today, then the fold of
 * every committed delta. Both are no-ops (two index probes) when nothing is pending.
 */
export async function bringCoverageUpToDate(sql: Sql, now: Date, ids: { newId(): string }): Promise<{ refreshed: number; folded: number; closed: Month[] }> {
  const today = localDateAt(now, 'Asia/Makassar')
  const probe = await probeCoverage(sql, today)
  const refreshed = probe.statusesDue ? (await refreshStatuses(sql, { asOf: today }, now, ids)).evaluated : 0
  const folded = probe.statusesDue || probe.deltasPending ? await foldCoverage(sql) : 0
  return { refreshed, folded, closed: probe.closed }
}

/** Regions and workforce figures change only when reference data is reloaded: kept a minute per database handle. */
interface Reference {
  regions: RegionName[]
  workforce: Map<string, Workforce>
  informal: Map<string, Workforce>
}

const referenceCache = new WeakMap<Sql, { at: number; value: Promise<Reference> }>()
const REFERENCE_TTL_MS = 60_000

function referenceOf(sql: Sql): Promise<Reference> {
  const hit = referenceCache.get(sql)
  if (hit && Date.now() - hit.at < REFERENCE_TTL_MS) return hit.value
  const value = Promise.all([readRegionNames(sql), readWorkforceFigures(sql)]).then(([regions, figures]) => ({
    regions, workforce: workforceByRegion(figures, regions), informal: informalByRegion(figures, regions),
  }))
  value.catch(() => referenceCache.delete(sql))
  referenceCache.set(sql, { at: Date.now(), value })
  return value
}

/** `GET /api/v1/coverage` and `semesta report coverage`: one month's measures per province or regency. */
export async function coverageReport(sql: Sql, query: CoverageQuery, now: Date, ids: { newId(): string }): Promise<CoverageReport> {
  const today: LocalDate = localDateAt(now, 'Asia/Makassar')
  const month = query.month ?? today.slice(0, 7)
  if (!isMonth(month)) throw new DomainError('invalid_month', `Bulan ${month} tidak valid (YYYY-MM).`, { field: 'month' })
  const closed = new Set((await bringCoverageUpToDate(sql, now, ids)).closed)
  const by = query.by
  const [{ regions, workforce, informal }, targets, cells] = await Promise.all([
    referenceOf(sql), listTargets(sql, Number(month.slice(0, 4))), readCells(sql, month, by ?? 'all', closed.has(month)),
  ])
  const regencies = regions.filter((r) => r.level === 'regency').map((r) => r.code)
  const scope = query.actor ? coverageScope(query.actor, regencies) : 'all'
  const pace = by ? new Map<string, number | null>() : await paceByRegion(sql, month, closed, regions)
  return buildReport({
    month, closed: closed.has(month), level: query.level ?? 'province', ...(by ? { by } : {}), regions, scope, cells,
    workforce, informal, targets, pace,
  })
}

/** Pace per region: terlindungi at the last closed month ≤ `month` and the 3 months before it (linear). */
async function paceByRegion(sql: Sql, month: Month, closed: ReadonlySet<Month>, regions: ReadonlyArray<{ code: string; parentCode: string | null }>): Promise<Map<string, number | null>> {
  const last = [...closed].filter((m) => m <= month).sort().at(-1)
  const out = new Map<string, number | null>()
  if (last === undefined) return out
  const months = [addMonths(last, -3), addMonths(last, -2), addMonths(last, -1), last]
  const values = await protectedAt(sql, months, closed)
  for (const region of regions) {
    const points = months.map((m) => {
      const per = values.get(m)!
      const n = region.parentCode === null
        ? [...per.entries()].filter(([code]) => code.startsWith(`${region.code}.`)).reduce((s, [, v]) => s + v, 0)
        : (per.get(region.code) ?? 0)
      return { month: m, terlindungi: n }
    })
    out.set(region.code, paceOf(points))
  }
  return out
}

/**
 * `semesta start` folds the coverage deltas every `intervalMs` (default 500 ms), so the rollup tables themselves are
 * current within a second even when nobody reads them (a read folds too). One fold at a time; errors reported.
 */
export function startCoverageFold(sql: Sql, options: { intervalMs?: number; onError?: (e: unknown) => void } = {}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    running = foldCoverage(sql).catch((e: unknown) => options.onError?.(e)).finally(() => (busy = false))
  }, options.intervalMs ?? 500)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
