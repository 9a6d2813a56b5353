import { parseDateInput } from '../../../src/areas/participants/domain/birth-dates'
import { parseRupiahInput } from '../lib/rupiah-input'

/** The deposit form as typed: amount in rupiah, date dd/mm/yyyy, where to, slip reference. */
export interface DepositForm {
  amount: string
  date: string
  to: 'bank' | 'cabang' | ''
  reference: string
}

/** POST /api/v1/agen/deposits body (src/areas/agents/http/schemas.ts depositBody). */
export interface DepositBody {
  amountIdr: number
  depositedOn: string
  to: 'bank' | 'cabang'
  reference: string
}

export type DepositProblem = 'required' | 'amount' | 'date' | 'future'
export type DepositCheck = { ok: true; body: DepositBody } | { ok: false; problems: Partial<Record<keyof DepositForm, DepositProblem>> }

/** Reads the form into the request body; whether the agent holds that much is the server's answer (it knows the ledger). */
export function depositBodyOf(form: DepositForm, today: string): DepositCheck {
  const problems: Partial<Record<keyof DepositForm, DepositProblem>> = {}
  const amount = parseRupiahInput(form.amount)
  if (amount === null) problems.amount = 'required'
  else if (Number.isNaN(amount) || amount <= 0) problems.amount = 'amount'
  const date = parseDateInput(form.date)
  if (form.date.trim() === '') problems.date = 'required'
  else if (date === null) problems.date = 'date'
  else if (date > today) problems.date = 'future'
  if (form.to === '') problems.to = 'required'
  const reference = form.reference.trim()
  if (reference === '') problems.reference = 'required'
  if (Object.keys(problems).length > 0 || amount === null || date === null || form.to === '') return { ok: false, problems }
  return { ok: true, body: { amountIdr: amount, depositedOn: date, to: form.to, reference } }
}
