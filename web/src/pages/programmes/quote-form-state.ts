import { parseRupiahInput } from '../../lib/rupiah-input'

export const SEGMENTS = ['bpu', 'pu', 'pmi', 'jakon'] as const
export type Segment = (typeof SEGMENTS)[number]
export const SECTORS = ['other', 'transport'] as const
export const PAYERS = ['self', 'pemda', 'apbn', 'sponsor'] as const
export const RISK_GROUPS = ['1', '2', '3', '4', '5'] as const
export const SCALES = ['micro', 'small', 'medium', 'large'] as const
export const CONTRACT_MONTHS = ['6', '12', '24'] as const
export const VIAS = ['placement', 'individual'] as const

/** What the calculator's fields hold, as typed (strings), for every segment at once so switching keeps entries. */
export interface QuoteFormState {
  segment: Segment
  month: string
  income: string
  jht: boolean
  sector: (typeof SECTORS)[number]
  payer: (typeof PAYERS)[number]
  wage: string
  riskGroup: (typeof RISK_GROUPS)[number]
  scale: (typeof SCALES)[number]
  paidOn: string
  contractMonths: (typeof CONTRACT_MONTHS)[number]
  via: (typeof VIAS)[number]
  contractValue: string
}

/**
 * The calculator's request in the words of `semesta quote` (its flags in camelCase): the domain's parseQuoteInput
 * reads it, so the browser and the CLI validate alike.
 */
export type QuoteRequest =
  | { segment: 'bpu'; month: string; income: number; programmes: Array<'jkk' | 'jkm' | 'jht'>; sector: QuoteFormState['sector']; payer: QuoteFormState['payer'] }
  | { segment: 'pu'; month: string; wage: number; riskGroup: number; scale: QuoteFormState['scale']; paidOn?: string }
  | { segment: 'pmi'; month: string; contractMonths: number; via: QuoteFormState['via'] }
  | { segment: 'jakon'; month: string; contractValue: number }

export type FormReading = { kind: 'ready'; request: QuoteRequest } | { kind: 'incomplete' } | { kind: 'not-amount'; field: 'income' | 'wage' | 'contractValue' }

export function initialQuoteForm(month: string): QuoteFormState {
  return {
    segment: 'bpu',
    month,
    income: '1.000.000',
    jht: false,
    sector: 'other',
    payer: 'self',
    wage: '3.000.000',
    riskGroup: '1',
    scale: 'small',
    paidOn: '',
    contractMonths: '24',
    via: 'placement',
    contractValue: '',
  }
}

type AmountField = 'income' | 'wage' | 'contractValue'

function readAmount(form: QuoteFormState, field: AmountField): number | FormReading {
  const value = parseRupiahInput(form[field])
  if (value === null) return { kind: 'incomplete' }
  if (Number.isNaN(value)) return { kind: 'not-amount', field }
  return value
}

/** Turns the fields into a request, or says why not yet; rule checks (ranges, months) are the engine's. */
export function readQuoteForm(form: QuoteFormState): FormReading {
  const { month } = form
  if (!month) return { kind: 'incomplete' }
  switch (form.segment) {
    case 'bpu': {
      const income = readAmount(form, 'income')
      if (typeof income !== 'number') return income
      const programmes: Array<'jkk' | 'jkm' | 'jht'> = form.jht ? ['jkk', 'jkm', 'jht'] : ['jkk', 'jkm']
      return { kind: 'ready', request: { segment: 'bpu', month, income, programmes, sector: form.sector, payer: form.payer } }
    }
    case 'pu': {
      const wage = readAmount(form, 'wage')
      if (typeof wage !== 'number') return wage
      const request: QuoteRequest = { segment: 'pu', month, wage, riskGroup: Number(form.riskGroup), scale: form.scale }
      return { kind: 'ready', request: form.paidOn ? { ...request, paidOn: form.paidOn } : request }
    }
    case 'pmi':
      return { kind: 'ready', request: { segment: 'pmi', month, contractMonths: Number(form.contractMonths), via: form.via } }
    case 'jakon': {
      const contractValue = readAmount(form, 'contractValue')
      if (typeof contractValue !== 'number') return contractValue
      return { kind: 'ready', request: { segment: 'jakon', month, contractValue } }
    }
  }
}
