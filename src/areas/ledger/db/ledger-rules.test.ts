import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'

/** The database's own rules, tried with raw SQL that bypasses postTransfers (as a careless script would). */
describeDb('ledger rules in the database', (ctx) => {
  const T1 = '01900000-0000-7000-8000-000000000001'
  const insertTransfer = (id: string) => `insert into ledger_transfers (id, kind, occurred_at, content_hash) values ('${id}', 'money_received', '2026-01-05T02:00:00Z', 'x') returning id, occurred_at`

  const postWithAmounts = (id: string, amounts: number[]) =>
    ctx.sql.query(`with t as (${insertTransfer(id)})
      insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at)
      select t.id, a.line::smallint, (select min(id) from ledger_accounts), a.amount, t.occurred_at
      from t, unnest($1::bigint[]) with ordinality as a(amount, line)`, [amounts])

  it('accepts a balanced transfer written with its entries in one statement', async () => {
    await ctx.sql.query(`insert into ledger_accounts (kind, ref) values ('bank', 'B1')`)
    await postWithAmounts(T1, [16_800, -16_800])
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from ledger_entries where transfer_id = $1`, [T1])
    expect(rows[0]?.n).toBe(2)
  })

  it('refuses entries that do not sum to zero, a single entry, and a transfer without entries', async () => {
    await expect(postWithAmounts('01900000-0000-7000-8000-000000000002', [16_800, -16_000])).rejects.toThrow(/ledger_unbalanced/)
    await expect(postWithAmounts('01900000-0000-7000-8000-000000000003', [16_800])).rejects.toThrow(/ledger_unbalanced/)
    await expect(ctx.sql.query(insertTransfer('01900000-0000-7000-8000-000000000004'))).rejects.toThrow(/ledger_unbalanced/)
  })

  it('refuses an unbalanced transfer inside a transaction, so nothing of it commits', async () => {
    const id = '01900000-0000-7000-8000-000000000005'
    await expect(ctx.sql.transaction(async (tx) => {
      await tx.query(`insert into ledger_accounts (kind, ref) values ('bank', 'B2') on conflict do nothing`)
      await tx.query(`with t as (${insertTransfer(id)}) insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at)
        select t.id, 1, (select min(id) from ledger_accounts), 100, t.occurred_at from t`)
    })).rejects.toThrow(/ledger_unbalanced/)
    const { rows } = await ctx.sql.query(`select 1 from ledger_transfers where id = $1 union all select 1 from ledger_accounts where ref = 'B2'`, [id])
    expect(rows).toHaveLength(0)
  })

  it('refuses entries added later to a transfer, even balanced ones', async () => {
    await expect(ctx.sql.query(`insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at)
      select $1, l, (select min(id) from ledger_accounts), case l when 3 then 5 else -5 end, '2026-01-05T02:00:00Z' from generate_series(3, 4) l`, [T1]))
      .rejects.toThrow(/ledger_unbalanced/)
  })

  it('refuses an entry dated otherwise than its transfer', async () => {
    await expect(ctx.sql.query(`with t as (${insertTransfer('01900000-0000-7000-8000-000000000006')})
      insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at)
      select t.id, l::smallint, (select min(id) from ledger_accounts), case l when 1 then 5 else -5 end, t.occurred_at + interval '1 day' from t, generate_series(1, 2) l`))
      .rejects.toThrow(/ledger_entry_time/)
  })

  it('refuses UPDATE, DELETE and TRUNCATE on entries, transfers and accounts', async () => {
    for (const table of ['ledger_entries', 'ledger_transfers', 'ledger_accounts']) {
      const column = table === 'ledger_entries' ? 'amount_idr = amount_idr' : table === 'ledger_transfers' ? 'reason = reason' : 'ref = ref'
      await expect(ctx.sql.query(`update ${table} set ${column}`)).rejects.toThrow(/ledger_insert_only: UPDATE/)
      await expect(ctx.sql.query(`delete from ${table}`)).rejects.toThrow(/ledger_insert_only: DELETE/)
      await expect(ctx.sql.query(`truncate ${table} cascade`)).rejects.toThrow(/ledger_insert_only: TRUNCATE/)
    }
    await expect(ctx.sql.query(`insert into ledger_accounts (kind, ref) values ('bank', 'B1') on conflict (kind, ref) do update set ref = 'B9'`))
      .rejects.toThrow(/ledger_insert_only: UPDATE/)
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from ledger_entries`)
    expect(rows[0]?.n).toBe(2)
  })
})
