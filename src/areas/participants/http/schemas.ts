import { z } from 'zod'
import type { ImportField } from '../domain/field-issue.js'

/** Request and response shapes of the registry API (camelCase; the web app imports these). */

const localDate = z.string().trim().min(8).max(10).describe('YYYY-MM-DD atau DD/MM/YYYY')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('YYYY-MM')
const uuid = z.string().uuid()

export const PAYERS = ['self', 'employer', 'pemda', 'apbn', 'sponsor'] as const
export const SOURCE_KIND_VALUES = ['agent', 'channel', 'pemda', 'employer', 'office', 'self'] as const
export const END_REASON_VALUES = ['stopped_working', 'died', 'moved_segment', 'own_request', 'other'] as const
export const STATUS_VALUES = ['terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'] as const

/** PMI placement or a construction project: the protection period paid at once (issue 5; flows/protection-period.ts). */
export const protectionBody = z.object({
  from: localDate.optional().describe('Hari pertama perlindungan (default: hari ini)'),
  to: localDate.optional().describe('Hari terakhir: wajib untuk jakon (akhir proyek) dan PMI kontrak 6/12 bulan'),
  via: z.enum(['placement', 'individual']).optional().describe('PMI: melalui Pelaksana Penempatan atau perseorangan'),
  contractMonths: z.number().int().optional().describe('PMI: 6, 12 atau 24 bulan'),
  extraMonths: z.number().int().min(0).max(60).optional().describe('PMI: bulan di luar masa kontrak'),
  contractValueIdr: z.number().int().min(1).max(1_000_000_000_000_000).optional().describe('Jakon: nilai kontrak tanpa PPN'),
  project: z.string().trim().min(1).max(200).optional(),
})

export const protectionView = z.object({
  periodId: z.string(),
  participantId: z.string(),
  segment: z.enum(['pmi', 'jakon']),
  from: z.string(),
  to: z.string(),
  amountIdr: z.number(),
  dues: z.array(z.object({ dueId: z.string(), programme: z.string(), payer: z.string(), amountIdr: z.number() })),
  status: z.enum(STATUS_VALUES),
})

export const registrationBody = z.object({
  nik: z.string().trim().min(1).max(32).describe('NIK, 16 digit'),
  name: z.string().min(1).max(200),
  birthDate: localDate,
  sex: z.string().trim().min(1).max(16).describe('L atau P'),
  phone: z.string().max(32).nullish(),
  regencyCode: z.string().trim().min(4).max(5).describe('Kode kabupaten/kota, 51.71 atau 5171'),
  occupations: z.array(z.string().min(1).max(80)).max(5).optional().describe('Kode atau nama pekerjaan (BPU: paling banyak 2)'),
  category: z.string().trim().min(2).max(32).describe('bpu | pu | pmi | non_asn | pemilu | jakon'),
  declaredIncomeIdr: z.number().int().min(0).max(1_000_000_000_000).optional().describe('Penghasilan sebulan yang dilaporkan (BPU)'),
  wageIdr: z.number().int().min(0).max(1_000_000_000_000).optional().describe('Upah atau honorarium sebulan (PU, non-ASN, pemilu)'),
  programmes: z.array(z.enum(['JKK', 'JKM', 'JHT', 'JP', 'JKP'])).min(1).max(5),
  kpj: z.string().trim().max(32).optional().describe('KPJ yang sudah dimiliki peserta (11 digit)'),
  npp: z.string().trim().max(32).optional(),
  registrationDate: localDate.optional(),
  sourceId: uuid,
  payer: z.enum(PAYERS).optional(),
  payerRef: z.string().trim().min(1).max(100).optional(),
  employerId: uuid.optional(),
  pemdaGroup: z.string().trim().min(1).max(64).optional().describe('Sumber program pemda: kelompok kohort (default: satu-satunya kelompok kategori ini)'),
  pemdaFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().describe('Sumber program pemda: bulan iuran pertama (default: awal program)'),
  protection: protectionBody.optional().describe('PMI/jakon: daftarkan sekaligus masa perlindungan (satu iuran)'),
  consent: z.object({
    given: z.literal(true).describe('Peserta menyetujui pemrosesan data pribadinya (UU PDP 27/2022)'),
    purpose: z.string().trim().min(1).max(300),
  }),
})
export type RegistrationBody = z.infer<typeof registrationBody>

/** The API field each template (domain) field comes from, so an issue names both. */
export const API_FIELD_OF: Readonly<Record<ImportField, string>> = {
  nik: 'nik', nama: 'name', tanggal_lahir: 'birthDate', jenis_kelamin: 'sex', no_hp: 'phone', kode_wilayah: 'regencyCode',
  pekerjaan: 'occupations', kategori: 'category', penghasilan: 'declaredIncomeIdr', program: 'programmes', kpj: 'kpj', npp: 'npp',
  tanggal_daftar: 'registrationDate',
}

