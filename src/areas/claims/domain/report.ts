import { daysBetween, type LocalDate } from '../../../kernel/dates.js'
import type { HolidayCalendar } from '../../programmes/domain/holidays.js'
import type { ClaimProgramme, ClaimStatus } from './types.js'
import { serviceLevelOutcome, workingDaysBetween } from './working-days.js'

export interface ClaimReportRow {
  programme: ClaimProgramme
  regionCode: string
  eventDate: LocalDate
  filedOn: LocalDate
  status: ClaimStatus
  paidOn: LocalDate | null
  paidIdr: number | null
  serviceLevelDays: number | null
}

export interface ClaimBucket {
  key: string
  filed: number
  open: number
  paid: number
  rejected: number
  paidIdr: number
  /** Paid within the service level (working days from filing to payment, regulations.md §3.3), late, or no level. */
  withinLevel: number
  late: number
  noLevel: number
  /** Average calendar days from the event to the payment, over paid claims; null when none is paid. */
  avgDaysEventToPaid: number | null
  avgWorkingDaysToPay: number | null
}

export interface ClaimsReport {
  from: LocalDate
  to: LocalDate
  total: ClaimBucket
  byProgramme: ClaimBucket[]
  byRegion: ClaimBucket[]
  byMonth: ClaimBucket[]
}

/**
 * Claims filed in [from, to] by programme, region and month of filing (issue 11 item 4): counts, amounts paid, and
 * the time to pay: calendar days from the event, and working days from the filing against the service level.
 */
export function claimsReport(rows: readonly ClaimReportRow[], from: LocalDate, to: LocalDate, calendar: HolidayCalendar): ClaimsReport {
  const total = acc('all')
  const maps = { programme: new Map<string, Acc>(), region: new Map<string, Acc>(), month: new Map<string, Acc>() }
  for (const r of rows) {
    if (r.filedOn < from || r.filedOn > to) continue
    const keys = { programme: r.programme, region: r.regionCode, month: r.filedOn.slice(0, 7) }
    const buckets = [total, ...(Object.keys(maps) as Array<keyof typeof maps>).map((k) => bucketOf(maps[k], keys[k]))]
    const working = r.status === 'paid' && r.paidOn ? workingDaysBetween(r.filedOn, r.paidOn, calendar) : null
    for (const b of buckets) add(b, r, working)
  }
  const sorted = (m: Map<string, Acc>) => [...m.values()].sort((a, b) => a.key.localeCompare(b.key)).map(done)
  return { from, to, total: done(total), byProgramme: sorted(maps.programme), byRegion: sorted(maps.region), byMonth: sorted(maps.month) }
}

interface Acc extends ClaimBucket {
  eventDays: number
  workingDays: number
}

function acc(key: string): Acc {
  return { key, filed: 0, open: 0, paid: 0, rejected: 0, paidIdr: 0, withinLevel: 0, late: 0, noLevel: 0, avgDaysEventToPaid: null, avgWorkingDaysToPay: null, eventDays: 0, workingDays: 0 }
}

function bucketOf(m: Map<string, Acc>, key: string): Acc {
  let b = m.get(key)
  if (!b) m.set(key, (b = acc(key)))
  return b
}

function add(b: Acc, r: ClaimReportRow, working: number | null): void {
  b.filed++
  if (r.status === 'rejected') b.rejected++
  else if (r.status !== 'paid' || working === null || r.paidOn === null) b.open++
  else {
    b.paid++
    b.paidIdr += r.paidIdr ?? 0
    b.eventDays += daysBetween(r.eventDate, r.paidOn)
    b.workingDays += working
    const outcome = serviceLevelOutcome(working, r.serviceLevelDays)
    if (outcome === 'within') b.withinLevel++
    else if (outcome === 'late') b.late++
    else b.noLevel++
  }
}

function done(a: Acc): ClaimBucket {
  const { eventDays, workingDays, ...b } = a
  const avg = (n: number) => (a.paid === 0 ? null : Math.round((n / a.paid) * 10) / 10)
  return { ...b, avgDaysEventToPaid: avg(eventDays), avgWorkingDaysToPay: avg(workingDays) }
}
