import { addMonths, monthIndex, type Month } from '../../../kernel/month.js'

/**
 * Targets and pacing (issue 7 item 2), pure. A target is a share of the workforce (ppm) or a head count for a region
 * and year. gap = target people − terlindungi (never below 0); needed per month = gap ÷ the months left in the
 * target year after `month`; pace = the net change of terlindungi per month averaged over the last 3 closed months
 * (linear); the projected month is when the gap closes at that pace, or null ("tidak tahun ini") when not in the year.
 */
export interface Target {
  regionCode: string
  year: number
  kind: 'pct' | 'count'
  /** kind pct: ppm of the workforce; kind count: people. */
  value: number
  source: string
}

export interface Pacing {
  target: number | null
  gap: number | null
  neededPerMonth: number | null
  /** Net change of terlindungi per month over the last closed months (null when fewer than 2 points are known). */
  pace: number | null
  projectedMonth: Month | null
}

/** The target in people: a share of the workforce (rounded half up) or the count itself. */
export function targetPeople(target: Target | undefined, workforce: number | null): number | null {
  if (!target) return null
  if (target.kind === 'count') return target.value
  if (workforce === null) return null
  return Math.floor((workforce * target.value + 500_000) / 1_000_000)
}

/** Months left in `year` after `month` (0 in December; the whole year when `month` is before it). */
export function monthsLeft(month: Month, year: number): number {
  return Math.max(0, Math.min(12, monthIndex(`${year}-12`) - monthIndex(month)))
}

/**
 * Pace from terlindungi at month ends: `points` are (month, terlindungi) of the last closed month and the three
 * before it, oldest first; the pace is (last − first) ÷ months between them.
 */
export function paceOf(points: ReadonlyArray<{ month: Month; terlindungi: number }>): number | null {
  if (points.length < 2) return null
  const first = points[0]!
  const last = points[points.length - 1]!
  const months = monthIndex(last.month) - monthIndex(first.month)
  return months > 0 ? (last.terlindungi - first.terlindungi) / months : null
}

export function pacing(input: { month: Month; year: number; terlindungi: number; targetPeople: number | null; pace: number | null }): Pacing {
  const { month, year, terlindungi, pace } = input
  const target = input.targetPeople
  if (target === null) return { target: null, gap: null, neededPerMonth: null, pace, projectedMonth: null }
  const gap = Math.max(0, target - terlindungi)
  const left = monthsLeft(month, year)
  const neededPerMonth = gap === 0 ? 0 : left === 0 ? null : Math.ceil(gap / left)
  let projectedMonth: Month | null = null
  if (gap === 0) projectedMonth = month
  else if (pace !== null && pace > 0) {
    const reached = addMonths(month, Math.ceil(gap / pace))
    projectedMonth = Number(reached.slice(0, 4)) <= year ? reached : null
  }
  return { target, gap, neededPerMonth, pace, projectedMonth }
}
