import type { ClaimBucket, ClaimsReport } from '../areas/claims/index.js'
import type { ExtraSheet, TablePage } from '../areas/coverage/index.js'
import { formatRupiah } from '../kernel/money.js'

/** The claims section of the coverage exports (issue 11 item 4): the same report in the workbook and the PDF. */

const LEVELS = 'batas bayar JKM 3, JKK 7, JHT 5 hari kerja sejak klaim lengkap (PP 44/2015 Pasal 37, 40; PP 46/2015 Pasal 31)'

const CLAIM_HEADER = ['Kelompok', 'Kunci', 'Diajukan', 'Dalam proses', 'Dibayar', 'Ditolak', 'Dibayar (Rp)', 'Tepat waktu', 'Terlambat', 'Tanpa batas', 'Hari kejadian→bayar (rata-rata)', 'Hari kerja ajuan→bayar (rata-rata)'] as const

/** The Klaim sheet of the workbook: the year to the report's month, totals, by programme, region and month. */
export function claimsSheet(r: ClaimsReport): ExtraSheet {
  const line = (group: string, b: ClaimBucket) => [group, b.key, b.filed, b.open, b.paid, b.rejected, b.paidIdr, b.withinLevel, b.late, b.noLevel, b.avgDaysEventToPaid, b.avgWorkingDaysToPay]
  return {
    name: 'Klaim',
    title: `Klaim ${r.from} s.d. ${r.to}: ${LEVELS}`,
    header: CLAIM_HEADER,
    rows: [line('Total', r.total), ...r.byProgramme.map((b) => line('Program', b)), ...r.byRegion.map((b) => line('Wilayah', b)), ...r.byMonth.map((b) => line('Bulan', b))],
  }
}

const n = (v: number) => v.toLocaleString('id-ID')
const avg = (v: number | null) => (v === null ? '–' : v.toLocaleString('id-ID', { maximumFractionDigits: 1 }))
const dateId = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`

/**
 * The claims page of the PDF: the sheet's totals, programmes and regions (the months stay in the sheet), with the
 * service level on time and late. Regions are named from the coverage report's regencies when known.
 */
export function claimsPdfPage(r: ClaimsReport, regionNames: ReadonlyMap<string, string>): TablePage {
  const cells = (label: string, b: ClaimBucket) => [
    label, n(b.filed), n(b.open), n(b.paid), n(b.rejected), formatRupiah(b.paidIdr), n(b.withinLevel), n(b.late), n(b.noLevel), avg(b.avgDaysEventToPaid), avg(b.avgWorkingDaysToPay),
  ]
  return {
    title: 'Klaim Jaminan Sosial Ketenagakerjaan',
    notes: [
      `Klaim yang diajukan ${dateId(r.from)} s.d. ${dateId(r.to)} (tahun berjalan sampai bulan laporan), menurut program dan wilayah.`,
      `Tepat waktu / terlambat: hari kerja dari pengajuan sampai pembayaran terhadap ${LEVELS}; JKP tanpa batas.`,
    ],
    header: ['', 'Diajukan', 'Dalam proses', 'Dibayar', 'Ditolak', 'Dibayar (Rp)', 'Tepat waktu', 'Terlambat', 'Tanpa batas', 'Hari kejadian s.d. bayar', 'Hari kerja ajuan s.d. bayar'],
    widths: [150, 50, 55, 50, 50, 90, 55, 55, 55, 70, 70],
    sections: [
      { heading: 'Jumlah', rows: [cells('Semua klaim', r.total)] },
      { heading: 'Menurut program', rows: r.byProgramme.map((b) => cells(b.key, b)) },
      { heading: 'Menurut wilayah', rows: r.byRegion.map((b) => cells(regionNames.has(b.key) ? `${regionNames.get(b.key)} (${b.key})` : b.key, b)) },
    ],
  }
}
