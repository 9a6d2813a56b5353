import { describe, expect, it } from 'vitest'
import type { ClaimBucket, ClaimsReport } from '../areas/claims/index.js'
import { renderCoveragePdf } from '../areas/coverage/index.js'
import { pdfText } from '../areas/contributions/documents/receipt-fixture.test-support.js'
import { claimsPdfPage, claimsSheet } from './coverage-claims.js'

const bucket = (key: string, b: Partial<ClaimBucket>): ClaimBucket => ({
  key, filed: 0, open: 0, paid: 0, rejected: 0, paidIdr: 0, withinLevel: 0, late: 0, noLevel: 0, avgDaysEventToPaid: null, avgWorkingDaysToPay: null, ...b,
})

const report: ClaimsReport = {
  from: '2026-01-01',
  to: '2026-04-30',
  total: bucket('all', { filed: 7, open: 2, paid: 4, rejected: 1, paidIdr: 126_400_000, withinLevel: 3, late: 1, avgDaysEventToPaid: 18.5, avgWorkingDaysToPay: 4.3 }),
  byProgramme: [
    bucket('JKK', { filed: 2, paid: 1, paidIdr: 1_400_000, late: 1, avgDaysEventToPaid: 40, avgWorkingDaysToPay: 9 }),
    bucket('JKM', { filed: 5, open: 2, paid: 3, rejected: 1, paidIdr: 125_000_000, withinLevel: 3, avgDaysEventToPaid: 11.2, avgWorkingDaysToPay: 2.7 }),
  ],
  byRegion: [bucket('51.71', { filed: 6, paid: 4, paidIdr: 126_400_000 }), bucket('53.71', { filed: 1, rejected: 1 })],
  byMonth: [bucket('2026-03', { filed: 7 })],
}

describe('the claims page of the coverage PDF', () => {
  it('carries the Klaim sheet figures: the year to the month, totals, by programme and region, on time and late', async () => {
    const page = claimsPdfPage(report, new Map([['51.71', 'Kota Denpasar']]))
    const pdf = await renderCoveragePdf('2026-04', false, [], { compress: false, extra: [page] })
    // the "no coverage data" page, then the claims page
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2)
    const text = pdfText(pdf)
    for (const shown of ['Klaim Jaminan Sosial Ketenagakerjaan', '01/01/2026 s.d. 30/04/2026', 'Tepat waktu', 'Terlambat', 'Menurut program', 'Menurut wilayah',
      'Kota Denpasar (51.71)', '53.71', 'Rp126.400.000', 'Rp125.000.000', '18,5', '4,3', 'PP 44/2015']) {
      expect(text).toContain(shown)
    }
    // the JKM line: filed 5, in process 2, paid 3, rejected 1, amount, on time 3, late 0, no level 0, 11,2 and 2,7 days
    expect(page.sections[1]?.rows[1]).toEqual(['JKM', '5', '2', '3', '1', 'Rp125.000.000', '3', '0', '0', '11,2', '2,7'])
    expect(page.sections[0]?.rows[0]).toEqual(['Semua klaim', '7', '2', '4', '1', 'Rp126.400.000', '3', '1', '0', '18,5', '4,3'])
    // the same figures as the workbook's sheet
    const sheet = claimsSheet(report)
    expect(sheet.rows[0]).toEqual(['Total', 'all', 7, 2, 4, 1, 126_400_000, 3, 1, 0, 18.5, 4.3])
  })

  it('continues on a second page with the header repeated when the regions do not fit', async () => {
    const many = { ...report, byRegion: Array.from({ length: 60 }, (_, i) => bucket(`99.${String(i).padStart(2, '0')}`, { filed: 1 })) }
    const pdf = await renderCoveragePdf('2026-04', false, [], { compress: false, extra: [claimsPdfPage(many, new Map())] })
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3)
    const text = pdfText(pdf)
    expect(text).toContain('99.59')
    expect(text.split('Diajukan').length - 1).toBe(2)
  })
})
