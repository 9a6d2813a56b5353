import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { syncOutbox } from '../../../flows/agen-sync.js'
import { agentFor } from '../../../flows/agent-of.js'
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
}
