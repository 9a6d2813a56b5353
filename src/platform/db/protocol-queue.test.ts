import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createPool } from './open-database.js'

/** Against the run's embedded engine (global-setup): many `pg` clients on one PGlite session through the socket. */
describe('embedded engine: several connections through the protocol queue', () => {
  const schema = `queue_${randomBytes(4).toString('hex')}`
  const pools: pg.Pool[] = []

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) pools.push(createPool(inject('semestaEmbeddedUrl'), 8))
    await pools[0]?.query(`create schema ${schema}; create table ${schema}.t (id int primary key, v text)`)
  })
  afterAll(async () => {
    await pools[0]?.query(`drop schema ${schema} cascade`)
    await Promise.all(pools.map((p) => p.end()))
  })

  it('keeps each query its own statement, parameters and result while hundreds interleave', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 600 }, async (_, i) => {
        const pool = pools[i % 3] as pg.Pool
        switch (i % 4) {
          case 0: {
            const r = await pool.query<{ v: number; s: string }>('select $1::int as v, repeat($2::text, 500) as s', [i, 'x'])
            return r.rows[0]?.v === i && r.rows[0]?.s.length === 500
          }
          case 1:
            return pool.query('select 1 / $1::int', [0]).then(
              () => false,
              (error: Error) => /division by zero/.test(error.message),
            )
          case 2: {
            const r = await pool.query<{ s: string }>('select $1::text || $2::text as s', ['n', String(i)])
            return r.rows[0]?.s === `n${i}`
          }
          default:
            return inTransaction(pool, schema, i)
        }
      }),
    )
    const failures = results.filter((r) => r.status === 'rejected' || r.value !== true)
    expect(failures).toEqual([])
    const kept = await (pools[0] as pg.Pool).query<{ n: number }>(`select count(*) as n from ${schema}.t`)
    expect(kept.rows[0]?.n).toBe(75)
  })

  it('lets a transaction hold the engine: others wait, then see only what was committed', async () => {
    const a = await (pools[0] as pg.Pool).connect()
    try {
      await a.query('begin')
      await a.query(`insert into ${schema}.t values (100000, 'pending')`)
      let otherDone = false
      const other = (pools[1] as pg.Pool).query<{ n: number }>(`select count(*) as n from ${schema}.t where id = 100000`).then((r) => {
        otherDone = true
        return r.rows[0]?.n
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(otherDone).toBe(false)
      await a.query('rollback')
      expect(await other).toBe(0)
    } finally {
      a.release()
    }
  })

  it('rolls back what a vanished connection left open, and the others go on', async () => {
    const a = await (pools[0] as pg.Pool).connect()
    await a.query('begin')
    await a.query(`insert into ${schema}.t values (200000, 'orphan')`)
    a.release(new Error('drop this client'))
    const r = await (pools[1] as pg.Pool).query<{ n: number }>(`select count(*) as n from ${schema}.t where id = 200000`)
    expect(r.rows[0]?.n).toBe(0)
  })

  it('takes COPY FROM STDIN and COPY TO STDOUT through the socket', async () => {
    const client = await (pools[2] as pg.Pool).connect()
    try {
      await client.query(`create table ${schema}.c (id int, v text)`)
      const rows = Array.from({ length: 20_000 }, (_, i) => `${i}\tv${i}\n`).join('')
      await pipeline(Readable.from([rows]), client.query(copyFrom(`copy ${schema}.c from stdin`)))
      expect((await client.query(`select count(*) as n, sum(id) as s from ${schema}.c`)).rows[0]).toEqual({ n: 20_000, s: 199_990_000 })
      let bytes = 0
      for await (const chunk of client.query(copyTo(`copy (select * from ${schema}.c where id < 10) to stdout`))) bytes += (chunk as Buffer).length
      expect(bytes).toBe(Array.from({ length: 10 }, (_, i) => `${i}\tv${i}\n`).join('').length)
      const bad = pipeline(Readable.from(['not-a-number\tx\n']), client.query(copyFrom(`copy ${schema}.c from stdin`)))
      await expect(bad).rejects.toThrow(/invalid input syntax/)
      expect((await client.query(`select count(*) as n from ${schema}.c`)).rows[0]).toEqual({ n: 20_000 })
    } finally {
      client.release()
    }
  })
})

/** A transaction per call; every other one fails half-way (duplicate key) and must leave nothing behind. */
async function inTransaction(pool: pg.Pool, schema: string, i: number): Promise<boolean> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(`insert into ${schema}.t values ($1, $2)`, [i, `v${i}`])
    const failing = i % 8 === 3
    if (failing) {
      const duplicate = await client.query(`insert into ${schema}.t values ($1, 'again')`, [i]).then(() => false, () => true)
      await client.query('rollback')
      return duplicate
    }
    const r = await client.query<{ v: string }>(`select v from ${schema}.t where id = $1`, [i])
    await client.query('commit')
    return r.rows[0]?.v === `v${i}`
  } finally {
    client.release()
  }
}
