import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'

export interface StoredPemdaInvoice {
  id: string
  programmeId: string
  month: Month
  invoiceNo: string
  revision: number
  workers: number
  memberMonths: number
  amountIdr: number
  dueDate: string
  raisedTransferIds: string[]
  createdAt: Date
  updatedAt: Date
}

export interface StoredPemdaInvoiceLine {
  group: string
  position: number
  workers: number
  memberMonths: number
  amountIdr: number
}

export interface StoredInvoiceItem {
  participantId: string
  month: Month
  groupCode: string
  amountIdr: number
  transferId: string
}

export interface PemdaInvoicePayment {
  invoiceId: string
  clientKey: string
  paidOn: string
  amountIdr: number
  revision: number
}

const columns = (t = '') => `${t}id, ${t}programme_id as "programmeId", ${t}month, ${t}invoice_no as "invoiceNo", ${t}revision, ${t}workers,
  ${t}member_months as "memberMonths", ${t}amount_idr as "amountIdr", to_char(${t}due_date, 'YYYY-MM-DD') as "dueDate",
  ${t}raised_transfer_ids as "raisedTransferIds", ${t}created_at as "createdAt", ${t}updated_at as "updatedAt"`
const COLUMNS = columns()

export async function findPemdaInvoice(sql: Sql, by: { id: string } | { invoiceNo: string } | { programmeId: string; month: Month }, lock = false): Promise<StoredPemdaInvoice | null> {
  const [where, params] =
    'id' in by ? ['id = $1', [by.id]] : 'invoiceNo' in by ? ['invoice_no = $1', [by.invoiceNo]] : ['programme_id = $1 and month = $2', [by.programmeId, by.month]]
  if ('id' in by && !/^[0-9a-f-]{36}$/i.test(by.id)) return null
  const { rows } = await sql.query<StoredPemdaInvoice>(`select ${COLUMNS} from pemda_invoices where ${where}${lock ? ' for update' : ''}`, params)
  return rows[0] ?? null
}

export async function listPemdaInvoices(sql: Sql, programmeId: string): Promise<Array<StoredPemdaInvoice & { paidOn: string | null }>> {
  const { rows } = await sql.query<StoredPemdaInvoice & { paidOn: string | null }>(
    `select ${columns('i.')}, case when p.paid_idr >= i.amount_idr then to_char(p.last_on, 'YYYY-MM-DD') end as "paidOn"
       from pemda_invoices i
       left join (select invoice_id, sum(amount_idr) as paid_idr, max(paid_on) as last_on from pemda_invoice_payments group by invoice_id) p on p.invoice_id = i.id
      where i.programme_id = $1 order by i.month`,
    [programmeId],
  )
  return rows
}

export async function listPemdaInvoiceLines(sql: Sql, invoiceId: string): Promise<StoredPemdaInvoiceLine[]> {
  const { rows } = await sql.query<StoredPemdaInvoiceLine>(
    `select group_code as "group", position, workers, member_months as "memberMonths", amount_idr as "amountIdr"
       from pemda_invoice_lines where invoice_id = $1 order by position`,
    [invoiceId],
  )
  return rows
}

export async function listInvoiceItems(sql: Sql, invoiceId: string): Promise<StoredInvoiceItem[]> {
  const { rows } = await sql.query<StoredInvoiceItem>(
    `select participant_id as "participantId", month, group_code as "groupCode", amount_idr as "amountIdr", transfer_id as "transferId"
       from pemda_invoice_items where invoice_id = $1 order by participant_id, month`,
    [invoiceId],
  )
  return rows
}

/** Member-months of the programme through `month` already on an invoice other than `exceptInvoiceId`: `participantId|month`. */
export async function billedElsewhere(sql: Sql, programmeId: string, month: Month, exceptInvoiceId: string | null): Promise<Set<string>> {
  const { rows } = await sql.query<{ k: string }>(
    `select participant_id::text || '|' || month as k from pemda_invoice_items
      where programme_id = $1 and month <= $2 and ($3::uuid is null or invoice_id <> $3::uuid)`,
    [programmeId, month, exceptInvoiceId],
  )
  return new Set(rows.map((r) => r.k))
}

export interface InvoiceWrite {
  invoice: Omit<StoredPemdaInvoice, 'createdAt' | 'updatedAt'>
  lines: readonly StoredPemdaInvoiceLine[]
  items: readonly StoredInvoiceItem[]
}

async function writeLinesAndItems(sql: Sql, w: InvoiceWrite): Promise<void> {
  const { invoice, lines, items } = w
  await sql.query(
    `insert into pemda_invoice_lines (invoice_id, group_code, position, workers, member_months, amount_idr)
     select $1, l.g, l.p, l.w, l.mm, l.a from unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::bigint[]) as l(g, p, w, mm, a)`,
    [invoice.id, lines.map((l) => l.group), lines.map((l) => l.position), lines.map((l) => l.workers), lines.map((l) => l.memberMonths), lines.map((l) => l.amountIdr)],
  )
  if (items.length === 0) return
  await sql.query(
    `insert into pemda_invoice_items (programme_id, participant_id, month, invoice_id, group_code, amount_idr, transfer_id)
     select $1, i.p, i.m, $2, i.g, i.a, i.t from unnest($3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::uuid[]) as i(p, m, g, a, t)`,
    [invoice.programmeId, invoice.id, items.map((i) => i.participantId), items.map((i) => i.month), items.map((i) => i.groupCode), items.map((i) => i.amountIdr), items.map((i) => i.transferId)],
  )
}

