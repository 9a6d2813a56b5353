import { monthFromIndex } from '../../../kernel/month.js'
import { dayNumber, lastDayOfMonthNumber, monthNumber } from './day-numbers.js'
import { lapseRunMonths } from './lapse-rule.js'
import type { AccountInput } from './types.js'

export const NO_DUE = 0
export const BILLED = 1
export const SCHEDULED = 2

/**
 * A participant's months as parallel arrays (index k = month index − `first`), seen from a cutoff day: payments after
 * it have not happened. Built once per evaluation; every later question is integer comparisons.
 */
export interface Timeline {
  readonly first: number
  readonly n: number
  readonly kind: Uint8Array
  /** Earliest due day of the month (days since 1970-01-01). */
  readonly dueDay: Float64Array
  /** Day the month was fully paid, Infinity when some due is still open at the cutoff. */
  readonly paidDay: Float64Array
  readonly paidIdr: Float64Array
  readonly openIdr: Float64Array
  /** Open dues already written off in storage. */
  readonly storedWriteOffIdr: Float64Array
  /** k of the enrolment's first due month, or -1 (a BPU: the first payment decides). */
  readonly firstDueK: number
  /** Last k that accrues (the ending month, or the horizon). */
  readonly lastK: number
  readonly endDay: number
  readonly cutoffDay: number
}

/** Months from the first due month (or first billed month) to a horizon far enough to see the next lapse. */
export function buildTimeline(input: AccountInput, cutoffDay: number, asOfMonth: number): Timeline {
  const dues = input.dues
  let lo = input.firstDueMonth ? monthNumber(input.firstDueMonth) : Infinity
  let hiBilled = -Infinity
  const monthOf = new Float64Array(dues.length)
  for (let i = 0; i < dues.length; i++) {
    const m = monthNumber((dues[i] as AccountInput['dues'][number]).month)
    monthOf[i] = m
    if (m < lo) lo = m
    if (m > hiBilled) hiBilled = m
  }
  const endMonth = input.end ? monthNumber(input.end.month) : Infinity
  const endDay = input.end ? (input.end.on ? dayNumber(input.end.on) : lastDayOfMonthNumber(endMonth) + 1) : Infinity
  if (lo === Infinity) return emptyTimeline(cutoffDay, endDay)
  const horizon = Math.min(Math.max(hiBilled, asOfMonth) + lapseRunMonths(input.lapse) + 1, endMonth)
  const n = Math.max(horizon - lo + 1, 0)
  const t: Timeline = {
    first: lo, n, kind: new Uint8Array(n), dueDay: new Float64Array(n).fill(Infinity), paidDay: new Float64Array(n).fill(-Infinity),
    paidIdr: new Float64Array(n), openIdr: new Float64Array(n), storedWriteOffIdr: new Float64Array(n),
    firstDueK: input.firstDueMonth ? monthNumber(input.firstDueMonth) - lo : -1, lastK: n - 1, endDay, cutoffDay,
  }
  for (let i = 0; i < dues.length; i++) {
    const k = (monthOf[i] as number) - lo
    if (k >= n) continue
    addDue(t, k, dues[i] as AccountInput['dues'][number], cutoffDay)
  }
  if (input.schedule) fillScheduled(t, input.schedule)
  return t
}

function addDue(t: Timeline, k: number, due: AccountInput['dues'][number], cutoffDay: number): void {
  t.kind[k] = BILLED
  const d = dayNumber(due.dueDate)
  if (d < (t.dueDay[k] as number)) t.dueDay[k] = d
  const paid = due.paidOn === null ? Infinity : dayNumber(due.paidOn)
  if (paid <= cutoffDay) {
    t.paidIdr[k] = (t.paidIdr[k] as number) + due.amountIdr
    if (paid > (t.paidDay[k] as number)) t.paidDay[k] = paid
  } else {
    t.paidDay[k] = Infinity
    if (due.writtenOff) t.storedWriteOffIdr[k] = (t.storedWriteOffIdr[k] as number) + due.amountIdr
    else t.openIdr[k] = (t.openIdr[k] as number) + due.amountIdr
  }
}

function fillScheduled(t: Timeline, schedule: NonNullable<AccountInput['schedule']>): void {
  for (let k = 0; k < t.n; k++) {
    if (t.kind[k] !== NO_DUE) continue
    const month = monthFromIndex(t.first + k)
    t.kind[k] = SCHEDULED
    t.dueDay[k] = dayNumber(schedule.dueDate(month))
    t.paidDay[k] = Infinity
    t.openIdr[k] = schedule.amountIdr(month)
  }
}

function emptyTimeline(cutoffDay: number, endDay: number): Timeline {
  const none = new Float64Array(0)
  return {
    first: 0, n: 0, kind: new Uint8Array(0), dueDay: none, paidDay: none, paidIdr: none, openIdr: none, storedWriteOffIdr: none,
    firstDueK: -1, lastK: -1, endDay, cutoffDay,
  }
}
