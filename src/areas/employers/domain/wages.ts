import { DomainError } from '../../../kernel/errors.js'
import { isMonth, type Month } from '../../../kernel/month.js'

/** The most a monthly wage may be: a guard against typos (a NIK in the wage column), not a regulation. */
export const MAX_WAGE_IDR = 10_000_000_000

/** PP 44/2015 Pasal 19: the wage basis is a monthly amount in whole rupiah, more than zero. */
export function checkWageIdr(value: unknown, field = 'wageIdr'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('invalid_input', 'Upah harus rupiah bulat (tanpa sen).', { field })
  }
  if (value <= 0 || value > MAX_WAGE_IDR) throw new DomainError('out_of_range', 'Upah harus lebih dari Rp0 dan wajar untuk sebulan.', { field })
  return value
}

export function checkMonth(value: string, field = 'month'): Month {
  if (!isMonth(value)) throw new DomainError('invalid_month', `Bulan "${value}" tidak valid: tulis YYYY-MM, mis. 2026-03.`, { field })
  return value
}

/** One dated wage row as stored: revision 0 is the month's first amount, later revisions correct it. */
export interface WageRow {
  effectiveMonth: Month
  revision: number
  wageIdr: number
}

/**
 * The wage in force in a month: the latest row whose month is at or before it (a wage stays until it changes),
 * and within that month the highest revision (the last correction). Undefined before the first reported month.
 */
export function effectiveWage<Row extends WageRow>(rows: readonly Row[], month: Month): Row | undefined {
  let best: Row | undefined
  for (const row of rows) {
    if (row.effectiveMonth > month) continue
    if (!best || row.effectiveMonth > best.effectiveMonth || (row.effectiveMonth === best.effectiveMonth && row.revision > best.revision)) best = row
  }
  return best
}

export type WageDecision = { kind: 'new'; revision: 0 } | { kind: 'same' } | { kind: 'correction'; revision: number }

/**
 * What a reported amount for a month does, given the month's latest revision: nothing when it repeats it (a
 * re-imported report), a correction row (next revision) when it differs, the first row when there is none.
 */
export function decideWageRow(latest: Pick<WageRow, 'revision' | 'wageIdr'> | undefined, wageIdr: number): WageDecision {
  if (!latest) return { kind: 'new', revision: 0 }
  if (latest.wageIdr === wageIdr) return { kind: 'same' }
  return { kind: 'correction', revision: latest.revision + 1 }
}
