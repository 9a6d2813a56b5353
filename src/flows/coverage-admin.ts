import { writeAudit, type Actor } from '../areas/access/index.js'
import { closeMonth, mayCloseMonths, mayWriteTargets, recountAndCompare, upsertTarget, type RecountDifference, type Target } from '../areas/coverage/index.js'
import { localDateAt } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { addMonths, isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { bringCoverageUpToDate } from './coverage-report.js'
import { auditActor } from './participant-guard.js'

interface Command {
  actor: Actor | null
  requestId: string | null
}

/**
 * `semesta report close --month YYYY-MM`: brings the rollups up to date, then freezes every measure of the month.
 * Only a month that has ended can close, and months close in order; a closed month never changes (later changes
 * dated in it are booked in the first open month).
 */
export async function closeCoverageMonth(sql: Sql, cmd: Command & { month: Month }, now: Date, ids: { newId(): string }): Promise<{ month: Month; closed: boolean; cells: number }> {
  if (cmd.actor && !mayCloseMonths(cmd.actor)) throw new DomainError('forbidden', 'Anda tidak berwenang menutup bulan laporan.', { action: 'coverage.write' })
  if (!isMonth(cmd.month)) throw new DomainError('invalid_month', `Bulan ${cmd.month} tidak valid (YYYY-MM).`, { field: 'month' })
  const today = localDateAt(now, 'Asia/Makassar')
  if (cmd.month >= today.slice(0, 7)) throw new DomainError('invalid_state', `Bulan ${cmd.month} belum berakhir; hanya bulan yang sudah lewat yang dapat ditutup.`, { field: 'month' })
  await bringCoverageUpToDate(sql, now, ids)
  return sql.transaction(async (tx) => {
    const r = await closeMonth(tx, cmd.month, now, cmd.actor?.userId ?? null)
    if (!r.closed && r.lastClosed !== null && cmd.month < r.lastClosed) {
      const { rows } = await tx.query<{ n: number }>(`select count(*)::int as n from coverage_closed_months where month = $1`, [cmd.month])
      if ((rows[0]?.n ?? 0) === 0) throw new DomainError('invalid_state', `Bulan ${cmd.month} tidak dapat ditutup: bulan ${r.lastClosed} sudah ditutup (tutup berurutan mulai ${addMonths(r.lastClosed, 1)}).`, { field: 'month' })
    }
    if (r.closed) {
      await writeAudit(tx, { actor: auditActor(cmd.actor), action: 'coverage.month_close', subjectType: 'coverage_month', subjectId: cmd.month, requestId: cmd.requestId, details: { cells: r.cells } })
    }
    return { month: cmd.month, closed: r.closed, cells: r.cells }
  })
}

/** `semesta report rebuild`: recount the stock from the registry and prove it equals the incremental rollups (repairing if not). */
export async function rebuildCoverage(sql: Sql, cmd: Command & { repair?: boolean }, now: Date, ids: { newId(): string }): Promise<{ cells: number; equal: boolean; differences: RecountDifference[] }> {
  if (cmd.actor && !mayCloseMonths(cmd.actor)) throw new DomainError('forbidden', 'Anda tidak berwenang membangun ulang laporan.', { action: 'coverage.write' })
  await bringCoverageUpToDate(sql, now, ids)
  return sql.transaction(async (tx) => {
    const r = await recountAndCompare(tx, { repair: cmd.repair ?? true })
    await writeAudit(tx, { actor: auditActor(cmd.actor), action: 'coverage.rebuild', subjectType: 'coverage', subjectId: null, requestId: cmd.requestId, details: { cells: r.cells, differences: r.differences.length } })
    return { cells: r.cells, equal: r.differences.length === 0, differences: r.differences }
  })
}

/** Parses a target as entered: `62.22%` (share of the workforce) or `1054194` (people). */
export function parseTargetValue(input: string): { kind: 'pct' | 'count'; value: number } {
  const text = input.trim().replace(',', '.')
  const pct = /^(\d{1,3}(?:\.\d{1,4})?)\s*%$/.exec(text)
  if (pct) {
    const ppm = Math.round(Number(pct[1]) * 10_000)
    if (ppm > 1_000_000) throw new DomainError('out_of_range', `Target ${input} melebihi 100%.`, { field: 'value' })
    return { kind: 'pct', value: ppm }
  }
  if (/^\d{1,9}$/.test(text)) return { kind: 'count', value: Number(text) }
  throw new DomainError('invalid_input', `Target "${input}" tidak dikenali: tulis persen (62,22%) atau jumlah orang (1054194).`, { field: 'value' })
}

/** `semesta target set` and `PUT /api/v1/coverage/targets/:region/:year`: one target, audited. */
export async function setCoverageTarget(sql: Sql, cmd: Command & { regionCode: string; year: number; value: string; source: string }, now: Date): Promise<Target> {
  const regionCode = /^\d{4}$/.test(cmd.regionCode) ? `${cmd.regionCode.slice(0, 2)}.${cmd.regionCode.slice(2)}` : cmd.regionCode
  if (cmd.actor && !mayWriteTargets(cmd.actor, regionCode)) throw new DomainError('forbidden', 'Anda tidak berwenang mengubah target wilayah ini.', { action: 'coverage.write' })
  if (!Number.isInteger(cmd.year) || cmd.year < 2000 || cmd.year > 2100) throw new DomainError('invalid_input', `Tahun ${cmd.year} tidak valid.`, { field: 'year' })
  if (cmd.source.trim() === '') throw new DomainError('missing_field', 'Sumber target wajib diisi (mis. Rakortekrenbang 2024).', { field: 'source' })
  const { rows } = await sql.query<{ code: string }>(`select code from regions where code = $1`, [regionCode])
  if (rows.length === 0) throw new DomainError('unknown_code', `Wilayah ${cmd.regionCode} tidak dikenal.`, { field: 'region' })
  const target: Target = { regionCode, year: cmd.year, ...parseTargetValue(cmd.value), source: cmd.source.trim() }
  await sql.transaction(async (tx) => {
    await upsertTarget(tx, target, localDateAt(now, 'Asia/Makassar'), cmd.actor?.userId ?? null, now)
    await writeAudit(tx, { actor: auditActor(cmd.actor), action: 'coverage.target_set', subjectType: 'coverage_target', subjectId: `${regionCode}/${cmd.year}`, requestId: cmd.requestId, details: { kind: target.kind, value: target.value } })
  })
  return target
}
