import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { collectItem, makeAgent, registerItem } from '../../../flows/agents.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import type { Actor } from '../../access/index.js'
import agentsRoutes from './routes.js'
import { agentPortfolio } from '../../../flows/agent-views.js'
import type { Sql } from '../../../platform/db/sql.js'

describeDb(
  'the agent\'s own views and deposits, and the staff performance table (issue 10 items 3–5)',
  (ctx) => {
    let app: App
    let mine: Awaited<ReturnType<typeof makeAgent>>
    let other: Awaited<ReturnType<typeof makeAgent>>
    const actors = new Map<string, Actor>()
    const get = (url: string, who = 'agent') => app.inject({ method: 'GET', url, headers: { 'x-test-actor': who } })

    beforeAll(async () => {
      mine = await makeAgent(ctx.sql, { branch: 'bali-denpasar' })
      other = await makeAgent(ctx.sql, { regions: ['53.71'], branch: 'ntt-kupang' })
      actors.set('agent', mine.actor)
      actors.set('other', other.actor)
      actors.set('cabang', { userId: '00000000-0000-4000-8000-000000000002', username: 'cabang.uji', role: 'cabang', branchCode: 'bali-denpasar', regionCodes: ['51.71'], sourceIds: [] })
      const context = testContext({ sql: ctx.sql, now: () => new Date('2026-03-10T02:00:00Z') })
      app = await buildApp({ ctx: context, routes: [agentsRoutes], authenticate: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null })
      const reg = registerItem()
      const synced = await app.inject({ method: 'POST', url: '/api/v1/agen/sync', headers: { 'x-test-actor': 'agent' }, payload: { items: [reg, collectItem({ participantClientId: reg.clientId })] } })
      expect(synced.json().results.map((r: { state: string }) => r.state)).toEqual(['done', 'done'])
    })
    afterAll(() => app.close())

    it('answers /agen/me, /agen/portfolio, /agen/collections, /agen/commission and /agen/cash for the agent itself', async () => {
      expect((await get('/api/v1/agen/me')).json()).toMatchObject({ month: '2026-03', progress: { registrations: 1, collectionsIdr: 16_800 }, cashOnHandIdr: 16_800, agent: { status: 'aktif', regionCodes: ['51.71'] } })
      const portfolio = await get('/api/v1/agen/portfolio?asOf=2026-03-10')
      expect(portfolio.statusCode).toBe(200)
      expect(portfolio.json().asOf).toBe('2026-03-10')
      const collections = (await get('/api/v1/agen/collections')).json().items
      expect(collections).toHaveLength(1)
      expect(collections[0]).toMatchObject({ amountIdr: 16_800, months: ['2026-03'], collectedOn: '2026-03-09', deposited: false, reversed: false, name: 'I Made Agus Saputra' })
      expect((await get('/api/v1/agen/commission?month=2026-03')).json()).toMatchObject({ month: '2026-03', collectedIdr: 16_800, lines: [{ kind: 'collection', rateppm: 150_000, amountIdr: 2_520 }, { kind: 'wadah_share', amountIdr: 0 }], totalIdr: 2_520, wadahIdr: 252 })
      expect((await get('/api/v1/agen/cash')).json()).toMatchObject({ undepositedIdr: 16_800, ledgerBalanceIdr: 16_800, undeposited: [{ amountIdr: 16_800, daysHeld: 1 }] })
    })

    it('records a deposit by the agent, and staff may record one for an agent of their branch but not of another', async () => {
      const deposit = await app.inject({ method: 'POST', url: '/api/v1/agen/deposits', headers: { 'x-test-actor': 'agent' }, payload: { amountIdr: 10_000, depositedOn: '2026-03-10', to: 'bank', reference: 'BNI-001' } })
      expect(deposit.statusCode).toBe(201)
      expect(deposit.json()).toMatchObject({ amountIdr: 10_000, cashOnHandIdr: 6_800 })
      const byStaff = await app.inject({ method: 'POST', url: '/api/v1/agen/deposits', headers: { 'x-test-actor': 'cabang' }, payload: { agentId: mine.agent.id, amountIdr: 6_800, depositedOn: '2026-03-10', to: 'cabang', reference: 'KW-7' } })
      expect(byStaff.json()).toMatchObject({ cashOnHandIdr: 0 })
      const foreign = await app.inject({ method: 'POST', url: '/api/v1/agen/deposits', headers: { 'x-test-actor': 'cabang' }, payload: { agentId: other.agent.id, amountIdr: 1, depositedOn: '2026-03-10', to: 'cabang', reference: 'KW-8' } })
      expect(foreign.statusCode).toBe(404)
      expect((await get('/api/v1/agen/collections')).json().items[0].deposited).toBe(true)
      // an agent names no other agent
      expect((await get(`/api/v1/agen/commission?agentId=${other.agent.id}`)).statusCode).toBe(404)
    })

    it('gives staff the performance table of their regions, and refuses it to agents', async () => {
      const table = (await get('/api/v1/agents/performance?month=2026-03', 'cabang')).json()
      expect(table.rows.map((r: { agentId: string }) => r.agentId)).toEqual([mine.agent.id])
      expect(table.rows[0]).toMatchObject({ registrations: 1, collections: 1, collectedIdr: 16_800, portfolio: 1, terlindungi: 1, retentionppm: 1_000_000, lapseRateppm: 0, cashOnHandIdr: 0 })
      expect((await get('/api/v1/agents/performance', 'agent')).statusCode).toBe(403)
    })

    it('gives each portfolio item the monthly contribution from the engine, read in one batch whatever the portfolio size', async () => {
      const queries = { n: 0 }
      const counting: Sql = { query: (text, params) => { queries.n++; return ctx.sql.query(text, params) }, transaction: (work) => ctx.sql.transaction(work) }
      const register = (n: number) => app.inject({ method: 'POST', url: '/api/v1/agen/sync', headers: { 'x-test-actor': 'agent' }, payload: { items: Array.from({ length: n }, () => registerItem()) } })
      expect((await register(1)).json().results[0].state).toBe('done')
      await agentPortfolio(counting, mine.agent, '2026-03-10')
      const few = queries.n
      expect((await register(4)).json().results.every((r: { state: string }) => r.state === 'done')).toBe(true)
      queries.n = 0
      const portfolio = await agentPortfolio(counting, mine.agent, '2026-03-10')
      expect(queries.n).toBe(few)
      expect(portfolio.groups.neverPaid).toHaveLength(5)
      // never paid: March to start, then April at the PP 50/2025 rate (Rp16.800 → Rp8.400 for Rp1.000.000 declared)
      for (const item of portfolio.groups.neverPaid) expect(item).toMatchObject({ monthsOwed: ['2026-03'], owedIdr: 16_800, monthlyIdr: 8_400 })
      const answer = (await get('/api/v1/agen/portfolio?asOf=2026-03-10')).json()
      expect(answer.groups.neverPaid[0]).toMatchObject({ monthlyIdr: 8_400 })
    })
  },
  { referenceData: true },
)
