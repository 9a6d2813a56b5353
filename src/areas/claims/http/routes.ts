import { maskName, maskNik } from '../../../kernel/mask.js'
import { actorOf } from '../../../platform/http/actor.js'
import { idempotencyHeaders, idempotent } from '../../../platform/http/idempotent.js'
import type { App } from '../../../platform/http/types.js'
import { claimsReportFor } from '../../../flows/claims-report.js'
import { fileClaim } from '../../../flows/file-claim.js'
import { moveClaim } from '../../../flows/move-claim.js'
import { moveScholarship } from '../../../flows/claim-scholarship.js'
import { disburseClaim } from '../../../flows/disburse-claim.js'
import { assertAuthorized, dataScope, type Actor } from '../../access/index.js'
import { listClaims, listClaimSteps, listScholarships, type ClaimRecord } from '../db/claims.js'
import { claimFor, seesClaimant } from '../policy.js'
import * as s from './schemas.js'

const tags = ['claims']
const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** What leaves the server: the claimant's NIK and name unmasked only for whom may see personal data (and never in lists). */
export function presentClaim(c: ClaimRecord, actor: Actor, options: { list?: boolean } = {}): s.ClaimView {
  const full = !options.list && seesClaimant(actor, c)
  return {
    id: c.id, participantId: c.participantId, regionCode: c.regionCode, kind: c.kind, programme: c.programme, eventDate: c.eventDate, filedOn: c.filedOn,
    claimant: { name: full ? c.claimantName : maskName(c.claimantName), nik: c.claimantNik === null ? null : full ? c.claimantNik : maskNik(c.claimantNik), relation: c.claimantRelation },
    details: c.details, documents: c.documents, eligibility: c.eligibility, status: c.status, version: c.version, rejectionReason: c.rejectionReason,
    paidOn: c.paidOn, paidIdr: c.paidIdr, withheldIdr: c.withheldIdr,
  }
}

/** The claims register for office staff (issue 11 item 3): file, list, read, and move a claim along its workflow. */
export default async function claimsRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }

  app.get('/api/v1/claims', { ...guarded, schema: { tags, security, summary: 'Daftar klaim di wilayah pengguna', querystring: s.claimListQuery, response: { 200: s.claimList } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.read', { collection: true })
      const rows = await listClaims(ctx.sql, { ...request.query, regionCodes: dataScope(actor).regionCodes })
      return { items: rows.map((c) => presentClaim(c, actor, { list: true })) }
    })

  app.post('/api/v1/claims', { ...guarded, schema: { tags, security, summary: 'Catat klaim (kelayakan dihitung dari rekening peserta pada tanggal kejadian)', headers: idempotencyHeaders, body: s.fileClaimBody, response: { 201: s.claimView } } },
    async (request, reply) => {
      const actor = assertAuthorized(actorOf(request), 'claim.write', { collection: true })
      return idempotent(request, reply, async (tx) => {
        const claim = await fileClaim(tx, { ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
        return { status: 201, body: presentClaim(claim, actor) }
      })
    })

  app.get('/api/v1/claims/report', { ...guarded, schema: { tags, security, summary: 'Laporan klaim per program, wilayah dan bulan; lama bayar terhadap batas hari kerja', querystring: s.claimsReportQuery, response: { 200: s.claimsReportView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.read', { collection: true })
      return claimsReportFor(ctx.sql, { ...request.query, actor }, ctx.now())
    })

  app.get('/api/v1/claims/:id', { ...guarded, schema: { tags, security, summary: 'Klaim, langkah-langkahnya dan jadwal beasiswa', params: s.claimParams, response: { 200: s.claimDetail } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.read', { collection: true })
      const claim = await claimFor(ctx.sql, request.params.id, actor, 'claim.read')
      const steps = (await listClaimSteps(ctx.sql, claim.id)).map(({ action, fromStatus, toStatus, reason, occurredOn }) => ({ action, fromStatus, toStatus, reason, occurredOn }))
      return { ...presentClaim(claim, actor), steps, scholarships: await listScholarships(ctx.sql, claim.id) }
    })

  app.post('/api/v1/claims/:id/steps', { ...guarded, schema: { tags, security, summary: 'Langkah alur klaim: verify, approve, pay, release (sisa yang ditahan, setelah tunggakan lunas; 422 arrears_unpaid bila belum), reject (dengan alasan)', params: s.claimParams, body: s.moveClaimBody, response: { 200: s.claimView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.write', { collection: true })
      const claim = await moveClaim(ctx.sql, { claimId: request.params.id, ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return presentClaim(claim, actor)
    })

  app.post('/api/v1/claims/:id/disbursements', { ...guarded, schema: { tags, security, summary: 'Catat pencairan: seluruh utang manfaat klaim yang sudah dibayar keluar dari rekening bank BPJS ke penerima (dengan nomor referensi bank)', params: s.claimParams, body: s.disbursementBody, response: { 200: s.claimView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.write', { collection: true })
      const claim = await disburseClaim(ctx.sql, { claimId: request.params.id, ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return presentClaim(claim, actor)
    })

  app.post('/api/v1/claims/:id/scholarships', { ...guarded, schema: { tags, security, summary: 'Beasiswa tahun ajaran berikutnya: bayar satu tahun terjadwal (lalu tahun berikutnya dijadwalkan) atau hentikan (usia 23, menikah, bekerja, tidak sekolah)', params: s.claimParams, body: s.scholarshipStepBody, response: { 200: s.claimView } } },
    async (request) => {
      const actor = assertAuthorized(actorOf(request), 'claim.write', { collection: true })
      const claim = await moveScholarship(ctx.sql, { claimId: request.params.id, ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return presentClaim(claim, actor)
    })
}
