/** Zod schemas of the programmes API (also imported by the web app for its quote form). */
import { z } from 'zod'

const whole = (what: string) => z.number().int().describe(what)

/**
 * `POST /api/v1/quotes`: the same fields as `semesta quote`, camelCase (`--risk-group` → `riskGroup`,
 * `--pp7-2025` → `pp72025`). Ranges and per-segment requirements are checked by the engine, which names the field.
 */
export const quoteBody = z.strictObject({
  segment: z.enum(['pu', 'bpu', 'pmi', 'jakon', 'non_asn', 'pemilu']).describe('segment'),
  month: z.string().describe('contribution month YYYY-MM, from 2015-07'),
  wage: whole('pu, jakon: monthly wage in rupiah').optional(),
  riskGroup: whole('pu (and non_asn, pemilu): JKK risk group 1–5').optional(),
  scale: z.enum(['micro', 'small', 'medium', 'large']).optional(),
  paidOn: z.string().describe('pu, bpu: payment date YYYY-MM-DD (adds late fines)').optional(),
  pp72025: z.boolean().describe('pu: apply PP 7/2025 JKK relief').optional(),
  jkp: z.boolean().describe('pu: the worker is a JKP participant (default true)').optional(),
  income: whole('bpu: declared monthly income in rupiah').optional(),
  programmes: z.array(z.enum(['jkk', 'jkm', 'jht', 'jp'])).describe('bpu: jkk, jkm [, jht]').optional(),
  sector: z.enum(['transport', 'other']).optional(),
  payer: z.enum(['self', 'pemda', 'apbn', 'sponsor']).optional(),
  contractMonths: whole('pmi: 6, 12 or 24').optional(),
  via: z.enum(['placement', 'individual']).optional(),
  extraMonths: whole('pmi: months beyond the contract').optional(),
  date: z.string().describe('pmi: date of payment YYYY-MM-DD').optional(),
  contractValue: whole('jakon: contract value excluding VAT').optional(),
  honorarium: whole('non_asn, pemilu: monthly honorarium').optional(),
})
export type QuoteBody = z.infer<typeof quoteBody>

const citedFields = { citation: z.string(), evidence: z.enum(['V-REG', 'V-EXC', 'C2', 'S1', 'R']) }

export const quoteLine = z.looseObject({
  programme: z.string(),
  payer: z.string(),
  baseIdr: z.number(),
  rateppm: z.number().nullable(),
  amountIdr: z.number(),
  ...citedFields,
})

export const quoteResponse = z.looseObject({
  month: z.string(),
  segment: z.string(),
  lines: z.array(quoteLine),
  billedIdr: z.number(),
  notBilled: z.array(z.looseObject({ programme: z.string(), payer: z.string(), kind: z.string(), amountIdr: z.number(), ...citedFields })),
  allocations: z.array(z.looseObject({ from: z.string(), to: z.string(), amountIdr: z.number(), ...citedFields })),
  dueDates: z.record(z.string(), z.string()),
  notes: z.array(z.object({ code: z.string(), message: z.string() })),
})

const schoolLevels = z.array(z.enum(['tk', 'sd', 'smp', 'sma', 'pt'])).max(5).describe('school level of each child (at most 2 count)')
const eventDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('date of the event YYYY-MM-DD: picks the regulation in force')

export const jkmBenefitBody = z.strictObject({
  date: eventDate,
  contributionMonths: z.number().int().min(0).describe('masa iur in months'),
  segment: z.enum(['pu', 'bpu']).optional(),
  consecutivePaidMonths: z.number().int().min(0).optional(),
  arrearsMonths: z.number().int().min(0).optional(),
  children: schoolLevels.optional(),
})

export const jkkDeathBenefitBody = z.strictObject({ date: eventDate, wage: z.number().int().min(0), children: schoolLevels.optional() })

export const jkpBenefitBody = z.strictObject({ date: eventDate, wage: z.number().int().min(0) })

export const benefitResponse = z.looseObject({
  benefit: z.string(),
  date: z.string(),
  lines: z.array(z.looseObject({ item: z.string(), amountIdr: z.number(), ...citedFields })),
  totalIdr: z.number(),
  notes: z.array(z.object({ code: z.string(), message: z.string() })),
})
