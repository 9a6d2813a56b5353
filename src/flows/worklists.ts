import { addDays, isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { addMonths, monthIndex, monthOfDate } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import type { DataScope } from '../areas/access/index.js'
import { LAPSE_RULE, contributionDueDate, listWorklist, type WorklistFilter, type WorklistRecord } from '../areas/contributions/index.js'
import { BPU_PAYERS, SECTORS, loadHolidayCalendar, loadRegulationSet, quoteBpuMonthly, type BpuPayer, type Sector } from '../areas/programmes/index.js'

/**
 * Worklists for staff and agents (issue 5 item 7), per regency and within the caller's data scope:
 * - `due-soon`: aktif, the next due date within N days (the day after it they become menunggak);
 * - `arrears`: menunggak (1–3 months past due, still protected);
 * - `lapsing`: menunggak and becoming nonaktif before this month ends if nothing is paid;
 * - `never-paid`: terdaftar, no first payment yet (not covered);
 * - `lapsed`: nonaktif (no right to JKK/JKM; a payment restarts at its own month).
 * Status and next change date come from contribution_states (kept by payments and the daily job).
 */
export const WORKLIST_KINDS = ['due-soon', 'arrears', 'lapsing', 'never-paid', 'lapsed'] as const
export type WorklistKind = (typeof WORKLIST_KINDS)[number]

export interface WorklistRequest {
  kind: WorklistKind
  asOf: LocalDate
  /** due-soon: the window in days (1–60). */
  days?: number
  regencyCode?: string
  scope: DataScope
  cursor?: string
  limit?: number
}

export interface WorklistItem {
  participantId: string
  kpj: string
  name: string
  phone: string | null
  regencyCode: string
  sourceId: string
  status: string
  statusSince: LocalDate
  paidThrough: string | null
  monthsInArrears: number
  arrearsIdr: number
  /** What settles the list's concern now: the month coming due, the arrears, or one month to (re)start; null when unknown. */
  amountToPayNowIdr: number | null
  /** The last day to pay before the status changes (the due date); null when nothing changes with time alone. */
  nextDeadline: LocalDate | null
  nextStatus: string | null
}

export interface Worklist {
  kind: WorklistKind
  asOf: LocalDate
  items: WorklistItem[]
  nextCursor: string | null
}

function lastDayOfMonth(date: LocalDate): LocalDate {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

function filterOf(req: WorklistRequest): Omit<WorklistFilter, 'regionCodes' | 'sourceIds' | 'limit'> {
  const d = req.asOf
  switch (req.kind) {
    case 'due-soon': {
      const days = req.days ?? 7
      return { status: 'aktif', sortBy: 'next_change', nextChange: { from: addDays(d, 1), to: addDays(d, days + 1), nextStatus: 'menunggak' }, openDuesUpTo: addDays(d, days) }
    }
    case 'arrears':
      return { status: 'menunggak', sortBy: 'next_change', openDuesUpTo: addDays(d, -1) }
    case 'lapsing':
      return { status: 'menunggak', sortBy: 'next_change', nextChange: { from: addDays(d, 1), to: lastDayOfMonth(d), nextStatus: 'nonaktif' }, openDuesUpTo: addDays(d, -1) }
    case 'never-paid':
      return { status: 'terdaftar', sortBy: 'status_since', openDuesUpTo: addDays(d, -1) }
    case 'lapsed':
      return { status: 'nonaktif', sortBy: 'status_since', openDuesUpTo: addDays(d, -1) }
  }
}

/** `2025-03-14|<uuid>` as base64url: the last row's sort date and id. */
export function encodeCursor(date: string, id: string): string {
  return Buffer.from(`${date}|${id}`).toString('base64url')
}

export function decodeCursor(cursor: string): { date: string; id: string } {
  const [date, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  if (!date || !id || !isLocalDate(date) || !/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('invalid_input', 'Cursor tidak dikenal.', { field: 'cursor' })
  return { date, id }
}

/** `5371` or `53.71` → `53.71`. */
export function dottedRegency(code: string): string {
  return /^\d{4}$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code
}

/** One month's contribution of a BPU enrolment at a date, from the engine (null for other segments). */
function monthlyAmountIdr(e: WorklistRecord['enrolment'], date: LocalDate): number | null {
  if (!e || e.segment !== 'bpu' || e.incomeIdr === null) return null
  const payer = (e.payer === 'employer' ? 'self' : e.payer) as BpuPayer
  const sector = (e.sector ?? 'other') as Sector
  if (!BPU_PAYERS.includes(payer) || !SECTORS.includes(sector)) return null
  const q = quoteBpuMonthly(loadRegulationSet(), monthIndex(monthOfDate(date)), e.incomeIdr, e.programmes.includes('JHT'), sector, payer)
  return q.jkkIdr + q.jkmIdr + (e.programmes.includes('JHT') ? q.jhtIdr : 0)
}

/**
 * Months past their due date unpaid after the paid-through month (BPU JKK/JKM due dates, moved past holidays), at
 * most the lapse window; the billed dues' count when the participant has no paid month yet (a pemda cohort).
 */
function monthsPastDue(r: WorklistRecord, asOf: LocalDate): number {
  if (r.paidThrough === null) return r.overdueMonths
  const regs = loadRegulationSet()
  const calendar = loadHolidayCalendar()
  let count = 0
  for (let m = addMonths(r.paidThrough, 1); m <= monthOfDate(asOf) && count <= LAPSE_RULE.windowMonths; m = addMonths(m, 1)) {
    if (contributionDueDate(m, 'bpu_jkk_jkm', regs.due, calendar).date < asOf) count += 1
  }
  return Math.max(count, r.overdueMonths)
}

function itemOf(kind: WorklistKind, r: WorklistRecord, asOf: LocalDate): WorklistItem {
  const nextDeadline = r.nextChangeOn === null ? null : addDays(r.nextChangeOn, -1)
  let monthsInArrears = 0
  let arrearsIdr = 0
  let amountToPayNowIdr: number | null
  if (kind === 'due-soon') amountToPayNowIdr = r.openIdr > 0 ? r.openIdr : monthlyAmountIdr(r.enrolment, nextDeadline ?? asOf)
  else if (kind === 'arrears' || kind === 'lapsing') {
    monthsInArrears = monthsPastDue(r, asOf)
    arrearsIdr = Math.max(r.arrearsIdr, r.overdueIdr)
    amountToPayNowIdr = arrearsIdr
  } else amountToPayNowIdr = monthlyAmountIdr(r.enrolment, asOf)
  return {
    participantId: r.participantId, kpj: r.kpj, name: r.name, phone: r.phone, regencyCode: r.regencyCode, sourceId: r.sourceId,
    status: r.status, statusSince: r.statusSince, paidThrough: r.paidThrough, monthsInArrears, arrearsIdr, amountToPayNowIdr,
    nextDeadline: kind === 'never-paid' || kind === 'lapsed' ? null : nextDeadline, nextStatus: r.nextStatus,
  }
}

export async function worklist(sql: Sql, req: WorklistRequest): Promise<Worklist> {
  if (!isLocalDate(req.asOf)) throw new DomainError('invalid_date', 'asOf harus YYYY-MM-DD.', { field: 'asOf' })
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 200)
  const rows = await listWorklist(
    sql,
    {
      ...filterOf(req), regionCodes: req.scope.regionCodes, sourceIds: req.scope.sourceIds, limit: limit + 1,
      ...(req.regencyCode ? { regencyCode: dottedRegency(req.regencyCode) } : {}),
      ...(req.cursor ? { after: decodeCursor(req.cursor) } : {}),
    },
    req.asOf,
  )
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    kind: req.kind,
    asOf: req.asOf,
    items: page.map((r) => itemOf(req.kind, r, req.asOf)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sortDate, last.participantId) : null,
  }
}

/** Every row of a worklist (page after page), at most `maxRows`: the XLSX export a branch calls or visits from. */
export async function* eachWorklistItem(sql: Sql, req: Omit<WorklistRequest, 'cursor' | 'limit'>, maxRows: number): AsyncGenerator<WorklistItem> {
  let cursor: string | undefined
  let count = 0
  do {
    const page = await worklist(sql, { ...req, limit: 200, ...(cursor ? { cursor } : {}) })
    for (const item of page.items) {
      if (count++ >= maxRows) return
      yield item
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}
