import { describe, expect, it } from 'vitest'
import { calendar } from './claims.test-support.js'
import { claimsReport, type ClaimReportRow } from './domain/report.js'

const row = (over: Partial<ClaimReportRow>): ClaimReportRow => ({
  programme: 'JKM', regionCode: '51.71', eventDate: '2026-04-01', filedOn: '2026-04-06', status: 'paid', paidOn: '2026-04-09', paidIdr: 42_000_000, serviceLevelDays: 3, ...over,
})

describe('claims report (issue 11 item 4)', () => {
  const rows = [
    row({}), // Mon 6 → Thu 9 April: 3 working days, within JKM's 3
    row({ paidOn: '2026-04-10', paidIdr: 10_000_000 }), // 4 working days: late
    row({ programme: 'JKK', regionCode: '53.71', filedOn: '2026-05-12', paidOn: '2026-05-21', paidIdr: 5_000_000, serviceLevelDays: 7 }), // 14, 15 May off: 5 working days
    row({ programme: 'JKP', status: 'approved', paidOn: null, paidIdr: null, serviceLevelDays: null }),
    row({ status: 'rejected', paidOn: null, paidIdr: null }),
    row({ filedOn: '2025-12-30', paidOn: '2026-01-02' }), // outside the period
  ]
  const r = claimsReport(rows, '2026-01-01', '2026-12-31', calendar)

  it('counts claims, amounts paid and the service level per programme, region and month', () => {
    expect(r.total).toMatchObject({ filed: 5, paid: 3, open: 1, rejected: 1, paidIdr: 57_000_000, withinLevel: 2, late: 1, noLevel: 0 })
    expect(r.byProgramme.map((b) => [b.key, b.filed, b.paidIdr])).toEqual([['JKK', 1, 5_000_000], ['JKM', 3, 52_000_000], ['JKP', 1, 0]])
    expect(r.byRegion.map((b) => [b.key, b.filed])).toEqual([['51.71', 4], ['53.71', 1]])
    expect(r.byMonth.map((b) => [b.key, b.filed])).toEqual([['2026-04', 4], ['2026-05', 1]])
  })

  it('averages calendar days from the event and working days from filing over paid claims', () => {
    const jkk = r.byProgramme.find((b) => b.key === 'JKK')!
    expect(jkk).toMatchObject({ avgDaysEventToPaid: 50, avgWorkingDaysToPay: 5, withinLevel: 1 })
    expect(r.byProgramme.find((b) => b.key === 'JKP')).toMatchObject({ avgDaysEventToPaid: null, open: 1 })
  })
})
