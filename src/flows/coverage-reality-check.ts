import { realityCheck, type RealityLine } from '../areas/coverage/index.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { coverageReport } from './coverage-report.js'

/** `semesta report reality-check`: the demo against the published Banuspa figures (issue 7 item 6). */
export async function coverageRealityCheck(sql: Sql, query: { month?: Month }, now: Date, ids: { newId(): string }): Promise<{ month: Month; scale: number; ok: boolean; lines: RealityLine[] }> {
  const report = await coverageReport(sql, { ...(query.month ? { month: query.month } : {}), level: 'province', by: 'segment', actor: null }, now, ids)
  const bySegment = new Map<string, Record<string, number>>()
  for (const row of report.rows) {
    const seg = bySegment.get(row.code) ?? {}
    seg[row.group ?? ''] = row.terlindungi
    bySegment.set(row.code, seg)
  }
  const { scale, lines } = realityCheck(bySegment)
  return { month: report.month, scale, ok: lines.every((l) => l.ok), lines }
}
