import type { CoverageRow, Workforce } from './types'

/** terlindungi ÷ workforce as a share (0…1), unrounded (the API's coveragePct has two decimals), or null without a denominator. */
export function shareOf(row: Pick<CoverageRow, 'terlindungi' | 'workforce'>): number | null {
  const w = row.workforce.value
  return w === null || w <= 0 ? null : row.terlindungi / w
}

/**
 * Class breaks for the map: nobody covered is class 0; the positive shares are split into `classes` − 1 quantile
 * classes (ascending thresholds, the first one the smallest positive share), so small demo shares still spread.
 */
export function classBreaks(values: readonly (number | null)[], classes = 5): number[] {
  const positive = values.filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b)
  if (positive.length === 0) return []
  const breaks: number[] = []
  for (let i = 0; i < classes - 1; i++) {
    const v = positive[Math.min(positive.length - 1, Math.floor((i * positive.length) / (classes - 1)))] as number
    if (!breaks.includes(v)) breaks.push(v)
  }
  return breaks
}

/** Coverage in percent for people: two decimals, `< 0,01%` when someone is covered but the share rounds to zero. */
export function percentText(share: number | null, language: string): string {
  if (share === null) return '—'
  const pct = share * 100
  const nf = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 2 })
  return pct > 0 && pct < 0.01 ? `< ${nf.format(0.01)}%` : `${nf.format(pct)}%`
}

/** The class (0 = lowest) of a share against the breaks; null stays null (no denominator). */
export function classOf(value: number | null, breaks: readonly number[]): number | null {
  if (value === null) return null
  let k = 0
  while (k < breaks.length && value >= (breaks[k] as number)) k++
  return k
}

/** A map legend's share in percent with two significant digits, so tiny shares stay distinct: `0,0012%`. */
export function legendPercent(share: number, language: string): string {
  const nf = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID', share * 100 >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 })
  return `${nf.format(share * 100)}%`
}

const COUNTS = ['registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'terlindungi', 'new', 'lapsed', 'reactivated'] as const

/** The weakest status among denominators summed: one derived or missing figure makes the sum derived. */
function sumStatus(items: readonly Workforce[]): Workforce['status'] {
  if (items.every((w) => w.status === 'reported')) return 'reported'
  return items.some((w) => w.value !== null) ? 'derived' : 'not_found'
}

/**
 * Banuspa as the sum of its provinces. The denominator sums the provinces that have one (marked derived when any
 * is derived or missing); target and gap sum where known; the projected month is the latest of the provinces'.
 */
export function banuspaTotal(rows: readonly CoverageRow[], name: string): CoverageRow {
  const total = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<(typeof COUNTS)[number], number>
  const withWorkforce = rows.filter((r) => r.workforce.value !== null)
  const workforceValue = withWorkforce.length ? withWorkforce.reduce((n, r) => n + (r.workforce.value ?? 0), 0) : null
  const coveredWhereKnown = withWorkforce.reduce((n, r) => n + r.terlindungi, 0)
  const sumOrNull = (k: 'target' | 'gap' | 'neededPerMonth') => (rows.some((r) => r[k] !== null) ? rows.reduce((n, r) => n + (r[k] ?? 0), 0) : null)
  const projected = rows.map((r) => r.projectedMonth).filter((m): m is string => m !== null).sort().at(-1) ?? null
  return {
    code: 'banuspa', name, level: 'province', parentCode: null, ...total,
    workforce: { value: workforceValue, metric: 'working_population', period: null, source: 'Σ provinsi', status: sumStatus(rows.map((r) => r.workforce)) },
    coveragePct: workforceValue ? Math.round((coveredWhereKnown * 10_000) / workforceValue) / 100 : null,
    target: sumOrNull('target'), gap: sumOrNull('gap'), neededPerMonth: sumOrNull('neededPerMonth'), projectedMonth: projected,
  }
}

/** Rows of a breakdown (`by`) summed per group, for the regions given (all when `codes` is null). */
export function groupTotals(rows: readonly CoverageRow[], codes: readonly string[] | null): Array<{ group: string; terlindungi: number; aktif: number; registered: number }> {
  const byGroup = new Map<string, { group: string; terlindungi: number; aktif: number; registered: number }>()
  for (const r of rows) {
    if (codes && !codes.includes(r.code)) continue
    const g = r.group ?? ''
    const acc = byGroup.get(g) ?? { group: g, terlindungi: 0, aktif: 0, registered: 0 }
    acc.terlindungi += r.terlindungi
    acc.aktif += r.aktif
    acc.registered += r.registered
    byGroup.set(g, acc)
  }
  return [...byGroup.values()].sort((a, b) => b.terlindungi - a.terlindungi || b.registered - a.registered)
}

/** `YYYY-MM` of the `count` months ending at `month`, oldest first. */
export function monthsEndingAt(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const out: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return out
}
