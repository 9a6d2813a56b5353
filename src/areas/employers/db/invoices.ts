import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { InvoiceLineDraft, InvoiceProgramme, InvoiceSide, WorkerWage } from '../domain/invoice.js'

export interface StoredInvoice {
  id: string
  invoiceNo: string
  employerId: string
  month: Month
  dueDate: LocalDate
  workers: number
  amountIdr: number
  transferId: string
  createdAt: Date
}

export interface StoredInvoiceLine extends InvoiceLineDraft {
  id: string
  invoiceId: string
}

export interface StoredInvoicePayment {
  id: string
  invoiceId: string
  clientKey: string
  paidOn: LocalDate
  amountIdr: number
  fineIdr: number
  totalIdr: number
}

const INVOICE = `id, invoice_no as "invoiceNo", employer_id as "employerId", month, due_date::text as "dueDate", workers,
  amount_idr as "amountIdr", transfer_id as "transferId", created_at as "createdAt"`
const LINE = `id, invoice_id as "invoiceId", line_no as "lineNo", participant_id as "participantId", programme, payer,
  wage_idr as "wageIdr", base_idr as "baseIdr", rateppm, amount_idr as "amountIdr"`
const PAYMENT = `id, invoice_id as "invoiceId", client_key as "clientKey", paid_on::text as "paidOn", amount_idr as "amountIdr",
  fine_idr as "fineIdr", total_idr as "totalIdr"`

/**
 * The workers employed at some time in `month` with the wage in force then: the latest reported month at or before
 * it, its highest revision (the same rule as the pure `effectiveWage`). Workers with no wage yet are left out.
 */
export async function workerWagesInMonth(sql: Sql, employerId: string, month: Month): Promise<WorkerWage[]> {
  const { rows } = await sql.query<WorkerWage>(
    `select distinct on (w.participant_id) w.participant_id as "participantId", g.wage_idr as "wageIdr"
       from employer_workers w
       join employer_wages g on g.employer_id = w.employer_id and g.participant_id = w.participant_id and g.effective_month <= $2
      where w.employer_id = $1
        and w.started_on <= (to_date($2, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
        and (w.ended_on is null or w.ended_on >= to_date($2, 'YYYY-MM'))
      order by w.participant_id, g.effective_month desc, g.revision desc`,
    [employerId, month],
  )
  return rows
}

/** Inserts the invoice; undefined when the employer already has one for the month (the unique index decides). */
export async function insertInvoice(sql: Sql, invoice: StoredInvoice, lines: readonly StoredInvoiceLine[]): Promise<StoredInvoice | undefined> {
  const { rows } = await sql.query<StoredInvoice>(
    `insert into employer_invoices (id, invoice_no, employer_id, month, due_date, workers, amount_idr, transfer_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict do nothing
     returning ${INVOICE}`,
    [invoice.id, invoice.invoiceNo, invoice.employerId, invoice.month, invoice.dueDate, invoice.workers, invoice.amountIdr, invoice.transferId, invoice.createdAt],
  )
  if (!rows[0]) return undefined
  await sql.query(
    `insert into employer_invoice_lines (id, invoice_id, line_no, participant_id, programme, payer, wage_idr, base_idr, rateppm, amount_idr)
     select v.id, $2, v.line_no, v.participant_id, v.programme, v.payer, v.wage, v.base, v.rate, v.amount
       from unnest($1::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::int[], $10::bigint[])
            as v(id, line_no, participant_id, programme, payer, wage, base, rate, amount)`,
    [
      lines.map((l) => l.id), invoice.id, lines.map((l) => l.lineNo), lines.map((l) => l.participantId), lines.map((l) => l.programme),
      lines.map((l) => l.payer), lines.map((l) => l.wageIdr), lines.map((l) => l.baseIdr), lines.map((l) => l.rateppm), lines.map((l) => l.amountIdr),
    ],
  )
  return rows[0]
}

export async function findInvoice(sql: Sql, by: { id: string } | { invoiceNo: string } | { employerId: string; month: Month }, lock = false): Promise<StoredInvoice | undefined> {
  const [where, params] =
    'id' in by ? ['id = $1', [by.id]] : 'invoiceNo' in by ? ['invoice_no = $1', [by.invoiceNo]] : ['employer_id = $1 and month = $2', [by.employerId, by.month]]
  const { rows } = await sql.query<StoredInvoice>(`select ${INVOICE} from employer_invoices where ${where}${lock ? ' for update' : ''}`, params)
  return rows[0]
}

export async function listInvoiceLines(sql: Sql, invoiceId: string): Promise<StoredInvoiceLine[]> {
  const { rows } = await sql.query<StoredInvoiceLine & { programme: InvoiceProgramme; payer: InvoiceSide }>(
    `select ${LINE} from employer_invoice_lines where invoice_id = $1 order by line_no`,
    [invoiceId],
  )
  return rows
}

export async function findInvoicePayment(sql: Sql, invoiceId: string): Promise<StoredInvoicePayment | undefined> {
  const { rows } = await sql.query<StoredInvoicePayment>(`select ${PAYMENT} from employer_invoice_payments where invoice_id = $1`, [invoiceId])
  return rows[0]
}

export async function insertInvoicePayment(sql: Sql, payment: StoredInvoicePayment, createdAt: Date): Promise<boolean> {
  const result = await sql.query(
    `insert into employer_invoice_payments (id, invoice_id, client_key, paid_on, amount_idr, fine_idr, total_idr, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (invoice_id) do nothing`,
    [payment.id, payment.invoiceId, payment.clientKey, payment.paidOn, payment.amountIdr, payment.fineIdr, payment.totalIdr, createdAt],
  )
  return result.rowCount === 1
}

export interface InvoiceWithPayment extends StoredInvoice {
  paidOn: LocalDate | null
}

/** An employer's invoices with the payment date of each (null while unpaid), oldest month first. */
export async function listEmployerInvoices(sql: Sql, employerId: string): Promise<InvoiceWithPayment[]> {
  const { rows } = await sql.query<InvoiceWithPayment>(
    `select i.id, i.invoice_no as "invoiceNo", i.employer_id as "employerId", i.month, i.due_date::text as "dueDate", i.workers,
            i.amount_idr as "amountIdr", i.transfer_id as "transferId", i.created_at as "createdAt", p.paid_on::text as "paidOn"
       from employer_invoices i left join employer_invoice_payments p on p.invoice_id = i.id
      where i.employer_id = $1
      order by i.month`,
    [employerId],
  )
  return rows
}

export interface WorkerInvoiceLine {
  month: Month
  programme: InvoiceProgramme
  payer: InvoiceSide
  amountIdr: number
  dueDate: LocalDate
  paidOn: LocalDate | null
}

/** A worker's billed PU lines with the employer's payment date, for the status engine (the worker does not lapse). */
export async function workerInvoiceLines(sql: Sql, participantId: string): Promise<WorkerInvoiceLine[]> {
  const { rows } = await sql.query<WorkerInvoiceLine>(
    `select i.month, l.programme, l.payer, l.amount_idr as "amountIdr", i.due_date::text as "dueDate", p.paid_on::text as "paidOn"
       from employer_invoice_lines l
       join employer_invoices i on i.id = l.invoice_id
       left join employer_invoice_payments p on p.invoice_id = i.id
      where l.participant_id = $1
      order by i.month, l.line_no`,
    [participantId],
  )
  return rows
}
