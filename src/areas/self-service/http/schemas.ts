import { z } from 'zod'

/** Zod schemas of the self-service API (also importable by the web app). */
export const signInBody = z.object({
  number: z.string().min(11).max(24).describe('NIK (16 digit) atau KPJ (11 digit)'),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD'),
})
export const signInResponse = z.object({ challengeId: z.string().uuid(), expiresInSeconds: z.number().int() })
export const verifyBody = z.object({ challengeId: z.string().uuid(), code: z.string().regex(/^\d{6}$/) })
export const verifyResponse = z.object({ signedIn: z.literal(true), expiresAt: z.string() })

const idr = z.number().int()
const familyBenefit = z.object({ totalIdr: idr, lines: z.array(z.object({ item: z.string(), amountIdr: idr })), notes: z.array(z.string()) })
export const optOutChannel = z.enum(['whatsapp', 'sms', 'all'])

export const workerRecordResponse = z.object({
  kpj: z.string(),
  nikMasked: z.string(),
  name: z.string(),
  regencyCode: z.string(),
  category: z.string(),
  asOf: z.string(),
  status: z.string(),
  protectedUntil: z.string().nullable(),
  paidThrough: z.string().nullable(),
  arrearsIdr: idr,
  creditIdr: idr,
  nextChange: z.object({ date: z.string(), status: z.string() }).nullable(),
  owed: z.array(z.object({ month: z.string(), amountIdr: idr, overdue: z.boolean() })),
  payNo: z.string(),
  receipts: z.array(z.object({
    receiptNo: z.string(), paidOn: z.string(), amountIdr: idr, channel: z.string(),
    reversedAt: z.string().nullable().describe('ISO-8601 when a channel partner reversed the payment (Dibatalkan); null for a standing one'),
  })),
  receiptsTotalIdr: idr.describe('what the standing payments paid in all: a reversed payment is not counted'),
  benefitLevel: z.enum(['full', 'partial', 'none']),
  family: z.object({ jkm: familyBenefit, jkkDeath: familyBenefit.nullable() }),
  optOuts: z.array(optOutChannel),
})
export type WorkerRecordView = z.infer<typeof workerRecordResponse>

export const optOutBody = z.object({ channel: optOutChannel, optedOut: z.boolean() })
export const optOutResponse = z.object({ optOuts: z.array(optOutChannel) })
export const receiptParams = z.object({ receiptNo: z.string().regex(/^BB-\d{4}-\d{6,}$/) })
