import { applyRateppm, PPM } from '../../../kernel/money.js'
import { monthIndex } from '../../../kernel/month.js'
import { cite, sumLines, type JakonQuoteInput, type Quote, type QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import type { ContractBracket } from './types.js'

interface BracketPart {
  fromIdr: number
  toIdr: number | null
  rateppm: number
  partIdr: number
}

/**
 * Marginal brackets on the contract value, the line rounded once: floor((Σ part × ppm + 500,000) / 10^6).
 * BigInt when the exact sum could pass Number.MAX_SAFE_INTEGER (contract values above ≈ Rp4 trillion).
 */
export function bracketAmount(valueIdr: number, brackets: readonly ContractBracket[], rateOf: (b: ContractBracket) => number): { amountIdr: number; parts: BracketPart[] } {
  const parts: BracketPart[] = []
  let lower = 0
  for (const b of brackets) {
    if (valueIdr <= lower) break
    const upper = b.upToIdr === null ? valueIdr : Math.min(valueIdr, b.upToIdr)
    parts.push({ fromIdr: lower, toIdr: b.upToIdr, rateppm: rateOf(b), partIdr: upper - lower })
    if (b.upToIdr === null) break
    lower = b.upToIdr
  }
  const maxRate = parts.reduce((m, p) => Math.max(m, p.rateppm), 0)
  if (Number.isSafeInteger(valueIdr * maxRate + PPM)) {
    let exact = 0
    for (const p of parts) exact += p.partIdr * p.rateppm
    return { amountIdr: Math.floor((exact + PPM / 2) / PPM), parts }
  }
  let exact = 0n
  for (const p of parts) exact += BigInt(p.partIdr) * BigInt(p.rateppm)
  return { amountIdr: Number((exact + BigInt(PPM / 2)) / BigInt(PPM)), parts }
}

/** Construction: wages known → JKK 1.74 % + JKM 0.30 % of wages; else marginal rates on the contract value. */
export function quoteJakon(input: JakonQuoteInput, regs: RegulationSet): Quote {
  const mi = monthIndex(input.month)
  const lines: QuoteLine[] = []
  if (input.wageIdr !== undefined) {
    const rates = regs.jakon.knownWageRates.require(mi)
    for (const programme of ['jkk', 'jkm'] as const) {
      const rate = rates.value[programme]
      lines.push({ programme, payer: 'employer', baseIdr: input.wageIdr, rateppm: rate, amountIdr: applyRateppm(input.wageIdr, rate), ...cite(rates) })
    }
  } else {
    const value = input.contractValueIdr ?? 0
    const brackets = regs.jakon.brackets.require(mi)
    for (const programme of ['jkk', 'jkm'] as const) {
      const { amountIdr, parts } = bracketAmount(value, brackets.value, (b) => (programme === 'jkk' ? b.jkkppm : b.jkmppm))
      lines.push({ programme, payer: 'employer', baseIdr: value, rateppm: null, amountIdr, brackets: parts, ...cite(brackets) })
    }
  }
  return {
    month: input.month,
    segment: 'jakon',
    basis: input.wageIdr !== undefined ? 'wages' : 'contract_value',
    lines,
    billedIdr: sumLines(lines),
    notBilled: [],
    allocations: [],
    dueDates: {},
    notes: [{ code: 'project_payment', message: 'construction contributions are paid for the project; the payment timing is not modelled' }],
  }
}
