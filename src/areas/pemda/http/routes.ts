import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import multipart from '@fastify/multipart'
import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import { idempotencyHeaders, idempotent } from '../../../platform/http/idempotent.js'
import type { App } from '../../../platform/http/types.js'
import { enrolPemdaCohort } from '../../../flows/enrol-pemda-cohort.js'
import { endPemdaMember } from '../../../flows/end-pemda-member.js'
import { invoicePemdaProgramme, writeInvoiceMemberList } from '../../../flows/invoice-pemda.js'
import { payPemdaInvoice } from '../../../flows/pay-pemda-invoice.js'
import { addPemdaProgramme, pemdaProgrammeStatus, programmeFor, programmesVisibleTo } from '../../../flows/pemda-programmes.js'
import { pemdaScorecard } from '../../../flows/pemda-scorecard.js'
import { assertAuthorized, writeAudit, type Actor } from '../../access/index.js'
import { countByCategoryAndStatus } from '../../participants/index.js'
import { normaliseRegionCode } from '../../regions/index.js'
import { findPemdaInvoice, findPemdaInvoicePayment, listPemdaInvoiceLines, listPemdaInvoices } from '../db/invoices.js'
import { lapsingMembers, type ProgrammeRecord } from '../db/programmes.js'
import { mayUseProgramme, payerRegencies } from '../policy.js'
import * as s from './schemas.js'

const tags = ['pemda']
const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

function presentProgramme(p: ProgrammeRecord): s.ProgrammeView {
  const { id, name, regionCode, opd, legalBasis, year, budgetIdr, programmes, incomeIdr, startMonth, endMonth, sourceId, groups } = p
  return { id, name, regionCode, opd, legalBasis, year, budgetIdr, programmes, incomeIdr, startMonth, endMonth, sourceId, groups }
}

const auditRead = (app: App, actor: Actor, action: string, subjectType: string, subjectId: string, requestId: string) =>
  writeAudit(app.ctx.sql, { actor: { userId: actor.userId, role: actor.role }, action, subjectType, subjectId, requestId })

/**
 * Regional-government programmes for the office and the pemda portal (issue 8 items 6–7): a `pemda` user sees only its
 * own government's programmes, cohorts (with the personal data it supplied) and its region's aggregate coverage;
 * every refusal and every read of members' personal data is audited.
 */
