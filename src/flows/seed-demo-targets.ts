import { localDateAt } from '../kernel/dates.js'
import type { Sql } from '../platform/db/sql.js'
import { listTargets } from '../areas/coverage/index.js'
import { listRegions } from '../areas/regions/index.js'
import { setCoverageTarget } from './coverage-admin.js'
import { coverageTarget } from './pemda-scorecard.js'

/**
 * The demo's coverage targets for the current year, so the dashboard can say how far each province is from its target
 * and what it takes per month (docs/coverage.md). Each province with a published UCJ target (reference/banuspa-facts.csv:
 * NTB 62,22%, NTT 64,82%, Papua Tengah 61,25%, all for 2025) gets its latest one for this year, its source saying it
 * is an earlier year's target used for the demo; a province without one (Bali) gets none. A target already set is
 * never changed. Only `semesta start` outside production calls this (never a real deployment).
 */
export async function ensureDemoTargets(sql: Sql, now: Date): Promise<number> {
  const year = Number(localDateAt(now, 'Asia/Makassar').slice(0, 4))
  const existing = new Set((await listTargets(sql, year)).map((t) => t.regionCode))
  let set = 0
  for (const province of await listRegions(sql, { level: 'province' })) {
    if (existing.has(province.code)) continue
    const published = coverageTarget(province.code, year)
    if (!published) continue
    const source = `${published.source} (target ${published.period}${published.period.startsWith(String(year)) ? '' : `, dipakai sebagai target demo ${year}`})`
    await setCoverageTarget(sql, { regionCode: province.code, year, value: `${published.value}%`, source, actor: null, requestId: null }, now)
    set++
  }
  return set
}
