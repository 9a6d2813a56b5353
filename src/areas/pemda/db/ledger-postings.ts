import type { Sql } from '../../../platform/db/sql.js'
import { postTransfersFromSelect } from '../../ledger/index.js'

/** Dues per invoice_raised transfer: 1 + 400 entries (a transfer holds at most 500). */
export const DUES_PER_RAISED_TRANSFER = 400

/**
 * The invoice's dues (payer pemda, ref the programme, the member-months of its items) with their transfer: the item's
 * due_raised transfer, and an invoice_raised transfer per 400 dues in due order (`raised` ids, in order).
 */
const INVOICE_DUES = `
  select d.id as due_id, d.participant_id, d.programme, d.amount_idr, i.transfer_id as member_transfer,
         (($4::uuid[])[((row_number() over (order by d.participant_id, d.month, d.programme) - 1) / ${DUES_PER_RAISED_TRANSFER})::int + 1]) as raised_transfer,
         row_number() over (partition by i.transfer_id order by d.month, d.programme) as member_line,
         row_number() over (order by d.participant_id, d.month, d.programme) as n
    from pemda_invoice_items i
    join dues d on d.participant_id = i.participant_id and d.month = i.month and d.payer = 'pemda' and d.payer_ref = $2::text
   where i.invoice_id = $1::uuid and d.amount_idr > 0`

/**
 * Raises a stored invoice in the ledger, set-based (postTransfersFromSelect): per member one due_raised transfer
 * (their receivable ← each programme, as dueRaised), then invoice_raised transfers moving the dues to the programme's
 * payer_receivable (as invoiceRaised). Returns the number of dues raised.
 */
export async function raiseInvoiceInLedger(
  sql: Sql, invoice: { id: string; programmeId: string; raisedTransferIds: readonly string[] }, occurredAt: Date, requestId: string | null,
): Promise<number> {
  // fresh statistics of the items just written, or the planner guesses one row and nests loops over thousands
  await sql.query('analyze pemda_invoice_items, dues')
  const params = [invoice.id, invoice.programmeId, occurredAt, [...invoice.raisedTransferIds]]
  const common = `$3::timestamptz as occurred_at, null::uuid as payment_id`
  await postTransfersFromSelect(sql, {
    kind: 'due_raised', params, requestId,
    select: `with x as (${INVOICE_DUES})
      select member_transfer as transfer_id, ${common}, (member_line * 2 - 1)::int as line, 'receivable' as account_kind, participant_id::text as account_ref,
             amount_idr, due_id, $1::uuid as invoice_id, participant_id
        from x
      union all
      select member_transfer, ${common}, (member_line * 2)::int, case when programme in ('JKK', 'JKM', 'JKP') then 'contribution_income' else 'programme_fund' end,
             programme, -amount_idr, due_id, $1::uuid, participant_id
        from x`,
  })
  const { transfers } = await postTransfersFromSelect(sql, {
    kind: 'invoice_raised', params, requestId,
    select: `with x as (${INVOICE_DUES})
      select raised_transfer as transfer_id, ${common}, 1 as line, 'payer_receivable' as account_kind, 'pemda:' || $2::text as account_ref,
             sum(amount_idr)::int8 as amount_idr, null::uuid as due_id, $1::uuid as invoice_id, null::uuid as participant_id
        from x group by raised_transfer
      union all
      select raised_transfer, ${common}, (((n - 1) % ${DUES_PER_RAISED_TRANSFER}) + 2)::int, 'receivable', participant_id::text, -amount_idr, due_id, $1::uuid, null::uuid
        from x`,
  })
  return transfers
}
