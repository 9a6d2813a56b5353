import type { LocalDate } from '../../../kernel/dates.js'
import { monthFromIndex } from '../../../kernel/month.js'
import { lastDayOfMonthNumber, monthNumberOfDate } from './day-numbers.js'
import { protectionStatus } from './protection-status.js'
import { statusAt, type Spell } from './spells.js'
import { evaluate, statusOf, type Evaluation } from './status-engine.js'
import { NO_DUE } from './timeline.js'
import type { AccountInput, AccountMonth, AccountView, MonthState } from './types.js'

/**
 * `semesta participant show --as-of` / `GET /participants/:id/account`: the status plus every month from the first
 * due month to the as-of month. A paid month is `aktif`; any other month shows the participant's status in it (at its
 * last day, or at the as-of date for the current month), so a lapsed gap stays visible.
 */
export function accountView(input: AccountInput, asOf: LocalDate): AccountView {
  const creditIdr = input.creditIdr ?? 0
  if (input.rule === 'protection_period') {
    const s = protectionStatus(input, asOf)
    const totalPaidIdr = (input.protections ?? []).reduce((t, p) => (p.paidOn !== null && p.paidOn <= asOf ? t + p.amountIdr : t), 0)
    return { status: s.status, paidThrough: s.paidThrough, arrearsIdr: 0, totalPaidIdr, creditIdr, nextChange: s.nextChange, months: [] }
  }
  const e = evaluate(input, asOf)
  const s = statusOf(e)
  let totalPaidIdr = 0
  for (let k = 0; k < e.t.n; k++) totalPaidIdr += e.t.paidIdr[k] as number
  return { status: s.status, paidThrough: s.paidThrough, arrearsIdr: s.arrearsIdr, totalPaidIdr, creditIdr, nextChange: s.nextChange, months: monthsOf(e) }
}

function monthsOf(e: Evaluation): AccountMonth[] {
  const { t, spells, day } = e
  const firstK = Math.min(t.firstDueK >= 0 ? t.firstDueK : Infinity, spells[0]?.startK ?? Infinity)
  if (firstK === Infinity) return []
  const lastK = monthNumberOfDate(e.asOf) - t.first
  const months: AccountMonth[] = []
  for (let k = firstK; k <= lastK; k++) {
    const at = Math.min(day, lastDayOfMonthNumber(t.first + k))
    const m = k < t.n ? monthLine(e, k) : { state: 'not_accrued' as const, dueIdr: 0, paidIdr: 0, writtenOffIdr: 0 }
    const status = m.state === 'paid' ? 'aktif' : statusAt(t, spells, e.input.rule, at)
    months.push({ month: monthFromIndex(t.first + k), status, ...m })
  }
  // months paid ahead (already settled by `asOf`, due later) belong on the statement too: the worker paid for them
  for (let k = Math.max(lastK + 1, firstK); k < t.n && (t.paidDay[k] as number) <= day && t.kind[k] !== NO_DUE; k++) {
    months.push({ month: monthFromIndex(t.first + k), status: 'aktif', ...monthLine(e, k) })
  }
  return months
}

function monthLine(e: Evaluation, k: number): Omit<AccountMonth, 'month' | 'status'> {
  const { t, day } = e
  const paidIdr = t.paidIdr[k] as number
  const openIdr = t.openIdr[k] as number
  const line = (state: MonthState, dueIdr: number, writtenOffIdr = 0) => ({ state, dueIdr, paidIdr, writtenOffIdr })
  if (t.kind[k] === NO_DUE) return line('not_accrued', 0)
  if ((t.paidDay[k] as number) <= day) return line('paid', paidIdr + openIdr)
  const spell = spellOfMonth(e.spells, k)
  if (spell === undefined && !(e.spells.length === 0 && t.firstDueK >= 0 && k >= t.firstDueK)) return line('not_accrued', 0)
  if (spell !== undefined && spell.lapseDay <= day) return line('written_off', 0, openIdr + (t.storedWriteOffIdr[k] as number))
  return line((t.dueDay[k] as number) < day ? 'overdue' : 'open', paidIdr + openIdr)
}

function spellOfMonth(spells: readonly Spell[], k: number): Spell | undefined {
  for (const s of spells) if (s.startK <= k && k <= s.endK) return s
  return undefined
}