export default async function pemdaRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }
  const uploads = path.join(ctx.config.dataDir, 'imports')
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })

  app.get('/api/v1/pemda/programmes', { ...guarded, schema: { tags, security, summary: 'Program pemda yang terlihat oleh pengguna', querystring: s.programmeListQuery, response: { 200: s.programmeList } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'pemda.read', { collection: true })
      return { items: (await programmesVisibleTo(ctx.sql, actor, request.query.year === undefined ? {} : { year: request.query.year })).map(presentProgramme) }
    })

  app.post('/api/v1/pemda/programmes', { ...guarded, schema: { tags, security, summary: 'Buat program pemda (kelompok dan kuota, anggaran, masa)', headers: idempotencyHeaders, body: s.createProgrammeBody, response: { 201: s.programmeView } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'pemda.write', { collection: true })
      return idempotent(request, reply, async (tx) => {
        const created = await addPemdaProgramme(tx, { actor, requestId: request.id, input: request.body }, ctx.now(), ctx)
        return { status: 201, body: presentProgramme(created) }
      })
    })

  app.get('/api/v1/pemda/programmes/:id', { ...guarded, schema: { tags, security, summary: 'Program, jumlah anggota per kelompok dan anggaran', params: s.programmeParams, response: { 200: s.programmeDetail } } },
    async (request) => {
      const programme = await programmeFor(ctx.sql, request.params.id, actorOf(request), 'pemda.read', request.id)
      const { projectedMonths: _, programme: __, ...status } = await pemdaProgrammeStatus(ctx.sql, programme)
      return { ...presentProgramme(programme), status }
    })

  app.post('/api/v1/pemda/programmes/:id/cohorts/:group', {
    ...guarded,
    schema: { tags, security, summary: 'Unggah daftar OPD (CSV/XLSX, kolom templat impor) ke satu kelompok', consumes: ['multipart/form-data'], params: s.enrolParams, querystring: s.enrolQuery, response: { 200: s.enrolResponse } },
  }, async (request) => {
    const actor = assertAuthorized(actorOf(request), 'import.run', { collection: true })
    const part = await request.file()
    if (!part) throw new DomainError('missing_field', 'Unggah daftar peserta (CSV atau XLSX) di kolom "file".', { field: 'file' })
    await fs.promises.mkdir(uploads, { recursive: true })
    const file = path.join(uploads, `${ctx.newId()}${path.extname(part.filename).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv'}`)
    await pipeline(part.file, fs.createWriteStream(file))
    try {
      return await enrolPemdaCohort(ctx.sql, { programmeId: request.params.id, group: request.params.group, from: request.query.from, file, fileName: part.filename, actor, requestId: request.id }, () => ctx.now())
    } finally {
      await fs.promises.rm(file, { force: true })
    }
  })

  app.get('/api/v1/pemda/programmes/:id/lapsing', { ...guarded, schema: { tags, security, summary: 'Anggota menunggak yang akan nonaktif bila tagihan tidak dibayar', params: s.programmeParams, response: { 200: s.lapsingView } } },
    async (request) => {
      const actor = actorOf(request)
      const programme = await programmeFor(ctx.sql, request.params.id, actor, 'pemda.read', request.id)
      const rows = await lapsingMembers(ctx.sql, programme.id)
      if (actor) await auditRead(app, actor, 'pemda.members.read', 'pemda_programme', programme.id, request.id)
      return { items: rows.map(({ groupCode, ...r }) => ({ ...r, group: groupCode })) }
    })

  app.post('/api/v1/pemda/programmes/:id/members/:participantId/end', { ...guarded, schema: { tags, security, summary: 'Anggota keluar: program membayar sampai bulan terakhir, lalu berhenti atau membayar sendiri', params: s.endMemberParams, body: s.endMemberBody, response: { 200: s.endMemberResponse } } },
    async (request) => endPemdaMember(ctx.sql, { programmeId: request.params.id, participantId: request.params.participantId, ...request.body, actor: actorOf(request), requestId: request.id }, ctx.now(), ctx))

  app.get('/api/v1/pemda/programmes/:id/invoices', { ...guarded, schema: { tags, security, summary: 'Tagihan program per bulan', params: s.programmeParams, response: { 200: s.invoiceList } } },
    async (request) => {
      const programme = await programmeFor(ctx.sql, request.params.id, actorOf(request), 'pemda.read', request.id)
      return { items: (await listPemdaInvoices(ctx.sql, programme.id)).map(({ id, invoiceNo, month, revision, workers, amountIdr, dueDate, paidOn }) => ({ invoiceId: id, invoiceNo, month, revision, workers, amountIdr, dueDate, paidOn })) }
    })

  app.post('/api/v1/pemda/programmes/:id/invoices', { ...guarded, schema: { tags, security, summary: 'Buat (atau ambil) tagihan satu bulan; kohort berubah → revisi', params: s.programmeParams, body: s.invoiceBody, response: { 200: s.invoiceView } } },
    async (request) => invoicePemdaProgramme(ctx.sql, { programmeId: request.params.id, month: request.body.month, actor: actorOf(request), requestId: request.id }, ctx.now(), ctx))

  const invoiceOf = async (id: string, actor: Actor | null, requestId: string) => {
    const invoice = await findPemdaInvoice(ctx.sql, { id })
    if (!invoice) throw new DomainError('not_found', 'Tagihan tidak ditemukan.', { field: 'id' })
    const programme = await programmeFor(ctx.sql, invoice.programmeId, actor, 'pemda.read', requestId)
    return { invoice, programme }
  }

  app.get('/api/v1/pemda/invoices/:id', { ...guarded, schema: { tags, security, summary: 'Tagihan dengan baris per kelompok', params: s.invoiceParams, response: { 200: s.invoiceView } } },
    async (request) => {
      const { invoice } = await invoiceOf(request.params.id, actorOf(request), request.id)
      const paid = await findPemdaInvoicePayment(ctx.sql, invoice.id)
      const lines = await listPemdaInvoiceLines(ctx.sql, invoice.id)
      return {
        invoiceId: invoice.id, invoiceNo: invoice.invoiceNo, programme: invoice.programmeId, month: invoice.month, revision: invoice.revision, workers: invoice.workers,
        memberMonths: invoice.memberMonths, amountIdr: invoice.amountIdr, dueDate: invoice.dueDate, lines: lines.map(({ group, workers, memberMonths, amountIdr }) => ({ group, workers, memberMonths, amountIdr })),
        paidOn: paid?.paidOn ?? null, replayed: true, revised: invoice.revision > 1,
      }
    })

  app.get('/api/v1/pemda/invoices/:id/members.xlsx', { ...guarded, schema: { tags, security, summary: 'Daftar peserta tagihan (XLSX)', params: s.invoiceParams } },
    async (request, reply) => {
      const actor = actorOf(request)
      const { invoice } = await invoiceOf(request.params.id, actor, request.id)
      if (actor) await auditRead(app, actor, 'pemda.members.read', 'pemda_invoice', invoice.id, request.id)
      const out = new PassThrough()
      writeInvoiceMemberList(ctx.sql, invoice.id, out).catch((error: unknown) => out.destroy(error as Error))
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${invoice.invoiceNo}.xlsx"`).send(out)
    })

  app.post('/api/v1/pemda/invoices/:id/payments', { ...guarded, schema: { tags, security, summary: 'Catat pembayaran tagihan dari kas daerah (penuh, atau sebagian: bulan-peserta tertua dulu, urutan kelompok)', headers: idempotencyHeaders, params: s.invoiceParams, body: s.payBody, response: { 200: s.paidView } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'payment.write', { collection: true })
      return idempotent(request, reply, async (tx) => ({
        status: 200,
        body: await payPemdaInvoice(tx, { invoice: request.params.id, paidOn: request.body.paidOn, amountIdr: request.body.amountIdr, actor, requestId: request.id }, ctx.now(), ctx),
      }))
    })

  app.get('/api/v1/pemda/scorecards/:region', { ...guarded, schema: { tags, security, summary: 'Kartu skor pemda (kriteria Paritrana dan UCJ, dengan sumber data)', params: s.scorecardParams, querystring: s.scorecardQuery, response: { 200: s.scorecardView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'pemda.read', { collection: true })
      return pemdaScorecard(ctx.sql, { regionCode: request.params.region, year: request.query.year ?? ctx.now().getUTCFullYear(), actor, requestId: request.id })
    })

  app.get('/api/v1/pemda/coverage/:region', { ...guarded, schema: { tags, security, summary: 'Cakupan agregat wilayah pemda (per kategori dan status, tanpa data pribadi)', params: s.coverageParams, response: { 200: s.coverageView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'coverage.read', { collection: true })
      const regionCode = normaliseRegionCode(request.params.region, 'region')
      if (!mayUseProgramme(actor, 'pemda.read', await payerRegencies(ctx.sql, regionCode))) {
        await writeAudit(ctx.sql, { actor: { userId: actor.userId, role: actor.role }, action: 'pemda.read_refused', subjectType: 'region', subjectId: regionCode, requestId: request.id })
        throw new DomainError('forbidden', 'Cakupan wilayah ini hanya untuk pemdanya sendiri.', { field: 'region' })
      }
      const counts = await countByCategoryAndStatus(ctx.sql, regionCode)
      const categories = [...new Set(counts.map((c) => c.category))].sort()
      const n = (category: string, status: string) => counts.find((c) => c.category === category && c.status === status)?.n ?? 0
      const byCategory = categories.map((category) => ({
        category, aktif: n(category, 'aktif'), menunggak: n(category, 'menunggak'), nonaktif: n(category, 'nonaktif'), terdaftar: n(category, 'terdaftar'),
        terlindungi: n(category, 'aktif') + n(category, 'menunggak'),
      }))
      return { regionCode, byCategory, terlindungi: byCategory.reduce((t, c) => t + c.terlindungi, 0) }
    })
}
