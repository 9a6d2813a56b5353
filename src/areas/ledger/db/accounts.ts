import type { Sql } from '../../../platform/db/sql.js'
import { accountName, type AccountKey } from '../domain/accounts.js'

interface AccountRow {
  id: number
  kind: string
  ref: string
}

/**
 * Account ids for keys, creating the missing accounts (INSERT … ON CONFLICT DO NOTHING, never check-then-insert).
 * Inserts in (kind, ref) order so two transactions creating overlapping accounts cannot deadlock, and only keys not
 * seen yet (an ON CONFLICT attempt still draws an identity value and probes the index). One statement
 * usually; a second read picks up an account another transaction committed after this statement's snapshot.
 */
export async function resolveAccountIds(sql: Sql, keys: readonly AccountKey[]): Promise<Map<string, number>> {
  const wanted = new Map<string, AccountKey>()
  for (const key of keys) wanted.set(accountName(key), key)
  const sorted = [...wanted.values()].sort((a, b) => (a.kind === b.kind ? (a.ref < b.ref ? -1 : 1) : a.kind < b.kind ? -1 : 1))
  const kinds = sorted.map((k) => k.kind)
  const refs = sorted.map((k) => k.ref)
  const ids = new Map<string, number>()
  const { rows } = await sql.query<AccountRow>(
    `with wanted as (select * from unnest($1::text[], $2::text[]) with ordinality as w(kind, ref, n)),
     created as (
       insert into ledger_accounts (kind, ref)
       select w.kind, w.ref from wanted w
       where not exists (select 1 from ledger_accounts a where a.kind = w.kind and a.ref = w.ref)
       order by w.n
       on conflict (kind, ref) do nothing returning id, kind, ref)
     select id, kind, ref from created
     union all
     select a.id, a.kind, a.ref from ledger_accounts a join wanted w on w.kind = a.kind and w.ref = a.ref`,
    [kinds, refs],
  )
  for (const row of rows) ids.set(`${row.kind}:${row.ref}`, row.id)
  if (ids.size < wanted.size) {
    const late = await sql.query<AccountRow>(
      `select a.id, a.kind, a.ref from ledger_accounts a join unnest($1::text[], $2::text[]) w(kind, ref) on w.kind = a.kind and w.ref = a.ref`,
      [kinds, refs],
    )
    for (const row of late.rows) ids.set(`${row.kind}:${row.ref}`, row.id)
  }
  if (ids.size < wanted.size) throw new Error('ledger accounts could not be resolved')
  return ids
}

/** Ids of existing accounts only (reads never create accounts). */
export async function findAccountIds(sql: Sql, keys: readonly AccountKey[]): Promise<Map<string, number>> {
  const { rows } = await sql.query<AccountRow>(
    `select a.id, a.kind, a.ref from ledger_accounts a join unnest($1::text[], $2::text[]) w(kind, ref) on w.kind = a.kind and w.ref = a.ref`,
    [keys.map((k) => k.kind), keys.map((k) => k.ref)],
  )
  return new Map(rows.map((row) => [`${row.kind}:${row.ref}`, row.id]))
}
