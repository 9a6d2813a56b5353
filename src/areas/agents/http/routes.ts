import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { syncOutbox } from '../../../flows/agen-sync.js'
import { agentFor } from '../../../flows/agent-of.js'
import { agentCommission, cashPosition, recordDeposit, witaToday } from '../../../flows/agent-money.js'
import { agentMe, agentPerformance, agentPortfolio } from '../../../flows/agent-views.js'
import { monthOfDate } from '../../../kernel/month.js'
import { listCollectionDetails } from '../db/collections.js'
import { assertAuthorized } from '../../access/index.js'
import * as s from './schemas.js'

export const tags = ['agents']
export const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** The Agen Perisai phone app's API (agen-contract.md); staff views of agents are in staff-routes.ts. */
export default async function agentsRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }

  app.post('/api/v1/agen/sync', { ...guarded, schema: { tags, security, summary: 'Kirim antrean HP agen (daftar, pungut iuran); idempoten per clientId', body: s.syncBody, response: { 200: s.syncResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'payment.write', { collection: true })
      if (actor.role !== 'agent') throw new DomainError('forbidden', 'Hanya agen yang mengirim antrean dari HP.', { action: 'agen.sync' })
      const agent = await agentFor(ctx.sql, actor, undefined, 'payment.write')
      if (agent.terminatedOn !== null) throw new DomainError('forbidden', 'Keagenan Anda telah diakhiri.', { action: 'agen.sync' })
      return { results: await syncOutbox(ctx.sql, { agent, actor, requestId: request.id }, request.body.items, ctx.now(), ctx) }
    })

  app.get('/api/v1/agen/me', { ...guarded, schema: { tags, security, summary: 'Profil agen, target dan capaian bulan ini, uang iuran dipegang, komisi bulan ini', response: { 200: s.meResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      return agentMe(ctx.sql, await agentFor(ctx.sql, actor, undefined, 'agent.read'), ctx.now())
    })

  app.get('/api/v1/agen/portfolio', { ...guarded, schema: { tags, security, summary: 'Portofolio agen: jatuh tempo minggu ini, menunggak, akan nonaktif, nonaktif, belum pernah bayar', querystring: s.portfolioQuery, response: { 200: s.portfolioResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      const agent = await agentFor(ctx.sql, actor, undefined, 'agent.read')
      return agentPortfolio(ctx.sql, agent, request.query.asOf ?? witaToday(ctx.now()))
    })

  app.get('/api/v1/agen/collections', { ...guarded, schema: { tags, security, summary: 'Iuran yang dipungut agen (tanda terima, bulan, sudah disetor atau belum)', querystring: s.collectionsQuery, response: { 200: s.collectionsResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      const agent = await agentFor(ctx.sql, actor, request.query.agentId, 'agent.read')
      const today = witaToday(ctx.now())
      const deposited = new Map((await cashPosition(ctx.sql, agent, today)).items.map((i) => [i.paymentId, i.deposited]))
      const items = await listCollectionDetails(ctx.sql, agent.id, { from: request.query.from ?? null, to: request.query.to ?? null })
      return {
        items: items.map((c) => ({
          paymentId: c.paymentId, receiptNo: c.receiptNo, participantId: c.participantId, kpj: c.kpj, name: c.name, amountIdr: c.amountIdr, months: c.months,
          collectedOn: c.collectedOn, deposited: c.reversedOn !== null || (deposited.get(c.paymentId) ?? false), reversed: c.reversedOn !== null,
        })),
      }
    })

  app.get('/api/v1/agen/commission', { ...guarded, schema: { tags, security, summary: 'Rincian komisi bulanan agen (skema sesuai bulan, clawback atas pembatalan)', querystring: s.commissionQuery, response: { 200: s.commissionResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      const agent = await agentFor(ctx.sql, actor, request.query.agentId, 'agent.read')
      const month = request.query.month ?? monthOfDate(witaToday(ctx.now()))
      return { agentId: agent.id, ...(await agentCommission(ctx.sql, agent, month)) }
    })

  app.post('/api/v1/agen/deposits', { ...guarded, schema: { tags, security, summary: 'Catat setoran uang iuran agen ke bank atau cabang (jurnal agent_cash → bank)', body: s.depositBody, response: { 200: s.depositResponse, 201: s.depositResponse } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'payment.write', { collection: true })
      const { agentId, ...body } = request.body
      const agent = await agentFor(ctx.sql, actor, agentId, 'payment.write')
      const done = await recordDeposit(ctx.sql, { agent, ...body, actor, requestId: request.id }, ctx.now(), ctx)
      const d = done.deposit
      return reply.code(done.replayed ? 200 : 201).send({ depositId: d.id, agentId: agent.id, amountIdr: d.amountIdr, depositedOn: d.depositedOn, to: d.depositedTo, reference: d.reference, cashOnHandIdr: done.cashOnHandIdr })
    })

  app.get('/api/v1/agen/cash', { ...guarded, schema: { tags, security, summary: 'Rekonsiliasi setoran dan pungutan agen: yang belum disetor, terlama dulu', querystring: s.cashQuery, response: { 200: s.cashResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      const agent = await agentFor(ctx.sql, actor, request.query.agentId, 'agent.read')
      const position = await cashPosition(ctx.sql, agent, request.query.asOf ?? witaToday(ctx.now()))
      const { asOf, collectedIdr, depositedIdr, undepositedIdr, excessDepositIdr, ledgerBalanceIdr } = position
      return {
        agentId: agent.id, asOf, collectedIdr, depositedIdr, undepositedIdr, excessDepositIdr, ledgerBalanceIdr,
        undeposited: position.undeposited.map(({ paymentId, collectedOn, amountIdr, depositedIdr: part, daysHeld }) => ({ paymentId, collectedOn, amountIdr, depositedIdr: part, daysHeld })),
      }
    })

  app.get('/api/v1/agents/performance', { ...guarded, schema: { tags, security, summary: 'Kinerja agen (staf): pendaftaran, pungutan, retensi, tingkat nonaktif, per cabang dan kabupaten/kota', querystring: s.performanceQuery, response: { 200: s.performanceResponse } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'agent.read', { collection: true })
      if (actor.role === 'agent') throw new DomainError('forbidden', 'Kinerja agen hanya untuk staf kantor.', { action: 'agent.performance' })
      return agentPerformance(ctx.sql, actor, request.query, ctx.now())
    })
}