/** Inserts a new invoice; false when another request stored the programme's month first. */
export async function insertPemdaInvoice(sql: Sql, w: InvoiceWrite, now: Date): Promise<boolean> {
  const i = w.invoice
  const { rowCount } = await sql.query(
    `insert into pemda_invoices (id, programme_id, month, invoice_no, revision, workers, member_months, amount_idr, due_date, raised_transfer_ids, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11, $11) on conflict do nothing`,
    [i.id, i.programmeId, i.month, i.invoiceNo, i.revision, i.workers, i.memberMonths, i.amountIdr, i.dueDate, i.raisedTransferIds, now],
  )
  if (rowCount === 0) return false
  await writeLinesAndItems(sql, w)
  return true
}

/** A changed cohort: keeps the old version in pemda_invoice_revisions, replaces the lines and items, bumps the revision. */
export async function revisePemdaInvoice(sql: Sql, old: StoredPemdaInvoice, oldLines: readonly StoredPemdaInvoiceLine[], w: InvoiceWrite, now: Date): Promise<void> {
  await sql.query(
    `insert into pemda_invoice_revisions (invoice_id, revision, workers, amount_idr, lines, replaced_at) values ($1, $2, $3, $4, $5::jsonb, $6)`,
    [old.id, old.revision, old.workers, old.amountIdr, JSON.stringify(oldLines), now],
  )
  await sql.query(`delete from pemda_invoice_items where invoice_id = $1`, [old.id])
  await sql.query(`delete from pemda_invoice_lines where invoice_id = $1`, [old.id])
  const i = w.invoice
  await sql.query(
    `update pemda_invoices set revision = $2, workers = $3, member_months = $4, amount_idr = $5, raised_transfer_ids = $6::uuid[], updated_at = $7 where id = $1`,
    [old.id, i.revision, i.workers, i.memberMonths, i.amountIdr, i.raisedTransferIds, now],
  )
  await writeLinesAndItems(sql, w)
}

export async function listRevisions(sql: Sql, invoiceId: string): Promise<Array<{ revision: number; workers: number; amountIdr: number; replacedAt: Date }>> {
  const { rows } = await sql.query<{ revision: number; workers: number; amountIdr: number; replacedAt: Date }>(
    `select revision, workers, amount_idr as "amountIdr", replaced_at as "replacedAt" from pemda_invoice_revisions where invoice_id = $1 order by revision`,
    [invoiceId],
  )
  return rows
}

/** An invoice's payments so far: what they total, and the date it was paid in full (null while money is still owed). */
export interface PemdaInvoicePayments {
  payments: PemdaInvoicePayment[]
  paidIdr: number
  /** The date of the payment that completed the invoice; null while it is open or partly paid. */
  paidOn: string | null
}

/** The payments of an invoice in the order made; null when there is none (the invoice may still be revised). */
export async function findPemdaInvoicePayment(sql: Sql, invoiceId: string): Promise<PemdaInvoicePayments | null> {
  const { rows } = await sql.query<PemdaInvoicePayment>(
    `select invoice_id as "invoiceId", client_key as "clientKey", to_char(paid_on, 'YYYY-MM-DD') as "paidOn", amount_idr as "amountIdr", revision
       from pemda_invoice_payments where invoice_id = $1 order by created_at, client_key`,
    [invoiceId],
  )
  if (rows.length === 0) return null
  const { rows: inv } = await sql.query<{ amountIdr: number }>(`select amount_idr as "amountIdr" from pemda_invoices where id = $1`, [invoiceId])
  const paidIdr = rows.reduce((t, p) => t + p.amountIdr, 0)
  return { payments: rows, paidIdr, paidOn: paidIdr >= (inv[0]?.amountIdr ?? 0) ? rows.at(-1)!.paidOn : null }
}

export async function insertPemdaInvoicePayment(sql: Sql, p: PemdaInvoicePayment, now: Date): Promise<void> {
  await sql.query(
    `insert into pemda_invoice_payments (invoice_id, client_key, paid_on, amount_idr, revision, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [p.invoiceId, p.clientKey, p.paidOn, p.amountIdr, p.revision, now],
  )
}

/** Per month: invoiced and paid totals of a programme (the budget's "used to date"). */
export async function invoicedByMonth(sql: Sql, programmeId: string): Promise<Array<{ month: Month; amountIdr: number; paidIdr: number }>> {
  const { rows } = await sql.query<{ month: Month; amountIdr: number; paidIdr: number }>(
    `select i.month, i.amount_idr as "amountIdr", coalesce(p.amount_idr, 0)::int8 as "paidIdr"
       from pemda_invoices i
       left join (select invoice_id, sum(amount_idr) as amount_idr from pemda_invoice_payments group by invoice_id) p on p.invoice_id = i.id
      where i.programme_id = $1 order by i.month`,
    [programmeId],
  )
  return rows
}
