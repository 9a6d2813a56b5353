import type { LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { monthFromIndex } from '../../../kernel/month.js'
import { benefitConsequence } from './benefit-consequence.js'
import { dateOfDayNumber, dayNumber, monthNumberOfDate } from './day-numbers.js'
import { lapseRunMonths } from './lapse-rule.js'
import { protectionStatus } from './protection-status.js'
import { findSpells, spellAt, statusAt, type Spell } from './spells.js'
import { buildTimeline, NO_DUE, type Timeline } from './timeline.js'
import type { AccountInput, ArrearsMonth, ContributionStatus, Status, StatusChange } from './types.js'

/** A participant's months and spells seen at an as-of day: payments after it have not happened. */
export interface Evaluation {
  readonly input: AccountInput
  readonly asOf: LocalDate
  readonly day: number
  readonly t: Timeline
  readonly spells: readonly Spell[]
  readonly status: Status
}

export function evaluate(input: AccountInput, asOf: LocalDate): Evaluation {
  if (input.rule === 'protection_period') throw new DomainError('invalid_state', 'protection-period participants have no monthly dues', { field: 'rule' })
  const day = dayNumber(asOf)
  const t = buildTimeline(input, day, monthNumberOfDate(asOf))
  const spells = findSpells(t, input.rule, lapseRunMonths(input.lapse))
  return { input, asOf, day, t, spells, status: statusAt(t, spells, input.rule, day) }
}

/**
 * Status at the as-of date (DESIGN.md §7 "Membership and status"), with the paid-through month, the arrears a
 * payment must settle first, the write-offs, the benefit consequence and the next change if nothing is paid.
 */
export function contributionStatus(input: AccountInput, asOf: LocalDate): ContributionStatus {
  if (input.rule === 'protection_period') return protectionStatus(input, asOf)
  return statusOf(evaluate(input, asOf))
}

export function statusOf(e: Evaluation): ContributionStatus {
  const { t, day, status, input, asOf } = e
  const current = spellAt(e.spells, day)
  const arrears: ArrearsMonth[] = []
  let arrearsIdr = 0
  let lastArrearsK = -1
  if (current && current.lapseDay > day) {
    for (let k = current.startK; k <= current.endK; k++) {
      if (t.kind[k] === NO_DUE || !((t.dueDay[k] as number) < day && (t.paidDay[k] as number) > day)) continue
      lastArrearsK = k
      const openIdr = t.openIdr[k] as number
      if (openIdr === 0) continue
      arrears.push({ month: monthFromIndex(t.first + k), openIdr })
      arrearsIdr += openIdr
    }
  }
  const paidThroughK = current ? paidThroughOf(t, current, day) : -1
  return {
    status,
    asOf,
    paidThrough: paidThroughK < 0 ? null : monthFromIndex(t.first + paidThroughK),
    arrearsIdr,
    arrears,
    nextPayableMonth: nextPayableMonth(e, current, Math.max(lastArrearsK, paidThroughK)),
    writtenOff: writtenOffAt(e),
    benefit: benefitConsequence(input.rule, status, arrears.length, input.lapse),
    nextChange: nextChange(e),
  }
}

/** Last month of the paid run from the spell's first month (months without a due do not break it). */
export function paidThroughOf(t: Timeline, spell: Spell, day: number): number {
  let last = -1
  for (let k = spell.startK; k <= spell.endK; k++) {
    if (t.kind[k] === NO_DUE) continue
    if ((t.paidDay[k] as number) > day) break
    last = k
  }
  return last
}

function nextPayableMonth(e: Evaluation, spell: Spell | undefined, afterK: number): string | null {
  const { t, day, status } = e
  const asOfMonth = monthNumberOfDate(e.asOf)
  if (status === 'berhenti') return null
  if (status === 'terdaftar') return t.firstDueK >= 0 ? monthFromIndex(t.first + t.firstDueK) : monthFromIndex(asOfMonth)
  if (spell === undefined) return monthFromIndex(asOfMonth)
  if (status === 'nonaktif') return monthFromIndex(Math.max(asOfMonth, t.first + spell.endK + 1))
  let k = Math.max(afterK + 1, spell.startK)
  while (k < t.n && (t.kind[k] === NO_DUE || (t.paidDay[k] as number) <= day)) k++
  return monthFromIndex(t.first + k)
}

function writtenOffAt(e: Evaluation): ArrearsMonth[] {
  const out: ArrearsMonth[] = []
  const { t } = e
  for (const s of e.spells) {
    if (s.lapseDay > e.day) continue
    for (let k = s.startK; k <= s.endK; k++) {
      if (t.kind[k] !== NO_DUE && (t.paidDay[k] as number) > s.lapseDay) {
        out.push({ month: monthFromIndex(t.first + k), openIdr: (t.openIdr[k] as number) + (t.storedWriteOffIdr[k] as number) })
      }
    }
  }
  return out
}

/** The first day after the as-of date on which the status differs, assuming nothing more is paid. */
export function nextChange(e: Evaluation): StatusChange | null {
  const { t, day, spells, status } = e
  const candidates: number[] = []
  if (t.endDay > day && t.endDay !== Infinity) candidates.push(t.endDay)
  const spell = spellAt(spells, day)
  if (spell && status !== 'nonaktif' && status !== 'berhenti') {
    if (spell.lapseDay > day && spell.lapseDay !== Infinity) candidates.push(spell.lapseDay)
    if (e.input.rule === 'bpu_lapse') {
      for (let k = spell.startK; k <= spell.endK; k++) {
        const next = (t.dueDay[k] as number) + 1
        if (t.kind[k] !== NO_DUE && (t.paidDay[k] as number) > day && next > day && next < spell.lapseDay) candidates.push(next)
      }
    }
  }
  candidates.sort((a, b) => a - b)
  for (const c of candidates) {
    const s = statusAt(t, spells, e.input.rule, c)
    if (s !== status) return { date: dateOfDayNumber(c), status: s }
  }
  return null
}
