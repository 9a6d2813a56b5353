import type { Sql } from '../../../platform/db/sql.js'
import type { AccountKind } from '../domain/accounts.js'

export interface TrialBalance {
  /** True when every transfer balances and all entries sum to zero. */
  balanced: boolean
  totalIdr: number
  debitsIdr: number
  creditsIdr: number
  transfers: number
  entries: number
  byKind: Array<{ kind: AccountKind; debitsIdr: number; creditsIdr: number; balanceIdr: number }>
  /** Up to 20 transfers whose entries do not balance or number fewer than two (the database should make this empty). */
  unbalancedTransferIds: string[]
}

/**
 * Proves the whole ledger sums to zero (a full scan: for tests, the nightly check and reports, not hot paths).
 * Other areas' tests end with `expect((await trialBalance(sql)).balanced).toBe(true)`.
 */
export async function trialBalance(sql: Sql): Promise<TrialBalance> {
  const byKind = await sql.query<{ kind: AccountKind; debits: number; credits: number; balance: number; entries: number }>(
    `select a.kind, coalesce(sum(e.amount_idr) filter (where e.amount_idr > 0), 0)::bigint as debits,
            coalesce(sum(e.amount_idr) filter (where e.amount_idr < 0), 0)::bigint as credits,
            sum(e.amount_idr)::bigint as balance, count(*)::bigint as entries
     from ledger_entries e join ledger_accounts a on a.id = e.account_id
     group by a.kind order by a.kind`,
  )
  const unbalanced = await sql.query<{ id: string }>(
    `select t.id from ledger_transfers t left join ledger_entries e on e.transfer_id = t.id
     group by t.id having count(e.transfer_id) < 2 or coalesce(sum(e.amount_idr), 0) <> 0
     limit 20`,
  )
  const counts = await sql.query<{ transfers: number; entries: number }>(
    `select (select count(*) from ledger_transfers)::bigint as transfers, (select count(*) from ledger_entries)::bigint as entries`,
  )
  let debitsIdr = 0
  let creditsIdr = 0
  for (const row of byKind.rows) {
    debitsIdr += row.debits
    creditsIdr += row.credits
  }
  const totalIdr = debitsIdr + creditsIdr
  const unbalancedTransferIds = unbalanced.rows.map((row) => row.id)
  const entries = counts.rows[0]?.entries ?? 0
  const joinedEntries = byKind.rows.reduce((n, row) => n + row.entries, 0)
  return {
    // an entry on an unknown account would escape the per-kind sums: count them too
    balanced: totalIdr === 0 && unbalancedTransferIds.length === 0 && joinedEntries === entries,
    totalIdr,
    debitsIdr,
    creditsIdr,
    transfers: counts.rows[0]?.transfers ?? 0,
    entries,
    byKind: byKind.rows.map((row) => ({ kind: row.kind, debitsIdr: row.debits, creditsIdr: row.credits, balanceIdr: row.balance })),
    unbalancedTransferIds,
  }
}
