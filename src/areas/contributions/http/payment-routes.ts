import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import { errorBodySchema } from '../../../platform/http/error-reply.js'
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER, idempotencyHeaders } from '../../../platform/http/idempotent.js'
import type { App } from '../../../platform/http/types.js'
import { takePayment } from '../../../flows/take-payment.js'
import { writeAudit } from '../../access/index.js'
import { account } from '../../ledger/index.js'
import { findParticipantById, findParticipantByKpj, findParticipantByNik, type ParticipantRecord } from '../../participants/index.js'
import { collectionOf, mayRecordPayment, mayRecordPayments } from '../policy.js'
import { receiptUrl } from './presenters.js'
import * as s from './schemas.js'

export const tags = ['contributions']
export const secured: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

export function notFound(): DomainError {
  return new DomainError('not_found', 'Peserta tidak ditemukan (atau di luar wilayah/portofolio Anda).')
}

function findPayer(app: App, body: s.PaymentBody): Promise<ParticipantRecord | null> {
  const { sql } = app.ctx
  if (body.participantId) return findParticipantById(sql, body.participantId)
  if (body.kpj) return findParticipantByKpj(sql, body.kpj)
  return findParticipantByNik(sql, body.nik as string)
}

/** `POST /api/v1/payments`: cash collected by staff or an Agen Perisai, once per Idempotency-Key, through takePayment. */
export async function paymentRoutes(app: App): Promise<void> {
  const { ctx } = app
  app.post(
    '/api/v1/payments',
    {
      preHandler: app.requireActor,
      schema: {
        tags, security: secured, headers: idempotencyHeaders, body: s.paymentBody,
        summary: 'Catat iuran tunai yang diterima (petugas atau Agen Perisai): tunggakan dulu, lalu bulan berjalan dan berikutnya, 1–12 bulan',
        response: { 201: s.paymentResponse, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      if (!mayRecordPayments(actor)) throw new DomainError('forbidden', 'Anda tidak berwenang mencatat pembayaran.', { action: 'payment.write' })
      const body = request.body
      const p = await findPayer(app, body)
      if (!p) throw notFound()
      if (!mayRecordPayment(actor, p)) {
        await writeAudit(ctx.sql, { actor: { userId: actor.userId, role: actor.role }, action: 'payment.write_refused', subjectType: 'participant', subjectId: p.id, requestId: request.id })
        throw notFound()
      }
      const collection = collectionOf(actor, p, body.sourceId)
      if (!collection) throw new DomainError('forbidden', 'Sumber penerimaan ini bukan milik Anda.', { field: 'sourceId' })
      const taken = await takePayment(
        ctx.sql,
        {
          participant: { id: p.id }, ...(body.months !== undefined ? { months: body.months } : {}), ...(body.amountIdr !== undefined ? { amountIdr: body.amountIdr } : {}),
          paidOn: body.paidOn, channel: collection.channel, sourceId: collection.sourceId,
          ...(collection.channel === 'agent' && collection.sourceId ? { via: account.agentCash(collection.sourceId) } : {}),
          clientId: actor.userId, clientKey: String(request.headers[IDEMPOTENCY_HEADER]), requestId: request.id, actor: { userId: actor.userId, role: actor.role },
        },
        ctx.now(),
        ctx,
      )
      reply.code(201)
      if (taken.replayed) reply.header(REPLAYED_HEADER, 'true')
      return {
        paymentId: taken.paymentId, receiptNo: taken.receiptNo, replayed: taken.replayed, participantId: taken.participantId, amountIdr: taken.amountIdr,
        months: taken.months, allocated: taken.allocated, paidThrough: taken.paidThrough, creditIdr: taken.creditIdr,
        status: taken.status as s.PaymentResponse['status'], receiptUrl: receiptUrl(taken.receiptNo),
      }
    },
  )
}
