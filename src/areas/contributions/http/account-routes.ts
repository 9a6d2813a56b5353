import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import { errorBodySchema } from '../../../platform/http/error-reply.js'
import type { App } from '../../../platform/http/types.js'
import { participantAccount } from '../../../flows/participant-account.js'
import { registrationToday } from '../../../flows/registration-context.js'
import { writeAudit, type Actor } from '../../access/index.js'
import { findParticipantById, findSource, listEnrolments, type ParticipantRecord } from '../../participants/index.js'
import { loadRegulationSet } from '../../programmes/index.js'
import { listRegions } from '../../regions/index.js'
import { findReceipt, listPayments, standingTotalIdr, type ReceiptView } from '../db/payments.js'
import { renderReceiptPdf } from '../documents/receipt-pdf.js'
import { paymentView } from '../policy.js'
import { notFound, secured, tags } from './payment-routes.js'
import { presentReceipt, receiptDocument, receiptUrl, type Collector } from './presenters.js'
import * as s from './schemas.js'

/** The participant behind an account or receipt, if this caller may see it; otherwise the same 404 as an unknown one (audited). */
async function visible(app: App, actor: Actor, p: ParticipantRecord | null, requestId: string) {
  if (!p) throw notFound()
  const view = paymentView(actor, p)
  if (view === 'none') {
    await writeAudit(app.ctx.sql, { actor: { userId: actor.userId, role: actor.role }, action: 'payment.read_refused', subjectType: 'participant', subjectId: p.id, requestId })
    throw notFound()
  }
  return { participant: p, personalData: view === 'full' }
}

async function receiptOf(app: App, actor: Actor, receiptNo: string, requestId: string) {
  const view = await findReceipt(app.ctx.sql, receiptNo)
  if (!view) throw new DomainError('not_found', 'Bukti bayar tidak ditemukan.')
  const seen = await visible(app, actor, await findParticipantById(app.ctx.sql, view.participantId), requestId)
  return { view, ...seen, collector: await collectorOf(app, view) }
}

/** findReceipt does not return the collecting source yet: read it when the storage adds it. */
async function collectorOf(app: App, view: ReceiptView): Promise<Collector> {
  const sourceId = (view as ReceiptView & { sourceId?: string | null }).sourceId ?? null
  const source = sourceId ? await findSource(app.ctx.sql, sourceId) : null
  return { sourceId, sourceName: source?.name ?? null, sourceKind: source?.kind ?? (view.channel === 'office' ? 'office' : null) }
}

/** Accounts, payment lists and receipts (JSON and the printable PDF). */
export async function accountRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }

  app.get(
    '/api/v1/participants/:id/account',
    { ...guarded, schema: { tags, security: secured, summary: 'Rekening iuran peserta per tanggal (status, lunas sampai, tunggakan, bulan demi bulan)', params: s.idParams, querystring: s.accountQuery, response: { 200: s.accountResponse, 404: errorBodySchema } } },
    async (request) => {
      const { participant } = await visible(app, actorOf(request), await findParticipantById(ctx.sql, request.params.id), request.id)
      const asOf = request.query.asOf ?? registrationToday(ctx.now(), participant.regencyCode)
      return { ...(await participantAccount(ctx.sql, participant.id, asOf)), asOf }
    },
  )

  app.get(
    '/api/v1/participants/:id/payments',
    { ...guarded, schema: { tags, security: secured, summary: 'Pembayaran peserta, terbaru dulu, dengan bukti bayarnya', params: s.idParams, response: { 200: s.paymentList, 404: errorBodySchema } } },
    async (request) => {
      const { participant } = await visible(app, actorOf(request), await findParticipantById(ctx.sql, request.params.id), request.id)
      const items = await listPayments(ctx.sql, participant.id)
      return {
        items: items.map((p) => ({
          paymentId: p.id, receiptNo: p.receiptNo, amountIdr: p.amountIdr, paidOn: p.paidOn, channel: p.channel, receiptUrl: receiptUrl(p.receiptNo),
          reversedAt: p.reversedAt ? p.reversedAt.toISOString() : null,
        })),
        totalIdr: standingTotalIdr(items),
      }
    },
  )

  app.get(
    '/api/v1/receipts/:receiptNo.pdf',
    { ...guarded, schema: { tags, security: secured, summary: 'Bukti bayar siap cetak (PDF A5, Bahasa Indonesia)', params: s.receiptParams, produces: ['application/pdf'] } },
    async (request, reply) => {
      const r = await receiptOf(app, actorOf(request), request.params.receiptNo, request.id)
      const regency = (await listRegions(ctx.sql, { parentCode: r.participant.regencyCode.slice(0, 2) })).find((x) => x.code === r.participant.regencyCode)
      const enrolments = await listEnrolments(ctx.sql, r.participant.id)
      const programmes = [...new Set(r.view.lines.map((l) => l.programme)), ...(enrolments.find((e) => e.status === 'active')?.programmes ?? [])]
      const doc = receiptDocument(r.view, r.participant, { collector: r.collector, regencyName: regency?.name ?? null, regs: loadRegulationSet(), programmes }, r)
      const pdf = await renderReceiptPdf(doc)
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${r.view.receiptNo}.pdf"`).header('cache-control', 'private, no-store').send(pdf)
    },
  )

  app.get(
    '/api/v1/receipts/:receiptNo',
    { ...guarded, schema: { tags, security: secured, summary: 'Bukti bayar (JSON)', params: s.receiptParams, response: { 200: s.receiptView, 404: errorBodySchema } } },
    async (request) => {
      const r = await receiptOf(app, actorOf(request), request.params.receiptNo, request.id)
      return presentReceipt(r.view, r.participant, r.collector, r)
    },
  )
}
