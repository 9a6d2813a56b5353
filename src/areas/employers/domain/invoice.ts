import { DomainError } from '../../../kernel/errors.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { monthIndex, type Month } from '../../../kernel/month.js'
import {
  fineLines, quote, type HolidayCalendar, type QuoteLine, type RegulationSet, type RiskGroup, type Scale,
} from '../../programmes/domain/index.js'

/** The billed programmes of a PU invoice line (JKP's government share is never billed to the employer). */
export type InvoiceProgramme = 'jkk' | 'jkm' | 'jht' | 'jp'
export type InvoiceSide = 'employer' | 'worker'

export interface InvoiceLineDraft {
  lineNo: number
  participantId: string
  programme: InvoiceProgramme
  payer: InvoiceSide
  wageIdr: number
  baseIdr: number
  rateppm: number
  amountIdr: number
}

export interface InvoiceDraft {
  month: Month
  dueDate: LocalDate
  workers: number
  amountIdr: number
  lines: InvoiceLineDraft[]
}

export interface WorkerWage {
  participantId: string
  wageIdr: number
}

const BILLED = new Set<string>(['jkk', 'jkm', 'jht', 'jp'])

/** `PU-<NPP>-<YYYYMM>`: one invoice per employer and contribution month, so the number is the natural key. */
export function invoiceNumber(npp: string, month: Month): string {
  return `PU-${npp}-${month.replace('-', '')}`
}

/**
 * The monthly PU invoice from the wages in force (regulations.md §2.1–§2.5): the engine's quote per worker, by the
 * employer's risk group and scale, JP on the capped wage of the contribution month; due the 15th of the next month
 * moved past weekends and holidays.
 */
export function draftInvoice(
  employer: { scale: Scale; riskGroup: RiskGroup },
  month: Month,
  workers: readonly WorkerWage[],
  regs: RegulationSet,
  calendar: HolidayCalendar,
): InvoiceDraft {
  if (workers.length === 0) throw new DomainError('invalid_state', `no worker of this employer has a wage in force for ${month}`, { field: 'month' })
  const lines: InvoiceLineDraft[] = []
  let dueDate: LocalDate | undefined
  let amountIdr = 0
  for (const worker of workers) {
    const q = quote({ segment: 'pu', month, wageIdr: worker.wageIdr, riskGroup: employer.riskGroup, scale: employer.scale }, regs, calendar)
    dueDate ??= Object.values(q.dueDates)[0]
    for (const line of q.lines) {
      if (!BILLED.has(line.programme) || line.amountIdr === 0) continue
      lines.push({
        lineNo: lines.length + 1, participantId: worker.participantId, programme: line.programme as InvoiceProgramme,
        payer: line.payer as InvoiceSide, wageIdr: worker.wageIdr, baseIdr: line.baseIdr, rateppm: line.rateppm ?? 0, amountIdr: line.amountIdr,
      })
      amountIdr += line.amountIdr
    }
  }
  if (!dueDate) throw new DomainError('internal', `the engine gave no due date for ${month}`)
  return { month, dueDate, workers: workers.length, amountIdr, lines }
}

export interface LineFine {
  lineNo: number
  programme: InvoiceProgramme
  lateMonths: number
  fineIdr: number
}

/**
 * Late fines of an invoice paid (or looked at) on `paidOn`: the engine's rule, 2 % per started month of delay on
 * each late line, rounded once per line, borne by the employer also on the worker's shares (PP 44/2015 Pasal 22;
 * PP 46/2015 Pasal 20; PP 45/2015 Pasal 31; the month counting is flagged data in regulations/fines.yaml).
 */
export function invoiceFines(
  invoice: { month: Month; dueDate: LocalDate; lines: readonly Pick<InvoiceLineDraft, 'lineNo' | 'programme' | 'payer' | 'baseIdr' | 'rateppm' | 'amountIdr'>[] },
  paidOn: LocalDate,
  regs: RegulationSet,
): LineFine[] {
  const mi = monthIndex(invoice.month)
  const rule = {
    rate: regs.fines.puLateFinePerMonth.require(mi),
    counting: regs.fines.lateMonthCounting.require(mi),
    dueOf: () => invoice.dueDate,
    payerOf: () => 'employer',
  }
  const quoteLines: QuoteLine[] = invoice.lines.map((l) => ({
    programme: l.programme, payer: l.payer, baseIdr: l.baseIdr, rateppm: l.rateppm, amountIdr: l.amountIdr, citation: '', evidence: 'V-REG',
  }))
  // Every line of an invoice shares its due date, so the engine fines all of them or none, in order.
  const fines = fineLines(quoteLines, paidOn, rule)
  return fines.map((f, i) => {
    const line = invoice.lines[i] as (typeof invoice.lines)[number]
    return { lineNo: line.lineNo, programme: line.programme, lateMonths: f.lateMonths as number, fineIdr: f.amountIdr }
  })
}
