import { z } from 'zod'
import { CLAIM_ACTIONS, CLAIM_KINDS, CLAIM_STATUSES, CLAIMANT_RELATIONS, JHT_REASONS, PHK_REASONS, SCHOLARSHIP_END_REASONS } from '../domain/index.js'

/** Request and response shapes of the claims API (issue 11 items 3–4; the web app may import these). Money in rupiah. */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Tanggal YYYY-MM-DD')
const idr = z.number().int().describe('Rupiah')
const level = z.enum(['tk', 'sd', 'smp', 'sma', 'pt'])

export const claimDetails = z.object({
  wageIdr: z.number().int().min(1).optional().describe('Upah (atau penghasilan BPU) saat kejadian; default dari kepesertaan'),
  children: z.array(level).max(2).optional().describe('Jenjang sekolah tiap anak (beasiswa, paling banyak 2)'),
  childBirthDates: z.array(date).max(2).optional().describe('Tanggal lahir tiap anak, urutan sama dengan children: tahun ajaran berikutnya dijadwalkan hanya sebelum usia 23'),
  medicalCostIdr: z.number().int().min(1).optional().describe('jkk_medical: biaya perawatan yang diklaim'),
  stmbMonths: z.number().int().min(1).max(120).optional().describe('jkk_stmb: bulan tidak mampu bekerja'),
  disabilityppm: z.number().int().min(1).max(1_000_000).optional().describe('jkk_disability: 1000000 = cacat total tetap'),
  scholarshipBasis: z.enum(['jkm', 'jkk']).optional().describe('beasiswa: dasar klaim'),
  phkReason: z.enum(PHK_REASONS).optional(),
  jhtReason: z.enum(JHT_REASONS).optional(),
  jhtBalanceIdr: z.number().int().min(1).optional().describe('jht: saldo JHT menurut sistem JHT BPJS'),
})

export const fileClaimBody = z.object({
  participantId: z.uuid(),
  kind: z.enum(CLAIM_KINDS),
  eventDate: date.describe('Tanggal kejadian (meninggal, kecelakaan, PHK ...)'),
  filedOn: date.optional().describe('Tanggal klaim diajukan; default hari ini'),
  claimant: z.object({
    name: z.string().min(2).max(150),
    nik: z.string().regex(/^\d{16}$/).nullable().optional(),
    relation: z.enum(CLAIMANT_RELATIONS).describe('Hubungan dengan peserta (ahli waris, dll.)'),
  }),
  documents: z.record(z.string(), z.boolean()).optional().describe('Daftar periksa dokumen'),
  details: claimDetails.default({}),
})

export const claimLine = z.object({ item: z.string(), amountIdr: idr, payable: z.enum(['now', 'after_arrears_paid']), citation: z.string(), evidence: z.string() })

