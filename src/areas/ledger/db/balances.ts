import type { Sql } from '../../../platform/db/sql.js'
import type { AccountKey, AccountKind } from '../domain/accounts.js'

export interface AsOf {
  /** Count entries whose transfer occurred at or before this time (business time); all entries when absent. */
  asOf?: Date | undefined
}

/** Debits minus credits of one account (0 for an account never used). Reads the (account, time) index. */
/** The select of one account's balance (`kind`, `ref`, `asOf` are `$n` parameters): for a read that joins other rows in one statement. */
export const accountBalanceSql = (kind: string, ref: string, asOf: string): string =>
  `select coalesce(sum(e.amount_idr), 0)::bigint as balance
     from ledger_accounts a join ledger_entries e on e.account_id = a.id
     where a.kind = ${kind} and a.ref = ${ref} and (${asOf}::timestamptz is null or e.occurred_at <= ${asOf}::timestamptz)`

/**
 * The select of one account's entries as `[occurred_at, amount_idr]` pairs in a JSON array (`kind` a `$n` parameter,
 * `ref` any SQL expression, e.g. `p.id::text`): for a read that joins other rows and sums as of a date it learns later.
 */
export const accountEntriesJsonSql = (kind: string, ref: string): string =>
  `select coalesce(json_agg(json_build_array(e.occurred_at, e.amount_idr)), '[]'::json)
     from ledger_accounts a join ledger_entries e on e.account_id = a.id
     where a.kind = ${kind} and a.ref = ${ref}`

export async function accountBalance(sql: Sql, account: AccountKey, options: AsOf = {}): Promise<number> {
  const { rows } = await sql.query<{ balance: number }>(accountBalanceSql('$1', '$2', '$3'), [account.kind, account.ref, options.asOf ?? null])
  return rows[0]?.balance ?? 0
}

export interface AccountBalance {
  account: AccountKey
  balanceIdr: number
}

/** Balances of the accounts of one kind (optionally only some refs), by ref; accounts without entries show 0. */
export async function balancesOfKind(sql: Sql, kind: AccountKind, options: AsOf & { refs?: readonly string[] | undefined } = {}): Promise<AccountBalance[]> {
  const { rows } = await sql.query<{ ref: string; balance: number }>(
    `select a.ref, coalesce(sum(e.amount_idr) filter (where $3::timestamptz is null or e.occurred_at <= $3::timestamptz), 0)::bigint as balance
     from ledger_accounts a left join ledger_entries e on e.account_id = a.id
     where a.kind = $1 and ($2::text[] is null or a.ref = any($2::text[]))
     group by a.ref order by a.ref`,
    [kind, options.refs ?? null, options.asOf ?? null],
  )
  return rows.map((row) => ({ account: { kind, ref: row.ref }, balanceIdr: row.balance }))
}

/**
 * What is still owed on each due: the balance of the receivable lines that name it (billed, minus paid, invoiced
 * to a payer, re-rated or written off). A due with no entries is absent from the map.
 */
export async function dueBalances(sql: Sql, dueIds: readonly string[], options: AsOf = {}): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ due_id: string; balance: number }>(
    `select e.due_id, sum(e.amount_idr)::bigint as balance
     from ledger_entries e join ledger_accounts a on a.id = e.account_id
     where e.due_id = any($1::uuid[]) and a.kind = 'receivable' and ($2::timestamptz is null or e.occurred_at <= $2::timestamptz)
     group by e.due_id`,
    [dueIds, options.asOf ?? null],
  )
  return new Map(rows.map((row) => [row.due_id, row.balance]))
}
