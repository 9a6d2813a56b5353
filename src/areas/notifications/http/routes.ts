import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import { errorBodySchema } from '../../../platform/http/error-reply.js'
import type { App } from '../../../platform/http/types.js'
import { writeAudit } from '../../access/index.js'
import { findParticipantById } from '../../participants/index.js'
import { listMessagesOf, optOutsOf, setOptOut } from '../db/outbox.js'
import { mayChangeOptOut, mayReadMessagesOf } from '../policy.js'
import { presentMessage } from './presenters.js'
import * as s from './schemas.js'

const tags = ['notifications']
const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]
const notFound = () => new DomainError('not_found', 'Peserta tidak ditemukan.')

/** A participant's messages and opt-outs (staff), and recording an opt-out (audited). */
export default async function notificationsRoutes(app: App): Promise<void> {
  const { ctx } = app
  app.get(
    '/api/v1/participants/:id/notifications',
    { preHandler: app.requireActor, schema: { tags, security, summary: 'Pesan peserta (pengingat, peringatan, kuitansi) dan pilihan berhenti berlangganan', params: s.idParams, response: { 200: s.messagesResponse, 404: errorBodySchema } } },
    async (request) => {
      const p = await findParticipantById(ctx.sql, request.params.id)
      if (!p || !mayReadMessagesOf(actorOf(request), p)) throw notFound()
      const messages = await listMessagesOf(ctx.sql, p.id)
      return { messages: messages.map(presentMessage), optOuts: (await optOutsOf(ctx.sql, [p.id])).get(p.id) ?? [] }
    },
  )
  app.put(
    '/api/v1/participants/:id/notification-opt-outs',
    { preHandler: app.requireActor, schema: { tags, security, summary: 'Catat atau cabut berhenti berlangganan pesan per kanal (atau semua)', params: s.idParams, body: s.optOutBody, response: { 200: s.messagesResponse, 404: errorBodySchema } } },
    async (request) => {
      const actor = actorOf(request)
      const p = await findParticipantById(ctx.sql, request.params.id)
      if (!p || !mayChangeOptOut(actor, p)) throw notFound()
      await ctx.sql.transaction(async (tx) => {
        await setOptOut(tx, p.id, request.body.channel, request.body.optedOut, ctx.now())
        await writeAudit(tx, { actor: { userId: actor.userId, role: actor.role }, action: 'notification.opt_out', subjectType: 'participant', subjectId: p.id, requestId: request.id, details: { channel: request.body.channel, optedOut: request.body.optedOut } })
      })
      const messages = await listMessagesOf(ctx.sql, p.id)
      return { messages: messages.map(presentMessage), optOuts: (await optOutsOf(ctx.sql, [p.id])).get(p.id) ?? [] }
    },
  )
}
