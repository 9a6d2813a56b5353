import { beforeAll, afterAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { collectItem, makeAgent, registerItem } from '../../../flows/agents.test-support.js'
import { registerBpu } from '../../../flows/contributions.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import type { Actor } from '../../access/index.js'
import { accountBalance, account, trialBalance } from '../../ledger/index.js'
import agentsRoutes from './routes.js'

describeDb(
  'POST /api/v1/agen/sync: the phone outbox drain (issue 10 item 2)',
  (ctx) => {
    let app: App
    let agent: Awaited<ReturnType<typeof makeAgent>>
    const actors = new Map<string, Actor>()
    const sync = (items: unknown[], who = 'agent') =>
      app.inject({ method: 'POST', url: '/api/v1/agen/sync', headers: { 'x-test-actor': who }, payload: { items } })
    const count = async (sql: string, params: unknown[] = []) => (await ctx.sql.query<{ n: number }>(sql, params)).rows[0]!.n

    beforeAll(async () => {
      agent = await makeAgent(ctx.sql)
      actors.set('agent', agent.actor)
      actors.set('kanwil', { userId: '00000000-0000-4000-8000-000000000001', username: 'kanwil.uji', role: 'kanwil', branchCode: null, regionCodes: [], sourceIds: [] })
      const context = testContext({ sql: ctx.sql, now: () => new Date('2026-03-10T02:00:00Z') })
      app = await buildApp({ ctx: context, routes: [agentsRoutes], authenticate: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null })
    })
    afterAll(() => app.close())

    it('registers and collects in one sync (the collect names the register item), and a replay sends nothing twice', async () => {
      const reg = registerItem()
      const pay = collectItem({ participantClientId: reg.clientId })
      const first = await sync([reg, pay])
      expect(first.statusCode).toBe(200)
      const [r, p] = first.json().results
      expect(r).toMatchObject({ clientId: reg.clientId, state: 'done', existing: false })
      expect(r.kpj).toMatch(/^\d{11}$/)
      expect(p, JSON.stringify(p)).toMatchObject({ clientId: pay.clientId, state: 'done', participantId: r.participantId, months: ['2026-03'], paidThrough: '2026-03' })
      expect(p.receiptNo).toMatch(/^BB-2026-\d{6}$/)

      const again = await sync([reg, pay])
      expect(again.json()).toEqual(first.json())
      expect(await count('select count(*)::int as n from payments where participant_id = $1', [r.participantId])).toBe(1)
      expect(await count('select count(*)::int as n from participants where source_id = $1', [agent.agent.sourceId])).toBe(1)
      // the cash is the agent's until deposited; the participant is in the agent's portfolio
      expect(await accountBalance(ctx.sql, account.agentCash(agent.agent.id))).toBe(16_800)
      expect(await count('select count(*)::int as n from agent_collections where agent_id = $1', [agent.agent.id])).toBe(1)
      expect((await trialBalance(ctx.sql)).balanced).toBe(true)
    })

    it('concurrent replays of the same items do the work once and all answer the same', async () => {
      const reg = registerItem()
      const pay = collectItem({ participantClientId: reg.clientId })
      const answers = await Promise.all([sync([reg, pay]), sync([reg, pay]), sync([reg, pay])])
      const bodies = answers.map((a) => a.json())
      expect(bodies[1]).toEqual(bodies[0])
      expect(bodies[2]).toEqual(bodies[0])
      expect(bodies[0].results.map((x: { state: string }) => x.state)).toEqual(['done', 'done'])
      expect(await count('select count(*)::int as n from payments where participant_id = $1', [bodies[0].results[0].participantId])).toBe(1)
    })

    it('a NIK registered with another identity rejects only that item (kept for review); the same identity is the existing participant', async () => {
      const known = await registerBpu(ctx.sql, '2026-01-10')
      const mismatch = registerItem({ nik: known.nik, name: 'Yohanes Bria Seran' })
      const same = registerItem({ nik: known.nik, name: 'I Wayan Sudarma' })
      const other = registerItem()
      const answer = await sync([mismatch, other, same])
      const [bad, good, existing] = answer.json().results
      expect(bad).toMatchObject({ clientId: mismatch.clientId, state: 'rejected', error: { code: 'nik_identity_mismatch', field: 'nik' } })
      expect(bad.error.message).toMatch(/NIK ini sudah terdaftar/)
      expect(good).toMatchObject({ state: 'done', existing: false })
      expect(existing).toMatchObject({ state: 'done', existing: true, participantId: known.id })
      expect(await count('select count(*)::int as n from identity_reviews where participant_id = $1', [known.id])).toBe(1)
      // a rejection is final for its clientId: sent again, the same answer and no second review
      expect((await sync([mismatch])).json().results[0]).toEqual(bad)
      expect(await count('select count(*)::int as n from identity_reviews where participant_id = $1', [known.id])).toBe(1)
      // the agent may collect for the person its register item found (not otherwise in its portfolio)
      const pay = await sync([collectItem({ participantClientId: same.clientId }, 1, 26_800)])
      expect(pay.json().results[0], JSON.stringify(pay.json())).toMatchObject({ state: 'done', participantId: known.id })
      const foreign = await sync([collectItem({ participantId: known.id })])
      expect(foreign.json().results[0]).toMatchObject({ state: 'rejected', error: { code: 'not_found' } })
    })

    it('refuses an amount that is not what the months cost, and a collect for a rejected registration, moving no money', async () => {
      const reg = registerItem()
      const before = await accountBalance(ctx.sql, account.agentCash(agent.agent.id))
      const answer = await sync([reg, collectItem({ participantClientId: reg.clientId }, 1, 20_000), collectItem({ participantClientId: reg.clientId }, 2, 16_800)])
      const [, over, under] = answer.json().results
      expect(over).toMatchObject({ state: 'rejected', error: { code: 'amount_mismatch', field: 'amountIdr' } })
      expect(under).toMatchObject({ state: 'rejected', error: { code: 'amount_mismatch', field: 'amountIdr' } })
      expect(await accountBalance(ctx.sql, account.agentCash(agent.agent.id))).toBe(before)
      const badReg = registerItem({ nik: '5171000000000000' })
      const orphan = await sync([badReg, collectItem({ participantClientId: badReg.clientId })])
      expect(orphan.json().results.map((x: { state: string }) => x.state)).toEqual(['rejected', 'rejected'])
      expect(orphan.json().results[1].error.code).toBe('invalid_state')
    })

    it('refuses a malformed item alone (field, code, message), processes the others, and answers 400 only for a bad envelope', async () => {
      const good = registerItem()
      const badMonths = collectItem({ participantClientId: good.clientId }, 1)
      const malformed = { ...badMonths, payload: { ...badMonths.payload, months: 13 } }
      const noKind = { clientId: crypto.randomUUID(), createdAt: '2026-03-09T09:00:00+08:00', payload: {} }
      const noClientId = { kind: 'collect', payload: {} }
      const pay = collectItem({ participantClientId: good.clientId })
      const answer = await sync([good, malformed, noKind, noClientId, pay])
      expect(answer.statusCode).toBe(200)
      const [r, m, k, c, p] = answer.json().results
      expect(r).toMatchObject({ clientId: good.clientId, state: 'done' })
      expect(m).toMatchObject({ clientId: malformed.clientId, state: 'rejected', error: { code: 'invalid_input', field: 'payload.months' } })
      expect(m.error.message).toMatch(/^payload\.months: /)
      expect(k).toMatchObject({ clientId: noKind.clientId, state: 'rejected', error: { code: 'invalid_input', field: 'kind' } })
      expect(c).toMatchObject({ clientId: '', state: 'rejected', error: { code: 'invalid_input', field: 'clientId' } })
      expect(p).toMatchObject({ clientId: pay.clientId, state: 'done', participantId: r.participantId })
      expect(await count('select count(*)::int as n from payments where participant_id = $1', [r.participantId])).toBe(1)
      // idempotent per clientId: the same malformed item again is the same refusal; the clientId with a corrected item is a conflict
      const again = await sync([malformed, pay])
      expect(again.json().results).toEqual([m, p])
      expect((await sync([badMonths])).json().results[0]).toMatchObject({ state: 'rejected', error: { code: 'idempotency_conflict', field: 'clientId' } })
      expect(await count('select count(*)::int as n from payments where participant_id = $1', [r.participantId])).toBe(1)
      // the envelope itself: no items, too many, not objects
      expect((await sync([])).statusCode).toBe(400)
      expect((await sync(Array.from({ length: 101 }, () => registerItem()))).statusCode).toBe(400)
      expect((await sync(['x'])).statusCode).toBe(400)
      expect((await app.inject({ method: 'POST', url: '/api/v1/agen/sync', headers: { 'x-test-actor': 'agent' }, payload: { things: [] } })).statusCode).toBe(400)
    })

    it('only agents sync', async () => {
      expect((await sync([registerItem()], 'kanwil')).statusCode).toBe(403)
      expect((await sync([registerItem()], 'nobody')).statusCode).toBe(401)
    })
  },
  { referenceData: true },
)
