import { expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import { migrate } from './migrate.js'

describeDb('migrate', (ctx) => {
  it('applies nothing the second time (the harness already migrated this schema)', async () => {
    const again = await migrate(ctx.sql, { schema: ctx.schema })
    expect(again.applied).toBe(0)
    expect(again.total).toBeGreaterThan(0)
    const journal = await ctx.sql.query<{ n: number }>(`select count(*) as n from "${ctx.schema}".__drizzle_migrations`)
    expect(journal.rows[0]?.n).toBe(again.total)
  })

  it('creates the tables inside the block schema, not in public', async () => {
    const { rows } = await ctx.sql.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables where table_name = 'regions' and table_schema = $1`,
      [ctx.schema],
    )
    expect(rows).toEqual([{ schema: ctx.schema }])
    const fk = await ctx.sql.query<{ target: string }>(
      `select confrelid::regclass::text as target from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
      [`"${ctx.schema}".kecamatan`],
    )
    expect(fk.rows.length).toBe(2)
    for (const row of fk.rows) expect(row.target).toBe('regions')
  })

  it('runs transactions that see their own writes and roll back on error', async () => {
    await ctx.sql.query(`create table scratch (id int primary key)`)
    await expect(
      ctx.sql.transaction(async (tx) => {
        await tx.query(`insert into scratch values (1)`)
        await tx.transaction(async (inner) => inner.query(`insert into scratch values (2)`))
        expect((await tx.query<{ n: number }>(`select count(*) as n from scratch`)).rows[0]?.n).toBe(2)
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect((await ctx.sql.query<{ n: number }>(`select count(*) as n from scratch`)).rows[0]?.n).toBe(0)
  })
})