export const eligibilityView = z.object({
  decision: z.enum(['eligible', 'partial', 'not_eligible']),
  lines: z.array(claimLine),
  payNowIdr: idr,
  afterArrearsIdr: idr,
  scholarship: z.object({ eligible: z.boolean(), reason: z.string(), firstYearIdr: idr, maxIdr: idr, perYear: z.array(z.object({ child: z.number().int(), level, amountIdr: idr })) }).nullable(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  facts: z.object({ status: z.string(), contributionMonths: z.number().int(), consecutivePaidFromStart: z.number().int(), arrearsMonths: z.number().int() }),
  deadline: date.nullable(),
  serviceLevelWorkingDays: z.number().int().nullable(),
  citations: z.array(z.string()),
})

export const claimView = z.object({
  id: z.string(),
  participantId: z.string(),
  regionCode: z.string(),
  kind: z.enum(CLAIM_KINDS),
  programme: z.string(),
  eventDate: date,
  filedOn: date,
  claimant: z.object({ name: z.string(), nik: z.string().nullable(), relation: z.string() }),
  details: z.record(z.string(), z.unknown()),
  documents: z.record(z.string(), z.boolean()),
  eligibility: eligibilityView,
  status: z.enum(CLAIM_STATUSES),
  version: z.number().int(),
  rejectionReason: z.string().nullable(),
  paidOn: date.nullable(),
  paidIdr: idr.nullable(),
  withheldIdr: idr.nullable().describe('Bagian yang ditahan saat dibayar karena tunggakan per tanggal kejadian belum lunas; dibayar dengan langkah release'),
})

export const claimDetail = claimView.extend({
  steps: z.array(z.object({ action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string().nullable(), occurredOn: date })),
  scholarships: z.array(z.object({
    child: z.number().int(), schoolYear: z.string(), level, amountIdr: idr,
    status: z.enum(['scheduled', 'paid', 'ended']).describe('scheduled → paid (tahun ajaran dibayar) atau ended (anak tidak lagi berhak)'),
    paidOn: date.nullable(), endReason: z.string().nullable(),
  })),
})

export const claimListQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  kind: z.enum(CLAIM_KINDS).optional(),
  participantId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export const claimList = z.object({ items: z.array(claimView) })
export const claimParams = z.object({ id: z.string() })

export const moveClaimBody = z.object({
  action: z.enum(CLAIM_ACTIONS).describe('verify, approve, pay; release: bayar bagian yang ditahan (withheldIdr) setelah tunggakan per tanggal kejadian lunas; reject'),
  version: z.number().int().min(1).describe('Versi klaim yang terakhir dilihat'),
  reason: z.string().max(500).optional().describe('Wajib untuk reject'),
  documents: z.record(z.string(), z.boolean()).optional(),
})

export const disbursementBody = z.object({
  version: z.number().int().min(1).describe('Versi klaim yang terakhir dilihat'),
  bankCode: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/).describe('Kode rekening bank BPJS asal dana (buku besar bank:<kode>)'),
  bankReference: z.string().min(3).max(64).describe('Nomor referensi transfer bank ke penerima'),
})

export const scholarshipStepBody = z.object({
  action: z.enum(['pay', 'end']).describe('pay: bayar satu tahun ajaran yang terjadwal (lalu tahun berikutnya dijadwalkan); end: hentikan beasiswa anak ini'),
  version: z.number().int().min(1).describe('Versi klaim yang terakhir dilihat'),
  child: z.number().int().min(1).max(2),
  schoolYear: z.string().regex(/^\d{4}\/\d{4}$/).describe('Tahun ajaran, mis. 2026/2027'),
  level: level.optional().describe('pay: jenjang menurut surat keterangan sekolah tahun itu; default jenjang yang dijadwalkan'),
  reason: z.enum(SCHOLARSHIP_END_REASONS).optional().describe('end: usia_23, menikah, bekerja, tidak_sekolah, meninggal'),
})

export type ClaimView = z.infer<typeof claimView>
export type ClaimDetailView = z.infer<typeof claimDetail>
export type FileClaimBody = z.infer<typeof fileClaimBody>

const bucket = z.object({
  key: z.string(), filed: z.number().int(), open: z.number().int(), paid: z.number().int(), rejected: z.number().int(), paidIdr: idr,
  withinLevel: z.number().int().describe('Dibayar dalam batas hari kerja (JKM 3, JKK 7, JHT 5)'), late: z.number().int(), noLevel: z.number().int(),
  avgDaysEventToPaid: z.number().nullable().describe('Rata-rata hari kalender dari kejadian sampai dibayar'),
  avgWorkingDaysToPay: z.number().nullable().describe('Rata-rata hari kerja dari pengajuan sampai dibayar'),
})
export const claimsReportQuery = z.object({ from: date.optional(), to: date.optional() })
export const claimsReportView = z.object({ from: date, to: date, total: bucket, byProgramme: z.array(bucket), byRegion: z.array(bucket), byMonth: z.array(bucket) })
export type ClaimsReportView = z.infer<typeof claimsReportView>
