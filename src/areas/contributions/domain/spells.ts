import type { StatusRule } from '../../participants/domain/categories.js'
import { NO_DUE, type Timeline } from './timeline.js'
import type { Status } from './types.js'

/**
 * A spell of membership: from the payment that started it (the first payment, or the first after a lapse) to its
 * lapse. A lapse writes off the spell's open months; months after it do not accrue until a payment starts a new spell
 * at its own month.
 */
export interface Spell {
  readonly startDay: number
  readonly startK: number
  /** Last month of the spell: the month whose deadline made it lapse, else the timeline's last month. */
  readonly endK: number
  /** Day the participant became `nonaktif` if nothing after the cutoff is paid; Infinity when it never lapses. */
  readonly lapseDay: number
}

/** Spells as seen from the timeline's cutoff, including a lapse still to come if nothing more is paid. */
export function findSpells(t: Timeline, rule: StatusRule, runMonths: number): Spell[] {
  const spells: Spell[] = []
  let from = 0
  let minDay = -Infinity
  while (from <= t.lastK) {
    let startDay = Infinity
    let startK = -1
    for (let k = from; k <= t.lastK; k++) {
      const p = t.paidDay[k] as number
      if (t.kind[k] !== NO_DUE && p >= minDay && p < startDay) {
        startDay = p
        startK = k
      }
    }
    if (startK < 0) break
    if (spells.length === 0 && t.firstDueK >= 0 && t.firstDueK < startK) startK = t.firstDueK
    if (rule !== 'bpu_lapse') {
      spells.push({ startDay, startK, endK: t.lastK, lapseDay: Infinity })
      break
    }
    const lapse = findLapse(t, startK, startDay, runMonths)
    spells.push({ startDay, startK, endK: lapse.k < 0 ? t.lastK : lapse.k, lapseDay: lapse.day })
    if (lapse.k < 0) break
    from = lapse.k + 1
    minDay = lapse.day
  }
  return spells
}

/**
 * The earliest day on which `runMonths` consecutive months of the spell were all past due and unpaid. A month is past
 * due from the day after its deadline (never before the spell's first payment) until the day it is paid.
 */
function findLapse(t: Timeline, startK: number, startDay: number, runMonths: number): { k: number; day: number } {
  let bestDay = Infinity
  let bestK = -1
  for (let j = startK + runMonths - 1; j <= t.lastK; j++) {
    let overdueFrom = startDay
    let paidFirst = Infinity
    let ok = true
    for (let i = j - runMonths + 1; i <= j; i++) {
      if (t.kind[i] === NO_DUE) {
        ok = false
        break
      }
      const s = (t.dueDay[i] as number) + 1
      if (s > overdueFrom) overdueFrom = s
      const p = t.paidDay[i] as number
      if (p < paidFirst) paidFirst = p
    }
    if (ok && paidFirst > overdueFrom && overdueFrom < bestDay) {
      bestDay = overdueFrom
      bestK = j
    }
  }
  return { k: bestK, day: bestDay }
}

/** The spell in force on a day (the last one started on or before it), or undefined before the first payment. */
export function spellAt(spells: readonly Spell[], day: number): Spell | undefined {
  let found: Spell | undefined
  for (const s of spells) if (s.startDay <= day) found = s
  return found
}

/** Months of a spell past due and unpaid on a day. */
export function overdueMonthsAt(t: Timeline, spell: Spell, day: number): number {
  let count = 0
  for (let k = spell.startK; k <= spell.endK; k++) {
    if (t.kind[k] !== NO_DUE && (t.dueDay[k] as number) < day && (t.paidDay[k] as number) > day) count++
  }
  return count
}

/** The status on a day, given what was paid by the timeline's cutoff (a day after it = "if nothing more is paid"). */
export function statusAt(t: Timeline, spells: readonly Spell[], rule: StatusRule, day: number): Status {
  if (day >= t.endDay) return 'berhenti'
  const spell = spellAt(spells, day)
  if (spell === undefined) return 'terdaftar'
  if (spell.lapseDay <= day) return 'nonaktif'
  if (rule !== 'bpu_lapse') return 'aktif'
  return overdueMonthsAt(t, spell, day) > 0 ? 'menunggak' : 'aktif'
}
