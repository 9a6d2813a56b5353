import { expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'

describeDb('named statements', (ctx) => {
  it('are prepared once per connection on server PostgreSQL and ignored by the embedded engine, with the same answers', async () => {
    const prepared = await ctx.sql.transaction(async (tx) => {
      const first = await tx.query<{ n: number }>('select $1::int + 1 as n', [1], { name: 'semesta_test_plus_one' })
      const again = await tx.query<{ n: number }>('select $1::int + 1 as n', [41], { name: 'semesta_test_plus_one' })
      expect([first.rows[0]!.n, again.rows[0]!.n]).toEqual([2, 42])
      const { rows } = await tx.query<{ name: string }>(`select name from pg_prepared_statements where name = 'semesta_test_plus_one'`)
      return rows.length
    })
    expect(prepared).toBe(ctx.engine === 'postgres' ? 1 : 0)
  })
})
