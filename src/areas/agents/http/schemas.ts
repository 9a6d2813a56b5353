import { z } from 'zod'
import { registrationBody } from '../../participants/http/schemas.js'

/**
 * The Agen Perisai API (/work/notes/agen-contract.md): the phone app's outbox drain, the agent's own view, portfolio,
 * collections, commission and cash deposits, and the staff performance table. The PWA imports these.
 */
const uuid = z.string().uuid()
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('YYYY-MM')
const idr = z.number().int()

export const agenRegisterPayload = registrationBody.omit({ sourceId: true })
export type AgenRegisterPayload = z.infer<typeof agenRegisterPayload>

export const agenCollectPayload = z.object({
  participantId: uuid.optional(),
  participantClientId: uuid.optional().describe("clientId of a 'register' item of the same or an earlier sync"),
  months: z.number().int().min(1).max(12),
  amountIdr: z.number().int().positive(),
  collectedOn: localDate,
})
export type AgenCollectPayload = z.infer<typeof agenCollectPayload>

export const outboxItem = z.discriminatedUnion('kind', [
  z.object({ clientId: uuid, kind: z.literal('register'), createdAt: z.string().datetime({ offset: true }), payload: agenRegisterPayload }),
  z.object({ clientId: uuid, kind: z.literal('collect'), createdAt: z.string().datetime({ offset: true }), payload: agenCollectPayload }),
])
export type OutboxItem = z.infer<typeof outboxItem>

/**
 * The envelope: 1–100 JSON objects (else 400). Each item is checked against `outboxItem` on its own in the flow: one
 * that does not match is refused alone in `results` (`invalid_input`, the field named), the others are processed.
 */
export const syncBody = z.object({
  items: z.array(z.union([outboxItem, z.object({}).passthrough()]))
    .min(1).max(100)
    .describe("the outbox in order; each item a 'register' or 'collect' item; an item that does not match is refused alone (error.code invalid_input, error.field e.g. payload.months)"),
})
export type SyncBody = z.infer<typeof syncBody>

export const itemError = z.object({ code: z.string(), field: z.string().optional(), message: z.string() })

export const itemResult = z.object({
  clientId: z.string(),
  state: z.enum(['done', 'rejected']),
  participantId: z.string().optional(),
  kpj: z.string().optional(),
  existing: z.boolean().optional().describe('register: the NIK was already registered with the same identity'),
  paymentId: z.string().optional(),
  receiptNo: z.string().optional(),
  months: z.array(z.string()).optional(),
  paidThrough: z.string().nullable().optional(),
  error: itemError.optional(),
})
export type ItemResult = z.infer<typeof itemResult>

export const syncResponse = z.object({ results: z.array(itemResult) })
export type SyncResponse = z.infer<typeof syncResponse>

export const agentView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  wadah: z.string().nullable(),
  branchCode: z.string().nullable(),
  regionCodes: z.array(z.string()),
  status: z.enum(['aktif', 'tidak_aktif']),
  sourceId: z.string(),
})

export const meResponse = z.object({
  agent: agentView,
  month,
  targets: z.object({ registrations: z.number().int().nullable(), collectionsIdr: idr.nullable() }).nullable(),
  progress: z.object({ registrations: z.number().int(), collectionsIdr: idr }),
  cashOnHandIdr: idr,
  commission: z.object({ month, totalIdr: idr }).nullable(),
})
export type MeResponse = z.infer<typeof meResponse>

