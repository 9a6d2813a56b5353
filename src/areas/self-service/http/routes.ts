import { randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { registrationToday } from '../../../flows/registration-context.js'
import { sinkAdapters } from '../../../flows/notification-schedule.js'
import { workerRecord } from '../../../flows/worker-record.js'
import { requestSignInCode, signOutWorker, verifySignInCode, workerOfToken } from '../../../flows/worker-sign-in.js'
import { DomainError } from '../../../kernel/errors.js'
import { errorBodySchema } from '../../../platform/http/error-reply.js'
import type { App } from '../../../platform/http/types.js'
import { writeAudit } from '../../access/index.js'
import { receiptPdfFile } from '../../contributions/index.js'
import { optOutsOf, setOptOut } from '../../notifications/index.js'
import { findParticipantById } from '../../participants/index.js'
import { workerMay, type WorkerPrincipal } from '../domain/index.js'
import * as s from './schemas.js'

export const WORKER_COOKIE = 'semesta_peserta'
const tags = ['self-service']
const security: Array<Record<string, string[]>> = [{ workerCookie: [] }]
/** Without a configured secret, codes and identifiers are keyed per process (a restart voids pending codes, nothing else). */
const processKey = randomBytes(32).toString('hex')

declare module 'fastify' {
  interface FastifyRequest {
    worker?: WorkerPrincipal
  }
}

/** The worker's own pages' API under /api/v1/self: sign-in with a one-time code, then only their own record. */
export default async function selfServiceRoutes(app: App): Promise<void> {
  const { ctx } = app
  const key = ctx.config.sessionSecret ?? processKey
  const adapters = sinkAdapters(ctx.config.dataDir, app.log)
  const cookie = { path: '/api/v1/self', httpOnly: true, sameSite: 'strict' as const, secure: ctx.config.env === 'production' }
  const requireWorker = async (request: FastifyRequest) => {
    const w = await workerOfToken(ctx.sql, request.cookies[WORKER_COOKIE], ctx.now())
    if (!w) throw new DomainError('unauthenticated', 'Silakan masuk dengan NIK/KPJ dan kode sekali pakai.')
    request.worker = w
  }
  const me = (request: FastifyRequest): WorkerPrincipal => request.worker as WorkerPrincipal

  app.post('/api/v1/self/sign-in', { schema: { tags, summary: 'Langkah 1: NIK atau KPJ + tanggal lahir; kode 6 digit dikirim ke nomor HP terdaftar (jawaban sama bila tidak cocok)', body: s.signInBody, response: { 200: s.signInResponse, 429: errorBodySchema } } },
    async (request) => requestSignInCode(ctx.sql, { ...request.body, requestId: request.id }, ctx.now(), { key, newId: ctx.newId, adapters }))

  app.post('/api/v1/self/verify', { schema: { tags, summary: 'Langkah 2: kode sekali pakai → sesi pekerja (cookie semesta_peserta), hanya untuk data sendiri', body: s.verifyBody, response: { 200: s.verifyResponse, 401: errorBodySchema } } },
    async (request, reply) => {
      const session = await verifySignInCode(ctx.sql, { ...request.body, requestId: request.id }, ctx.now(), { key })
      reply.setCookie(WORKER_COOKIE, session.token, { ...cookie, expires: session.expiresAt })
      return { signedIn: true as const, expiresAt: session.expiresAt.toISOString() }
    })

  app.post('/api/v1/self/sign-out', { schema: { tags, summary: 'Keluar dari sesi pekerja', response: { 204: z.null() } } }, async (request, reply) => {
    await signOutWorker(ctx.sql, request.cookies[WORKER_COOKIE])
    reply.clearCookie(WORKER_COOKIE, cookie)
    return reply.code(204).send(null)
  })

  app.get('/api/v1/self/me', { preHandler: requireWorker, schema: { tags, security, summary: 'Data saya: status, terlindungi sampai, tunggakan, cara bayar, kuitansi, manfaat keluarga', response: { 200: s.workerRecordResponse, 401: errorBodySchema } } },
    async (request) => {
      const p = await findParticipantById(ctx.sql, me(request).participantId)
      if (!p || !workerMay(me(request), 'self.record.read', { participantId: p.id })) throw new DomainError('not_found', 'Peserta tidak ditemukan.')
      return workerRecord(ctx.sql, p.id, registrationToday(ctx.now(), p.regencyCode))
    })

  app.get('/api/v1/self/receipts/:receiptNo.pdf', { preHandler: requireWorker, schema: { tags, security, summary: 'Bukti bayar saya (PDF); bukti orang lain: 404', params: s.receiptParams, produces: ['application/pdf'] } },
    async (request, reply) => {
      const file = await receiptPdfFile(ctx.sql, request.params.receiptNo, (p) => workerMay(me(request), 'self.receipt.read', { participantId: p.id }))
      if (!file) {
        await writeAudit(ctx.sql, { actor: null, action: 'self.read_refused', subjectType: 'receipt', subjectId: null, requestId: request.id, details: { participantId: me(request).participantId } })
        throw new DomainError('not_found', 'Bukti bayar tidak ditemukan.')
      }
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${request.params.receiptNo}.pdf"`).header('cache-control', 'private, no-store').send(file.pdf)
    })

  app.put('/api/v1/self/opt-outs', { preHandler: requireWorker, schema: { tags, security, summary: 'Berhenti (atau mulai lagi) menerima pengingat per kanal', body: s.optOutBody, response: { 200: s.optOutResponse, 401: errorBodySchema } } },
    async (request) => {
      const id = me(request).participantId
      if (!workerMay(me(request), 'self.opt_out.write', { participantId: id })) throw new DomainError('forbidden', 'Tidak diizinkan.')
      await ctx.sql.transaction(async (tx) => {
        await setOptOut(tx, id, request.body.channel, request.body.optedOut, ctx.now())
        await writeAudit(tx, { actor: null, action: 'notification.opt_out', subjectType: 'participant', subjectId: id, requestId: request.id, details: { channel: request.body.channel, optedOut: request.body.optedOut, by: 'self' } })
      })
      return { optOuts: (await optOutsOf(ctx.sql, [id])).get(id) ?? [] }
    })
}
