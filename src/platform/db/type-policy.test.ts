import { expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import { parseInt8 } from './type-policy.js'

it('parseInt8 keeps safe integers and refuses to lose digits', () => {
  expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
  expect(parseInt8('-42')).toBe(-42)
  expect(() => parseInt8('9007199254740993')).toThrow(/safe integer/)
})

describeDb('the type policy', (ctx) => {
  it('returns count(*) and int8 as JS numbers', async () => {
    const { rows } = await ctx.sql.query<{ n: unknown; big: unknown; arr: unknown }>(
      `select count(*) as n, 16800::int8 as big, array[1, 2, null]::int8[] as arr from generate_series(1, 3)`,
    )
    expect(rows[0]).toEqual({ n: 3, big: 16_800, arr: [1, 2, null] })
  })

  it('throws rather than round an int8 beyond 2^53', async () => {
    await expect(ctx.sql.query(`select 9007199254740993::int8 as too_big`)).rejects.toThrow(/safe integer/)
  })

  it('keeps numeric as a string, date as YYYY-MM-DD and timestamptz as a Date', async () => {
    const { rows } = await ctx.sql.query<{ rate: unknown; day: unknown; days: unknown; at: unknown }>(
      `select 0.0024::numeric as rate, date '2025-03-14' as day, array[date '2025-01-01']::date[] as days,
              timestamptz '2025-03-14 10:00+08' as at`,
    )
    expect(rows[0]).toEqual({ rate: '0.0024', day: '2025-03-14', days: ['2025-01-01'], at: new Date('2025-03-14T02:00:00Z') })
  })
})
