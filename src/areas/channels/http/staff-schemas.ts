import { z } from 'zod'

/** The staff JSON of the channels area (issue 9 item 7): partners without secrets, a day's transactions, reconciliation. */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  partnerServiceId: z.string(),
  fee: z.number().int().describe('fee per payment in rupiah, netted at settlement'),
  sourceId: z.string(),
  created: z.string().describe('ISO-8601'),
})
export const partnersResponse = z.object({ partners: z.array(partnerSchema) })

export const partnerParams = z.object({ id: z.string().min(1) })
export const transactionsQuery = z.object({ date: date.optional().describe('the WIB day; default today (WIB)') })
export const reconcileQuery = z.object({ date: date.optional().describe('the WIB day of the settlement file; default today (WIB)') })

export const transactionSchema = z.object({
  trxDateTime: z.string().describe('WIB, +07:00'),
  kind: z.enum(['payment', 'reversal']),
  paymentRequestId: z.string(),
  referenceNo: z.string().nullable(),
  customerNo: z.string().describe('KPJ or NIK, masked'),
  receiptNo: z.string(),
  periods: z.array(z.string()),
  amount: z.number().int().describe('rupiah; a reversal is negative'),
  fee: z.number().int(),
  status: z.string().describe('00 paid, 05 reversal'),
  reversalOf: z.string().nullable(),
})
export const transactionsResponse = z.object({
  partner: partnerSchema,
  date: z.string(),
  transactions: z.array(transactionSchema),
  fees: z.object({ payments: z.number().int(), grossIdr: z.number().int(), feeIdr: z.number().int(), netIdr: z.number().int() }),
  registrations: z.array(z.object({
    trxDateTime: z.string().describe('WIB, +07:00'),
    partnerReferenceNo: z.string(),
    externalId: z.string(),
    outcome: z.enum(['registered', 'already_registered', 'identity_conflict']).describe('a new worker, the existing KPJ answered, or 4099001 kept for review'),
    kpj: z.string().nullable().describe('masked; null on an identity conflict'),
  })).describe("the day's registrations at the partner's counter (SNAP service 90); not money, not in the settlement report"),
})

const reconciliationRun = {
  id: z.string().uuid(),
  date: z.string(),
  reconciledAt: z.string().describe('ISO 8601'),
  fileSha256: z.string().describe("SHA-256 of the partner's file as uploaded"),
  rows: z.number().int().describe("rows in the partner's file"),
  matched: z.number().int(),
  onlyAtPartner: z.array(z.object({ paymentRequestId: z.string(), line: z.number().int(), amountIdr: z.number().int() })),
  onlyAtSemesta: z.array(z.object({ paymentRequestId: z.string(), amountIdr: z.number().int(), receiptNo: z.string() })),
  amountDiffers: z.array(z.object({ paymentRequestId: z.string(), line: z.number().int(), partnerAmountIdr: z.number().int(), semestaAmountIdr: z.number().int() })),
}

export const reconciliationResponse = z.object({
  ...reconciliationRun,
  fees: z.object({ payments: z.number().int(), grossIdr: z.number().int(), feeIdr: z.number().int(), netIdr: z.number().int() }),
})

export const reconciliationList = z.object({ date: z.string(), items: z.array(z.object(reconciliationRun)) })
