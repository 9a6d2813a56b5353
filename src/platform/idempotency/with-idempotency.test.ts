import { expect, it } from 'vitest'
import { describeDb } from '../../../test/db.js'
import { DomainError } from '../../kernel/errors.js'
import { withIdempotency, type IdempotencyClaim } from './with-idempotency.js'

const claim = (key: string, requestHash = 'hash-a', clientId = 'client-1'): IdempotencyClaim => ({ clientId, key, requestHash })

describeDb('withIdempotency', (ctx) => {
  it('runs the work once and replays its stored response for the same key and request', async () => {
    let runs = 0
    const work = async () => {
      runs += 1
      return { status: 201, body: { paymentId: 'p-1', amountIdr: 16_800, months: ['2025-01'] } }
    }
    const first = await withIdempotency(ctx.sql, claim('k-replay'), work)
    const second = await withIdempotency(ctx.sql, claim('k-replay'), work)
    expect(first).toEqual({ status: 201, body: { paymentId: 'p-1', amountIdr: 16_800, months: ['2025-01'] }, replayed: false })
    expect(second).toEqual({ ...first, replayed: true })
    expect(runs).toBe(1)
  })

  it('refuses the same key with another request with idempotency_conflict', async () => {
    await withIdempotency(ctx.sql, claim('k-conflict', 'hash-a'), async () => ({ status: 200, body: { ok: true } }))
    const refused = withIdempotency(ctx.sql, claim('k-conflict', 'hash-b'), async () => ({ status: 200, body: { ok: false } }))
    await expect(refused).rejects.toMatchObject({ code: 'idempotency_conflict' })
  })

  it('keeps each client in its own key space', async () => {
    const a = await withIdempotency(ctx.sql, claim('k-shared', 'hash-a', 'client-a'), async () => ({ status: 200, body: 'a' }))
    const b = await withIdempotency(ctx.sql, claim('k-shared', 'hash-b', 'client-b'), async () => ({ status: 200, body: 'b' }))
    expect([a.body, a.replayed, b.body, b.replayed]).toEqual(['a', false, 'b', false])
  })

  it('frees the key when the work fails, so a retry runs the work again', async () => {
    const failing = withIdempotency(ctx.sql, claim('k-retry'), async (tx) => {
      await tx.query('SELECT 1')
      throw new DomainError('invalid_state', 'not now')
    })
    await expect(failing).rejects.toMatchObject({ code: 'invalid_state' })
    const retried = await withIdempotency(ctx.sql, claim('k-retry'), async () => ({ status: 200, body: { done: true } }))
    expect(retried.replayed).toBe(false)
  })

  it('stores the claim and the response in the same transaction as the work', async () => {
    await expect(
      ctx.sql.transaction(async (tx) => {
        await withIdempotency(tx, claim('k-outer'), async () => ({ status: 200, body: 1 }))
        throw new Error('the outer transaction fails after the work')
      }),
    ).rejects.toThrow('outer')
    const { rows } = await ctx.sql.query('SELECT 1 FROM idempotency_keys WHERE key = $1', ['k-outer'])
    expect(rows).toHaveLength(0)
  })

  it('rejects a malformed key before touching the database', async () => {
    await expect(withIdempotency(ctx.sql, claim('has space'), async () => ({ status: 200, body: 1 }))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'Idempotency-Key' },
    })
  })

  it('makes a concurrent duplicate wait for the first to commit, then replay its response', async () => {
    const first = holdWork('k-wait')
    await first.inWork
    const second = track(withIdempotency(ctx.sql, claim('k-wait'), async () => ({ status: 201, body: { by: 'second' } })))
    await sleep(200)
    expect(second.settled()).toBe(false)
    first.release()
    expect(await first.result).toMatchObject({ replayed: false, body: { by: 'first' } })
    expect(await second.promise).toMatchObject({ replayed: true, body: { by: 'first' } })
  })

  it('lets a waiting duplicate do the work itself when the first rolls back', async () => {
    const first = holdWork('k-abort', new DomainError('unavailable', 'the first attempt fails'))
    await first.inWork
    const second = withIdempotency(ctx.sql, claim('k-abort'), async () => ({ status: 201, body: { by: 'second' } }))
    first.release()
    await expect(first.result).rejects.toMatchObject({ code: 'unavailable' })
    expect(await second).toMatchObject({ replayed: false, body: { by: 'second' } })
  })

  function holdWork(key: string, failWith?: Error) {
    let release!: () => void
    let entered!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const inWork = new Promise<void>((resolve) => (entered = resolve))
    const result = withIdempotency(ctx.sql, claim(key), async () => {
      entered()
      await held
      if (failWith) throw failWith
      return { status: 201, body: { by: 'first' } }
    })
    result.catch(() => undefined)
    return { inWork, release, result }
  }

  it('does the work exactly once for 20 concurrent identical requests; the others wait and replay', async () => {
    let runs = 0
    const work = async (tx: typeof ctx.sql) => {
      runs += 1
      await tx.query('SELECT pg_sleep(0.05)')
      return { status: 201, body: { transferId: 't-1' } }
    }
    const results = await Promise.all(Array.from({ length: 20 }, () => withIdempotency(ctx.sql, claim('k-race'), work)))
    expect(runs).toBe(1)
    expect(results.filter((result) => !result.replayed)).toHaveLength(1)
    expect(results.every((result) => result.status === 201 && (result.body as { transferId: string }).transferId === 't-1')).toBe(true)
    const { rows } = await ctx.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'k-race'")
    expect(rows[0]?.n).toBe(1)
  })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function track<T>(promise: Promise<T>) {
  let done = false
  const tracked = promise.finally(() => {
    done = true
  })
  return { promise: tracked, settled: () => done }
}