export const portfolioQuery = z.object({ asOf: localDate.optional() })
export const portfolioItem = z.object({
  participantId: z.string(),
  kpj: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe('+62…, tidak disamarkan untuk portofolio agen sendiri'),
  regencyCode: z.string(),
  status: z.string(),
  monthsOwed: z.array(z.string()),
  owedIdr: idr,
  protectedUntil: localDate.nullable(),
  nextDueDate: localDate.nullable(),
  monthlyIdr: idr.nullable().describe('what one further month costs the worker (the month after the owed ones), from the contributions engine; null when the worker does not pay it (pemda, APBN, employer) or it cannot be priced'),
})
export type PortfolioItem = z.infer<typeof portfolioItem>
export const portfolioResponse = z.object({
  asOf: localDate,
  groups: z.object({ dueThisWeek: z.array(portfolioItem), arrears: z.array(portfolioItem), lapsing: z.array(portfolioItem), lapsed: z.array(portfolioItem), neverPaid: z.array(portfolioItem) }),
})
export type PortfolioResponse = z.infer<typeof portfolioResponse>

export const collectionsQuery = z.object({ from: localDate.optional(), to: localDate.optional(), agentId: uuid.optional().describe('staf: agen yang dilihat') })
export const collectionItem = z.object({
  paymentId: z.string(), receiptNo: z.string(), participantId: z.string(), kpj: z.string(), name: z.string(), amountIdr: idr, months: z.array(z.string()),
  collectedOn: localDate, deposited: z.boolean(), reversed: z.boolean(),
})
export const collectionsResponse = z.object({ items: z.array(collectionItem) })

export const commissionQuery = z.object({ month: month.optional(), agentId: uuid.optional() })
export const statementLine = z.object({
  kind: z.enum(['collection', 'clawback', 'acquisition', 'wadah_share']), schemeMonth: month, baseIdr: idr, rateppm: z.number().int().nullable(),
  amountIdr: idr, count: z.number().int(), evidence: z.string(),
})
export const commissionResponse = z.object({
  agentId: z.string(), month, lines: z.array(statementLine), totalIdr: idr, wadahIdr: idr, collectedIdr: idr, newParticipants: z.number().int(),
  scheme: z.object({ from: month, to: month.nullable(), citation: z.string(), evidence: z.string() }).nullable(),
})
export type CommissionResponse = z.infer<typeof commissionResponse>

export const depositBody = z.object({
  amountIdr: z.number().int().positive(),
  depositedOn: localDate,
  to: z.enum(['bank', 'cabang']),
  reference: z.string().trim().min(1).max(100).describe('Nomor slip setoran / bukti terima cabang'),
  agentId: uuid.optional().describe('staf: agen yang menyetor (agen: diri sendiri)'),
})
export const depositResponse = z.object({
  depositId: z.string(), agentId: z.string(), amountIdr: idr, depositedOn: localDate, to: z.enum(['bank', 'cabang']), reference: z.string(),
  cashOnHandIdr: idr,
})

export const cashQuery = z.object({ agentId: uuid.optional(), asOf: localDate.optional() })
export const cashResponse = z.object({
  agentId: z.string(), asOf: localDate, collectedIdr: idr, depositedIdr: idr, undepositedIdr: idr, excessDepositIdr: idr, ledgerBalanceIdr: idr,
  undeposited: z.array(z.object({ paymentId: z.string(), collectedOn: localDate, amountIdr: idr, depositedIdr: idr, daysHeld: z.number().int().nullable() })),
})

export const performanceQuery = z.object({ month: month.optional(), branch: z.string().max(64).optional(), regency: z.string().min(4).max(5).optional() })
export const performanceRow = z.object({
  agentId: z.string(), code: z.string(), name: z.string(), wadah: z.string().nullable(), branchCode: z.string().nullable(), regionCodes: z.array(z.string()),
  status: z.enum(['aktif', 'tidak_aktif']), registrations: z.number().int(), collections: z.number().int(), collectedIdr: idr,
  portfolio: z.number().int(), terlindungi: z.number().int(), retentionppm: z.number().int().nullable().describe('terlindungi / pernah membayar, ppm'),
  lapseRateppm: z.number().int().nullable().describe('nonaktif / pernah membayar, ppm'), cashOnHandIdr: idr,
})
export const performanceResponse = z.object({ month, rows: z.array(performanceRow) })
