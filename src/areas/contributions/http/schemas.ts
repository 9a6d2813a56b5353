import { z } from 'zod'

/** Request and response shapes of the contributions API (camelCase; the web app imports these). Money as JSON numbers. */

const STATUS_VALUES = ['terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'] as const
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).describe('YYYY-MM-DD (tanggal lokal wilayah peserta)')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('YYYY-MM')
const status = z.enum(STATUS_VALUES)
const idr = z.number().int()

export const paymentBody = z
  .object({
    participantId: z.string().uuid().optional(),
    kpj: z.string().regex(/^\d{11}$/).optional().describe('KPJ, 11 digit'),
    nik: z.string().regex(/^\d{16}$/).optional().describe('NIK, 16 digit (hanya di badan permintaan, tidak pernah di URL)'),
    months: z.number().int().min(1).max(12).optional().describe('1–12 bulan, tunggakan termasuk'),
    amountIdr: z.number().int().min(1).max(1_000_000_000).optional().describe('Uang yang diterima; sisa yang kurang dari sebulan menjadi saldo'),
    paidOn: localDate.describe('Tanggal uang diterima (boleh lebih awal dari hari ini: bukti yang dicatat terlambat)'),
    sourceId: z.string().uuid().optional().describe('Sumber/agen yang menerima uang (agen: salah satu sumber miliknya)'),
    note: z.string().trim().min(1).max(200).optional().describe('Catatan singkat tanpa data pribadi'),
  })
  .refine((b) => [b.participantId, b.kpj, b.nik].filter((v) => v !== undefined).length === 1, { message: 'Isi tepat satu dari participantId, kpj atau nik.', path: ['participantId'] })
  .refine((b) => b.months !== undefined || b.amountIdr !== undefined, { message: 'Isi months dan/atau amountIdr.', path: ['months'] })
export type PaymentBody = z.infer<typeof paymentBody>

export const paymentMonth = z.object({ month, amountIdr: idr, arrears: z.boolean() })

export const paymentResponse = z.object({
  paymentId: z.string(),
  receiptNo: z.string(),
  replayed: z.boolean(),
  participantId: z.string(),
  amountIdr: idr,
  months: z.array(month),
  allocated: z.array(paymentMonth),
  paidThrough: month.nullable(),
  creditIdr: idr,
  status,
  receiptUrl: z.string(),
})

export const idParams = z.object({ id: z.string().uuid() })
export const accountQuery = z.object({ asOf: localDate.optional().describe('Default: hari ini di wilayah peserta') })

export const accountResponse = z.object({
  participantId: z.string(),
  asOf: localDate,
  status,
  paidThrough: month.nullable(),
  arrearsIdr: idr,
  totalPaidIdr: idr,
  creditIdr: idr,
  nextChange: z.object({ date: localDate, status }).nullable(),
  months: z.array(z.object({ month, status, state: z.string(), dueIdr: idr, paidIdr: idr })),
})

export const paymentListItem = z.object({
  paymentId: z.string(), receiptNo: z.string(), amountIdr: idr, paidOn: localDate, channel: z.string(), receiptUrl: z.string(),
  reversedAt: z.string().nullable().describe('ISO-8601 when a channel partner reversed it the same day (Dibatalkan); null for a standing payment'),
})
export const paymentList = z.object({ items: z.array(paymentListItem), totalIdr: idr.describe('the standing payments only: a reversed one is not counted') })

export const receiptParams = z.object({ receiptNo: z.string().regex(/^BB-\d{4}-\d{6,}$/).describe('BB-YYYY-000001') })

export const receiptView = z.object({
  receiptNo: z.string(),
  paymentId: z.string(),
  issuedAt: z.string(),
  paidOn: localDate,
  zone: z.enum(['WITA', 'WIT']),
  participant: z.object({ id: z.string(), kpj: z.string(), nik: z.string(), name: z.string(), regencyCode: z.string(), personalDataMasked: z.boolean() }),
  months: z.array(z.object({ month, lines: z.array(z.object({ programme: z.string(), amountIdr: idr })), totalIdr: idr })),
  amountIdr: idr,
  creditUsedIdr: idr,
  creditIdr: idr,
  channel: z.string(),
  collector: z.object({ sourceId: z.string().nullable(), sourceName: z.string().nullable(), sourceKind: z.string().nullable() }),
  reversedAt: z.string().nullable().describe('ISO-8601 when a channel partner reversed the payment: the receipt is void'),
})

export const WORKLIST_KINDS = ['due-soon', 'arrears', 'lapsing', 'never-paid', 'lapsed'] as const
export const worklistParams = z.object({ kind: z.enum(WORKLIST_KINDS) })
export const worklistQuery = z.object({
  regency: z.string().regex(/^\d{2}\.?\d{2}$/).optional().describe('Kode kabupaten/kota, 53.71 atau 5371; default: seluruh wilayah Anda'),
  days: z.coerce.number().int().min(1).max(60).default(7).describe('due-soon: jatuh tempo dalam N hari'),
  asOf: localDate.optional().describe('Default: hari ini (WITA)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})

export const worklistRow = z.object({
  participantId: z.string(),
  kpj: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  regencyCode: z.string(),
  status,
  statusSince: localDate,
  paidThrough: month.nullable(),
  monthsInArrears: z.number().int(),
  arrearsIdr: idr,
  amountToPayNowIdr: idr.nullable(),
  nextDeadline: localDate.nullable(),
  nextStatus: status.nullable(),
  personalDataMasked: z.boolean(),
})
export const worklistResponse = z.object({ kind: z.enum(WORKLIST_KINDS), asOf: localDate, items: z.array(worklistRow), nextCursor: z.string().nullable() })
export type PaymentResponse = z.infer<typeof paymentResponse>
export type WorklistRow = z.infer<typeof worklistRow>
