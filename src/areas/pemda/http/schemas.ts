import { z } from 'zod'

/** Request and response shapes of the pemda API (issue 8; the web app may import these). Money in rupiah, months YYYY-MM. */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('Bulan YYYY-MM')
const idr = z.number().int().describe('Rupiah')

export const groupView = z.object({
  code: z.string(),
  quota: z.number().int(),
  category: z.enum(['bpu', 'non_asn']).describe('bpu: pekerja rentan (aturan BPU); non_asn: dasar pegawai pemerintah non-ASN (ditandai)'),
  incomeIdr: idr.describe('Penghasilan (BPU) atau honorarium (non-ASN) yang ditagihkan'),
})

export const createProgrammeBody = z.object({
  name: z.string().min(1).max(200),
  regionCode: z.string().min(2).max(16).describe('Pemda pembayar: provinsi (51) atau kabupaten/kota (51.71 atau 5171)'),
  opd: z.string().max(200).optional().describe('OPD pemegang anggaran'),
  legalBasis: z.string().max(200).optional().describe('Dasar hukum, mis. "Pergub Bali 19/2017"'),
  year: z.number().int().min(2015).max(2060),
  budgetIdr: z.number().int().min(0),
  programmes: z.array(z.enum(['jkk', 'jkm', 'jht'])).optional().describe('Default jkk, jkm'),
  incomeIdr: z.number().int().min(1).describe('Penghasilan dasar anggota BPU, mis. 1000000 (dasar terendah)'),
  honorariumIdr: z.number().int().min(1).optional().describe('Honorarium kelompok non_asn (default: incomeIdr)'),
  groups: z.array(z.object({ code: z.string().min(1).max(40), quota: z.number().int().min(0) })).min(1),
  startMonth: month,
  endMonth: month,
})

export const programmeView = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  opd: z.string().nullable(),
  legalBasis: z.string().nullable(),
  year: z.number().int(),
  budgetIdr: idr,
  programmes: z.array(z.string()),
  incomeIdr: idr,
  startMonth: month,
  endMonth: month,
  sourceId: z.string().describe('Sumber pendaftaran (jenis pemda) tempat kohort program diimpor'),
  groups: z.array(groupView),
})
export type ProgrammeView = z.infer<typeof programmeView>

export const programmeList = z.object({ items: z.array(programmeView) })
export const programmeListQuery = z.object({ year: z.coerce.number().int().optional() })
export const programmeParams = z.object({ id: z.string().uuid() })

export const statusView = z.object({
  budgetIdr: idr,
  usedIdr: idr.describe('Ditagihkan sampai sekarang'),
  paidIdr: idr,
  committedIdr: idr.describe('Terpakai + bulan yang belum ditagih sampai akhir program, dengan jumlah anggota sekarang'),
  remainingIdr: idr,
  runOutMonth: month.nullable().describe('Bulan anggaran habis; null bila cukup sampai akhir program'),
  remainingCapacityWorkers: z.number().int().describe('Pekerja tambahan yang masih dapat dibiayai sisa anggaran sampai akhir program'),
  monthlyCostIdr: idr,
  workers: z.record(z.string(), z.number().int()),
  quota: z.record(z.string(), z.number().int()),
})

export const programmeDetail = programmeView.extend({ status: statusView })

export const issueView = z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })

export const enrolQuery = z.object({ from: month.optional().describe('Bulan iuran pertama anggota (default: awal program)') })
export const enrolParams = z.object({ id: z.string().uuid(), group: z.string().min(1).max(40) })
export const enrolResponse = z.object({
  jobId: z.string(),
  read: z.number().int(),
  stored: z.number().int(),
  alreadyRegistered: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(issueView),
  warnings: z.array(issueView),
  cohort: z.object({
    programme: z.string(),
    group: z.string(),
    firstMonth: month,
    admitted: z.number().int(),
    alreadyMember: z.number().int(),
    outsideRegion: z.number().int(),
    quotaExceeded: z.number().int(),
    alreadySponsored: z.number().int().describe('Sudah dibayar pemda/pemberi kerja/sponsor lain: ditandai, tidak didaftarkan'),
    notEligible: z.number().int(),
    members: z.number().int(),
    quota: z.number().int(),
  }),
})

