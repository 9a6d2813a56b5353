import { invoiceFines, listEmployerInvoices, listInvoiceLines } from '../areas/employers/index.js'
import { account, accountBalance } from '../areas/ledger/index.js'
import { loadRegulationSet, type RegulationSet } from '../areas/programmes/index.js'
import { isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'

export interface EmployerArrears {
  employerId: string
  asOf: LocalDate
  /** Invoices past their due date and unpaid at `asOf`, oldest first, with the fine they would carry if paid that day. */
  invoices: Array<{ invoiceNo: string; month: string; dueDate: LocalDate; amountIdr: number; lateMonths: number; fineIdr: number }>
  monthsLate: number
  contributionIdr: number
  /** Fines accrued at `asOf` on the unpaid invoices (not yet raised in the ledger: they are raised when paid). */
  fineIdr: number
  totalIdr: number
  /** Invoiced and not yet paid, past due or not, read from the ledger (payer_receivable of the employer). */
  ledgerOpenIdr: number
}

/**
 * An employer's arrears at a date (issue 5 item 5): unpaid past-due invoices and the fines accrued on them by the
 * engine's rule. The workers are not touched: they stay `aktif` whatever the employer owes (DESIGN.md §7).
 */
export async function employerArrears(sql: Sql, employerId: string, asOf: LocalDate, regs: RegulationSet = loadRegulationSet()): Promise<EmployerArrears> {
  if (!isLocalDate(asOf)) throw new DomainError('invalid_date', `asOf ${asOf} is not a date (YYYY-MM-DD)`, { field: 'asOf' })
  const invoices: EmployerArrears['invoices'] = []
  for (const invoice of await listEmployerInvoices(sql, employerId)) {
    if (invoice.dueDate >= asOf || (invoice.paidOn !== null && invoice.paidOn <= asOf)) continue
    const fines = invoiceFines({ ...invoice, lines: await listInvoiceLines(sql, invoice.id) }, asOf, regs)
    invoices.push({
      invoiceNo: invoice.invoiceNo, month: invoice.month, dueDate: invoice.dueDate, amountIdr: invoice.amountIdr,
      lateMonths: fines[0]?.lateMonths ?? 0, fineIdr: fines.reduce((sum, f) => sum + f.fineIdr, 0),
    })
  }
  const contributionIdr = invoices.reduce((sum, i) => sum + i.amountIdr, 0)
  const fineIdr = invoices.reduce((sum, i) => sum + i.fineIdr, 0)
  const ledgerOpenIdr = await accountBalance(sql, account.payerReceivable('employer', employerId))
  return { employerId, asOf, invoices, monthsLate: invoices.length, contributionIdr, fineIdr, totalIdr: contributionIdr + fineIdr, ledgerOpenIdr }
}
