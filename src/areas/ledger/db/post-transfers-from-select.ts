import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { isTransferKind, type PostableKind } from '../domain/transfer-kinds.js'

export interface TransfersFromSelect {
  kind: PostableKind
  /**
   * A deterministic SELECT (it runs twice) returning ONE ROW PER ENTRY with these columns:
   * `transfer_id uuid, occurred_at timestamptz, line int (1..n per transfer), account_kind text, account_ref text,
   * amount_idr bigint (debit +, credit −), due_id uuid, invoice_id uuid, participant_id uuid, payment_id uuid`
   * (the last four may be `null::uuid`; per-transfer columns must agree across its rows). Its parameters are `params`.
   */
  select: string
  params?: readonly unknown[]
  requestId?: string | null
}

export interface TransfersFromSelectResult {
  transfers: number
  inserted: number
  replayed: number
}

/** The canonical content text of transferContentHash, built in SQL so both paths store the same hash. */
const CONTENT_HASH = `encode(sha256(convert_to(
  '["' || $KIND || '","' || to_char(t.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",null,null,['
  || concat_ws(',', '["invoiceId","' || t.invoice_id || '"]', '["participantId","' || t.participant_id || '"]', '["paymentId","' || t.payment_id || '"]')
  || '],[' || t.entries_text || ']]', 'UTF8')), 'hex')`

/**
 * Set-based posting for bulk work (monthly billing, the daily write-offs, pemda invoices): the transfers and entries
 * come from a SELECT run inside the database, so no row travels through JS. Same rules as postTransfers (the
 * triggers check balance per statement; ids are idempotency keys; the content hash is the same as postTransfer's,
 * so either path replays the other's transfer), same transaction rules (the caller's `sql`).
 */
export async function postTransfersFromSelect(sql: Sql, input: TransfersFromSelect): Promise<TransfersFromSelectResult> {
  if (!isTransferKind(input.kind) || (input.kind as string) === 'reversal') {
    throw new DomainError('invalid_input', `transfer kind ${String(input.kind)} cannot be posted from a select`, { field: 'kind' })
  }
  const selectParams = [...(input.params ?? [])]
  const params = [...selectParams]
  const kindParam = `$${params.length + 1}::text`
  const requestParam = `$${params.length + 2}::text`
  params.push(input.kind, input.requestId ?? null)
  return sql.transaction(async (tx) => {
    await tx.query(
      `with src as (${input.select})
       insert into ledger_accounts (kind, ref)
       select k.account_kind, k.account_ref from (select distinct account_kind, account_ref from src) k
       where not exists (select 1 from ledger_accounts a where a.kind = k.account_kind and a.ref = k.account_ref)
       order by 1, 2
       on conflict (kind, ref) do nothing`,
      selectParams,
    )
    const { rows } = await tx.query<{ transfers: number; inserted: number; entries: number; expected: number; conflicts: number }>(
      `with src as materialized (${input.select}),
       t as (
         select transfer_id, min(occurred_at) as occurred_at, min(invoice_id::text)::uuid as invoice_id,
                min(participant_id::text)::uuid as participant_id, min(payment_id::text)::uuid as payment_id,
                string_agg('["' || account_kind || '","' || account_ref || '",' || amount_idr || ',' || coalesce('"' || due_id || '"', 'null') || ']', ',' order by line) as entries_text
         from src group by transfer_id),
       hashed as (select t.*, ${CONTENT_HASH.replace('$KIND', kindParam)} as content_hash from t),
       ins as (
         insert into ledger_transfers (id, kind, occurred_at, payment_id, invoice_id, participant_id, refs, request_id, content_hash)
         select transfer_id, ${kindParam}, occurred_at, payment_id, invoice_id, participant_id,
                jsonb_strip_nulls(jsonb_build_object('invoiceId', invoice_id, 'participantId', participant_id, 'paymentId', payment_id)),
                ${requestParam}, content_hash
         from hashed
         on conflict (id) do nothing
         returning id, occurred_at),
       acc as (select a.id, a.kind, a.ref from ledger_accounts a where (a.kind, a.ref) in (select account_kind, account_ref from src)),
       ent as (
         insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at, due_id)
         select s.transfer_id, s.line, acc.id, s.amount_idr, i.occurred_at, s.due_id
         from src s join ins i on i.id = s.transfer_id join acc on acc.kind = s.account_kind and acc.ref = s.account_ref
         returning 1)
       select (select count(*) from t)::bigint as transfers, (select count(*) from ins)::bigint as inserted,
              (select count(*) from ent)::bigint as entries, (select count(*) from src s join ins i on i.id = s.transfer_id)::bigint as expected,
              (select count(*) from hashed h join ledger_transfers l on l.id = h.transfer_id where l.content_hash <> h.content_hash)::bigint as conflicts`,
      params,
    )
    const result = rows[0] as { transfers: number; inserted: number; entries: number; expected: number; conflicts: number }
    if (result.entries !== result.expected) throw new Error(`ledger: ${result.expected - result.entries} entries found no account`)
    if (result.conflicts > 0) {
      throw new DomainError('conflict', `${result.conflicts} ledger transfers were posted before with other content`, { field: 'transfer_id' })
    }
    return { transfers: result.transfers, inserted: result.inserted, replayed: result.transfers - result.inserted }
  })
}
