import { applyFactorppm, PPM } from '../../../kernel/money.js'
import type { Period } from './periods.js'
import type { QuoteLine } from './quote-types.js'

/**
 * Applies a share-of-normal relief (PP 49/2020, PP 50/2025) to an already rounded line, once, and records the
 * normal amount, the factor and the relief's citation on the line.
 */
export function applyRelief(line: QuoteLine, factor: Period<unknown>, factorppm: number): QuoteLine {
  if (factorppm === PPM) return line
  line.normalAmountIdr = line.amountIdr
  line.factorppm = factorppm
  line.discountppm = PPM - factorppm
  line.amountIdr = applyFactorppm(line.amountIdr, factorppm)
  line.discountCitation = factor.citation
  line.discountEvidence = factor.evidence
  return line
}
