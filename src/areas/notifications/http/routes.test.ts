import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { registerBpu } from '../../../flows/contributions.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'
import { testContext } from '../../../platform/http/test-context.js'
import { listAuditEvents } from '../../access/index.js'
import notificationsRoutes from './routes.js'

describeDb('notification routes: a participant\'s messages and opt-outs', (ctx) => {
  const actors = { cabang: actor('cabang', { regionCodes: ['51.71'] }), other: actor('cabang', { regionCodes: ['53.71'] }), viewer: actor('viewer') }
  const app = () => buildApp({ ctx: testContext({ sql: ctx.sql }), routes: [notificationsRoutes], authenticate: async (r) => actors[String(r.headers[ACTOR_HEADER]) as keyof typeof actors] ?? null })

  it('records an opt-out per channel (audited) for staff in scope, and answers 404 outside it', async () => {
    const p = await registerBpu(ctx.sql)
    const a = await app()
    const put = (who: string, body: Record<string, unknown>) => a.inject({ method: 'PUT', url: `/api/v1/participants/${p.id}/notification-opt-outs`, headers: { [ACTOR_HEADER]: who }, payload: body })
    const res = await put('cabang', { channel: 'whatsapp', optedOut: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ messages: [], optOuts: ['whatsapp'] })
    expect((await put('other', { channel: 'all', optedOut: true })).statusCode).toBe(404)
    expect((await put('viewer', { channel: 'all', optedOut: true })).statusCode).toBe(404)
    expect((await put('cabang', { channel: 'pigeon', optedOut: true })).statusCode).toBe(400)
    const got = await a.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/notifications`, headers: { [ACTOR_HEADER]: 'cabang' } })
    expect(got.json().optOuts).toEqual(['whatsapp'])
    expect((await a.inject({ method: 'GET', url: `/api/v1/participants/${p.id}/notifications`, headers: { [ACTOR_HEADER]: 'other' } })).statusCode).toBe(404)
    const audit = await listAuditEvents(ctx.sql, { action: 'notification.opt_out', subjectId: p.id, limit: 10 })
    expect(audit.items).toHaveLength(1)
    await a.close()
  })
}, { referenceData: true })
