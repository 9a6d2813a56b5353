import { expect, it } from 'vitest'
import { z } from 'zod'
import { describeDb } from '../../../test/db.js'
import { buildApp } from './app.js'
import { idempotencyHeaders, idempotent } from './idempotent.js'
import { testContext } from './test-context.js'
import type { Actor, RoutePlugin } from './types.js'

const actor: Actor = { userId: 'agent-1', username: 'agen.satu', role: 'agent', branchCode: null, regionCodes: [], sourceIds: [] }

describeDb('idempotent (Fastify helper)', (db) => {
  let runs = 0
  const routes: RoutePlugin = async (app) => {
    app.post(
      '/api/v1/payments',
      {
        preHandler: app.requireActor,
        schema: { headers: idempotencyHeaders.partial(), body: z.object({ kpj: z.string(), months: z.number().int() }) },
      },
      async (request, reply) =>
        idempotent(request, reply, async (tx) => {
          runs += 1
          await tx.query('SELECT pg_sleep(0.02)')
          return { status: 201, body: { paymentNo: `PAY-${runs}`, months: request.body.months } }
        }),
    )
  }
  const app = () => buildApp({ ctx: testContext({ sql: db.sql }), routes: [routes], authenticate: async () => actor })
  const pay = (server: Awaited<ReturnType<typeof app>>, key: string | undefined, months = 3) =>
    server.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: key === undefined ? {} : { 'idempotency-key': key },
      payload: { kpj: '12345678901', months },
    })

  it('answers 400 invalid_input naming the header when Idempotency-Key is missing', async () => {
    const server = await app()
    const response = await pay(server, undefined)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'invalid_input', field: 'Idempotency-Key' })
    await server.close()
  })

  it('replays the first answer for a retried request and refuses another body with 409', async () => {
    const server = await app()
    const first = await pay(server, 'key-http-1')
    const again = await pay(server, 'key-http-1')
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const other = await pay(server, 'key-http-1', 4)
    expect(other.statusCode).toBe(409)
    expect(other.json().error.code).toBe('idempotency_conflict')
    await server.close()
  })

  it('does the work once for 20 concurrent requests with one key', async () => {
    const server = await app()
    const before = runs
    const responses = await Promise.all(Array.from({ length: 20 }, () => pay(server, 'key-http-race')))
    expect(runs - before).toBe(1)
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]))
    // jsonb keeps keys in its own order: a replay is the same JSON value, not always the same bytes
    expect(new Set(responses.map((response) => JSON.stringify(response.json(), Object.keys(response.json()).sort()))).size).toBe(1)
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(19)
    await server.close()
  })
})
