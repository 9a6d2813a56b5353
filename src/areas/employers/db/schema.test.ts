import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'

describeDb('employers schema', (ctx) => {
  it('has the employers, workers and wages tables with their checks', async () => {
    const { rows } = await ctx.sql.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = $1 and table_name like 'employer%' order by 1`,
      [ctx.schema],
    )
    expect(rows.map((r) => r.name)).toEqual(['employer_invoice_lines', 'employer_invoice_payments', 'employer_invoices', 'employer_wages', 'employer_workers', 'employers'])
    await expect(ctx.sql.query(`insert into employers (id, npp, name, regency_code, scale, risk_group, source_id, created_at, updated_at)
      values (gen_random_uuid(), 'abc', 'X', '51.71', 'small', 1, gen_random_uuid(), now(), now())`)).rejects.toThrow(/employers_npp_check/)
  })
})