export const invoiceBody = z.object({ month })
export const invoiceParams = z.object({ id: z.string().uuid() })
export const invoiceView = z.object({
  invoiceId: z.string(),
  invoiceNo: z.string(),
  programme: z.string(),
  month,
  revision: z.number().int(),
  workers: z.number().int(),
  memberMonths: z.number().int().describe('Bulan-peserta: termasuk bulan mundur pendaftaran terlambat'),
  amountIdr: idr,
  dueDate: z.string().describe('Tanggal 15 bulan iuran, digeser ke hari kerja (ditandai)'),
  lines: z.array(z.object({ group: z.string(), workers: z.number().int(), memberMonths: z.number().int(), amountIdr: idr })),
  paidOn: z.string().nullable(),
  replayed: z.boolean(),
  revised: z.boolean(),
})
export const invoiceList = z.object({
  items: z.array(z.object({ invoiceId: z.string(), invoiceNo: z.string(), month, revision: z.number().int(), workers: z.number().int(), amountIdr: idr, dueDate: z.string(), paidOn: z.string().nullable() })),
})

export const payBody = z.object({ paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), amountIdr: z.number().int().min(0).optional() })
export const paidView = z.object({
  invoiceId: z.string(),
  invoiceNo: z.string(),
  paidOn: z.string(),
  amountIdr: idr,
  revision: z.number().int(),
  paidIdr: idr.describe('Total dibayar untuk tagihan ini setelah pembayaran ini'),
  openIdr: idr.describe('Sisa tagihan'),
  fullyPaid: z.boolean(),
  membersSettled: z.number().int(),
  membersAktif: z.number().int(),
  replayed: z.boolean(),
})

export const lapsingView = z.object({
  items: z.array(z.object({
    participantId: z.string(),
    group: z.string(),
    kpj: z.string(),
    name: z.string(),
    nik: z.string(),
    regencyCode: z.string(),
    status: z.string(),
    nextChangeOn: z.string().nullable(),
    nextStatus: z.string().nullable(),
    arrearsIdr: idr,
  })),
})

export const scorecardParams = z.object({ region: z.string().min(2).max(16) })
export const scorecardQuery = z.object({ year: z.coerce.number().int().min(2015).max(2060).optional() })
export const scorecardView = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  met: z.number().int(),
  judged: z.number().int(),
  criteria: z.array(z.object({
    code: z.string(),
    label: z.string(),
    met: z.boolean().nullable(),
    value: z.union([z.number(), z.string()]).nullable(),
    target: z.union([z.number(), z.string()]).nullable(),
    unit: z.enum(['idr', 'pct', 'count', 'text']),
    sources: z.array(z.string()),
  })),
})

export const coverageParams = z.object({ region: z.string().min(2).max(16) })
export const coverageView = z.object({
  regionCode: z.string(),
  byCategory: z.array(z.object({ category: z.string(), terlindungi: z.number().int(), aktif: z.number().int(), menunggak: z.number().int(), nonaktif: z.number().int(), terdaftar: z.number().int() })),
  terlindungi: z.number().int().describe('aktif + menunggak'),
})

export const endMemberParams = z.object({ id: z.string().uuid(), participantId: z.string().uuid() })
export const endMemberBody = z.object({
  lastMonth: month.describe('Bulan terakhir yang dibayar program'),
  choice: z.enum(['berhenti', 'self']).describe('berhenti, atau self: lanjut sebagai peserta BPU yang membayar sendiri'),
})
export const endMemberResponse = z.object({ participantId: z.string(), lastMonth: month, choice: z.enum(['berhenti', 'self']) })
