import { z } from 'zod'

/** Request and response shapes of the employers API (the web app may import these). */

export const scaleSchema = z.enum(['micro', 'small', 'medium', 'large'])
export const programmeSchema = z.enum(['jkk', 'jkm', 'jht', 'jp'])

export const createEmployerBody = z.object({
  npp: z.string().min(1).max(40).describe('Nomor pendaftaran perusahaan (huruf dan angka, ≤ 20)'),
  name: z.string().min(1).max(200),
  regionCode: z.string().min(1).max(16).describe('Kabupaten/kota, mis. 51.71 atau 5171'),
  scale: scaleSchema.describe('Skala usaha (menentukan program wajib)'),
  riskGroup: z.number().int().min(1).max(5).describe('Kelompok risiko JKK 1–5 (I–V)'),
})

export const employerView = z.object({
  id: z.string(),
  npp: z.string(),
  name: z.string(),
  regionCode: z.string(),
  scale: scaleSchema,
  riskGroup: z.number().int(),
  status: z.enum(['active', 'closed']),
  sourceId: z.string(),
  mandatoryProgrammes: z.array(programmeSchema).describe('Program wajib untuk skala usaha ini pada bulan berjalan'),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type EmployerView = z.infer<typeof employerView>

export const employerIdParams = z.object({ id: z.string().min(1).max(64) })

export const searchEmployersBody = z
  .object({
    npp: z.string().min(1).max(40).optional(),
    name: z.string().trim().min(2).max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((b) => b.npp !== undefined || b.name !== undefined, { message: 'npp atau name wajib diisi', path: ['npp'] })

export const searchEmployersResponse = z.object({ items: z.array(employerView) })

export const workersQuery = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('Bulan upah yang berlaku (YYYY-MM); bawaan: bulan berjalan'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export const wageView = z.object({
  month: z.string(),
  revision: z.number().int(),
  wageIdr: z.number().int(),
  reportedVia: z.enum(['wage_report', 'api', 'cli']),
  reason: z.string().nullable(),
  createdAt: z.string(),
})

export const workerView = z.object({
  participantId: z.string(),
  kpj: z.string(),
  nik: z.string(),
  name: z.string(),
  regencyCode: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  effectiveWageIdr: z.number().int().nullable().describe('Upah yang berlaku pada bulan yang diminta'),
  wages: z.array(wageView),
  personalDataMasked: z.boolean(),
})

export const workersResponse = z.object({ month: z.string(), items: z.array(workerView) })

export const recordWageBody = z
  .object({
    participantId: z.string().min(1).max(64).optional(),
    nik: z.string().min(1).max(32).optional(),
    month: z.string().min(1).max(10).describe('Bulan upah berlaku (YYYY-MM)'),
    wageIdr: z.number().int().describe('Upah sebulan (upah pokok + tunjangan tetap), rupiah bulat'),
    reason: z.string().max(200).optional().describe('Alasan koreksi, bila bulan ini sudah dilaporkan dengan jumlah lain'),
  })
  .refine((b) => (b.participantId === undefined) !== (b.nik === undefined), { message: 'isi participantId atau nik (salah satu)', path: ['participantId'] })

export const recordWageResponse = z.object({
  employerId: z.string(),
  participantId: z.string(),
  month: z.string(),
  stored: z.boolean().describe('false: bulan ini sudah tercatat dengan jumlah yang sama'),
  revision: z.number().int().nullable(),
  wageIdr: z.number().int(),
  workerLinked: z.boolean(),
})

const rowIssue = z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })

export const wageReportResponse = z.object({
  employerId: z.string(),
  read: z.number().int(),
  stored: z.number().int(),
  corrected: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  workersLinked: z.number().int(),
  errors: z.array(rowIssue),
  warnings: z.array(rowIssue),
})