export const participantView = z.object({
  id: z.string(),
  kpj: z.string(),
  kpjOrigin: z.enum(['issued', 'brought']),
  nik: z.string(),
  name: z.string(),
  birthDate: z.string(),
  sex: z.enum(['L', 'P']),
  phone: z.string().nullable(),
  regencyCode: z.string(),
  occupationCodes: z.array(z.string()),
  category: z.string(),
  status: z.enum(STATUS_VALUES),
  statusSince: z.string(),
  registeredOn: z.string(),
  sourceId: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  version: z.number().int(),
  personalDataMasked: z.boolean().describe('true: NIK, nama, HP dan tanggal lahir disamarkan untuk peran Anda'),
})

export const enrolmentView = z.object({
  id: z.string(),
  segment: z.string(),
  programmes: z.array(z.string()),
  declaredIncomeIdr: z.number().nullable(),
  incomeBaseIdr: z.number().nullable(),
  wageIdr: z.number().nullable(),
  employerId: z.string().nullable(),
  sector: z.string().nullable(),
  payer: z.enum(PAYERS),
  payerRef: z.string().nullable(),
  sourceId: z.string(),
  startMonth: z.string().nullable(),
  endMonth: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  endReason: z.string().nullable(),
})

export const issueView = z.object({ field: z.string(), apiField: z.string(), code: z.string(), message: z.string() })

export const registrationResponse = z.object({
  participant: participantView,
  enrolment: enrolmentView.nullable(),
  alreadyRegistered: z.boolean(),
  warnings: z.array(issueView),
  protection: protectionView.nullable().optional(),
  membership: z.object({ programme: z.string(), group: z.string(), firstMonth: z.string(), verdict: z.string() }).nullable().optional()
    .describe('Didaftarkan dengan sumber program pemda: keanggotaan kohort (verdict admit, already_member, flagged)'),
})

export const idParams = z.object({ id: z.string().min(1).max(64) })
export const kpjParams = z.object({ kpj: z.string().regex(/^\d{11}$/).describe('KPJ, 11 digit') })

export const searchBody = z.object({
  nik: z.string().trim().regex(/^\d{16}$/).optional(),
  kpj: z.string().trim().regex(/^\d{11}$/).optional(),
  name: z.string().trim().min(2).max(200).optional().describe('Awal nama (tanpa membedakan huruf besar/kecil, gelar ditulis seperti di KTP)'),
  regencyCode: z.string().trim().min(4).max(5).optional(),
  status: z.enum(STATUS_VALUES).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(64).optional().describe('nextCursor dari halaman sebelumnya'),
})
export const searchResponse = z.object({ items: z.array(participantView), nextCursor: z.string().nullable() })

export const eventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})
export const historyResponse = z.object({ items: z.array(eventView) })

export const correctionBody = z.object({
  version: z.number().int().min(1).describe('Versi data yang terakhir dilihat (cegah menimpa koreksi orang lain)'),
  name: z.string().min(1).max(200).optional(),
  birthDate: localDate.optional(),
  phone: z.string().max(32).nullable().optional().describe('null menghapus nomor HP'),
  regencyCode: z.string().trim().min(4).max(5).optional(),
  reason: z.string().trim().max(300).optional(),
})

export const endBody = z.object({
  reason: z.enum(END_REASON_VALUES),
  month: month.describe('Bulan terakhir kepesertaan'),
  version: z.number().int().min(1).optional(),
})

export const identityReviewView = z.object({
  id: z.string(),
  claimedName: z.string(),
  claimedBirthDate: z.string().nullable(),
  reason: z.string(),
  sourceId: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
})

export const sourceView = z.object({ id: z.string(), kind: z.enum(SOURCE_KIND_VALUES), name: z.string(), refId: z.string().nullable() })

export const exportResponse = z.object({
  exportedAt: z.string(),
  participant: participantView.extend({ consentPurpose: z.string(), consentAt: z.string() }),
  source: sourceView.nullable(),
  enrolments: z.array(enrolmentView),
  events: z.array(eventView),
  identityReviews: z.array(identityReviewView),
})

export const sourceBody = z.object({
  kind: z.enum(SOURCE_KIND_VALUES),
  name: z.string().trim().min(1).max(200),
  refId: z.string().trim().min(1).max(100).optional(),
})
export const sourceCreated = z.object({ id: z.string() })
export const sourceListQuery = z.object({ kind: z.enum(SOURCE_KIND_VALUES).optional() })
export const sourceListResponse = z.object({ items: z.array(sourceView.pick({ id: true, kind: true, name: true })) })
