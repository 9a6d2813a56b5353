import { PPM } from '../../../kernel/money.js'
import { unknownFigure } from './periods.js'
import { cite, sumLines, type PmiQuoteInput, type Quote, type QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'

/** PMI: one JKK+JKM package for the protection period (Permenaker 4/2023 Pasal 18; Permenaker 18/2018 before). */
export function quotePmi(input: PmiQuoteInput, regs: RegulationSet): Quote {
  const date = input.date ?? `${input.month}-01`
  const param = regs.pmi.packages
  const period = param.require(date)
  const pk = period.value
  const need = (value: number | null | undefined, detail: string): number => {
    if (value === null || value === undefined) throw unknownFigure(param, date, period, detail)
    return value
  }
  const line = (phase: string, amountIdr: number, extra: Record<string, unknown> = {}): QuoteLine => ({
    programme: 'jkk_jkm', payer: 'self', baseIdr: amountIdr, rateppm: PPM, amountIdr, phase, flat: true, ...extra, ...cite(period),
  })
  const lines: QuoteLine[] = []
  const cm = input.contractMonths
  if (input.via === 'placement') {
    lines.push(line('pre_placement', need(pk.prePlacementIdr, 'pre_placement_idr')))
    lines.push(line('during_after', need(pk.placementIdr?.[cm], `placement_idr.${cm}`), { contractMonths: cm }))
  } else {
    lines.push(line('during_after', need(pk.individualIdr?.[cm], `individual_idr.${cm}`), { contractMonths: cm }))
  }
  if (input.extraMonths) {
    const perMonth = need(pk.extraMonthIdr, 'extra_month_idr')
    lines.push({ ...line('extra_months', perMonth * input.extraMonths), baseIdr: perMonth, rateppm: PPM * input.extraMonths, extraMonths: input.extraMonths, flat: false })
  }
  return {
    month: input.month,
    segment: 'pmi',
    date,
    via: input.via,
    contractMonths: cm,
    protectionMonths: pk.protectionMonths[cm],
    lines,
    billedIdr: sumLines(lines),
    notBilled: [],
    allocations: [],
    dueDates: {},
    notes: [{ code: 'paid_at_once', message: 'PMI pay the package at once for the protection period: no monthly due date' }],
  }
}
