import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import multipart from '@fastify/multipart'
import { DomainError } from '../../../kernel/errors.js'
import { maskNik } from '../../../kernel/index.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { isTabularError } from '../../../platform/tabular/index.js'
import { assertAuthorized } from '../../access/index.js'
import { channelReport, reconcileUploadedSettlement } from '../../../flows/channel-reconcile.js'
import { findPartnerById, listPartners, type PartnerSummary } from '../db/partners.js'
import { reconciliationsOfDay, type StoredReconciliation } from '../db/reconciliations.js'
import { wibDate } from '../domain/index.js'
import * as s from './staff-schemas.js'

const tags = ['channels']
const secured: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]
const MAX_UPLOAD_BYTES = 32 * 1024 * 1024

const present = (p: PartnerSummary) => ({
  id: p.id, name: p.name, code: p.code, partnerServiceId: p.partnerServiceId, fee: Number(p.feeIdr), sourceId: p.sourceId, created: new Date(p.createdAt).toISOString(),
})

const presentReconciliation = (r: StoredReconciliation) => ({
  id: r.id, date: r.date, reconciledAt: r.reconciledAt.toISOString(), fileSha256: r.fileSha256, rows: r.rows, matched: r.matched,
  onlyAtPartner: r.onlyAtPartner, onlyAtSemesta: r.onlyAtSemesta, amountDiffers: r.amountDiffers,
})

/**
 * The staff side of the channels area (issue 9 item 7): the partners (never a key or secret), a partner's
 * transactions of a WIB day (the rows of `semesta partner report`, customerNo masked) and reconciling an uploaded
 * settlement file (`semesta reconcile`, audited and kept: each run, listed per day). Kanwil, cabang and admin.
 */
export default async function channelStaffRoutes(app: App): Promise<void> {
  const { ctx } = app
  const uploads = path.join(ctx.config.dataDir, 'settlements')
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })

  const partnerOf = async (id: string) => {
    const partner = await findPartnerById(ctx.sql, id)
    if (!partner) throw new DomainError('not_found', 'Mitra tidak ditemukan.', { field: 'id' })
    return partner
  }

  app.get('/api/v1/channels/partners', {
    preHandler: app.requireActor,
    schema: { tags, security: secured, response: { 200: s.partnersResponse }, summary: 'Mitra kanal pembayaran (tanpa kunci atau rahasia)' },
  }, async (request) => {
    assertAuthorized(actorOf(request), 'channel_partner.read', { collection: true })
    return { partners: (await listPartners(ctx.sql)).map(present) }
  })

  app.get('/api/v1/channels/partners/:id/transactions', {
    preHandler: app.requireActor,
    schema: {
      tags, security: secured, params: s.partnerParams, querystring: s.transactionsQuery, response: { 200: s.transactionsResponse },
      summary: 'Transaksi mitra pada satu hari WIB (pembayaran dan pembatalan, seperti laporan harian `semesta partner report`) dan pendaftaran di loketnya',
    },
  }, async (request) => {
    assertAuthorized(actorOf(request), 'channel_partner.read', { collection: true })
    const partner = await partnerOf(request.params.id)
    const date = request.query.date ?? wibDate(ctx.now())
    const report = await channelReport(ctx.sql, partner.id, date)
    return {
      partner: present(partner), date,
      transactions: report.lines.map((l) => ({
        trxDateTime: l.trxDateTime, kind: l.reversalOf ? 'reversal' as const : 'payment' as const, paymentRequestId: l.paymentRequestId, referenceNo: l.referenceNo,
        customerNo: maskNik(l.customerNo), receiptNo: l.kodeIuran, periods: [...l.periods], amount: l.amountIdr, fee: l.feeIdr, status: l.status, reversalOf: l.reversalOf,
      })),
      fees: report.fees,
      registrations: report.registrations.map((r) => ({ ...r, kpj: r.kpj === null ? null : maskNik(r.kpj) })),
    }
  })

  app.get('/api/v1/channels/partners/:id/reconciliations', {
    preHandler: app.requireActor,
    schema: {
      tags, security: secured, params: s.partnerParams, querystring: s.reconcileQuery, response: { 200: s.reconciliationList },
      summary: 'Riwayat rekonsiliasi berkas settlement mitra pada satu hari WIB (terbaru dahulu)',
    },
  }, async (request) => {
    assertAuthorized(actorOf(request), 'channel_partner.reconcile', { collection: true })
    const partner = await partnerOf(request.params.id)
    const date = request.query.date ?? wibDate(ctx.now())
    return { date, items: (await reconciliationsOfDay(ctx.sql, partner.id, date)).map(presentReconciliation) }
  })

  app.post('/api/v1/channels/partners/:id/reconciliations', {
    preHandler: app.requireActor,
    schema: {
      tags, security: secured, consumes: ['multipart/form-data'], params: s.partnerParams, querystring: s.reconcileQuery, response: { 200: s.reconciliationResponse },
      summary: 'Cocokkan berkas settlement mitra (CSV: trxDateTime, paymentRequestId, customerNo, amount) dengan pembayaran hari WIB itu',
    },
  }, async (request) => {
    const actor = assertAuthorized(actorOf(request), 'channel_partner.reconcile', { collection: true })
    const partner = await partnerOf(request.params.id)
    const date = request.query.date ?? wibDate(ctx.now())
    const part = await request.file()
    if (!part) throw new DomainError('missing_field', 'Unggah berkas settlement mitra (CSV) di kolom "file".', { field: 'file' })
    await fs.promises.mkdir(uploads, { recursive: true })
    const file = path.join(uploads, `${ctx.newId()}${path.extname(part.filename).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv'}`)
    try {
      await pipeline(part.file, fs.createWriteStream(file))
      if (part.file.truncated) throw new DomainError('out_of_range', `Berkas lebih besar dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { field: 'file' })
      const result = await reconcileUploadedSettlement(ctx.sql, { partnerId: partner.id, date, file, actor, requestId: request.id }, ctx.now(), ctx)
      return { ...presentReconciliation(result), fees: result.fees }
    } catch (error) {
      if (isTabularError(error)) throw new DomainError('invalid_input', error.message, { field: 'file', problem: error.problem, missingColumns: [...error.missingColumns] })
      throw error
    } finally {
      await fs.promises.rm(file, { force: true })
    }
  })
}
