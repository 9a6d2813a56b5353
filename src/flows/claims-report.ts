import { isLocalDate, localDateAt, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { dataScope, type Actor } from '../areas/access/index.js'
import { claimReportRows, claimsReport, type ClaimsReport } from '../areas/claims/index.js'
import { loadHolidayCalendar } from '../areas/programmes/index.js'

/**
 * Claims by programme, region and month of filing, amounts paid and time to pay against the service levels (issue 11
 * item 4), for the caller's regions (null actor: all of Banuspa). Default period: the year to date.
 */
export async function claimsReportFor(sql: Sql, query: { from?: LocalDate | undefined; to?: LocalDate | undefined; actor: Actor | null }, now: Date): Promise<ClaimsReport> {
  const today = localDateAt(now, 'Asia/Makassar')
  const from = query.from ?? `${today.slice(0, 4)}-01-01`
  const to = query.to ?? today
  if (!isLocalDate(from) || !isLocalDate(to) || from > to) throw new DomainError('invalid_date', 'from and to: YYYY-MM-DD, from ≤ to', { field: 'from' })
  const rows = await claimReportRows(sql, from, to, query.actor ? dataScope(query.actor).regionCodes : 'all')
  return claimsReport(rows, from, to, loadHolidayCalendar())
}
